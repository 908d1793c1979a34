package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's comparison is like for like, with the fixture synced from 2026-08-01 to the
 * clock's 2026-11-15 17:00 UTC (12:00 in Bogota): a period under way against the same days of the
 * previous calendar unit, a closed month against the whole month before, a side never synced as
 * "sin datos" (null), never 0.
 */
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class LikeForLikeApiTest {

    private static final String PASSWORD = "admin-pw-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(registry, "wh_dashboard_like", new String[] {"ada", "admin", PASSWORD, "*"});
    }

    private static boolean synced;

    @Autowired
    MockMvc mvc;

    @Autowired
    JobRunner sync;

    @BeforeEach
    void syncOnce() {
        if (!synced) {
            DashboardFixture.syncBoth(sync);
            synced = true;
        }
    }

    private JsonNode api(String path) throws Exception {
        return ExportJson.parse(mvc.perform(get(URI.create(path)).with(httpBasic("ada", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** key: current | previous | change, as the API sends them ("null" for no figure). */
    private static Map<String, String> rows(JsonNode comparison) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (JsonNode r : comparison.get("rows")) {
            rows.put(
                    r.get("key").asString(),
                    text(r.get("current")) + " | " + text(r.get("previous")) + " | " + text(r.get("changePercent")));
        }
        return rows;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asString();
    }

    @Test
    void thisMonthIsComparedWithTheSameDaysOfTheMonthBefore() throws Exception {
        JsonNode comparison = api("/api/dashboard/comparison?source=acme&preset=this-month");

        assertThat(comparison.get("label").asString())
                .isEqualTo("1–15 nov. hasta 12:00 frente a 1–15 oct. (días completos)");
        assertThat(comparison.at("/currentPeriod/from").asString()).isEqualTo("2026-11-01");
        assertThat(comparison.at("/currentPeriod/to").asString()).isEqualTo("2026-11-15");
        assertThat(comparison.at("/previousPeriod/from").asString()).isEqualTo("2026-10-01");
        assertThat(comparison.at("/previousPeriod/to").asString()).isEqualTo("2026-10-15");
        assertThat(comparison.get("cut").asString()).isEqualTo("12:00");
        assertThat(comparison.get("partial").asBoolean()).isTrue();
        // usage by day: November 1-15 against October 1-15, each side's seats prorated over its 15 days
        assertThat(rows(comparison))
                .containsExactly(
                        Map.entry("sms_out", "518 | 562 | -7.8"),
                        Map.entry("email_out", "244 | 285 | -14.4"),
                        Map.entry("whatsapp_out", "840 | 964 | -12.9"),
                        Map.entry("whatsapp_in", "975 | 1065 | -8.5"),
                        Map.entry("voice_minutes", "703 | 742 | -5.3"),
                        Map.entry("video_minutes", "262 | 288 | -9.0"),
                        Map.entry("bot_sessions", "62 | 69 | -10.1"),
                        Map.entry("billable_users", "35 | 36 | -2.8"),
                        Map.entry("total", "1640380.00 | 1675077.02 | -2.1"));
        assertThat(api("/api/dashboard/consumption?source=acme&preset=this-month")
                        .get("comparison"))
                .isEqualTo(comparison);
    }

    @Test
    void lastMonthIsComparedWithTheWholeMonthBeforeIt() throws Exception {
        JsonNode comparison = api("/api/dashboard/comparison?source=acme&preset=last-month");

        assertThat(comparison.get("label").asString()).isEqualTo("1–31 oct. frente a 1–30 sept.");
        assertThat(comparison.at("/previousPeriod/from").asString()).isEqualTo("2026-09-01");
        assertThat(comparison.at("/previousPeriod/to").asString()).isEqualTo("2026-09-30");
        assertThat(comparison.get("partial").asBoolean()).isFalse();
        assertThat(comparison.get("cut").isNull()).isTrue();
        assertThat(rows(comparison))
                .containsExactly(
                        Map.entry("sms_out", "1196 | 1060 | 12.8"),
                        Map.entry("email_out", "555 | 521 | 6.5"),
                        Map.entry("whatsapp_out", "1868 | 1695 | 10.2"),
                        Map.entry("whatsapp_in", "2206 | 2038 | 8.2"),
                        Map.entry("voice_minutes", "1510 | 1493 | 1.1"),
                        Map.entry("video_minutes", "455 | 298 | 52.7"),
                        Map.entry("bot_sessions", "140 | 130 | 7.7"),
                        Map.entry("billable_users", "36 | 34 | 5.9"),
                        Map.entry("total", "3395177.50 | 3103582.50 | 9.4"));
    }

    @Test
    void todayIsComparedWithYesterday() throws Exception {
        JsonNode comparison = api("/api/dashboard/comparison?source=acme&preset=today");

        assertThat(comparison.get("label").asString())
                .isEqualTo("15 nov. hasta 12:00 frente a 14 nov. (días completos)");
        assertThat(comparison.at("/previousPeriod/from").asString()).isEqualTo("2026-11-14");
        assertThat(comparison.get("partial").asBoolean()).isTrue();
        assertThat(rows(comparison))
                .containsEntry("sms_out", "8 | 32 | -75.0")
                .containsEntry("total", "89687.50 | 100072.50 | -10.4");
    }

    @Test
    void aPreviousPeriodNeverSyncedHasNoFiguresRatherThanZeros() throws Exception {
        JsonNode comparison = api("/api/dashboard/comparison?source=acme&preset=custom&from=2026-08-01&to=2026-08-10");

        assertThat(comparison.get("label").asString()).isEqualTo("1–10 ago. frente a 22–31 jul.");
        assertThat(comparison.get("currentSynced").asBoolean()).isTrue();
        assertThat(comparison.get("previousSynced").asBoolean()).isFalse();
        assertThat(rows(comparison))
                .containsEntry("sms_out", "0 | null | null")
                .containsEntry("billable_users", "35 | null | null")
                .containsEntry("total", "800000.00 | null | null")
                .hasSize(9);
        assertThat(rows(comparison).values()).allSatisfy(row -> assertThat(row).endsWith(" | null | null"));
    }

    @Test
    void bucketsStillToComeAreAbsentAndPartialOnesAreMarked() throws Exception {
        JsonNode consumption = api("/api/dashboard/consumption?source=acme&preset=this-month&groupBy=week");

        // November by week at Sunday the 15th: Nov 1 (clipped), Nov 2-8, Nov 9-15 (under way); Nov 16 on to come
        assertThat(ExportJson.elements(consumption.get("buckets")).stream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("2026-11-01", "2026-11-02", "2026-11-09");
        assertThat(ExportJson.elements(consumption.get("bucketDetails")).stream()
                        .map(b ->
                                b.get("first").asString() + ".." + b.get("last").asString() + " "
                                        + b.get("partial").asBoolean())
                        .toList())
                .containsExactly(
                        "2026-11-01..2026-11-01 true", "2026-11-02..2026-11-08 false", "2026-11-09..2026-11-15 true");
        for (JsonNode series : consumption.get("services")) {
            assertThat(series.get("units").size()).isEqualTo(3);
        }
        for (JsonNode role : consumption.get("usersByRole")) {
            assertThat(role.get("users").size()).isEqualTo(3);
        }
        // the week's units are the comparison's November 1-15 units, bucket by bucket summed
        long sms = ExportJson.elements(consumption.get("services")).stream()
                .filter(x -> x.get("key").asString().equals("sms_out"))
                .findFirst()
                .orElseThrow()
                .get("units")
                .valueStream()
                .mapToLong(JsonNode::asLong)
                .sum();
        assertThat(sms).isEqualTo(518);

        JsonNode summary = api("/api/dashboard/summary?source=acme&preset=this-month");
        assertThat(summary.get("daysSynced").asLong()).isEqualTo(15);
        assertThat(summary.get("daysBegun").asLong()).isEqualTo(15);
        assertThat(summary.at("/period/days").asLong()).isEqualTo(30);
        assertThat(summary.get("usageSynced").asBoolean()).isTrue();
    }

    @Test
    void aPeriodNeverSyncedSaysSoAndShowsTheSeatsOnly() throws Exception {
        JsonNode summary = api("/api/dashboard/summary?source=acme&preset=custom&from=2026-07-01&to=2026-07-31");

        assertThat(summary.get("daysSynced").asLong()).isZero();
        assertThat(summary.get("daysBegun").asLong()).isEqualTo(31);
        assertThat(summary.get("usageSynced").asBoolean()).isFalse();
        JsonNode services = api("/api/dashboard/services?source=acme&preset=custom&from=2026-07-01&to=2026-07-31");
        // no usage: the estimate is the seats alone
        assertThat(services.get("servicesTotal").asString()).isEqualTo("0.00");
        assertThat(services.get("total").asString())
                .isEqualTo(services.get("seatsTotal").asString());
    }
}
