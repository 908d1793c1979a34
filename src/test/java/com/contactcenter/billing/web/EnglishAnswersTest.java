package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code billing.report.locale: en} every refusal is in English: the API's bad filters and
 * unknown sources, the statuses the container forwards, the page's bad filters (named by their
 * labels) and the 403 page with its logout. Spanish, the default, is what every other web test reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = EdgeTenantFixture.PRICING, properties = "billing.report.locale=en")
@Import(FixedClock.class)
class EnglishAnswersTest {

    private static final String PASSWORD = "admin-pw-1";
    private static final String HTML = "text/html";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(
                registry, "wh_english_answers", new String[] {"ada", "admin", PASSWORD, "*"}, new String[] {
                    "otto", "operator", PASSWORD, "*"
                });
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Accept", accept)
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                ("ada:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "summary?source=edge&preset=yesterday | 400 | preset must be today, this-week, this-month, last-month or custom, not 'yesterday'",
                "summary?source=edge&groupBy=year | 400 | groupBy must be day, week or month, not 'year'",
                "summary?source=edge&preset=custom&from=2026-10-02&to=2026-10-01 | 400 | from 2026-10-02 is after to 2026-10-01",
                "summary?source=edge&preset=custom&from=2025-11-01&to=2026-11-16 | 400 | the period covers 381 days; at most 366",
                "users?source=edge&dir=up | 400 | dir must be asc or desc, not 'up'",
                "users?source=edge&size=0 | 400 | page must be >= 1 and size between 1 and 500",
                "summary?source=nobody | 404 | no source by that name",
                "snapshots/nothing/download/json | 404 | no snapshot with that id",
                "summary?source=edge | 404 | no data for source 'edge' yet: it has never been synced",
                "forecast?source=edge&preset=this-month | 404 | no data for source 'edge' yet: it has never been synced"
            })
    void theApiRefusesInEnglish(String request, int status, String error) throws Exception {
        HttpResponse<String> answer = get("/api/dashboard/" + request, "application/json");

        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(ExportJson.parse(answer.body()).get("error").asString()).isEqualTo(error);
    }

    @Test
    void theStatusesTheContainerForwardsAreEnglish() throws Exception {
        assertThat(get("/api/nothing-here", "application/json").body()).isEqualTo("{\"error\":\"not found\"}");
        assertThat(get("/nothing-here", "*/*").body()).isEqualTo("{\"error\":\"forbidden\"}");
        HttpResponse<String> page = get("/nothing-here", HTML);
        assertThat(page.body())
                .contains("<html lang=\"en\">", "<h1>Access denied</h1>", "Your account may not see this page.");
    }

    @Test
    void thePageNamesARefusedDateByItsFieldsLabel() throws Exception {
        ErrorPagesTest.Session ada = ErrorPagesTest.Session.logIn(port, "ada", PASSWORD);

        String page = ada.get("/dashboard?source=edge&preset=custom&from=2026-11-30&to=2026-11-01")
                .body();

        assertThat(page)
                .contains(
                        "<p id=\"page-error\" class=\"error\" role=\"alert\">From 2026-11-30 is after To"
                                + " 2026-11-01</p>",
                        "<label for=\"user-search\">Search by name, email or role</label>");
    }

    @Test
    void theHeadlineSpeaksEnglish() throws Exception {
        ErrorPagesTest.Session ada = ErrorPagesTest.Session.logIn(port, "ada", PASSWORD);

        String page = ada.get("/dashboard?source=edge&preset=this-month").body();

        assertThat(page)
                .contains(
                        "<h2 id=\"headline-title\">The period at a glance</h2>",
                        "<span>Change in the estimated total:</span>",
                        "&quot;forecastNote&quot;:&quot;Rows marked \\&quot;forecast\\&quot; are the projection to the"
                                + " period&#39;s end, not synced data.&quot;");
    }

    @Test
    void anOperatorsForbiddenPageOffersItsLogoutInEnglish() throws Exception {
        ErrorPagesTest.Session otto = ErrorPagesTest.Session.logIn(port, "otto", PASSWORD);

        HttpResponse<String> page = otto.get("/dashboard");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body())
                .contains("<h1>Access denied</h1>", "<button type=\"submit\" id=\"logout\">Sign out</button>");
    }
}
