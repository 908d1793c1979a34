package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API as each kind of caller sees it: no credentials (401), a wrong password (401), an
 * operator (re-sync only), an admin (everything), with accounts whose bcrypt hashes come from
 * configuration as they would from the environment. Also what health, env and metrics show.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_api;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + EdgeTenantFixture.AS_OF,
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:api_edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Bogota",
            "billing.sources[1].name=offline",
            "billing.sources[1].url=jdbc:mysql://127.0.0.1:1/tenant?connectTimeout=500",
            "billing.sources[1].username=billing_ro",
            "billing.sources[1].password=" + JobsApiSecurityTest.SOURCE_PASSWORD,
            "logging.level.com.contactcenter.billing=WARN",
            // wrong passwords on purpose, at a clock that never moves: throttling is LoginThrottleTest's
            "billing.security.login-throttle.max-failures=1000"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class JobsApiSecurityTest {

    static final String SOURCE_PASSWORD = "s3cr3t-source-pw";
    private static final String ADMIN_PASSWORD = "admin-pw-1";
    private static final String OPERATOR_PASSWORD = "operator-pw-1";
    private static final String ADMIN_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(ADMIN_PASSWORD);
    private static final String OPERATOR_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(OPERATOR_PASSWORD);
    private static final String RESYNC = "{\"source\": \"edge\", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        registry.add("billing.security.accounts[0].name", () -> "ada");
        registry.add("billing.security.accounts[0].role", () -> "admin");
        registry.add("billing.security.accounts[0].password-hash", () -> ADMIN_HASH);
        registry.add("billing.security.accounts[0].tenants[0]", () -> "*");
        registry.add("billing.security.accounts[1].name", () -> "otto");
        registry.add("billing.security.accounts[1].role", () -> "operator");
        registry.add("billing.security.accounts[1].password-hash", () -> OPERATOR_HASH);
        registry.add("billing.security.accounts[1].tenants[0]", () -> "*");
        registry.add("billing.security.accounts[2].name", () -> "nohash");
        registry.add("billing.security.accounts[2].role", () -> "admin");
        registry.add("billing.security.accounts[3].name", () -> "edge-admin");
        registry.add("billing.security.accounts[3].role", () -> "admin");
        registry.add("billing.security.accounts[3].password-hash", () -> ADMIN_HASH);
        registry.add("billing.security.accounts[3].tenants[0]", () -> "edge");
        registry.add("billing.security.accounts[4].name", () -> "edge-operator");
        registry.add("billing.security.accounts[4].role", () -> "operator");
        registry.add("billing.security.accounts[4].password-hash", () -> OPERATOR_HASH);
        registry.add("billing.security.accounts[4].tenants[0]", () -> "edge");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate warehouse;

    @BeforeAll
    static void loadSource() {
        SourceDatabases.loadH2("api_edge_src", EdgeTenantFixture.SQL);
    }

    private static RequestPostProcessor admin() {
        return httpBasic("ada", ADMIN_PASSWORD);
    }

    private static RequestPostProcessor operator() {
        return httpBasic("otto", OPERATOR_PASSWORD);
    }

    private static MockHttpServletRequestBuilder resync(String body) {
        return post("/api/jobs/resync").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** The probe's dates: every one a 400 with a reason, none a 500, nothing started. */
    static Stream<Arguments> badDates() {
        return Stream.of(
                Arguments.of(
                        "otto",
                        "/api/jobs/resync",
                        "{\"source\": \"edge\", \"from\": \"9999-12-31\", \"to\": \"9999-12-31\"}",
                        "to 9999-12-31 es posterior a 2026-11-01"),
                Arguments.of(
                        "otto",
                        "/api/jobs/resync",
                        "{\"source\": \"edge\", \"from\": \"0000-01-01\", \"to\": \"0000-01-01\"}",
                        "from 0000-01-01 es anterior a 2000-01-01"),
                Arguments.of(
                        "otto",
                        "/api/jobs/resync",
                        "{\"source\": \"edge\", \"from\": \"+999999999-12-31\", \"to\": \"+999999999-12-31\"}",
                        "from '+999999999-12-31' no es una fecha"),
                Arguments.of(
                        "otto",
                        "/api/jobs/resync",
                        "{\"source\": \"edge\", \"from\": \"1990-01-01\", \"to\": \"2026-10-31\"}",
                        "from 1990-01-01 es anterior a 2000-01-01"),
                Arguments.of(
                        "otto",
                        "/api/jobs/resync",
                        "{\"source\": \"edge\", \"from\": \"2026-02-30\", \"to\": \"2026-03-01\"}",
                        "from '2026-02-30' no es una fecha"),
                Arguments.of(
                        "edge-operator",
                        "/api/jobs/resync",
                        "{\"source\": \"edge\", \"from\": \"2025-01-01\", \"to\": \"2026-10-31\"}",
                        "669"),
                Arguments.of(
                        "otto",
                        "/api/jobs/sync",
                        "{\"from\": \"2026-10-01\", \"to\": \"2026-11-02\"}",
                        "to 2026-11-02 es posterior a 2026-11-01"),
                Arguments.of(
                        "edge-operator",
                        "/api/jobs/sync",
                        "{\"from\": \"2000-01-01\", \"to\": \"2026-10-31\"}",
                        "400"));
    }

    @ParameterizedTest(name = "{0} POST {1} {2}")
    @MethodSource("badDates")
    void datesOutsideTheLimitsAreRefusedWith400(String account, String path, String body, String reason)
            throws Exception {
        long requestsBefore = warehouse.queryForObject("SELECT COUNT(*) FROM job_request", Long.class);
        String answer = mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(httpBasic(account, OPERATOR_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JSON.readTree(answer).get("error").asString())
                .contains(reason)
                .doesNotContain("Exception");
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM job_request", Long.class))
                .isEqualTo(requestsBefore);
    }

    static Stream<Arguments> protectedEndpoints() {
        return Stream.of(
                Arguments.of("GET /api/jobs", (Supplier<MockHttpServletRequestBuilder>) () -> get("/api/jobs")),
                Arguments.of("GET /api/jobs/{id}", (Supplier<MockHttpServletRequestBuilder>) () -> get("/api/jobs/1")),
                Arguments.of("POST /api/jobs/resync", (Supplier<MockHttpServletRequestBuilder>) () -> resync(RESYNC)),
                Arguments.of("GET /actuator/env", (Supplier<MockHttpServletRequestBuilder>) () -> get("/actuator/env")),
                Arguments.of("GET /actuator/metrics", (Supplier<MockHttpServletRequestBuilder>)
                        () -> get("/actuator/metrics")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void answers401WithoutCredentialsOrWithAWrongPassword(String name, Supplier<MockHttpServletRequestBuilder> request)
            throws Exception {
        mvc.perform(request.get()).andExpect(status().isUnauthorized());
        mvc.perform(request.get().with(httpBasic("ada", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(request.get().with(httpBasic("nohash", ""))).andExpect(status().isUnauthorized());
        mvc.perform(request.get().with(httpBasic("nobody", ADMIN_PASSWORD))).andExpect(status().isUnauthorized());
    }

    static Stream<Arguments> adminReads() {
        return Stream.of(
                Arguments.of("GET /api/jobs", (Supplier<MockHttpServletRequestBuilder>) () -> get("/api/jobs"), 200),
                Arguments.of(
                        "GET /api/jobs/{id}",
                        (Supplier<MockHttpServletRequestBuilder>) () -> get("/api/jobs/987654"),
                        404),
                Arguments.of(
                        "GET /actuator/env", (Supplier<MockHttpServletRequestBuilder>) () -> get("/actuator/env"), 200),
                Arguments.of(
                        "GET /actuator/metrics",
                        (Supplier<MockHttpServletRequestBuilder>) () -> get("/actuator/metrics"),
                        200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminReads")
    void readsAreForAdminsOnly(String name, Supplier<MockHttpServletRequestBuilder> request, int adminStatus)
            throws Exception {
        mvc.perform(request.get().with(operator())).andExpect(status().isForbidden());
        mvc.perform(request.get().with(admin())).andExpect(status().is(adminStatus));
    }

    @Test
    void anOperatorStartsAReSyncAndAnAdminFollowsItToItsEnd() throws Exception {
        // when the operator asks for October again
        String answer = mvc.perform(resync(RESYNC).with(operator()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = JSON.readTree(answer).get("jobExecutionId").asLong();

        // then the execution id came back at once and the run ends completed
        JsonNode job = awaitEnd(id);
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("trigger").asString()).isEqualTo("API");
        assertThat(job.get("requestedBy").asString()).isEqualTo("otto");
        JsonNode edge = job.get("progress").get(0);
        assertThat(edge.get("source").asString()).isEqualTo("edge");
        assertThat(edge.get("days").asLong()).isEqualTo(31);
        assertThat(edge.get("daysDone").asInt()).isEqualTo(31);
        assertThat(edge.get("rowsRead").asLong())
                .isEqualTo(job.get("rowsRead").asLong())
                .isPositive();
        assertThat(edge.has("rowsPerSecond")).isTrue();

        // and the history lists it, with who asked
        JsonNode history = JSON.readTree(mvc.perform(get("/api/jobs").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        JsonNode entry = null;
        for (JsonNode e : history) {
            if (e.get("jobExecutionId").asLong() == id) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("trigger").asString() + " "
                        + entry.get("requestedBy").asString() + " "
                        + entry.get("from").asString() + ".." + entry.get("to").asString() + " "
                        + entry.get("status").asString())
                .isEqualTo("API otto 2026-10-01..2026-10-31 COMPLETED");
        assertThat(entry.get("finishedAt").isNull()).isFalse();
        assertThat(List.of(
                        entry.get("counts").get("total").asInt(),
                        entry.get("counts").get("completed").asInt()))
                .containsExactly(1, 1);

        // and an admin may re-sync too
        long second = JSON.readTree(mvc.perform(resync(RESYNC).with(admin()))
                        .andExpect(status().isAccepted())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("jobExecutionId")
                .asLong();
        assertThat(awaitEnd(second).get("requestedBy").asString()).isEqualTo("ada");

        // and the metrics count the rows of completed syncs of the source
        JsonNode rows = JSON.readTree(mvc.perform(get("/actuator/metrics/billing.sync.rows")
                        .param("tag", "source:edge")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(rows.get("measurements").get(0).get("value").asDouble())
                .isEqualTo(2.0 * edge.get("rowsRead").asLong());
        JsonNode last = JSON.readTree(mvc.perform(get("/actuator/metrics/billing.sync.last.success")
                        .param("tag", "source:edge")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(last.get("measurements").get(0).get("value").asDouble())
                .isEqualTo((double) EdgeTenantFixture.AS_OF_INSTANT.getEpochSecond());
        mvc.perform(get("/actuator/metrics/billing.sync.duration")
                        .param("tag", "source:edge")
                        .with(admin()))
                .andExpect(status().isOk());
    }

    @Test
    void aReSyncOfASourceBeingSyncedIsRefusedWith409NamingTheRunningExecution() throws Exception {
        // given another run (another node's) holds the source
        warehouse.update("INSERT INTO sync_lock (source, job_execution_id, holder, acquired_at,"
                + " heartbeat_at, expires_at) VALUES ('edge', 4242, 'node-b:99', '2026-11-01 02:59:00',"
                + " '2026-11-01 02:59:00', '2099-01-01 00:00:00')");
        try {
            // when
            String body = mvc.perform(resync(RESYNC).with(operator()))
                    .andExpect(status().isConflict())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();

            // then
            JsonNode error = JSON.readTree(body);
            // in the reports' language; the run's node and requester are its job's (GET /api/jobs/4242)
            assertThat(error.get("error").asString())
                    .isEqualTo("el cliente 'edge' ya se está sincronizando en la ejecución 4242"
                            + " (GET /api/jobs/4242); vuelva a intentarlo cuando termine");
            assertThat(error.get("runningJobExecutionId").asLong()).isEqualTo(4242);
            assertThat(warehouse.queryForObject(
                            "SELECT status FROM job_request ORDER BY id DESC LIMIT 1", String.class))
                    .isEqualTo("REFUSED");
        } finally {
            warehouse.update("DELETE FROM sync_lock WHERE job_execution_id = 4242");
        }
    }

    static Stream<Arguments> badResyncs() {
        return Stream.of(
                Arguments.of("{\"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}", "source es obligatorio"),
                Arguments.of(
                        "{\"source\": \"edge\", \"from\": \"2026-10-32\", \"to\": \"2026-10-31\"}",
                        "from '2026-10-32' no es una fecha (AAAA-MM-DD)"),
                Arguments.of(
                        "{\"source\": \"edge\", \"from\": \"2026-10-05\", \"to\": \"2026-10-01\"}",
                        "from 2026-10-05 es posterior a to 2026-10-01"),
                Arguments.of("not json", "el cuerpo debe ser JSON"));
    }

    @ParameterizedTest
    @MethodSource("badResyncs")
    void aBadReSyncRequestIs400WithTheReason(String body, String reason) throws Exception {
        String answer = mvc.perform(resync(body).with(operator()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JSON.readTree(answer).get("error").asString()).startsWith(reason);
    }

    @Test
    void healthAnswersEveryoneAndShowsTheWarehouseAndEachSourceToAdminsWithoutSecrets() throws Exception {
        // anyone: the status only
        JsonNode anonymous = JSON.readTree(mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(anonymous.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(anonymous.has("components")).isFalse();

        // an admin: the warehouse and each source, reachable or not
        String body = mvc.perform(get("/actuator/health").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode components = JSON.readTree(body).get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        JsonNode sources = components.get("sources");
        assertThat(sources.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(sources.get("details").get("edge").get("reachable").asBoolean())
                .isTrue();
        JsonNode offline = sources.get("details").get("offline");
        assertThat(offline.get("reachable").asBoolean()).isFalse();
        assertThat(offline.get("location").asString()).isEqualTo("127.0.0.1:1");
        assertThat(offline.get("error").asString()).isNotBlank();
        assertThat(body).doesNotContain(SOURCE_PASSWORD).doesNotContain("billing_ro");
    }

    static Stream<Arguments> accountsWithoutHealthDetails() {
        return Stream.of(
                Arguments.of("anonymous", (RequestPostProcessor) request -> request),
                Arguments.of("platform operator", operator()),
                Arguments.of("tenant admin", httpBasic("edge-admin", ADMIN_PASSWORD)),
                Arguments.of("tenant operator", httpBasic("edge-operator", OPERATOR_PASSWORD)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accountsWithoutHealthDetails")
    void healthShowsOnlyTheStatusToAllButPlatformAdmins(String name, RequestPostProcessor account) throws Exception {
        // the overall status, nothing else
        String health = mvc.perform(get("/actuator/health").with(account))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JSON.readTree(health).get("status").asString()).isEqualTo("DEGRADED");
        assertThat(JSON.readTree(health).propertyNames()).containsExactlyInAnyOrder("status", "groups");

        // and no component by its path: neither the sources' hosts nor the warehouse
        for (String component : new String[] {"/actuator/health/sources", "/actuator/health/db"}) {
            String body = mvc.perform(get(component).with(account))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body)
                    .doesNotContain("127.0.0.1")
                    .doesNotContain("reachable")
                    .doesNotContain("H2");
        }
    }

    @Test
    void aPlatformAdminSeesEachHealthComponentByItsPath() throws Exception {
        JsonNode sources =
                JSON.readTree(mvc.perform(get("/actuator/health/sources").with(admin()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(sources.get("details").get("offline").get("location").asString())
                .isEqualTo("127.0.0.1:1");
        JsonNode db = JSON.readTree(mvc.perform(get("/actuator/health/db").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(db.get("status").asString()).isEqualTo("UP");
        assertThat(db.get("details").get("database").asString()).isEqualTo("H2");
    }

    @Test
    void theEnvironmentEndpointShowsNoSecret() throws Exception {
        String body = mvc.perform(get("/actuator/env").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).contains("billing.sources[1].password");
        assertThat(body)
                .doesNotContain(SOURCE_PASSWORD)
                .doesNotContain(ADMIN_HASH.substring(8))
                .doesNotContain(OPERATOR_HASH.substring(8));
    }

    private JsonNode awaitEnd(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode job = JSON.readTree(mvc.perform(get("/api/jobs/" + id).with(admin()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            String status = job.get("status").asString();
            if (!status.equals("STARTING") && !status.equals("STARTED")
                    || Instant.now().isAfter(deadline)) {
                return job;
            }
            Thread.sleep(100);
        }
    }
}
