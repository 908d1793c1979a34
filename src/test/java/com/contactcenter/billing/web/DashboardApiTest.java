package com.contactcenter.billing.web;

import static com.contactcenter.billing.support.DashboardFixture.ACME;
import static com.contactcenter.billing.support.DashboardFixture.EDGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Every section of the dashboard's JSON API against the snapshot export it is read from, for every
 * filter: presets resolved in the tenant's zone, custom ranges, group-by, search, sort and pages,
 * the user detail, the comparison with the previous period, downloads by snapshot id, bad input.
 */
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class DashboardApiTest {

    private static final String PASSWORD = "admin-pw-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(
                registry, "wh_dashboard_api", new String[] {"ada", "admin", PASSWORD, "*"}, new String[] {
                    "edge-admin", "admin", PASSWORD, EDGE
                });
        registry.add("billing.sync.max-days-per-request", () -> "31");
    }

    private static boolean synced;

    @Autowired
    MockMvc mvc;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    JobRunner sync;

    @Autowired
    JdbcTemplate warehouse;

    @Autowired
    DashboardViews views;

    @BeforeEach
    void syncOnce() {
        if (!synced) {
            DashboardFixture.syncBoth(sync);
            synced = true;
        }
    }

    private static RequestPostProcessor admin() {
        return httpBasic("ada", PASSWORD);
    }

    private JsonNode api(String path) throws Exception {
        // a URI, not a template: the query is sent as written, percent-escapes included
        return ExportJson.parse(mvc.perform(get(URI.create(path)).with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode export(String source, String from, String to, GroupBy groupBy) {
        Snapshot s = snapshots
                .newest(source, LocalDate.parse(from), LocalDate.parse(to), groupBy)
                .orElseThrow();
        return ExportJson.parse(s.document());
    }

    @Test
    void theDefaultViewIsTodayGroupedByMonthWithTheFreshnessOfItsSnapshot() throws Exception {
        // when
        JsonNode summary = api("/api/dashboard/summary?source=acme");

        // then
        JsonNode export = export(ACME, "2026-11-15", "2026-11-15", GroupBy.MONTH);
        assertThat(summary.get("preset").asString()).isEqualTo("today");
        assertThat(summary.get("groupBy").asString()).isEqualTo("month");
        assertThat(summary.at("/period/from").asString()).isEqualTo("2026-11-15");
        assertThat(summary.at("/period/to").asString()).isEqualTo("2026-11-15");
        assertThat(summary.at("/period/startUtc").asString()).isEqualTo("2026-11-15T05:00:00Z");
        assertThat(summary.at("/snapshot/id").asString())
                .isEqualTo(export.at("/snapshot/id").asString());
        // the as-of is the sync's clock, 17:00 UTC, shown in Bogota's time
        assertThat(summary.at("/snapshot/asOf").asString()).isEqualTo("2026-11-15T17:00:00Z");
        assertThat(summary.at("/snapshot/freshness").asString()).isEqualTo("Datos sincronizados hasta las 12:00");
        assertThat(summary.get("usersByRole")).isEqualTo(export.get("usersByRole"));
        assertThat(summary.get("billableUsers").asLong())
                .isEqualTo(export.get("users").size());
        assertThat(summary.get("total").asString())
                .isEqualTo(export.at("/estimate/total").asString());
        assertThat(summary.get("daysSynced").asLong()).isEqualTo(1);
        String id = export.at("/snapshot/id").asString();
        assertThat(summary.at("/snapshot/downloads/xlsx").asString())
                .isEqualTo("/api/dashboard/snapshots/" + id + "/download/xlsx");
        // a version the dashboard makes of a period still open is kept within the intraday limits
        assertThat(warehouse.queryForObject("SELECT origin FROM snapshot WHERE id = ?", String.class, id))
                .isEqualTo("intraday");
        String october = api("/api/dashboard/summary?source=acme&preset=last-month")
                .at("/snapshot/id")
                .asString();
        assertThat(warehouse.queryForObject("SELECT origin FROM snapshot WHERE id = ?", String.class, october))
                .isEqualTo("standard");
    }

    @Test
    void freshnessGivesTheTimeAloneForToday() {
        ZoneId bogota = ZoneId.of("America/Bogota");
        assertThat(views.freshness(Instant.parse("2026-11-15T05:00:00Z"), bogota))
                .isEqualTo("Datos sincronizados hasta las 00:00");
        // a minute before the local midnight is yesterday
        assertThat(views.freshness(Instant.parse("2026-11-15T04:59:00Z"), bogota))
                .isEqualTo("Datos sincronizados hasta 14/11/2026 23:59");
    }

    @Test
    void withoutASourceTheFirstConfiguredOneIsShown() throws Exception {
        assertThat(api("/api/dashboard/summary").get("source").asString()).isEqualTo(ACME);
        assertThat(api("/api/dashboard/sources").toString())
                .isEqualTo(
                        "[{\"name\":\"acme\",\"timeZone\":\"America/Bogota\"},{\"name\":\"edge\",\"timeZone\":\"America/Bogota\"}]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "preset=today, 2026-11-15, 2026-11-15, month",
        "preset=this-week, 2026-11-09, 2026-11-15, month",
        "preset=this-month&groupBy=week, 2026-11-01, 2026-11-30, week",
        "preset=last-month&groupBy=day, 2026-10-01, 2026-10-31, day",
        "preset=custom&from=2026-09-30&to=2026-10-02&groupBy=day, 2026-09-30, 2026-10-02, day",
        "preset=CUSTOM&from=2025-11-16&to=2026-11-15, 2025-11-16, 2026-11-15, month"
    })
    void presetsResolveInTheTenantsZone(String filters, String from, String to, String groupBy) throws Exception {
        JsonNode summary = api("/api/dashboard/summary?source=edge&" + filters);

        assertThat(summary.at("/period/from").asString()).isEqualTo(from);
        assertThat(summary.at("/period/to").asString()).isEqualTo(to);
        assertThat(summary.get("groupBy").asString()).isEqualTo(groupBy);
        assertThat(summary.at("/snapshot/id").asString())
                .isEqualTo(export(EDGE, from, to, GroupBy.parse(groupBy))
                        .at("/snapshot/id")
                        .asString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "preset=yesterday | preset debe ser today, this-week, this-month, last-month o custom, no 'yesterday'",
                "groupBy=year | groupBy debe ser day, week o month, no 'year'",
                "preset=custom&to=2026-10-01 | from es obligatorio (AAAA-MM-DD)",
                "preset=custom&from=2026-10-01&to= | to es obligatorio (AAAA-MM-DD)",
                "preset=custom&from=2026-10-02&to=2026-10-01 | from 2026-10-02 es posterior a to 2026-10-01",
                "preset=custom&from=2026-13-01&to=2026-10-01 | from '2026-13-01' no es una fecha (AAAA-MM-DD)",
                "preset=custom&from=2026-02-30&to=2026-10-01 | from '2026-02-30' no es una fecha (AAAA-MM-DD)",
                "preset=custom&from=2026-10-01&to=2026-10-1 | to '2026-10-1' no es una fecha (AAAA-MM-DD)",
                "preset=custom&from=2025-11-01&to=2026-11-16 | el periodo abarca 381 días; como máximo 366",
                "preset=custom&from=1999-12-31&to=2000-01-01 | from 1999-12-31 es anterior a 2000-01-01, el primer día admitido",
                "preset=custom&from=0000-01-01&to=2026-10-01 | from 0000-01-01 es anterior a 2000-01-01, el primer día admitido",
                "preset=custom&from=2026-11-15&to=2026-11-17 | to 2026-11-17 es posterior a 2026-11-16, mañana en America/Bogota",
                "preset=custom&from=-999999999-01-01&to=2026-10-01 | from '-999999999-01-01' no es una fecha (AAAA-MM-DD)",
                "preset=custom&from=2026-10-01&to=%2B999999999-12-31 | to '+999999999-12-31' no es una fecha (AAAA-MM-DD)",
                "preset=custom&from=%2B999999999-12-01&to=%2B999999999-12-31 | from '+999999999-12-01' no es una fecha (AAAA-MM-DD)"
            })
    void badFiltersAre400NamingTheFilter(String filters, String error) throws Exception {
        for (String section : List.of("summary", "users", "services", "consumption")) {
            String body = mvc.perform(get(URI.create("/api/dashboard/" + section + "?source=edge&" + filters))
                            .with(admin()))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(ExportJson.parse(body).get("error").asString()).isEqualTo(error);
        }
    }

    @Test
    void aTenantsOwnAccountAsksForAtMostTheDaysPerRequestAndPlatformStaffForAYear() throws Exception {
        // given billing.sync.max-days-per-request=31
        String days31 = "/api/dashboard/summary?source=edge&preset=custom&from=2026-10-01&to=2026-10-31";
        String days32 = "/api/dashboard/summary?source=edge&preset=custom&from=2026-09-30&to=2026-10-31";

        // then the tenant's admin gets 31 days and not 32, platform staff 32
        mvc.perform(get(URI.create(days31)).with(httpBasic("edge-admin", PASSWORD)))
                .andExpect(status().isOk());
        String body = mvc.perform(get(URI.create(days32)).with(httpBasic("edge-admin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ExportJson.parse(body).get("error").asString())
                .isEqualTo("el periodo abarca 32 días; como máximo 31");
        assertThat(api(days32).at("/period/from").asString()).isEqualTo("2026-09-30");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "sort=password | sort debe ser id, name, email, role, channels, sessions, messagesSent, calls, callMinutes o lastLoginAt, no 'password'",
                "dir=up | dir debe ser asc o desc, no 'up'",
                "size=0 | page debe ser 1 o más y size entre 1 y 500",
                "size=501 | page debe ser 1 o más y size entre 1 y 500",
                "page=0 | page debe ser 1 o más y size entre 1 y 500"
            })
    void badTableParametersAre400(String parameters, String error) throws Exception {
        String body = mvc.perform(get("/api/dashboard/users?source=edge&preset=last-month&" + parameters)
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ExportJson.parse(body).get("error").asString()).isEqualTo(error);
    }

    @Test
    void anUnknownSourceIs404() throws Exception {
        for (String section : List.of("summary", "users", "users/1", "services", "consumption")) {
            mvc.perform(get("/api/dashboard/" + section + "?source=globex").with(admin()))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void servicesShowEachServicesCountUnitsPriceAndAmountOfTheExport() throws Exception {
        // when
        JsonNode services = api("/api/dashboard/services?source=edge&preset=last-month&groupBy=day");

        // then
        JsonNode export = export(EDGE, "2026-10-01", "2026-10-31", GroupBy.DAY);
        assertThat(services.get("currency").asString()).isEqualTo("COP");
        assertThat(services.get("services").size()).isEqualTo(7);
        BigDecimal servicesTotal = BigDecimal.ZERO;
        for (int i = 0; i < 7; i++) {
            JsonNode shown = services.get("services").get(i);
            JsonNode exported = export.get("services").get(i);
            JsonNode line = ExportJson.elements(export.at("/estimate/lines")).stream()
                    .filter(l -> l.get("kind").asString().equals("service")
                            && l.get("key")
                                    .asString()
                                    .equals(exported.get("key").asString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(shown.get("key").asString())
                    .isEqualTo(exported.get("key").asString());
            assertThat(shown.get("count").asLong())
                    .isEqualTo(exported.get("count").asLong());
            assertThat(shown.get("units").asLong())
                    .isEqualTo(exported.get("units").asLong());
            assertThat(shown.get("unitPrice").asString())
                    .isEqualTo(line.get("unitPrice").asString());
            assertThat(shown.get("amount").asString())
                    .isEqualTo(line.get("amount").asString());
            servicesTotal = servicesTotal.add(new BigDecimal(line.get("amount").asString()));
        }
        assertThat(services.at("/services/0/label").asString()).isEqualTo("SMS salientes");
        assertThat(services.get("servicesTotal").asString()).isEqualTo(servicesTotal.toPlainString());
        // seats: the edge tenant's billable users per role in October, Sin rol unpriced
        assertThat(services.get("seats").toString())
                .isEqualTo(
                        "[{\"role\":\"Administrador\",\"users\":2,"
                                + "\"monthlyPrice\":\"120000.00\",\"amount\":\"240000.00\",\"priced\":true},"
                                + "{\"role\":\"Agente\",\"users\":4,\"monthlyPrice\":\"80000.00\",\"amount\":\"320000.00\",\"priced\":true},"
                                + "{\"role\":\"Sin rol\",\"users\":2,\"monthlyPrice\":\"0.00\",\"amount\":\"0.00\",\"priced\":false}]");
        assertThat(services.get("seatsTotal").asString()).isEqualTo("560000.00");
        assertThat(services.get("total").asString())
                .isEqualTo(export.at("/estimate/total").asString())
                .isEqualTo(servicesTotal.add(new BigDecimal("560000.00")).toPlainString());
    }

    @Test
    void theUserTableIsSearchableSortableAndPaginated() throws Exception {
        String base = "/api/dashboard/users?source=edge&preset=last-month&groupBy=day";
        JsonNode export = export(EDGE, "2026-10-01", "2026-10-31", GroupBy.DAY);

        // every billable user, by name (a Spanish collator: symbols first, case ignored), 25 a page
        JsonNode all = api(base);
        assertThat(all.get("total").asLong()).isEqualTo(8);
        assertThat(all.get("pages").asInt()).isEqualTo(1);
        assertThat(ids(all)).containsExactly(10L, 2L, 1L, 4L, 6L, 8L, 7L, 11L);
        for (JsonNode row : all.get("rows")) {
            JsonNode exported = ExportJson.elements(export.get("users")).stream()
                    .filter(u -> u.get("id").asLong() == row.get("id").asLong())
                    .findFirst()
                    .orElseThrow();
            for (String field : List.of(
                    "name",
                    "email",
                    "role",
                    "channels",
                    "sessions",
                    "messagesSent",
                    "calls",
                    "callMinutes",
                    "lastLoginAt")) {
                assertThat(row.get(field)).as(field).isEqualTo(exported.get(field));
            }
        }

        // sorted by a figure, descending, ties by id
        assertThat(ids(api(base + "&sort=messagesSent&dir=desc"))).containsExactly(1L, 10L, 11L, 2L, 4L, 6L, 7L, 8L);
        // search in name, email and role, case-insensitive
        assertThat(ids(api(base + "&q=GHOST"))).containsExactly(8L);
        assertThat(ids(api(base + "&q=sin%20rol&sort=id"))).containsExactly(7L, 8L);
        assertThat(ids(api(base + "&q=%3Cscript%3E"))).containsExactly(10L);
        assertThat(api(base + "&q=%3Cscript%3E").at("/rows/0/name").asString()).isEqualTo("<script>alert(1)</script>");
        assertThat(api(base + "&q=nobody-matches").get("total").asLong()).isZero();

        // pages of 3: the third holds the last two
        JsonNode third = api(base + "&sort=id&size=3&page=3");
        assertThat(third.get("pages").asInt()).isEqualTo(3);
        assertThat(ids(third)).containsExactly(10L, 11L);
        assertThat(ids(api(base + "&sort=id&size=3&page=9"))).isEmpty();
    }

    @Test
    void aUsersDetailListsTheChannelsAssignedAndTheActivityPerBucket() throws Exception {
        // when
        JsonNode detail = api("/api/dashboard/users/1?source=edge&preset=last-month&groupBy=week");

        // then: channel 1, and 3 assigned 1 ms before the end; 99 does not exist
        assertThat(detail.get("assignedChannels").toString())
                .isEqualTo("[{\"channelId\":1,\"name\":\"WhatsApp Ventas\",\"type\":\"whatsapp\"},"
                        + "{\"channelId\":3,\"name\":\"SMS Cobranza\",\"type\":\"sms\"}]");
        JsonNode export = export(EDGE, "2026-10-01", "2026-10-31", GroupBy.WEEK);
        JsonNode exported = export.get("users").get(0);
        assertThat(detail.at("/user/id").asLong()).isEqualTo(1);
        assertThat(detail.at("/user/name").asString()).isEqualTo("Ana Pérez");
        assertThat(detail.get("activity")).isEqualTo(exported.get("activity"));
        assertThat(ExportJson.elements(detail.get("activity")).stream()
                        .map(a -> a.get("bucket").asString())
                        .toList())
                .containsExactly("2026-10-01", "2026-10-05", "2026-10-12", "2026-10-26");

        // a user who is not billable in the period has no detail
        mvc.perform(get("/api/dashboard/users/3?source=edge&preset=last-month").with(admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void consumptionFollowsTheExportsSeriesAndComparesWithThePreviousPeriodOfTheSameLength() throws Exception {
        // when
        JsonNode consumption = api("/api/dashboard/consumption?source=acme&preset=last-month&groupBy=week");

        // then
        JsonNode export = export(ACME, "2026-10-01", "2026-10-31", GroupBy.WEEK);
        List<String> buckets = List.of("2026-10-01", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26");
        assertThat(ExportJson.elements(consumption.get("buckets")).stream()
                        .map(JsonNode::asString)
                        .toList())
                .isEqualTo(buckets);
        for (JsonNode series : consumption.get("services")) {
            String key = series.get("key").asString();
            for (int i = 0; i < buckets.size(); i++) {
                assertThat(series.get("units").get(i).asLong())
                        .as(key + " " + buckets.get(i))
                        .isEqualTo(ExportJson.seriesEntry(export, buckets.get(i), key)
                                .get("units")
                                .asLong());
            }
        }
        for (JsonNode role : consumption.get("usersByRole")) {
            for (int i = 0; i < buckets.size(); i++) {
                String bucket = buckets.get(i);
                long exported = ExportJson.elements(export.get("usersByRoleSeries")).stream()
                        .filter(s -> s.get("bucket").asString().equals(bucket)
                                && s.get("role")
                                        .asString()
                                        .equals(role.get("role").asString()))
                        .mapToLong(s -> s.get("users").asLong())
                        .sum();
                assertThat(role.get("users").get(i).asLong()).isEqualTo(exported);
            }
        }
        // WhatsApp per channel, in and out, as exported
        assertThat(consumption.get("whatsapp").size())
                .isEqualTo(export.get("whatsapp").size())
                .isPositive();
        for (int i = 0; i < export.get("whatsapp").size(); i++) {
            JsonNode shown = consumption.get("whatsapp").get(i);
            JsonNode exported = export.get("whatsapp").get(i);
            assertThat(shown.get("channel")).isEqualTo(exported.get("channel"));
            assertThat(shown.get("inbound").asLong())
                    .isEqualTo(exported.get("inbound").asLong());
            assertThat(shown.get("outbound").asLong())
                    .isEqualTo(exported.get("outbound").asLong());
        }

        // last month is compared with the calendar month before it: October with September, whole
        JsonNode comparison = consumption.get("comparison");
        assertThat(comparison.get("partial").asBoolean()).isFalse();
        assertThat(api("/api/dashboard/consumption?source=acme&preset=this-week")
                        .at("/comparison/partial")
                        .asBoolean())
                .isTrue();
        assertThat(comparison.at("/previousPeriod/from").asString()).isEqualTo("2026-09-01");
        assertThat(comparison.at("/previousPeriod/to").asString()).isEqualTo("2026-09-30");
        JsonNode previous = export(ACME, "2026-09-01", "2026-09-30", GroupBy.WEEK);
        assertThat(comparison.get("previousSnapshotId").asString())
                .isEqualTo(previous.at("/snapshot/id").asString());
        Map<String, JsonNode> rows = ExportJson.elements(comparison.get("rows")).stream()
                .collect(Collectors.toMap(r -> r.get("key").asString(), r -> r));
        assertThat(rows).hasSize(9);
        for (JsonNode s : export.get("services")) {
            String key = s.get("key").asString();
            long was = ExportJson.elements(previous.get("services")).stream()
                    .filter(p -> p.get("key").asString().equals(key))
                    .findFirst()
                    .orElseThrow()
                    .get("units")
                    .asLong();
            assertChange(rows.get(key), BigDecimal.valueOf(s.get("units").asLong()), BigDecimal.valueOf(was));
        }
        assertChange(
                rows.get("billable_users"),
                BigDecimal.valueOf(export.get("users").size()),
                BigDecimal.valueOf(previous.get("users").size()));
        assertChange(
                rows.get("total"),
                new BigDecimal(export.at("/estimate/total").asString()),
                new BigDecimal(previous.at("/estimate/total").asString()));
    }

    private static void assertChange(JsonNode row, BigDecimal current, BigDecimal previous) {
        assertThat(new BigDecimal(row.get("current").asString())).isEqualByComparingTo(current);
        assertThat(new BigDecimal(row.get("previous").asString())).isEqualByComparingTo(previous);
        if (previous.signum() == 0) {
            assertThat(row.get("changePercent").isNull()).isTrue();
        } else {
            assertThat(row.get("changePercent").asString())
                    .isEqualTo(current.subtract(previous)
                            .multiply(BigDecimal.valueOf(100))
                            .divide(previous, 1, RoundingMode.HALF_UP)
                            .toPlainString());
        }
    }

    @Test
    void aChangeFromZeroHasNoPercentAndChangesAreRoundedHalfUpToOneDecimal() {
        assertThat(DashboardViews.change("x", "x", BigDecimal.ONE, BigDecimal.ZERO)
                        .changePercent())
                .isNull();
        assertThat(DashboardViews.change("x", "x", BigDecimal.valueOf(2), BigDecimal.valueOf(3))
                        .changePercent())
                .isEqualTo("-33.3");
        assertThat(DashboardViews.change("x", "x", BigDecimal.valueOf(1001), BigDecimal.valueOf(2000))
                        .changePercent())
                .isEqualTo("-50.0");
        assertThat(DashboardViews.change("x", "x", BigDecimal.valueOf(3), BigDecimal.valueOf(8))
                        .changePercent())
                .isEqualTo("-62.5");
        assertThat(DashboardViews.change("x", "x", BigDecimal.valueOf(7), BigDecimal.valueOf(6))
                        .changePercent())
                .isEqualTo("16.7");
        assertThat(DashboardViews.change("x", "x", BigDecimal.valueOf(6), BigDecimal.valueOf(5))
                        .changePercent())
                .isEqualTo("20.0");
    }

    @Test
    void downloadsAreLookedUpBySnapshotId() throws Exception {
        JsonNode summary = api("/api/dashboard/summary?source=edge&preset=last-month");
        String id = summary.at("/snapshot/id").asString();
        Snapshot snapshot = snapshots.byId(id).orElseThrow();

        List<Path> foldersBefore = downloadFolders();
        MvcResult json = mvc.perform(
                        get(summary.at("/snapshot/downloads/json").asString()).with(admin()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(json.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(snapshot.document());
        assertThat(json.getResponse().getHeader("Content-Disposition"))
                .contains("billing-estimate_edge_2026-10-01_2026-10-31.json");

        byte[] xlsx = download(summary.at("/snapshot/downloads/xlsx").asString());
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        byte[] pdf = download(summary.at("/snapshot/downloads/pdf").asString());
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // the rendered files' temporary folders are gone once sent
        assertThat(downloadFolders()).isEqualTo(foldersBefore);

        for (String unknown :
                List.of("00000000-0000-0000-0000-000000000000", "billing-estimate_edge_2026-10-01_2026-10-31")) {
            mvc.perform(get(URI.create("/api/dashboard/snapshots/" + unknown + "/download/pdf"))
                            .with(admin()))
                    .andExpect(status().isNotFound());
        }
        // a path in the id never reaches the lookup: the firewall refuses encoded slashes and dots
        for (String path : List.of("..%2F..%2Fetc%2Fpasswd", "%2E%2E")) {
            mvc.perform(get(URI.create("/api/dashboard/snapshots/" + path + "/download/pdf"))
                            .with(admin()))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/dashboard/snapshots/" + id + "/download/exe").with(admin()))
                .andExpect(status().isBadRequest());
    }

    private byte[] download(String path) throws Exception {
        return mvc.perform(get(path).with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static List<Path> downloadFolders() throws java.io.IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("billing-download"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aPageLoadReadsSnapshotsAndTheWarehouseNeverTheTenantsDatabase() throws Exception {
        // given: the edge tenant's database is gone
        SourceDatabases.execute(SourceDatabases.h2("dash_edge_src"), List.of("DROP ALL OBJECTS"));
        try {
            // when: every section of a view never computed before is asked for
            String view = "source=edge&preset=custom&from=2026-10-03&to=2026-10-09&groupBy=day";
            JsonNode summary = api("/api/dashboard/summary?" + view);
            api("/api/dashboard/users?" + view);
            api("/api/dashboard/users/1?" + view);
            api("/api/dashboard/services?" + view);
            api("/api/dashboard/consumption?" + view);

            // then: all answered, from a snapshot of the warehouse
            assertThat(summary.get("daysSynced").asLong()).isEqualTo(7);
            assertThat(summary.at("/snapshot/id").asString())
                    .isEqualTo(export(EDGE, "2026-10-03", "2026-10-09", GroupBy.DAY)
                            .at("/snapshot/id")
                            .asString());
        } finally {
            SourceDatabases.loadH2("dash_edge_src", EdgeTenantFixture.SQL);
        }
    }

    @Test
    void aReSyncOfThePeriodMakesTheNextVersionOnScreenAndNothingElseDoes() throws Exception {
        // given
        String view = "/api/dashboard/summary?source=edge&preset=custom&from=2026-10-10&to=2026-10-20&groupBy=week";
        JsonNode first = api(view);
        assertThat(api(view).at("/snapshot/id")).isEqualTo(first.at("/snapshot/id"));

        // when: one day of the period is synced again
        assertThat(sync.sync(
                                List.of(EDGE),
                                new SyncWindow(LocalDate.parse("2026-10-15"), LocalDate.parse("2026-10-15")),
                                Requester.cli())
                        .succeeded())
                .isTrue();

        // then: the page shows the next version, read from the runs the warehouse now holds
        JsonNode second = api(view);
        assertThat(second.at("/snapshot/version").asInt())
                .isEqualTo(first.at("/snapshot/version").asInt() + 1);
        Snapshot newest = snapshots
                .newest(EDGE, LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-20"), GroupBy.WEEK)
                .orElseThrow();
        assertThat(second.at("/snapshot/id").asString()).isEqualTo(newest.id());
        assertThat(api(view).at("/snapshot/id").asString()).isEqualTo(newest.id());
    }

    @Test
    void everySectionReadsTheVersionTheSummaryNamedEvenAfterASync() throws Exception {
        // given: the summary names the version on screen
        String view = "source=edge&preset=custom&from=2026-10-20&to=2026-10-26&groupBy=day";
        JsonNode summary = api("/api/dashboard/summary?" + view);
        String shown = summary.at("/snapshot/id").asString();

        // when: a sync of the period lands before the other sections are asked for
        assertThat(sync.sync(
                                List.of(EDGE),
                                new SyncWindow(LocalDate.parse("2026-10-22"), LocalDate.parse("2026-10-22")),
                                Requester.cli())
                        .succeeded())
                .isTrue();

        // then: with the id they read that version; without it, the current one
        Snapshot old = snapshots.byId(shown).orElseThrow();
        JsonNode oldExport = ExportJson.parse(old.document());
        JsonNode services = api("/api/dashboard/services?" + view + "&snapshot=" + shown);
        assertThat(services.get("total").asString())
                .isEqualTo(oldExport.at("/estimate/total").asString());
        api("/api/dashboard/users?" + view + "&snapshot=" + shown);
        api("/api/dashboard/consumption?" + view + "&snapshot=" + shown);
        assertThat(api("/api/dashboard/summary?" + view).at("/snapshot/version").asInt())
                .isEqualTo(old.version() + 1);

        // a version of another view, or an unknown id, is refused
        for (String other : List.of(
                snapshots
                        .newestOrCompute(
                                EDGE, LocalDate.parse("2026-10-20"), LocalDate.parse("2026-10-26"), GroupBy.WEEK)
                        .id(),
                "00000000-0000-0000-0000-000000000000")) {
            String body = mvc.perform(get(URI.create("/api/dashboard/services?" + view + "&snapshot=" + other))
                            .with(admin()))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(ExportJson.parse(body).get("error").asString())
                    .isEqualTo("no hay ninguna instantánea con ese id para esta vista");
        }
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("rows").forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }
}
