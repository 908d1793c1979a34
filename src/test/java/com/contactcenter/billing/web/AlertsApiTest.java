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
 * {@code GET /api/alerts}, {@code GET /api/dashboard/budget} and the budget lines of the job history
 * on two tenants with the same month as {@code ForecastApiTest}'s, worked out there by hand: 3 agents
 * (240,000.00), 113 SMS at 50 and 52 WhatsApp at 120 so far: 251,890.00; projected 264,880.00 with
 * the interval 264,160.00 - 265,600.00. {@code north}'s budget 264,000 is passed by the point
 * (projected over); {@code south}'s 265,000 only by the high end (at risk); {@code acme} has a budget
 * and was never synced, {@code edge} has none. The clock stands at 2026-11-15 12:00 in Bogota.
 */
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class AlertsApiTest {

    private static final String PASSWORD = "alerts-pw-1";
    private static final String NORTH = "north";
    private static final String SOUTH = "south";
    private static final LocalDate TODAY = DashboardFixture.TODAY;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(
                registry,
                "wh_alerts_api",
                new String[] {"ada", "admin", PASSWORD, "*"},
                new String[] {"north-admin", "admin", PASSWORD, NORTH},
                new String[] {"south-admin", "admin", PASSWORD, SOUTH},
                new String[] {"edge-admin", "admin", PASSWORD, DashboardFixture.EDGE});
        int i = 2;
        for (String name : List.of(NORTH, SOUTH)) {
            String prefix = "billing.sources[" + i++ + "].";
            registry.add(prefix + "name", () -> name);
            registry.add(prefix + "url", () -> SourceDatabases.h2Url("alerts_" + name + "_src"));
            registry.add(prefix + "username", () -> "sa");
            registry.add(prefix + "time-zone", () -> "America/Bogota");
        }
        registry.add("billing.budgets.north", () -> "264000");
        registry.add("billing.budgets.south", () -> "265000.00");
        registry.add("billing.budgets.acme", () -> "1");
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
        for (String name : List.of(NORTH, SOUTH)) {
            WeeklyTenant tenant = SteadyTenant.upTo(TODAY);
            SourceDatabases.loadH2Script("alerts_" + name + "_src", tenant.sql(3));
        }
        SyncOutcome outcome =
                jobs.sync(List.of(NORTH, SOUTH), new SyncWindow(LocalDate.parse("2026-09-20"), TODAY), Requester.cli());
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        synced = true;
    }

    private static final String NORTH_ALERT = "north 2026-11 COP 264000.00 251890.00 264880.00 264160.00 265600.00"
            + " projected_over " + DashboardFixture.NOW;
    private static final String SOUTH_ALERT =
            "south 2026-11 COP 265000.00 251890.00 264880.00 264160.00 265600.00" + " at_risk " + DashboardFixture.NOW;

    @Test
    void platformStaffSeeEveryTenantWithABudgetAndItsState() throws Exception {
        // when
        JsonNode alerts = api("/api/alerts", admin("ada"));

        // then: acme (never synced) and edge (no budget) are left out
        assertThat(alerts(alerts)).containsExactly(NORTH_ALERT, SOUTH_ALERT);
    }

    @Test
    void aTenantsAccountSeesOnlyItsOwnState() throws Exception {
        assertThat(alerts(api("/api/alerts", admin("north-admin")))).containsExactly(NORTH_ALERT);
        assertThat(alerts(api("/api/alerts", admin("south-admin")))).containsExactly(SOUTH_ALERT);
        assertThat(api("/api/alerts", admin("edge-admin")).size()).isZero();
        String north = body("/api/alerts", "north-admin");
        assertThat(north).doesNotContain(SOUTH).doesNotContain("265000");
    }

    @Test
    void theDashboardsBudgetIsOneTenantsStateWithinTheAccountsScope() throws Exception {
        // then
        assertThat(alert(api("/api/dashboard/budget?source=south", admin("ada"))))
                .isEqualTo(SOUTH_ALERT);
        assertThat(alert(api("/api/dashboard/budget", admin("north-admin")))).isEqualTo(NORTH_ALERT);
        // another tenant's, as if it did not exist; one without a budget: no content
        mvc.perform(get("/api/dashboard/budget?source=south").with(admin("north-admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/dashboard/budget?source=nowhere").with(admin("ada")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/dashboard/budget?source=edge").with(admin("edge-admin")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/dashboard/budget?source=acme").with(admin("ada"))).andExpect(status().isNoContent());
    }

    @Test
    void eachChangeIsALineOfTheHistoryOnceAndOnlyForItsTenant() throws Exception {
        // given: asked for again and again after the sync saw the change
        api("/api/alerts", admin("ada"));
        api("/api/alerts", admin("north-admin"));
        api("/api/dashboard/budget?source=north", admin("ada"));

        // when
        List<String> platform = budgetLines(api("/api/jobs?limit=1000", admin("ada")));
        List<String> north = budgetLines(api("/api/jobs?limit=1000", admin("north-admin")));
        List<String> edge = budgetLines(api("/api/jobs?limit=1000", admin("edge-admin")));

        // then: one change per tenant, seen after its sync
        assertThat(platform)
                .containsExactlyInAnyOrder(
                        "north 2026-11 ok -> projected_over 264000.00 251890.00 264880.00 264160.00 265600.00 sync",
                        "south 2026-11 ok -> at_risk 265000.00 251890.00 264880.00 264160.00 265600.00 sync");
        assertThat(north)
                .containsExactly(
                        "north 2026-11 ok -> projected_over 264000.00 251890.00 264880.00 264160.00 265600.00 sync");
        assertThat(edge).isEmpty();
        JsonNode line = ExportJson.elements(api("/api/jobs?limit=1000", admin("north-admin"))).stream()
                .filter(e -> "budgetState".equals(e.get("jobName").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(line.get("requestedAt").asString()).isEqualTo(DashboardFixture.NOW);
        assertThat(line.get("jobExecutionId").isNull()).isFalse();
        assertThat(line.get("deliveredAt").isNull()).isTrue();
        // the sync's own request is still in the history, beside the change
        assertThat(ExportJson.elements(api("/api/jobs?limit=1000", admin("north-admin"))).stream()
                        .filter(e -> "usageSyncJob".equals(e.get("jobName").asString())))
                .hasSize(1);
    }

    private JsonNode api(String path, RequestPostProcessor account) throws Exception {
        return ExportJson.parse(mvc.perform(get(URI.create(path)).with(account))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private String body(String path, String account) throws Exception {
        return mvc.perform(get(URI.create(path)).with(admin(account)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor admin(String name) {
        return httpBasic(name, PASSWORD);
    }

    private static List<String> alerts(JsonNode alerts) {
        List<String> lines = new ArrayList<>();
        for (JsonNode a : alerts) {
            lines.add(alert(a));
        }
        return lines;
    }

    /** "source month currency budget soFar point low high state since". */
    private static String alert(JsonNode a) {
        assertThat(a.properties().stream().map(e -> e.getKey()).toList())
                .containsExactly(
                        "source",
                        "month",
                        "currency",
                        "budget",
                        "estimateSoFar",
                        "forecastPoint",
                        "forecastLow",
                        "forecastHigh",
                        "state",
                        "since");
        return String.join(
                " ",
                a.get("source").asString(),
                a.get("month").asString(),
                a.get("currency").asString(),
                a.get("budget").asString(),
                a.get("estimateSoFar").asString(),
                a.get("forecastPoint").asString(),
                a.get("forecastLow").asString(),
                a.get("forecastHigh").asString(),
                a.get("state").asString(),
                a.get("since").asString());
    }

    private static List<String> budgetLines(JsonNode history) {
        return ExportJson.elements(history).stream()
                .filter(e -> "budgetState".equals(e.get("jobName").asString()))
                .map(e -> String.join(
                        " ",
                        e.get("source").asString(),
                        e.get("month").asString(),
                        e.get("previousState").asString(),
                        "->",
                        e.get("state").asString(),
                        e.get("budget").asString(),
                        e.get("estimateSoFar").asString(),
                        e.get("forecastPoint").asString(),
                        e.get("forecastLow").asString(),
                        e.get("forecastHigh").asString(),
                        e.get("cause").asString()))
                .toList();
    }
}
