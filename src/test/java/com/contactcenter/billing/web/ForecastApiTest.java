package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.support.SteadyTenant;
import com.contactcenter.billing.support.WeeklyTenant;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/dashboard/forecast} on a tenant with a weekly rhythm, figures worked out by hand.
 * The clock stands at Sunday 2026-11-15 12:00 in Bogota, when the tenant is synced: today is half
 * over. Eight weeks before it (Sep 20 - Nov 14) hold, per day, outgoing SMS: 10 on weekdays, 4 on
 * Saturdays, 2 on Sundays; outgoing WhatsApp: 5 on Tuesday to Friday, 1 on Saturdays, none on
 * Sundays, and on the eight Mondays from Sep 21 3, 7, 7, 3, 3, 7, 7, 3 (mean 5, no trend). Today holds
 * one SMS at 10:00, and one stamped after the as-of, which the sync leaves out. Three agents at
 * 80,000 COP a month, SMS at 50, WhatsApp at 120.
 */
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class ForecastApiTest {

    private static final String PASSWORD = "forecast-pw-1";
    private static final String STEADY = "steady";
    private static final LocalDate TODAY = DashboardFixture.TODAY;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(
                registry,
                "wh_forecast_api",
                new String[] {"ada", "admin", PASSWORD, "*"},
                new String[] {"steady-admin", "admin", PASSWORD, STEADY},
                new String[] {"edge-admin", "admin", PASSWORD, DashboardFixture.EDGE});
        registry.add("billing.sources[2].name", () -> STEADY);
        registry.add("billing.sources[2].url", () -> SourceDatabases.h2Url("forecast_steady_src"));
        registry.add("billing.sources[2].username", () -> "sa");
        registry.add("billing.sources[2].time-zone", () -> "America/Bogota");
    }

    private static boolean synced;

    @Autowired
    MockMvc mvc;

    @Autowired
    JobRunner jobs;

    @BeforeEach
    void syncOnce() {
        if (synced) {
            return;
        }
        WeeklyTenant tenant = SteadyTenant.upTo(TODAY).messages(1, Instant.parse("2026-11-15T20:00:00Z"), 1);
        SourceDatabases.loadH2Script("forecast_steady_src", tenant.sql(3));
        SyncOutcome outcome =
                jobs.sync(List.of(STEADY), new SyncWindow(LocalDate.parse("2026-09-20"), TODAY), Requester.cli());
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        synced = true;
    }

    @Test
    void projectsTheMonthToItsEndWithAnEightyPercentInterval() throws Exception {
        // when
        JsonNode forecast = api("/api/dashboard/forecast?source=steady&preset=this-month", admin("ada"));

        // then
        assertThat(forecast.at("/period/from").asString()).isEqualTo("2026-11-01");
        assertThat(forecast.at("/period/to").asString()).isEqualTo("2026-11-30");
        assertThat(forecast.at("/period/timeZone").asString()).isEqualTo("America/Bogota");
        assertThat(forecast.at("/period/endUtc").asString()).isEqualTo("2026-12-01T05:00:00Z");
        assertThat(forecast.get("asOf").asString()).isEqualTo(DashboardFixture.NOW);
        assertThat(forecast.get("open").asBoolean()).isTrue();
        assertThat(forecast.get("message").isNull()).isTrue();
        assertThat(forecast.get("method").asString()).isEqualTo("weekday-trend");
        // the twelve weeks before today hold the eight synced ones
        assertThat(forecast.get("daysOfHistory").asInt()).isEqualTo(56);
        // half of today and Nov 16-30
        assertThat(forecast.get("daysToCome").asDouble()).isEqualTo(15.5);
        assertThat(forecast.get("currency").asString()).isEqualTo("COP");
        // SMS: Nov 1-14 112 and today 1 so far; to come half a Sunday 1, 11 weekdays 110, 2 Saturdays 8,
        // 2 Sundays 4: 236, no spread
        assertThat(services(forecast))
                .containsExactly(
                        "sms_out 113 236 236 236",
                        "email_out 0 0 0 0",
                        "whatsapp_out 52 109 103 115",
                        "whatsapp_in 0 0 0 0",
                        "voice_minutes 0 0 0 0",
                        "video_minutes 0 0 0 0",
                        "bot_sessions 0 0 0 0");
        // WhatsApp: Nov 1-14 7 + 20 + 1 + 3 + 20 + 1 = 52 so far; to come 3 Mondays 15, 8 days Tue-Fri 40,
        // 2 Saturdays 2: 109. Only Mondays scatter, 0.4 off their mean: 8 x 0.4² / (48 days used on Monday to
        // Saturday - 6 means - 1 trend) = 1.28/41; variance 1.28/41 x (own: 11 x 5² + 2 x 1² = 277; means:
        // (15² + 4 x 10² + 2²) / 8 = 78.625; trend: (Σ mean x days from its weekday's middle = 2,047.5)²
        // / 12,348 = 339.51) = 21.70, sd 4.659, x 1.2816 = 5.97: 103.03 .. 114.97
        assertThat(forecast.get("seats").size()).isEqualTo(1);
        assertThat(forecast.at("/seats/0/role").asString()).isEqualTo("Agente");
        assertThat(forecast.at("/seats/0/users").asLong()).isEqualTo(3);
        assertThat(forecast.at("/seats/0/amount").asString()).isEqualTo("240000.00");
        // 240,000 + 236 x 50 + 109 x 120 (103 x 120, 115 x 120)
        assertThat(forecast.at("/total/point").asString()).isEqualTo("264880.00");
        assertThat(forecast.at("/total/low").asString()).isEqualTo("264160.00");
        assertThat(forecast.at("/total/high").asString()).isEqualTo("265600.00");
        // the headline's line: under a million, whole and grouped
        assertThat(forecast.get("headline").asString())
                .isEqualTo("Proyección al cierre: 264.880 COP (264.160–265.600)");
        // grouped by month the period is one bucket, begun: nothing to continue
        assertThat(forecast.get("buckets").size()).isZero();
    }

    @Test
    void projectsEachWeekStillToComeForTheChartsContinuation() throws Exception {
        // when
        JsonNode forecast = api("/api/dashboard/forecast?source=steady&preset=this-month&groupBy=week", admin("ada"));

        // then: the weeks not begun on Sunday Nov 15 (the one ending today is the charts' own), each
        // as its weekdays: SMS 5 x 10 + 4 + 2 = 56 a whole week, WhatsApp Monday's mean 5 + 4 x 5 + 1 + 0
        // = 26; Monday Nov 30 alone SMS 10, WhatsApp 5; the three agents billable in each
        assertThat(buckets(forecast))
                .containsExactly(
                        "2026-11-16..2026-11-22 sms_out=56 whatsapp_out=26 {Agente=3}",
                        "2026-11-23..2026-11-29 sms_out=56 whatsapp_out=26 {Agente=3}",
                        "2026-11-30..2026-11-30 sms_out=10 whatsapp_out=5 {Agente=3}");
        // with today's half Sunday (1 SMS, no WhatsApp) they add up to the point less what is known
        assertThat(56 + 56 + 10 + 1 + 113)
                .isEqualTo(forecast.at("/services/0/point").asLong());
        assertThat(26 + 26 + 5 + 52).isEqualTo(forecast.at("/services/2/point").asLong());
        // every service is named in every bucket, in the services' order
        assertThat(fieldNames(forecast.at("/buckets/0/services")))
                .containsExactly(
                        "sms_out",
                        "email_out",
                        "whatsapp_out",
                        "whatsapp_in",
                        "voice_minutes",
                        "video_minutes",
                        "bot_sessions");
    }

    @Test
    void projectsEachDayStillToCome() throws Exception {
        // when
        JsonNode forecast = api("/api/dashboard/forecast?source=steady&preset=this-month&groupBy=day", admin("ada"));

        // then: Nov 16 to 30, a day each: a Monday, a Saturday, a Sunday as their weekdays
        List<String> days = buckets(forecast);
        assertThat(days).hasSize(15);
        assertThat(days.get(0)).isEqualTo("2026-11-16..2026-11-16 sms_out=10 whatsapp_out=5 {Agente=3}");
        assertThat(days.get(1)).isEqualTo("2026-11-17..2026-11-17 sms_out=10 whatsapp_out=5 {Agente=3}");
        assertThat(days.get(5)).isEqualTo("2026-11-21..2026-11-21 sms_out=4 whatsapp_out=1 {Agente=3}");
        assertThat(days.get(6)).isEqualTo("2026-11-22..2026-11-22 sms_out=2 whatsapp_out=0 {Agente=3}");
        assertThat(days.get(14)).isEqualTo("2026-11-30..2026-11-30 sms_out=10 whatsapp_out=5 {Agente=3}");
    }

    @Test
    void projectsTodayFromItsHoursToCome() throws Exception {
        // when
        JsonNode forecast = api("/api/dashboard/forecast?source=steady", admin("ada"));

        // then: 1 SMS so far and half a Sunday (2) to come; seats 3 x 80,000 x 1/30
        assertThat(forecast.get("preset").asString()).isEqualTo("today");
        assertThat(forecast.get("daysToCome").asDouble()).isEqualTo(0.5);
        assertThat(services(forecast).get(0)).isEqualTo("sms_out 1 2 2 2");
        assertThat(forecast.at("/total/point").asString()).isEqualTo("8100.00");
    }

    @Test
    void aPeriodThatHasEndedAnswersAnEmptyForecastSayingWhy() throws Exception {
        // when
        JsonNode forecast = api("/api/dashboard/forecast?source=steady&preset=last-month", admin("ada"));

        // then
        assertThat(forecast.get("open").asBoolean()).isFalse();
        assertThat(forecast.get("message").asString())
                .isEqualTo("El período del 2026-10-01 al 2026-10-31 ya terminó:"
                        + " su estimación es la cifra final y no hay nada que proyectar.");
        assertThat(forecast.get("services").size()).isZero();
        assertThat(forecast.get("seats").size()).isZero();
        assertThat(forecast.get("total").isNull()).isTrue();
        assertThat(forecast.get("method").isNull()).isTrue();
        assertThat(forecast.get("headline").isNull()).isTrue();
        assertThat(forecast.get("buckets").size()).isZero();
    }

    @Test
    void aTenantsAccountSeesOnlyItsOwnTenant() throws Exception {
        // then: its own tenant by default, another one as if it did not exist
        assertThat(api("/api/dashboard/forecast?preset=this-month", admin("steady-admin"))
                        .get("source")
                        .asString())
                .isEqualTo(STEADY);
        mvc.perform(get("/api/dashboard/forecast?source=edge").with(admin("steady-admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/dashboard/forecast?source=steady").with(admin("edge-admin")))
                .andExpect(status().isNotFound());
        // a tenant never synced has nothing to forecast from
        String body = mvc.perform(get("/api/dashboard/forecast?source=edge").with(admin("ada")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ExportJson.parse(body).get("error").asString())
                .isEqualTo("el cliente 'edge' aún no tiene datos: nunca se ha sincronizado");
        mvc.perform(get("/api/dashboard/forecast?source=steady&preset=yesterday")
                        .with(admin("ada")))
                .andExpect(status().isBadRequest());
    }

    private JsonNode api(String path, RequestPostProcessor account) throws Exception {
        return ExportJson.parse(mvc.perform(get(URI.create(path)).with(account))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static RequestPostProcessor admin(String name) {
        return httpBasic(name, PASSWORD);
    }

    /** Each bucket as "first..last sms_out=N whatsapp_out=N {role=users}"; the other services are asserted zero. */
    private static List<String> buckets(JsonNode forecast) {
        List<String> buckets = new ArrayList<>();
        for (JsonNode b : forecast.get("buckets")) {
            for (String quiet : List.of("email_out", "whatsapp_in", "voice_minutes", "video_minutes", "bot_sessions")) {
                assertThat(b.at("/services/" + quiet).asLong()).as(quiet).isZero();
            }
            StringBuilder roles = new StringBuilder();
            for (String role : fieldNames(b.get("usersByRole"))) {
                roles.append(roles.isEmpty() ? "" : ", ")
                        .append(role)
                        .append('=')
                        .append(b.at("/usersByRole/" + role).asLong());
            }
            buckets.add(b.get("first").asString() + ".." + b.get("last").asString() + " sms_out="
                    + b.at("/services/sms_out").asLong() + " whatsapp_out="
                    + b.at("/services/whatsapp_out").asLong() + " {" + roles + "}");
        }
        return buckets;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    /** Each service as "key soFar point low high". */
    private static List<String> services(JsonNode forecast) {
        List<String> services = new ArrayList<>();
        for (JsonNode s : forecast.get("services")) {
            services.add(s.get("key").asString() + " " + s.get("soFar").asLong() + " "
                    + s.get("point").asLong() + " " + s.get("low").asLong() + " "
                    + s.get("high").asLong());
        }
        return services;
    }
}
