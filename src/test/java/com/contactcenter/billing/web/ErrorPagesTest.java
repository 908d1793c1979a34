package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * What a real server answers for {@code /error} and for paths that do not exist or may not be seen:
 * the service's own 404 and 403, as JSON for the API and API clients and as the not-found page for
 * browsers (Spanish), never the container's or Spring Boot's default error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class ErrorPagesTest {

    private static final String ADMIN_PASSWORD = "admin-pw-1";
    private static final String OPERATOR_PASSWORD = "operator-pw-1";
    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(
                registry, "wh_error_pages", new String[] {"ada", "admin", ADMIN_PASSWORD, "*"}, new String[] {
                    "otto", "operator", OPERATOR_PASSWORD, "*"
                });
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String accept, boolean admin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (admin) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(("ada:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void errorAskedForDirectlyIsNotFoundForEveryone() throws Exception {
        HttpResponse<String> json = get("/error", "application/json", false);
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).isEqualTo("{\"error\":\"no encontrado\"}");
        assertThat(get("/error", null, true).body()).isEqualTo("{\"error\":\"no encontrado\"}");

        HttpResponse<String> page = get("/error", HTML, false);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.body())
                .contains(
                        "<html lang=\"es\">",
                        "<h1>No encontrado</h1>",
                        "<p id=\"page-error\" class=\"error\">La página que busca no existe.</p>")
                .doesNotContain("999");
    }

    @Test
    void anUnknownApiPathIsTheApisOwn404EvenToABrowser() throws Exception {
        for (String accept : new String[] {null, "application/json", HTML}) {
            HttpResponse<String> answer = get("/api/dashboard/nothing-here", accept, true);
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).isEqualTo("{\"error\":\"no encontrado\"}");
        }
    }

    @Test
    void anUnknownPageIsTheNotFoundPageForABrowser() throws Exception {
        HttpResponse<String> page = get("/dashboard/nothing-here.js", HTML, true);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>No encontrado</h1>", "La página que busca no existe.");
    }

    @Test
    void aPathOutsideTheServiceIsForbiddenToAnAccountAndAsksAnonymousBrowsersToLogIn() throws Exception {
        HttpResponse<String> page = get("/nothing-here", HTML, true);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("<h1>Acceso denegado</h1>", "Su cuenta no tiene acceso a esta página.");

        HttpResponse<String> json = get("/nothing-here", "*/*", true);
        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(json.body()).isEqualTo("{\"error\":\"acceso denegado\"}");

        HttpResponse<String> anonymous = get("/nothing-here", HTML, false);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/login");
        HttpResponse<String> script = get("/api/nothing-here", "application/json", false);
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.body()).isEqualTo("{\"error\":\"no autenticado\"}");
    }

    @Test
    void anOperatorsForbiddenPageIsTheServicesOwnAndOffersItsSessionsLogout() throws Exception {
        // given an operator signed in through the form (operators re-sync, they do not read the dashboard)
        Session otto = Session.logIn(port, "otto", OPERATOR_PASSWORD);

        // when its browser opens the dashboard
        HttpResponse<String> page = otto.get("/dashboard");

        // then the service's 403 page, in Spanish, with the account and its logout form
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body())
                .contains(
                        "<h1>Acceso denegado</h1>",
                        "Su cuenta no tiene acceso a esta página.",
                        "<span id=\"account\">otto</span>",
                        "<button type=\"submit\" id=\"logout\">Cerrar sesión</button>",
                        "<link rel=\"icon\" href=\"/favicon.ico\">")
                .doesNotContain("Whitelabel", "swagger");
        // and its logout works: the form carries the session's CSRF token
        HttpResponse<String> out = otto.post("/logout", Session.csrf(page.body()));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/login?logout");
        assertThat(otto.get("/dashboard").statusCode()).isEqualTo(302);
    }

    @Test
    void aPageRefusedToARequestWithoutASessionOffersNoLogout() throws Exception {
        HttpResponse<String> page = get("/nothing-here", HTML, true);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("<h1>Acceso denegado</h1>").doesNotContain("id=\"logout\"");
    }

    @Test
    void theFaviconIsServedWithoutALogin() throws Exception {
        HttpResponse<byte[]> icon = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        try (var resource = getClass().getResourceAsStream("/static/favicon.ico")) {
            assertThat(icon.body()).isEqualTo(resource.readAllBytes());
        }
    }

    /** A browser's session: cookies kept, redirects not followed, HTML asked for. */
    record Session(HttpClient http, int port) {

        static Session logIn(int port, String user, String password) throws Exception {
            Session session = new Session(
                    HttpClient.newBuilder()
                            .cookieHandler(new java.net.CookieManager())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build(),
                    port);
            HttpResponse<String> form = session.get("/login");
            HttpResponse<String> in =
                    session.post("/login", "username=" + user + "&password=" + password + "&" + csrf(form.body()));
            assertThat(in.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/dashboard");
            return session;
        }

        /** The hidden CSRF field of the page's form, as a form parameter. */
        static String csrf(String html) {
            java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(html);
            assertThat(field.find()).as("a CSRF field in " + html).isTrue();
            return "_csrf=" + field.group(1);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept", HTML)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept", HTML)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
