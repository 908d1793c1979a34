package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.contactcenter.billing.ops.JobHistory;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.support.AwaitJob;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/sources/reload} and directory tenants behind the API: a YAML source ({@code
 * edge}) and a tenant directory in H2 listing {@code dir-a} and {@code dir-b} (the edge fixture,
 * behind the shared account). Platform staff reload; a tenant's admin gets 404; a session needs its
 * CSRF token; and an account scoped to a directory tenant sees it and nothing else.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_sources_api;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + EdgeTenantFixture.AS_OF,
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:srcapi_edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.schedule.enabled=false",
            "billing.directory.url=" + SourcesApiTest.DIRECTORY_URL,
            "billing.directory.username=ctl",
            "billing.directory.password=" + SourcesApiTest.DIRECTORY_PASSWORD,
            "billing.directory.query=SELECT name, url, time_zone FROM tenants ORDER BY name",
            "billing.directory.source-username=billing_ro",
            "billing.directory.source-password=" + SourcesApiTest.SOURCE_PASSWORD,
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class SourcesApiTest {

    static final String DIRECTORY_URL = "jdbc:h2:mem:srcapi_control;DB_CLOSE_DELAY=-1";
    static final String DIRECTORY_PASSWORD = "ctl-s3cr3t-pw";
    static final String SOURCE_PASSWORD = "src-s3cr3t-pw";
    private static final String PASSWORD = "pw-1";
    private static final String RELOAD = "/api/sources/reload";

    @DynamicPropertySource
    static void directoryAndAccounts(DynamicPropertyRegistry registry) {
        SourceDatabases.loadH2("srcapi_edge_src", EdgeTenantFixture.SQL);
        for (String tenant : List.of("srcapi_a_src", "srcapi_b_src", "srcapi_c_src")) {
            SourceDatabases.load(
                    new DriverManagerDataSource(SourceDatabases.h2Url(tenant), "billing_ro", SOURCE_PASSWORD),
                    EdgeTenantFixture.SQL);
        }
        directory(
                "'dir-a', '" + SourceDatabases.h2Url("srcapi_a_src") + "', 'America/Bogota'",
                "'dir-b', '" + SourceDatabases.h2Url("srcapi_b_src") + "', 'America/Lima'");
        String[][] accounts = {
            {"staff", "admin", "*"},
            {"otto", "operator", "*"},
            {"a-admin", "admin", "dir-a"},
            {"a-ops", "operator", "dir-a"}
        };
        for (int i = 0; i < accounts.length; i++) {
            String[] account = accounts[i];
            String prefix = "billing.security.accounts[" + i + "].";
            registry.add(prefix + "name", () -> account[0]);
            registry.add(prefix + "role", () -> account[1]);
            registry.add(prefix + "password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
            registry.add(prefix + "tenants[0]", () -> account[2]);
        }
    }

    /** The control database's tenants table, holding exactly these rows ({@code name, url, time_zone}). */
    static void directory(String... rows) {
        DataSource control = new DriverManagerDataSource(DIRECTORY_URL, "ctl", DIRECTORY_PASSWORD);
        SourceDatabases.execute(
                control,
                List.of(
                        "DROP TABLE IF EXISTS tenants",
                        "CREATE TABLE tenants (name VARCHAR(80), url VARCHAR(300), time_zone VARCHAR(60))"));
        for (String row : rows) {
            SourceDatabases.execute(control, List.of("INSERT INTO tenants VALUES (" + row + ")"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SourceRegistry sources;

    @Autowired
    JobHistory history;

    @BeforeEach
    void directoryListsAAndB() {
        directory(
                "'dir-a', '" + SourceDatabases.h2Url("srcapi_a_src") + "', 'America/Bogota'",
                "'dir-b', '" + SourceDatabases.h2Url("srcapi_b_src") + "', 'America/Lima'");
        sources.reload();
    }

    private static RequestPostProcessor as(String account) {
        return httpBasic(account, PASSWORD);
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void platformStaffReloadTheDirectoryAndAreToldWhatChanged() throws Exception {
        // given: dir-b leaves, dir-c arrives, and two bad rows
        directory(
                "'dir-a', '" + SourceDatabases.h2Url("srcapi_a_src") + "', 'America/Bogota'",
                "'dir-c', '" + SourceDatabases.h2Url("srcapi_c_src") + "', 'America/Santiago'",
                "'edge', '" + SourceDatabases.h2Url("srcapi_c_src") + "', 'America/Bogota'",
                "'x y', '" + SourceDatabases.h2Url("srcapi_c_src") + "', 'Mars/Olympus'");

        // when
        String body = body(post(RELOAD).with(as("staff")), 200);

        // then
        assertThat(body)
                .isEqualTo("{\"tenants\":3,\"directoryTenants\":2,\"added\":[\"dir-c\"],\"removed\":[\"dir-b\"],"
                        + "\"changed\":[],\"skipped\":[{\"row\":3,\"name\":\"edge\",\"reason\":\"a source in billing.sources has"
                        + " that name\"},{\"row\":4,\"name\":\"x y\",\"reason\":\"name must be 1-60 letters, digits, '.', '_' or"
                        + " '-'\"}],\"directoryError\":null}");
        assertThat(sources.names()).containsExactly("edge", "dir-a", "dir-c");
        // and the listing the dashboard offers staff follows it
        assertThat(body(get("/api/dashboard/sources").with(as("staff")), 200))
                .isEqualTo(
                        "[{\"name\":\"edge\",\"timeZone\":\"America/Bogota\"},{\"name\":\"dir-a\",\"timeZone\":\"America/Bogota\"},"
                                + "{\"name\":\"dir-c\",\"timeZone\":\"America/Santiago\"}]");
    }

    @Test
    void anOperatorOfThePlatformReloadsToo() throws Exception {
        JsonNode result = ExportJson.parse(body(post(RELOAD).with(as("otto")), 200));

        assertThat(result.get("tenants").asInt()).isEqualTo(3);
        assertThat(result.get("added").size()).isZero();
    }

    @Test
    void anUnreadableDirectoryIsReportedWithItsHostAndKeepsTheTenantsReadBefore() throws Exception {
        // given
        SourceDatabases.execute(
                new DriverManagerDataSource(DIRECTORY_URL, "ctl", DIRECTORY_PASSWORD), List.of("DROP TABLE tenants"));

        // when
        JsonNode result = ExportJson.parse(body(post(RELOAD).with(as("staff")), 200));

        // then
        assertThat(result.get("directoryError").asString())
                .startsWith("tenant directory at h2:mem:srcapi_control could not be read: ");
        assertThat(result.get("tenants").asInt()).isEqualTo(3);
        assertThat(result.get("removed").size()).isZero();
        assertThat(sources.names()).containsExactly("edge", "dir-a", "dir-b");
    }

    @Test
    void aTenantsAccountGets404AndNothingReloads() throws Exception {
        // given
        directory("'dir-a', '" + SourceDatabases.h2Url("srcapi_a_src") + "', 'America/Bogota'");

        // when
        String body = body(post(RELOAD).with(as("a-admin")), 404);

        // then
        assertThat(body).isEqualTo("{\"error\":\"no encontrado\"}");
        assertThat(body(post(RELOAD).with(as("a-ops")), 404)).isEqualTo(body);
        assertThat(sources.names()).containsExactly("edge", "dir-a", "dir-b");
        body(post(RELOAD), 401);
    }

    @Test
    void aReloadFromASessionNeedsItsCsrfToken() throws Exception {
        // given
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin("/login").user("staff").password(PASSWORD))
                        .andExpect(redirectedUrl("/dashboard"))
                        .andReturn()
                        .getRequest()
                        .getSession(false);

        // then: the session's cookie alone is refused; with the page's token it reloads
        body(post(RELOAD).session(session), 403);
        assertThat(ExportJson.parse(body(post(RELOAD).session(session).with(csrf().asHeader()), 200))
                        .get("tenants")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void theAnswerHoldsNoUrlNorPassword() throws Exception {
        String body = body(post(RELOAD).with(as("staff")), 200);

        assertThat(body)
                .doesNotContain("jdbc:")
                .doesNotContain(DIRECTORY_PASSWORD)
                .doesNotContain(SOURCE_PASSWORD)
                .doesNotContain("billing_ro")
                .doesNotContain("ctl");
    }

    @Test
    void anAccountScopedToADirectoryTenantSeesItAndNoOtherTenant() throws Exception {
        // the listing
        assertThat(body(get("/api/dashboard/sources").with(as("a-admin")), 200))
                .isEqualTo("[{\"name\":\"dir-a\",\"timeZone\":\"America/Bogota\"}]");

        // another directory tenant and the YAML one do not exist for it, word for word as an unknown name
        String unknown = body(
                post("/api/jobs/resync")
                        .with(as("a-ops"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\": \"globex\", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}"),
                404);
        for (String other : List.of("dir-b", "edge")) {
            assertThat(body(
                            post("/api/jobs/resync")
                                    .with(as("a-ops"))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"source\": \"" + other
                                            + "\", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}"),
                            404))
                    .isEqualTo(unknown);
            assertThat(body(get("/api/dashboard/summary?source=" + other).with(as("a-admin")), 404))
                    .isEqualTo("{\"error\":\"no hay ningún cliente con ese nombre\"}");
        }

        // and its own tenant re-syncs through the shared account, its job its own to follow
        JsonNode started = ExportJson.parse(body(
                post("/api/jobs/resync")
                        .with(as("a-ops"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\": \"dir-a\", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}"),
                202));
        long id = started.get("jobExecutionId").asLong();
        assertThat(AwaitJob.end(history, id)).isEqualTo("COMPLETED");
        JsonNode job = ExportJson.parse(body(get("/api/jobs/" + id).with(as("a-admin")), 200));
        assertThat(job.get("sources").toString()).isEqualTo("[\"dir-a\"]");
        assertThat(job.get("daysDone").asInt()).isEqualTo(31);
    }
}
