package com.contactcenter.billing.web;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_FIRST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_LAST;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/snapshots/diff}: the edge tenant's October by day, snapshotted, then re-synced after
 * an SMS of 4 segments arrived late for Oct 10; another tenant's account sees none of it.
 */
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class SnapshotDiffApiTest {

    private static final String PASSWORD = "diff-pw-1";
    private static final String KEY = "from=2026-10-01&to=2026-10-31&groupBy=day";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SourceDatabases.h2Url("wh_diff_api"));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add(FixedClock.PROPERTY, () -> AS_OF);
        registry.add("billing.schedule.enabled", () -> "false");
        registry.add("logging.level.com.contactcenter.billing", () -> "WARN");
        String[] names = {"edge", "other"};
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            registry.add("billing.sources[" + i + "].name", () -> name);
            registry.add("billing.sources[" + i + "].url", () -> SourceDatabases.h2Url("diffapi_edge_src"));
            registry.add("billing.sources[" + i + "].username", () -> "sa");
            registry.add("billing.sources[" + i + "].time-zone", () -> "America/Bogota");
            String prefix = "billing.security.accounts[" + i + "].";
            registry.add(prefix + "name", () -> name + "-admin");
            registry.add(prefix + "role", () -> "admin");
            registry.add(prefix + "password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
            registry.add(prefix + "tenants[0]", () -> name);
        }
    }

    private static boolean prepared;

    @Autowired
    MockMvc mvc;

    @Autowired
    JobRunner jobs;

    @Autowired
    SnapshotService snapshots;

    @BeforeEach
    void twoVersionsApartByALateRow() {
        if (prepared) {
            return;
        }
        SourceDatabases.loadH2("diffapi_edge_src", EdgeTenantFixture.SQL);
        syncAndSnapshot();
        SourceDatabases.execute(
                SourceDatabases.h2("diffapi_edge_src"),
                List.of("INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at)"
                        + " VALUES (900, 3, 1, 'out', 4, '2026-10-10 16:00:00.000')"));
        Snapshot v2 = syncAndSnapshot();
        assertThat(v2.version()).isEqualTo(2);
        prepared = true;
    }

    private Snapshot syncAndSnapshot() {
        assertThat(jobs.sync(List.of("edge"), new SyncWindow(SYNC_FROM, SYNC_TO), Requester.cli())
                        .succeeded())
                .isTrue();
        return snapshots.compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.DAY);
    }

    @Test
    void explainsTheTwoNewestVersionsByDefaultInSpanish() throws Exception {
        JsonNode diff = api("/api/snapshots/diff?source=edge&" + KEY, admin("edge-admin"));

        assertThat(diff.get("versions").asInt()).isEqualTo(2);
        assertThat(diff.get("older").get("version").asInt()).isEqualTo(1);
        assertThat(diff.get("newer").get("version").asInt()).isEqualTo(2);
        assertThat(diff.get("oldTotal").asString()).isEqualTo("572392.50");
        assertThat(diff.get("newTotal").asString()).isEqualTo("572592.50");
        assertThat(diff.get("difference").asString()).isEqualTo("200.00");
        assertThat(diff.get("sum").asString()).isEqualTo("200.00");
        assertThat(diff.get("parts")).hasSize(1);
        JsonNode part = diff.get("parts").get(0);
        assertThat(part.get("kind").asString()).isEqualTo("service_volume");
        assertThat(part.get("key").asString()).isEqualTo("sms_out");
        assertThat(part.get("label").asString()).isEqualTo("Consumo · SMS salientes");
        assertThat(part.get("amount").asString()).isEqualTo("200.00");
        assertThat(part.get("amountText").asString()).isEqualTo("+200,00");
        assertThat(part.get("detail").asString()).isEqualTo("5 → 9 unidades; cambió en: 2026-10-10: 3 → 7");
        assertThat(part.get("buckets").get(0).get("bucket").asString()).isEqualTo("2026-10-10");
        assertThat(diff.get("heading").get(2).asString())
                .isEqualTo("Total estimado: 572.392,50 COP → 572.592,50 COP; diferencia +200,00 COP");
        assertThat(diff.get("columns").toString()).isEqualTo("[\"Parte\",\"Importe\",\"Detalle\"]");
        assertThat(diff.get("sumText").asString()).isEqualTo("Suma de las partes: +200,00 COP (igual a la diferencia)");
    }

    @Test
    void namedVersionsAreComparedEitherWay() throws Exception {
        JsonNode back =
                api("/api/snapshots/diff?source=edge&" + KEY + "&fromVersion=2&toVersion=1", admin("edge-admin"));

        assertThat(back.get("difference").asString()).isEqualTo("-200.00");
        assertThat(back.get("parts").get(0).get("amount").asString()).isEqualTo("-200.00");
        JsonNode same =
                api("/api/snapshots/diff?source=edge&" + KEY + "&fromVersion=1&toVersion=1", admin("edge-admin"));
        assertThat(same.get("parts")).isEmpty();
        assertThat(same.get("message").asString()).isEqualTo("Nada cambió entre las dos versiones.");
    }

    @Test
    void anotherTenantsSnapshotsAreAsAbsentAsOnesThatDoNotExist() throws Exception {
        mvc.perform(get(URI.create("/api/snapshots/diff?source=edge&" + KEY)).with(admin("other-admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get(URI.create("/api/snapshots/diff?source=nope&" + KEY)).with(admin("other-admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get(URI.create("/api/snapshots/diff?source=edge&" + KEY))).andExpect(status().isUnauthorized());
        // its own key has no version yet: nothing to compare, said so
        JsonNode own = api("/api/snapshots/diff?source=other&" + KEY, admin("other-admin"));
        assertThat(own.get("versions").asInt()).isZero();
        assertThat(own.get("parts")).isEmpty();
        assertThat(own.get("message").asString())
                .isEqualTo("other del 2026-10-01 al 2026-10-31 (por day) tiene 0 versión(es); comparar necesita dos");
    }

    @Test
    void refusesAMissingVersionAndBadParametersInSpanish() throws Exception {
        String missing = mvc.perform(get(URI.create("/api/snapshots/diff?source=edge&" + KEY + "&fromVersion=3"))
                        .with(admin("edge-admin")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(missing).contains("este periodo no tiene la versión 3");
        String bad = mvc.perform(get(URI.create("/api/snapshots/diff?source=edge&" + KEY + "&toVersion=x"))
                        .with(admin("edge-admin")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("toVersion debe ser un número de versión (1 o más), no 'x'");
        mvc.perform(get(URI.create("/api/snapshots/diff?source=edge&from=2026-10-31&to=2026-10-01"))
                        .with(admin("edge-admin")))
                .andExpect(status().isBadRequest());
        mvc.perform(get(URI.create("/api/snapshots/diff?" + KEY)).with(admin("edge-admin")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theDashboardHasAWhyDidItChangeSectionFilledByItsOwnScript() throws Exception {
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user("edge-admin").password(PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
        String page = mvc.perform(get(URI.create("/dashboard?source=edge&preset=custom&" + KEY))
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("<section id=\"diff-section\"")
                .contains("¿Por qué cambió?")
                .contains("<script src=\"/dashboard/diff.js\"></script>")
                .contains("data-from=\"2026-10-01\"")
                .contains("data-group-by=\"day\"");
        String script = mvc.perform(get(URI.create("/dashboard/diff.js")).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(script)
                .contains("/api/snapshots/diff?")
                .contains("textContent")
                .doesNotContain("innerHTML");
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
}
