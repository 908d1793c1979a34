package com.contactcenter.billing.web;

import static com.contactcenter.billing.support.DashboardFixture.ACME;
import static com.contactcenter.billing.support.DashboardFixture.EDGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.contactcenter.billing.ops.JobHistory;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Two tenants, acme and edge, and accounts scoped to acme (an admin and an operator), to edge, to
 * none, and platform staff ({@code *}). Every path an acme account could take to edge's data
 * answers 404 with nothing of edge in the body: the dashboard API, the page, downloads by snapshot
 * id, re-syncs, job status by id and the job history; staff see both.
 */
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class TenantIsolationTest {

    private static final String PASSWORD = "pw-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(
                registry,
                "wh_tenant_isolation",
                new String[] {"acme-admin", "admin", PASSWORD, ACME},
                new String[] {"acme-ops", "operator", PASSWORD, ACME},
                new String[] {"edge-admin", "admin", PASSWORD, EDGE},
                new String[] {"nobody", "admin", PASSWORD},
                new String[] {"staff", "admin", PASSWORD, "*"});
    }

    private static boolean synced;
    /** What must never reach an acme account: edge's names, emails and estimated total. */
    private static List<String> edgeSecrets;

    private static String edgeSnapshotId;

    @Autowired
    MockMvc mvc;

    @Autowired
    JobRunner sync;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    JobHistory history;

    @Autowired
    JdbcTemplate warehouse;

    @Autowired
    JobRunner runner;

    @BeforeEach
    void syncOnce() {
        if (!synced) {
            DashboardFixture.syncBoth(sync);
            JsonNode october = ExportJson.parse(snapshots
                    .compute(EDGE, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), GroupBy.MONTH)
                    .document());
            edgeSnapshotId = october.at("/snapshot/id").asString();
            edgeSecrets = new ArrayList<>();
            october.get("users").forEach(u -> {
                edgeSecrets.add(u.get("name").asString());
                edgeSecrets.add(u.get("email").asString());
            });
            edgeSecrets.add(october.at("/estimate/total").asString());
            edgeSecrets.add("Ghost role");
            synced = true;
        }
    }

    private static RequestPostProcessor as(String account) {
        return httpBasic(account, PASSWORD);
    }

    private String body(String path, String account, int status) throws Exception {
        MvcResult result = mvc.perform(get(URI.create(path)).with(as(account)))
                .andExpect(status().is(status))
                .andReturn();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static void assertNothingOfEdge(String body) {
        assertThat(body).doesNotContain(EDGE);
        for (String secret : edgeSecrets) {
            assertThat(body).doesNotContain(secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"summary", "users", "users/1", "users/10", "services", "consumption"})
    void anotherTenantsSectionIs404WithNothingOfIt(String section) throws Exception {
        String view = "?source=edge&preset=last-month&groupBy=day";
        for (String account : List.of("acme-admin", "nobody")) {
            String body = body("/api/dashboard/" + section + view, account, 404);
            assertThat(ExportJson.parse(body).get("error").asString())
                    .isEqualTo("no hay ningún cliente con ese nombre");
            assertNothingOfEdge(body);
        }
        // the same answer as for a source that does not exist
        assertThat(body("/api/dashboard/" + section + "?source=globex", "acme-admin", 404))
                .isEqualTo(body("/api/dashboard/" + section + view, "acme-admin", 404));
        // its own tenant answers, and staff see both
        body(
                "/api/dashboard/" + section.replace("users/10", "users/1") + "?source=acme&preset=last-month",
                "acme-admin",
                200);
        String staff = body("/api/dashboard/" + section + view, "staff", 200);
        if (section.equals("users/10")) {
            assertThat(staff).contains("<script>alert(1)</script>");
        } else if (section.startsWith("users")) {
            assertThat(staff).contains("ana@example.com");
        } else {
            assertThat(staff).contains(section.equals("summary") ? "\"source\":\"edge\"" : "\"key\":\"whatsapp_out\"");
        }
        body("/api/dashboard/" + section.replace("users/10", "users/1") + view, "edge-admin", 200);
    }

    @Test
    void eachAccountListsAndDefaultsToItsOwnTenantsOnly() throws Exception {
        assertThat(body("/api/dashboard/sources", "acme-admin", 200))
                .isEqualTo("[{\"name\":\"acme\",\"timeZone\":\"America/Bogota\"}]");
        assertThat(body("/api/dashboard/sources", "edge-admin", 200))
                .isEqualTo("[{\"name\":\"edge\",\"timeZone\":\"America/Bogota\"}]");
        assertThat(body("/api/dashboard/sources", "nobody", 200)).isEqualTo("[]");
        assertThat(ExportJson.parse(body("/api/dashboard/sources", "staff", 200))
                        .size())
                .isEqualTo(2);
        // without a source, the first one the account may see
        assertThat(ExportJson.parse(body("/api/dashboard/summary", "edge-admin", 200))
                        .get("source")
                        .asString())
                .isEqualTo(EDGE);
        assertThat(ExportJson.parse(body("/api/dashboard/summary", "nobody", 404))
                        .get("error")
                        .asString())
                .isEqualTo("esta cuenta no tiene clientes que ver");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "xlsx", "pdf"})
    void anotherTenantsSnapshotCannotBeDownloadedByItsId(String format) throws Exception {
        String path = "/api/dashboard/snapshots/" + edgeSnapshotId + "/download/" + format;
        String body = body(path, "acme-admin", 404);
        assertThat(ExportJson.parse(body).get("error").asString()).isEqualTo("no hay ninguna instantánea con ese id");
        assertNothingOfEdge(body);
        assertThat(body(
                        "/api/dashboard/snapshots/00000000-0000-0000-0000-000000000000/download/" + format,
                        "acme-admin",
                        404))
                .isEqualTo(body);
        body(path, "edge-admin", 200);
        body(path, "staff", 200);
    }

    @Test
    void anOperatorScopedToOneTenantCannotReSyncAnother() throws Exception {
        // given
        int before = history.history(1000).size();

        // when
        String refused = mvc.perform(post("/api/jobs/resync")
                        .with(as("acme-ops"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\": \"edge\", \"from\": \"2026-11-14\", \"to\": \"2026-11-15\"}"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();

        // then: nothing started, nothing recorded, nothing said of edge
        assertThat(ExportJson.parse(refused).get("error").asString()).isEqualTo("no hay ningún cliente con ese nombre");
        assertThat(history.history(1000)).hasSize(before);

        // and its own tenant re-syncs, and its job is its own to follow
        String started = mvc.perform(post("/api/jobs/resync")
                        .with(as("acme-ops"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\": \"acme\", \"from\": \"2026-11-14\", \"to\": \"2026-11-15\"}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ExportJson.parse(started).get("jobExecutionId").asLong();
        await(id);
        assertThat(ExportJson.parse(body("/api/jobs/" + id, "acme-admin", 200))
                        .get("sources")
                        .toString())
                .isEqualTo("[\"acme\"]");
        body("/api/jobs/" + id, "edge-admin", 404);
    }

    @Test
    void aTenantsOperatorMeetingABusySourceLearnsNothingOfTheRunHoldingIt() throws Exception {
        // given: a run of every tenant (another node's) holds acme
        warehouse.update("INSERT INTO sync_lock (source, job_execution_id, holder, acquired_at,"
                + " heartbeat_at, expires_at) VALUES ('acme', 4343, 'platform-node:7', '2026-11-15 16:59:00',"
                + " '2026-11-15 16:59:00', '2099-01-01 00:00:00')");
        try {
            // when
            String body = mvc.perform(post("/api/jobs/resync")
                            .with(as("acme-ops"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"source\": \"acme\", \"from\": \"2026-11-14\", \"to\": \"2026-11-15\"}"))
                    .andExpect(status().isConflict())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();

            // then
            assertThat(body)
                    .isEqualTo("{\"error\":\"el cliente 'acme' ya se está sincronizando; vuelva a intentarlo"
                            + " cuando termine\"}");
            // staff are told which run holds it
            String staff = mvc.perform(post("/api/jobs/resync")
                            .with(as("staff"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"source\": \"acme\", \"from\": \"2026-11-14\", \"to\": \"2026-11-15\"}"))
                    .andExpect(status().isConflict())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(ExportJson.parse(staff).get("runningJobExecutionId").asLong())
                    .isEqualTo(4343);
        } finally {
            warehouse.update("DELETE FROM sync_lock WHERE job_execution_id = 4343");
        }
    }

    @Test
    void jobsOfAnotherTenantAreNotShownByIdNorInTheHistory() throws Exception {
        // given: a job of edge alone, started by staff
        String started = mvc.perform(post("/api/jobs/resync")
                        .with(as("staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\": \"edge\", \"from\": \"2026-10-30\", \"to\": \"2026-10-31\"}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long edgeJob = ExportJson.parse(started).get("jobExecutionId").asLong();
        await(edgeJob);
        // and one of acme alone
        long acmeJob = ExportJson.parse(mvc.perform(post("/api/jobs/resync")
                                .with(as("staff"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"source\": \"acme\", \"from\": \"2026-10-30\", \"to\": \"2026-10-31\"}"))
                        .andExpect(status().isAccepted())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("jobExecutionId")
                .asLong();
        await(acmeJob);

        // then: guessing ids gives acme's admin only jobs of acme, or acme's part of a job of several tenants
        java.util.Set<Long> shown = new java.util.HashSet<>();
        for (long id = 1; id <= acmeJob + 5; id++) {
            MvcResult r =
                    mvc.perform(get("/api/jobs/" + id).with(as("acme-admin"))).andReturn();
            String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (r.getResponse().getStatus() == 200) {
                shown.add(id);
                JsonNode job = ExportJson.parse(body);
                assertThat(job.get("sources").toString()).isEqualTo("[\"acme\"]");
                job.get("progress")
                        .forEach(p -> assertThat(p.get("source").asString()).isEqualTo(ACME));
            } else {
                assertThat(r.getResponse().getStatus()).isEqualTo(404);
                assertThat(ExportJson.parse(body).get("error").asString())
                        .isEqualTo("no hay ninguna ejecución con ese id");
            }
            assertNothingOfEdge(body);
        }
        assertThat(body("/api/jobs/" + edgeJob, "edge-admin", 200)).contains("\"edge\"");
        assertThat(body("/api/jobs/" + edgeJob, "staff", 200)).contains("\"edge\"");

        String acmeHistory = body("/api/jobs?limit=1000", "acme-admin", 200);
        assertNothingOfEdge(acmeHistory);
        ExportJson.parse(acmeHistory)
                .forEach(e -> assertThat(e.get("node").isNull()).isTrue());
        // its history holds only jobs it may open (and refused requests, which have no job)
        assertThat(ExportJson.elements(ExportJson.parse(acmeHistory)).stream()
                        .filter(e -> !e.get("jobExecutionId").isNull())
                        .map(e -> e.get("jobExecutionId").asLong())
                        .toList())
                .contains(acmeJob)
                .allMatch(shown::contains)
                .doesNotContain(edgeJob);
        assertThat(shown).doesNotContain(edgeJob);
        JsonNode staffHistory = ExportJson.parse(body("/api/jobs?limit=1000", "staff", 200));
        assertThat(ExportJson.elements(staffHistory).stream()
                        .anyMatch(e -> e.get("jobExecutionId").asLong() == edgeJob))
                .isTrue();
    }

    @Test
    void aRequestOfEveryTenantShowsEachTenantOnlyItsOwnPart() throws Exception {
        // given: a sync of both tenants (as the nightly sync is) in which edge's database is gone
        SourceDatabases.execute(SourceDatabases.h2("dash_edge_src"), List.of("DROP ALL OBJECTS"));
        long requestId;
        try {
            requestId = runner.sync(
                            List.of(ACME, EDGE),
                            new SyncWindow(LocalDate.parse("2026-11-14"), LocalDate.parse("2026-11-15")),
                            Requester.cli())
                    .requestId();
        } finally {
            SourceDatabases.loadH2("dash_edge_src", EdgeTenantFixture.SQL);
        }

        // then: acme's admin sees acme's part, completed, and nothing of edge's failure nor of the nodes
        String body = body("/api/jobs/requests/" + requestId, "acme-admin", 200);
        assertNothingOfEdge(body);
        JsonNode request = ExportJson.parse(body);
        assertThat(List.of(
                        request.get("total").asInt(),
                        request.get("completed").asInt(),
                        request.get("failed").asInt()))
                .containsExactly(1, 1, 0);
        assertThat(request.get("tenants").size()).isEqualTo(1);
        assertThat(request.at("/tenants/0/source").asString()).isEqualTo("acme");
        assertThat(request.at("/tenants/0").has("node")).isFalse();
        assertThat(request.has("requestedBy")).isFalse();
        long acmeExecution = request.at("/tenants/0/jobExecutionId").asLong();
        JsonNode job = ExportJson.parse(body("/api/jobs/" + acmeExecution, "acme-admin", 200));
        assertThat(job.get("sources").toString()).isEqualTo("[\"acme\"]");
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("errors").toString()).isEqualTo("[]");
        assertThat(job.get("daysDone").asInt()).isEqualTo(2);
        assertThat(job.get("node").isNull()).isTrue();
        assertThat(job.get("requestedBy").isNull()).isTrue();

        // edge's admin sees edge's part, failed, with its reason; acme's admin cannot open edge's execution
        JsonNode edgePart = ExportJson.parse(body("/api/jobs/requests/" + requestId, "edge-admin", 200));
        assertThat(edgePart.at("/tenants/0/source").asString()).isEqualTo("edge");
        assertThat(edgePart.at("/tenants/0/status").asString()).isEqualTo("FAILED");
        assertThat(edgePart.at("/tenants/0/message").asString()).startsWith("source 'edge'");
        assertThat(body).doesNotContain(edgePart.at("/tenants/0/message").asString());
        body("/api/jobs/" + edgePart.at("/tenants/0/jobExecutionId").asLong(), "acme-admin", 404);

        // and the same in the history
        JsonNode entry = ExportJson.elements(ExportJson.parse(body("/api/jobs?limit=1000", "acme-admin", 200))).stream()
                .filter(e -> e.get("requestId").asLong() == requestId)
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("tenants").asInt()).isEqualTo(1);
        assertThat(entry.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(entry.get("errors").toString()).isEqualTo("[]");
        assertThat(entry.get("node").isNull()).isTrue();
        JsonNode staff = ExportJson.parse(body("/api/jobs/requests/" + requestId, "staff", 200));
        assertThat(List.of(staff.get("total").asInt(), staff.get("failed").asInt()))
                .containsExactly(2, 1);
        assertThat(staff.at("/tenants/0/node").asString()).isNotBlank();
    }

    @Test
    void aSyncRequestNamingNoSourcesCoversEveryTenantTheAccountMaySeeAndNoOther() throws Exception {
        String november = "{\"from\": \"2026-11-14\", \"to\": \"2026-11-15\"}";
        for (String[] caller : new String[][] {{"acme-ops", "1", "acme"}, {"staff", "2", "acme,edge"}}) {
            // when the account asks for a sync without naming sources
            String answer = mvc.perform(post("/api/jobs/sync")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(november)
                            .with(as(caller[0])))
                    .andExpect(status().isAccepted())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            JsonNode submitted = ExportJson.parse(answer);
            long requestId = submitted.get("requestId").asLong();
            runner.await(requestId, counts -> {});

            // then the request holds exactly the tenants that account may see
            assertThat(submitted.get("tenants").asInt()).as(caller[0]).isEqualTo(Integer.parseInt(caller[1]));
            JsonNode request = ExportJson.parse(body("/api/jobs/requests/" + requestId, "staff", 200));
            assertThat(ExportJson.elements(request.get("tenants")).stream()
                            .map(t -> t.get("source").asString() + ":"
                                    + t.get("status").asString())
                            .sorted()
                            .collect(java.util.stream.Collectors.joining(",")))
                    .as(caller[0])
                    .isEqualTo(java.util.Arrays.stream(caller[2].split(","))
                            .map(t -> t + ":COMPLETED")
                            .collect(java.util.stream.Collectors.joining(",")));
        }
    }

    @Test
    void theDashboardPageOffersOnlyTheAccountsTenantsAndShowsNothingOfAnother() throws Exception {
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user("acme-admin").password(PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession(false);

        String page = mvc.perform(get("/dashboard").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<option value=\"acme\" selected=\"selected\">acme</option>");
        assertNothingOfEdge(page);

        String other = mvc.perform(
                        get("/dashboard?source=edge&preset=last-month").session(session))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(other).contains("No encontrado", "no hay ningún cliente con ese nombre");
        assertNothingOfEdge(other);
    }

    @Test
    void theServicesOwnEndpointsAreForPlatformStaff() throws Exception {
        body("/actuator/env", "acme-admin", 403);
        body("/actuator/metrics", "acme-admin", 403);
        body("/actuator/env", "staff", 200);
        // health: the status to everyone, the sources (all tenants' names and hosts) to staff only
        String health = body("/actuator/health", "acme-admin", 200);
        assertThat(ExportJson.parse(health).has("components")).isFalse();
        assertNothingOfEdge(health);
        assertThat(body("/actuator/health", "staff", 200)).contains("\"sources\"", "\"edge\"");
    }

    private void await(long jobExecutionId) throws InterruptedException {
        await(jobExecutionId, "COMPLETED");
    }

    private void await(long jobExecutionId, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String status;
        do {
            Thread.sleep(200);
            status = history.status(jobExecutionId).orElseThrow().status();
        } while (!status.equals("COMPLETED")
                && !status.equals("FAILED")
                && Instant.now().isBefore(deadline));
        assertThat(status).isEqualTo(expected);
    }
}
