package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.contactcenter.billing.ops.JobHistory;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's doors: the login form and its session, CSRF on every POST a session makes,
 * admins only (operators re-sync but do not read), the page in Spanish with the filters, hostile
 * input shown as text, the OpenAPI document and the chart library served from the jar.
 */
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class DashboardSecurityTest {

    private static final String ADMIN_PASSWORD = "admin-pw-1";
    private static final String OPERATOR_PASSWORD = "operator-pw-1";
    private static final String RESYNC = "{\"source\": \"acme\", \"from\": \"2026-11-14\", \"to\": \"2026-11-15\"}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(
                registry, "wh_dashboard_security", new String[] {"ada", "admin", ADMIN_PASSWORD, "*"}, new String[] {
                    "otto", "operator", OPERATOR_PASSWORD, "*"
                });
    }

    private static boolean synced;

    @Autowired
    MockMvc mvc;

    @Autowired
    JobRunner sync;

    @Autowired
    JobHistory history;

    @BeforeEach
    void syncOnce() {
        if (!synced) {
            DashboardFixture.syncBoth(sync);
            synced = true;
        }
    }

    private MockHttpSession login(String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn()
                .getRequest()
                .getSession(false);
    }

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(URI.create(url)).session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theDashboardAsksForALoginFirst() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        String login = mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(login).contains("<html lang=\"es\">", "Iniciar sesión", "name=\"_csrf\"");
        // a wrong password goes back to the form, saying so
        mvc.perform(formLogin("/login").user("ada").password("wrong")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aLoginFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login")
                        .param("username", "ada")
                        .param("password", ADMIN_PASSWORD)
                        .session(new MockHttpSession()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdminSeesTheBillingPageInSpanishWithTheFilters() throws Exception {
        // given
        MockHttpSession session = login("ada", ADMIN_PASSWORD);

        // when
        String html = page(session, "/dashboard");

        // then
        assertThat(html)
                .contains(
                        "<html lang=\"es\">",
                        "Parametrización &gt; Facturación",
                        "Consumo de Usuarios",
                        "Consumo de Otros Servicios",
                        "Dashboard de Consumo de Servicios",
                        "Descargas",
                        "Estas cifras son una ESTIMACIÓN, no una factura.",
                        "<option value=\"acme\" selected=\"selected\">acme</option>",
                        "<option value=\"edge\">edge</option>",
                        "<option value=\"today\" selected=\"selected\">Hoy</option>",
                        "<option value=\"last-month\">Mes anterior</option>",
                        "<option value=\"month\" selected=\"selected\">Mes</option>",
                        "data-source=\"acme\"",
                        "data-preset=\"today\"",
                        "data-from=\"2026-11-15\"",
                        "data-to=\"2026-11-15\"",
                        "data-group-by=\"month\"",
                        "name=\"_csrf\" content=\"",
                        "id=\"resync\"",
                        "/webjars/chart.js/4.4.1/dist/chart.umd.js");
        assertThat(page(session, "/dashboard?source=edge&preset=last-month&groupBy=day"))
                .contains(
                        "data-source=\"edge\"",
                        "data-from=\"2026-10-01\"",
                        "data-to=\"2026-10-31\"",
                        "data-group-by=\"day\"");
    }

    @Test
    void aRefusedFilterIsSaidInSpanishNamingTheFieldAsTheFormLabelsIt() throws Exception {
        MockHttpSession session = login("ada", ADMIN_PASSWORD);

        assertThat(page(session, "/dashboard?source=edge&preset=custom&from=2026-11-30&to=2026-11-01"))
                .contains(
                        "<p id=\"page-error\" class=\"error\" role=\"alert\">Desde 2026-11-30 es posterior a Hasta 2026-11-01</p>",
                        "data-preset=\"today\"");
        assertThat(page(session, "/dashboard?source=edge&preset=custom&from=2025-11-01&to=2026-11-16"))
                .contains(
                        "<p id=\"page-error\" class=\"error\" role=\"alert\">el periodo abarca 381 días; como máximo 366</p>");
        assertThat(page(session, "/dashboard?source=edge&preset=custom&from=2026-11-01&to=2026-11-30"))
                .contains("Hasta 2026-11-30 es posterior a 2026-11-16, mañana en America/Bogota");
    }

    @Test
    void hostileFiltersAreShownAsText() throws Exception {
        MockHttpSession session = login("ada", ADMIN_PASSWORD);

        String html =
                page(session, "/dashboard?preset=%3Cscript%3Ealert(1)%3C%2Fscript%3E&groupBy=%3Cimg%20src%3Dx%3E");

        assertThat(html)
                .contains("groupBy debe ser day, week o month, no &#39;&lt;img src=x&gt;&#39;")
                .doesNotContain("<script>alert(1)</script>", "<img src=x>");
        // the page falls back to the default view
        assertThat(html).contains("data-preset=\"today\"");
    }

    @Test
    void operatorsMayReSyncButNotReadTheDashboard() throws Exception {
        MockHttpSession session = login("otto", OPERATOR_PASSWORD);
        mvc.perform(get("/dashboard").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/api/dashboard/summary").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/api/dashboard/summary").with(httpBasic("otto", OPERATOR_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs").with(httpBasic("otto", OPERATOR_PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiAnswers401WithoutCredentialsAndScriptsGetNoBasicPrompt() throws Exception {
        mvc.perform(get("/api/dashboard/summary"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"billing-estimate\""));
        mvc.perform(get("/api/dashboard/summary").header("X-Requested-With", "XMLHttpRequest"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }

    @Test
    void aReSyncFromTheDashboardNeedsItsCsrfToken() throws Exception {
        // given
        MockHttpSession session = login("ada", ADMIN_PASSWORD);

        // when: the session's cookie alone, as another site's form or script would send it
        mvc.perform(post("/api/jobs/resync")
                        .session(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RESYNC))
                .andExpect(status().isForbidden());

        // then: with the token the page holds, it starts
        String body = mvc.perform(post("/api/jobs/resync")
                        .session(session)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RESYNC))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ExportJson.parse(body).get("jobExecutionId").asLong();
        assertThat(awaitEnd(id)).isEqualTo("COMPLETED");
    }

    private String awaitEnd(long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String status;
        do {
            Thread.sleep(200);
            status = history.status(id).orElseThrow().status();
        } while (!status.equals("COMPLETED")
                && !status.equals("FAILED")
                && Instant.now().isBefore(deadline));
        return status;
    }

    @Test
    void aSessionsPostNeedsItsCsrfTokenWhateverAuthorizationHeaderItCarries() throws Exception {
        // given
        MockHttpSession session = login("ada", ADMIN_PASSWORD);
        int requests = history.history(1000).size();

        // when / then: an Authorization header of another scheme, or an empty one, does not stand in for the token
        mvc.perform(post("/api/jobs/resync")
                        .session(session)
                        .header("Authorization", "Bearer x")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RESYNC))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/jobs/resync")
                        .session(session)
                        .header("Authorization", "")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RESYNC))
                .andExpect(status().isForbidden());
        assertThat(history.history(1000)).hasSize(requests);
    }

    @Test
    void basicCredentialsAreStatelessAndNeedNoCsrfToken() throws Exception {
        // when: a script posts a re-sync with its credentials and no session
        MvcResult started = mvc.perform(post("/api/jobs/resync")
                        .with(httpBasic("otto", OPERATOR_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\": \"edge\", \"from\": \"2026-10-01\", \"to\": \"2026-10-02\"}"))
                .andExpect(status().isAccepted())
                .andReturn();

        // then: it started, and no session was made for it
        assertThat(started.getRequest().getSession(false)).isNull();
        assertThat(started.getResponse().getHeader("Set-Cookie")).isNull();
        long id = ExportJson.parse(started.getResponse().getContentAsString())
                .get("jobExecutionId")
                .asLong();
        assertThat(awaitEnd(id)).isEqualTo("COMPLETED");
        MvcResult read = mvc.perform(get("/api/dashboard/sources").with(httpBasic("ada", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(read.getRequest().getSession(false)).isNull();
    }

    @Test
    void basicCredentialsAloneAuthenticateARequestThatAlsoCarriesASession() throws Exception {
        // given an operator's session, who may not read the dashboard
        MockHttpSession operator = login("otto", OPERATOR_PASSWORD);

        // then an admin's credentials read it, and the session neither helps a wrong password nor changes
        mvc.perform(get("/api/dashboard/sources").session(operator).with(httpBasic("ada", ADMIN_PASSWORD)))
                .andExpect(status().isOk());
        MockHttpSession admin = login("ada", ADMIN_PASSWORD);
        mvc.perform(get("/api/dashboard/sources").session(admin).with(httpBasic("ada", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/dashboard/sources").session(operator)).andExpect(status().isForbidden());
    }

    @Test
    void aCrossSiteFormCannotPostAReSyncEvenWithCachedBasicCredentials() throws Exception {
        // a form can only send form or text bodies; the API reads JSON
        mvc.perform(post("/api/jobs/resync")
                        .with(httpBasic("ada", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("source=acme&from=2026-11-14&to=2026-11-15"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/jobs/resync")
                        .with(httpBasic("ada", ADMIN_PASSWORD))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(RESYNC))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointOfTheApi() throws Exception {
        JsonNode doc = ExportJson.parse(mvc.perform(get("/v3/api-docs").with(httpBasic("ada", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        List<String> paths = doc.get("paths").propertyNames().stream().sorted().toList();
        assertThat(paths)
                .containsExactly(
                        "/api/alerts",
                        "/api/dashboard/budget",
                        "/api/dashboard/comparison",
                        "/api/dashboard/consumption",
                        "/api/dashboard/forecast",
                        "/api/dashboard/services",
                        "/api/dashboard/snapshots/{snapshotId}/download/{format}",
                        "/api/dashboard/sources",
                        "/api/dashboard/summary",
                        "/api/dashboard/users",
                        "/api/dashboard/users/{userId}",
                        "/api/jobs",
                        "/api/jobs/requests/{requestId}",
                        "/api/jobs/resync",
                        "/api/jobs/sync",
                        "/api/jobs/{id}",
                        "/api/portfolio",
                        "/api/snapshots/diff",
                        "/api/sources/reload");
        assertThat(doc.at("/paths/~1api~1dashboard~1users/get/parameters").toString())
                .contains("\"q\"", "\"sort\"", "\"page\"", "\"size\"", "\"source\"", "\"preset\"", "\"groupBy\"");
    }

    @Test
    void theChartLibraryAndThePagesScriptComeFromTheJar() throws Exception {
        MockHttpSession session = login("ada", ADMIN_PASSWORD);
        String chart = mvc.perform(
                        get("/webjars/chart.js/4.4.1/dist/chart.umd.js").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(chart).contains("Chart.js v4.4.1");
        String script = mvc.perform(get("/dashboard/dashboard.js").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(script).contains("textContent").doesNotContain("innerHTML");
        String budget = mvc.perform(get("/dashboard/budget.js").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(budget)
                .contains("getElementById('headline-budget')", "/api/dashboard/budget?", "textContent")
                .doesNotContain("innerHTML");
        String page = mvc.perform(get("/dashboard").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<script src=\"/dashboard/budget.js\"></script>");
    }
}
