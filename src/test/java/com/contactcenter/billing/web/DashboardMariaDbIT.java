package com.contactcenter.billing.web;

import static com.contactcenter.billing.support.DashboardFixture.ACME;
import static com.contactcenter.billing.support.DashboardFixture.EDGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.MariaDb;
import com.contactcenter.billing.usage.GroupBy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's API with the warehouse and both tenants on the MariaDB server: the sections equal
 * the export, the edge tenant's exact figures, hostile names, the user detail, and a tenant-scoped
 * account kept to its tenant.
 */
@ExtendWith(MariaDb.class)
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class DashboardMariaDbIT {

    private static final String PASSWORD = "pw-1";
    private static DashboardFixture.Databases databases;
    private static boolean synced;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        databases = DashboardFixture.Databases.mariaDb("dashboard_it");
        DashboardFixture.register(registry, databases, new String[] {"staff", "admin", PASSWORD, "*"}, new String[] {
            "acme-admin", "admin", PASSWORD, ACME
        });
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JobRunner sync;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    JdbcTemplate warehouse;

    @BeforeEach
    void loadAndSyncOnce() {
        if (!synced) {
            DashboardFixture.load(databases);
            DashboardFixture.syncAll(sync);
            synced = true;
        }
    }

    private JsonNode api(String path, String account, int status) throws Exception {
        return ExportJson.parse(mvc.perform(get(URI.create(path)).with(httpBasic(account, PASSWORD)))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode export(String source, String from, String to, GroupBy groupBy) {
        return ExportJson.parse(snapshots
                .newest(source, LocalDate.parse(from), LocalDate.parse(to), groupBy)
                .orElseThrow()
                .document());
    }

    @Test
    void everySectionOfTheEdgeTenantsOctoberEqualsItsExport() throws Exception {
        String view = "?source=edge&preset=last-month&groupBy=week";

        JsonNode summary = api("/api/dashboard/summary" + view, "staff", 200);
        JsonNode services = api("/api/dashboard/services" + view, "staff", 200);
        JsonNode consumption = api("/api/dashboard/consumption" + view, "staff", 200);
        JsonNode users = api("/api/dashboard/users" + view + "&sort=id", "staff", 200);
        JsonNode detail = api("/api/dashboard/users/1" + view, "staff", 200);

        JsonNode export = export(EDGE, "2026-10-01", "2026-10-31", GroupBy.WEEK);
        assertThat(summary.at("/snapshot/id").asString())
                .isEqualTo(export.at("/snapshot/id").asString());
        assertThat(summary.get("usersByRole").toString())
                .isEqualTo(
                        "[{\"role\":\"Administrador\",\"users\":2},"
                                + "{\"role\":\"Agente\",\"users\":4},{\"role\":\"Sin rol\",\"users\":2},{\"role\":\"Supervisor\",\"users\":0}]");
        assertThat(summary.at("/snapshot/freshness").asString()).isEqualTo("Datos sincronizados hasta las 12:00");
        assertThat(services.get("seatsTotal").asString()).isEqualTo("560000.00");
        assertThat(services.get("total").asString())
                .isEqualTo(export.at("/estimate/total").asString());
        for (int i = 0; i < 7; i++) {
            assertThat(services.get("services").get(i).get("units").asLong())
                    .isEqualTo(export.get("services").get(i).get("units").asLong());
        }
        assertThat(ExportJson.elements(users.get("rows")).stream()
                        .map(u -> u.get("id").asLong())
                        .toList())
                .containsExactly(1L, 2L, 4L, 6L, 7L, 8L, 10L, 11L);
        // text exactly as stored, on MariaDB too: formulas, markup, emoji
        assertThat(users.at("/rows/1/name").asString()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
        assertThat(users.at("/rows/6/name").asString()).isEqualTo("<script>alert(1)</script>");
        assertThat(users.at("/rows/7/name").asString()).isEqualTo("Zoë 😀 Ñandú ¿sí?");
        assertThat(detail.get("assignedChannels").toString())
                .isEqualTo("[{\"channelId\":1,\"name\":\"WhatsApp Ventas\",\"type\":\"whatsapp\"},"
                        + "{\"channelId\":3,\"name\":\"SMS Cobranza\",\"type\":\"sms\"}]");
        assertThat(consumption.get("whatsapp").size())
                .isEqualTo(export.get("whatsapp").size());
        // last month against the calendar month before it
        assertThat(consumption.at("/comparison/previousPeriod/from").asString()).isEqualTo("2026-09-01");
    }

    @Test
    void theDefaultViewOfTheGeneratedTenantEqualsItsExportAndIsKeptWithinTheIntradayLimits() throws Exception {
        JsonNode summary = api("/api/dashboard/summary", "acme-admin", 200);
        JsonNode export = export(ACME, "2026-11-15", "2026-11-15", GroupBy.MONTH);
        assertThat(summary.get("source").asString()).isEqualTo(ACME);
        assertThat(summary.get("usersByRole")).isEqualTo(export.get("usersByRole"));
        assertThat(summary.get("total").asString())
                .isEqualTo(export.at("/estimate/total").asString());
        assertThat(warehouse.queryForObject(
                        "SELECT origin FROM snapshot WHERE id = ?",
                        String.class,
                        summary.at("/snapshot/id").asString()))
                .isEqualTo("intraday");
        JsonNode hostile = api("/api/dashboard/users?preset=last-month&q=onerror", "acme-admin", 200);
        assertThat(hostile.at("/rows/0/name").asString()).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void aTenantsAdminGets404ForTheOtherTenant() throws Exception {
        for (String section : List.of("summary", "users", "users/1", "services", "consumption")) {
            JsonNode answer = api("/api/dashboard/" + section + "?source=edge", "acme-admin", 404);
            assertThat(answer.toString()).isEqualTo("{\"error\":\"no hay ningún cliente con ese nombre\"}");
        }
        assertThat(api("/api/dashboard/sources", "acme-admin", 200).toString())
                .isEqualTo("[{\"name\":\"acme\",\"timeZone\":\"America/Bogota\"}]");
    }
}
