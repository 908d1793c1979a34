package com.contactcenter.billing.web;

import static com.contactcenter.billing.support.DashboardFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.Chromium;
import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.usage.GroupBy;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Collator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An admin in a real headless Chromium: logs in, reads the default view, switches to last month by
 * day, expands a user and searches for the hostile names; every figure on screen is compared with
 * the JSON export of the snapshot the page shows. Screenshots of the default view and of the
 * services dashboard are kept in {@code target/screenshots}.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class DashboardChromiumIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "admin-pw-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(
                registry,
                "wh_dashboard_chromium",
                new String[] {"ada", "admin", PASSWORD, "*"},
                new String[] {"acme-admin", "admin", PASSWORD, ACME},
                new String[] {"otto", "operator", PASSWORD, "*"});
    }

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JobRunner sync;

    @Autowired
    SnapshotService snapshots;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Each case starts signed out, on a desktop's screen: the browser is shared, its cookies and size are not. */
    @BeforeEach
    void signOut() {
        browser.manage().window().setSize(new Dimension(1400, 2200));
        browser.get("http://127.0.0.1:" + port + "/login");
        browser.manage().deleteAllCookies();
    }

    @Test
    void anAdminSeesEveryFigureOfTheExportOnScreen() throws Exception {
        // given
        DashboardFixture.syncBoth(sync);

        // when: the admin opens the billing screens and logs in
        browser.get("http://127.0.0.1:" + port + "/dashboard");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("ada");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        awaitLoaded();

        // then: the default view, today grouped by month, in Spanish, matching its export
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(new Select(browser.findElement(By.id("preset")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Hoy");
        assertThat(new Select(browser.findElement(By.id("groupBy")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Mes");
        JsonNode today = shownExport();
        assertThat(today.at("/period/from").asString()).isEqualTo("2026-11-15");
        assertThat(today.at("/period/to").asString()).isEqualTo("2026-11-15");
        assertThat(today.get("groupBy").asString()).isEqualTo("month");
        assertThat(text("freshness")).isEqualTo("Datos sincronizados hasta las 12:00");
        assertSameFigures(today);
        screenshot("dashboard-default.png");

        // when: last month, grouped by day
        new Select(browser.findElement(By.id("preset"))).selectByValue("last-month");
        new Select(browser.findElement(By.id("groupBy"))).selectByValue("day");
        browser.findElement(By.id("apply")).click();
        awaitLoaded();

        // then
        JsonNode october = shownExport();
        assertThat(october.at("/period/from").asString()).isEqualTo("2026-10-01");
        assertThat(october.at("/period/to").asString()).isEqualTo("2026-10-31");
        assertThat(october.get("groupBy").asString()).isEqualTo("day");
        assertThat(october.at("/snapshot/id").asString())
                .isEqualTo(snapshots
                        .newest(ACME, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), GroupBy.DAY)
                        .orElseThrow()
                        .id());
        assertSameFigures(october);
        assertFirstPageOfUsers(october);
        assertWhatsappAndComparison(october);
        browser.executeScript("document.getElementById('consumption-section').scrollIntoView()");
        screenshot("dashboard-services.png");

        // when: a user with channels and activity is found and expanded
        JsonNode user = ExportJson.elements(october.get("users")).stream()
                .filter(u -> u.get("assignedChannels").size() > 0
                        && u.get("activity").size() > 1)
                .findFirst()
                .orElseThrow();
        search(user.get("email").asString(), user.get("name").asString());
        browser.findElement(By.cssSelector(
                        "tr.user-row[data-user-id='" + user.get("id").asLong() + "']"))
                .click();
        WebElement detail = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("tr.user-detail")));

        // then: its channels by name and type and its activity per day, as exported
        List<String> channels = detail.findElements(By.cssSelector(".detail-channels li")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(channels)
                .isEqualTo(ExportJson.elements(user.get("assignedChannels")).stream()
                        .map(c ->
                                c.get("name").asString() + " (" + c.get("type").asString() + ")")
                        .toList());
        List<WebElement> activity = detail.findElements(By.cssSelector("tr[data-bucket]"));
        assertThat(activity).hasSize(user.get("activity").size());
        for (int i = 0; i < activity.size(); i++) {
            JsonNode a = user.get("activity").get(i);
            List<String> cells = activity.get(i).findElements(By.tagName("td")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(cells)
                    .containsExactly(
                            a.get("bucket").asString(),
                            count(a, "sessions"),
                            count(a, "messagesSent"),
                            count(a, "calls"),
                            count(a, "callMinutes"));
        }

        // and the hostile names are text, never markup
        for (String hostile : List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")) {
            assertThat(ExportJson.elements(october.get("users")).stream()
                            .map(u -> u.get("name").asString()))
                    .as("the demo tenant has a billable user named " + hostile)
                    .contains(hostile);
            search(hostile, hostile);
            assertThat(browser.findElements(By.cssSelector("#users-table td[data-col=name]")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .containsExactly(hostile);
        }
        assertThat(browser.executeScript(
                        "return document.querySelectorAll('img[src=\"x\"], #users-table script').length"))
                .isEqualTo(0L);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aTenantsAdminIsOfferedOnlyItsTenantAndAnotherTenantsUrlShowsNothingOfIt() throws Exception {
        // given
        DashboardFixture.syncBoth(sync);
        JsonNode edge = ExportJson.parse(snapshots
                .newestOrCompute(
                        DashboardFixture.EDGE,
                        LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-10-31"),
                        GroupBy.DAY)
                .document());

        // when: acme's admin logs in
        browser.get("http://127.0.0.1:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("acme-admin");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        awaitLoaded();

        // then: the picker offers acme alone
        assertThat(new Select(browser.findElement(By.id("source")))
                        .getOptions().stream().map(WebElement::getText).toList())
                .containsExactly(ACME);

        // and edge's own URL shows nothing of edge
        browser.get("http://127.0.0.1:" + port + "/dashboard?source=edge&preset=last-month&groupBy=day");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("No encontrado");
        assertThat(browser.getPageSource()).doesNotContain("data-source=\"edge\"");
        for (JsonNode user : edge.get("users")) {
            assertThat(browser.getPageSource())
                    .doesNotContain(
                            user.get("name").asString(), user.get("email").asString());
        }
        assertThat(browser.getPageSource())
                .doesNotContain(edge.at("/estimate/total").asString());
    }

    @Test
    void theWholePageFitsA390PixelScreenAndA1366PixelOne() throws Exception {
        // given
        DashboardFixture.syncBoth(sync);
        logIn("ada");

        for (int width : new int[] {1366, 390}) {
            // when the admin opens last month by day on a screen this wide
            browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            browser.get("http://127.0.0.1:" + port + "/dashboard?source=acme&preset=last-month&groupBy=day");
            awaitLoaded();

            // then the page never scrolls sideways
            assertThat(script("return window.innerWidth")).isEqualTo((long) width);
            assertThat((Long) script("return document.documentElement.scrollWidth"))
                    .as("page width at " + width)
                    .isLessThanOrEqualTo(width);
            // and the logout is on screen, whole
            WebElement logout = browser.findElement(By.id("logout"));
            assertThat(logout.isDisplayed()).isTrue();
            assertThat(logout.getRect().getX() + logout.getRect().getWidth()).isLessThanOrEqualTo(width);
            assertThat(logout.getText()).isEqualTo("Cerrar sesión");
            // and every chart is drawn at the width of its box, none a flat strip
            for (String chart : List.of("chart-services", "chart-roles", "chart-whatsapp")) {
                WebElement canvas = browser.findElement(By.id(chart));
                assertThat(canvas.getRect().getWidth())
                        .as(chart + " at " + width)
                        .isGreaterThan(200)
                        .isLessThanOrEqualTo(width);
                assertThat(canvas.getRect().getHeight())
                        .as(chart + " at " + width)
                        .isGreaterThanOrEqualTo(200);
            }
            // and every section has loaded: none busy, no loading note left
            assertThat(script("return document.querySelectorAll('[aria-busy=\"true\"]').length"))
                    .isEqualTo(0L);
            assertThat(browser.findElements(By.cssSelector(".loading-note")).stream()
                            .filter(WebElement::isDisplayed))
                    .isEmpty();
            screenshot("dashboard-" + width + ".png");
        }
        // and at 390 px the users table scrolls inside its own box
        assertThat((Long) script("const box = document.getElementById('users-table').parentElement;"
                        + " return box.scrollWidth - box.clientWidth"))
                .isPositive();
        wholePageScreenshot("dashboard-390-whole.png");
    }

    @Test
    void everyChartHasItsFiguresInATable() throws Exception {
        // given
        DashboardFixture.syncBoth(sync);
        logIn("ada");
        browser.get("http://127.0.0.1:" + port + "/dashboard?source=acme&preset=last-month&groupBy=week");
        awaitLoaded();

        // then each chart over time has a table of the same figures, a row per bucket, a column per series
        for (String chart : List.of("chart-services", "chart-roles")) {
            @SuppressWarnings("unchecked")
            List<String> buckets = (List<String>) script("return Chart.getChart('" + chart + "').data.labels");
            @SuppressWarnings("unchecked")
            List<List<Long>> series =
                    (List<List<Long>>) script("return Chart.getChart('" + chart + "').data.datasets.map(d => d.data)");
            List<WebElement> rows = browser.findElements(By.cssSelector("#" + chart + "-data tbody tr"));
            assertThat(rows).as(chart).hasSize(buckets.size());
            for (int b = 0; b < buckets.size(); b++) {
                List<String> cells = rows.get(b).findElements(By.cssSelector("th, td")).stream()
                        .map(c -> c.getAttribute("textContent"))
                        .toList();
                List<String> expected = new ArrayList<>(List.of(buckets.get(b)));
                for (List<Long> values : series) {
                    expected.add(String.format(java.util.Locale.ROOT, "%,d", values.get(b))
                            .replace(',', '.'));
                }
                assertThat(cells).as(chart + " " + buckets.get(b)).isEqualTo(expected);
            }
            assertThat(browser.findElement(By.id(chart)).getAttribute("role")).isEqualTo("img");
        }
        assertThat(browser.findElement(By.id("chart-whatsapp")).getAttribute("aria-describedby"))
                .isEqualTo("whatsapp-table");
        assertThat(browser.findElement(By.cssSelector("label[for='user-search']"))
                        .getText())
                .isEqualTo("Buscar por nombre, correo o rol");
    }

    @Test
    void tabReachesAUserRowEnterOpensItAndASortableHeaderSortsByKeyboard() throws Exception {
        // given
        DashboardFixture.syncBoth(sync);
        logIn("ada");
        browser.get("http://127.0.0.1:" + port + "/dashboard?source=acme&preset=last-month&groupBy=day");
        awaitLoaded();

        // when the admin tabs to the name header and presses Enter
        tabUntil("th[data-sort='name'] button");
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        // then the table is sorted by name, descending, and the header keeps the focus
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> "descending"
                        .equals(d.findElement(By.cssSelector("th[data-sort='name']"))
                                .getAttribute("aria-sort")));
        assertThat(script("return document.activeElement.closest('th').dataset.sort"))
                .isEqualTo("name");

        // when the admin tabs on to the first user row and presses Enter
        WebElement row = tabUntil("tr.user-row");
        String id = row.getAttribute("data-user-id");
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        // then the row opens its detail, and Space closes it
        WebElement detail = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("tr.user-detail[data-user-id='" + id + "']")));
        assertThat(detail.getText()).contains("Canales asignados", "Actividad por periodo");
        assertThat(row.getAttribute("aria-expanded")).isEqualTo("true");
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("tr.user-detail")).isEmpty());
        assertThat(row.getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void aBadFilterIsRefusedInSpanishAndStaleDatesLeaveTheAddress() throws Exception {
        // given
        DashboardFixture.syncBoth(sync);
        logIn("ada");

        // when a custom range ends before it starts
        browser.get("http://127.0.0.1:" + port + "/dashboard?source=acme&preset=custom&from=2026-11-30&to=2026-11-01");

        // then the page says so in Spanish, naming the fields as the form labels them, and shows today
        assertThat(text("page-error")).isEqualTo("Desde 2026-11-30 es posterior a Hasta 2026-11-01");
        awaitLoaded();
        assertThat(new Select(browser.findElement(By.id("preset")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Hoy");

        // and an unknown period or group-by too
        browser.get("http://127.0.0.1:" + port + "/dashboard?source=acme&preset=yesterday");
        assertThat(text("page-error"))
                .isEqualTo("preset debe ser today, this-week, this-month, last-month o custom, no 'yesterday'");
        awaitLoaded();

        // when a bookmark of this month still carries a custom range's dates
        browser.get(
                "http://127.0.0.1:" + port + "/dashboard?source=acme&preset=this-month&from=2026-01-01&to=2026-01-31");
        awaitLoaded();

        // then they leave the address, and the form does not send them again
        assertThat(new URI(browser.getCurrentUrl()).getQuery()).isEqualTo("source=acme&preset=this-month");
        new Select(browser.findElement(By.id("groupBy"))).selectByValue("week");
        apply();
        assertThat(new URI(browser.getCurrentUrl()).getQuery()).isEqualTo("source=acme&preset=this-month&groupBy=week");

        // and a custom range keeps its dates
        new Select(browser.findElement(By.id("preset"))).selectByValue("custom");
        assertThat(browser.findElement(By.id("from")).isEnabled()).isTrue();
        browser.executeScript("document.getElementById('from').value = '2026-10-01';"
                + " document.getElementById('to').value = '2026-10-15'");
        apply();
        assertThat(new URI(browser.getCurrentUrl()).getQuery())
                .isEqualTo("source=acme&preset=custom&from=2026-10-01&to=2026-10-15&groupBy=week");
    }

    @Test
    void anOperatorIsRefusedByTheServicesOwnPageAndCanLogOut() throws Exception {
        // when an operator logs in: operators re-sync through the API but do not read the billing screens
        browser.manage().window().setSize(new Dimension(390, 844));
        logIn("otto");

        // then the page refusing it is the service's, in Spanish, with the session's logout
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Acceso denegado");
        assertThat(text("page-error")).isEqualTo("Su cuenta no tiene acceso a esta página.");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        assertThat(text("account")).isEqualTo("otto");
        assertThat((Long) script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        screenshot("forbidden-390.png");

        // when it logs out
        browser.findElement(By.id("logout")).click();

        // then its session has ended
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/login?logout"));
        assertThat(browser.findElement(By.className("notice")).getText()).isEqualTo("Sesión cerrada.");
        browser.get("http://127.0.0.1:" + port + "/dashboard");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void theHeadlineShowsTheTotalTheChangeAndTheForecastOnAnyScreen() throws Exception {
        // given: this month, by day, as of Sunday Nov 15 12:00 in Bogota
        DashboardFixture.syncBoth(sync);
        logIn("ada");
        String view = "source=acme&preset=this-month&groupBy=day";
        JsonNode summary = apiJson("summary?" + view);
        JsonNode comparison = apiJson("comparison?" + view);
        JsonNode forecast = apiJson("forecast?" + view);
        JsonNode total = ExportJson.elements(comparison.get("rows")).stream()
                .filter(r -> r.get("key").asString().equals("total"))
                .findFirst()
                .orElseThrow();
        assertThat(forecast.get("open").asBoolean()).isTrue();
        assertThat(forecast.get("method").asString()).isNotEqualTo("no-history");

        for (int width : new int[] {1366, 390}) {
            // when the admin opens it on a screen this wide
            browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            browser.get("http://127.0.0.1:" + port + "/dashboard?" + view);
            awaitLoaded();

            // then the headline holds the total, seats against services, the change and what it compares
            assertThat(text("headline-total"))
                    .isEqualTo(money(summary.get("total").asString()) + " COP");
            assertThat(text("headline-split"))
                    .isEqualTo("Puestos: "
                            + money(apiJson("services?" + view)
                                    .get("seatsTotal")
                                    .asString())
                            + " COP · Servicios: "
                            + money(apiJson("services?" + view)
                                    .get("servicesTotal")
                                    .asString()) + " COP");
            assertThat(text("headline-change-label"))
                    .isEqualTo(comparison.get("label").asString());
            assertThat(text("headline-change-value")).isEqualTo(change(total));
            assertThat(text("headline-asof")).isEqualTo("Datos sincronizados hasta las 12:00");
            // and the forecast to the month's end as the API gives it, formatted by hand here
            assertThat(text("headline-forecast"))
                    .isEqualTo(forecast.get("headline").asString())
                    .isEqualTo(forecastLine(forecast.get("total")));
            assertThat(browser.findElement(By.id("headline-budget")).getAttribute("hidden"))
                    .isNotNull();
            // and the page never scrolls sideways
            assertThat((Long) script("return document.documentElement.scrollWidth"))
                    .as("page width at " + width)
                    .isLessThanOrEqualTo(width);
            WebElement headline = browser.findElement(By.id("headline"));
            assertThat(headline.getRect().getX() + headline.getRect().getWidth())
                    .isLessThanOrEqualTo(width);
            screenshot("headline-" + width + ".png");
        }
        // and a month that has ended has no forecast line
        browser.get("http://127.0.0.1:" + port + "/dashboard?source=acme&preset=last-month&groupBy=day");
        awaitLoaded();
        assertThat(browser.findElement(By.id("headline-forecast")).isDisplayed())
                .isFalse();
        assertThat(text("headline-change-label")).isEqualTo("1–31 oct. frente a 1–30 sept.");
    }

    @Test
    void eachSeriesRunsOnDottedToTheMonthsEndAndNoPointAfterTheAsOfIsDrawnAsActual() throws Exception {
        // given
        DashboardFixture.syncBoth(sync);
        logIn("ada");
        String view = "source=acme&preset=this-month&groupBy=day";
        JsonNode consumption = apiJson("consumption?" + view);
        JsonNode forecast = apiJson("forecast?" + view);
        int actual = consumption.get("buckets").size();
        // Nov 1 to today, the 15th, synced; the 16th to the 30th projected
        assertThat(actual).isEqualTo(15);
        assertThat(forecast.get("buckets").size()).isEqualTo(15);

        // when
        browser.get("http://127.0.0.1:" + port + "/dashboard?" + view);
        awaitLoaded();

        // then each service's synced points end at the as-of; its continuation is its own dotted dataset
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> datasets = (List<Map<String, Object>>)
                script("return Chart.getChart('chart-services').data.datasets.map(d => ({ label: d.label,"
                        + " forecast: Boolean(d.forecast), dash: d.borderDash || [], data: d.data }))");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) script("return Chart.getChart('chart-services').data.labels");
        assertThat(labels).hasSize(30);
        assertThat(labels.get(15)).isEqualTo("2026-11-16 (proyección)");
        List<JsonNode> services = ExportJson.elements(consumption.get("services"));
        assertThat(datasets).hasSize(2 * services.size());
        for (int s = 0; s < services.size(); s++) {
            JsonNode service = services.get(s);
            Map<String, Object> synced = datasets.get(2 * s);
            Map<String, Object> dotted = datasets.get(2 * s + 1);
            List<?> syncedData = (List<?>) synced.get("data");
            List<?> dottedData = (List<?>) dotted.get("data");
            assertThat(synced.get("forecast")).isEqualTo(false);
            assertThat(synced.get("label")).isEqualTo(service.get("label").asString());
            for (int i = 0; i < 30; i++) {
                if (i < actual) {
                    assertThat(syncedData.get(i))
                            .isEqualTo(service.get("units").get(i).asLong());
                } else {
                    assertThat(syncedData.get(i))
                            .as("actual point after the as-of, " + labels.get(i))
                            .isNull();
                }
            }
            assertThat(dotted.get("forecast")).isEqualTo(true);
            assertThat(dotted.get("label")).isEqualTo(service.get("label").asString() + " (proyección)");
            assertThat((List<?>) dotted.get("dash")).isNotEmpty();
            for (int i = 0; i < 30; i++) {
                Object expected = i < actual - 1
                        ? null
                        : i == actual - 1
                                ? service.get("units").get(i).asLong()
                                : forecast.at("/buckets/" + (i - actual) + "/services/"
                                                + service.get("key").asString())
                                        .asLong();
                assertThat(dottedData.get(i))
                        .as(service.get("key").asString() + " " + i)
                        .isEqualTo(expected);
            }
        }
        // and the chart's table says which rows are the forecast's
        List<WebElement> rows = browser.findElements(By.cssSelector("#chart-services-data tbody tr"));
        assertThat(rows).hasSize(30);
        for (int i = 0; i < 30; i++) {
            WebElement row = rows.get(i);
            String first = row.findElement(By.tagName("th")).getAttribute("textContent");
            if (i < actual) {
                assertThat(row.getAttribute("data-forecast")).isNull();
                assertThat(first).doesNotContain("proyección");
            } else {
                assertThat(row.getAttribute("data-forecast")).isEqualTo("true");
                assertThat(first).endsWith(" (proyección)");
                assertThat(row.findElements(By.tagName("td")).get(0).getAttribute("textContent"))
                        .isEqualTo(String.format(
                                        Locale.ROOT,
                                        "%,d",
                                        forecast.at("/buckets/" + (i - actual) + "/services/sms_out")
                                                .asLong())
                                .replace(',', '.'));
            }
        }
        assertThat(browser.findElement(By.id("chart-services-forecast-note")).getAttribute("textContent"))
                .isEqualTo("Las filas marcadas «proyección» son la proyección al cierre del periodo, no datos"
                        + " sincronizados.");
        // the roles' chart the same way: the agents known today run on
        @SuppressWarnings("unchecked")
        List<Boolean> roleForecast = (List<Boolean>)
                script("return Chart.getChart('chart-roles').data.datasets.map(d => Boolean(d.forecast))");
        assertThat(roleForecast).hasSize(2 * consumption.get("usersByRole").size());
        browser.executeScript("document.getElementById('consumption-section').scrollIntoView()");
        screenshot("dashboard-forecast.png");
    }

    /** The dashboard API's answer for ada, read apart from the page. */
    private JsonNode apiJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dashboard/" + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                ("ada:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                                .header("Accept", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return ExportJson.parse(answer.body());
    }

    /** A change as the page writes it: signed, a decimal comma, or "Sin datos" for a side with none. */
    private static String change(JsonNode row) {
        if (row.get("current").isNull() || row.get("previous").isNull()) {
            return "Sin datos";
        }
        if (row.get("changePercent").isNull()) {
            return "—";
        }
        String percent = row.get("changePercent").asString();
        return (percent.startsWith("-") ? "-" + money(percent.substring(1)) : "+" + money(percent)) + " %";
    }

    /** "Proyección al cierre: 61,2 M COP (58,9–63,8 M)": millions with a decimal from a million, else whole. */
    private static String forecastLine(JsonNode total) {
        BigDecimal point = new BigDecimal(total.get("point").asString());
        boolean millions = point.compareTo(BigDecimal.valueOf(1_000_000)) >= 0;
        java.util.function.Function<String, String> shown = amount -> millions
                ? money(new BigDecimal(amount)
                        .movePointLeft(6)
                        .setScale(1, RoundingMode.HALF_UP)
                        .toPlainString())
                : money(new BigDecimal(amount).setScale(0, RoundingMode.HALF_UP).toPlainString());
        String unit = millions ? " M" : "";
        return "Proyección al cierre: " + shown.apply(total.get("point").asString()) + unit + " COP ("
                + shown.apply(total.get("low").asString()) + "–"
                + shown.apply(total.get("high").asString()) + unit
                + ")";
    }

    @Test
    void theFaviconIsServedToEveryone() throws Exception {
        HttpResponse<byte[]> icon = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/favicon.ico"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(icon.statusCode()).isEqualTo(200);
        try (var resource = getClass().getResourceAsStream("/static/favicon.ico")) {
            assertThat(icon.body()).isEqualTo(resource.readAllBytes());
        }
        browser.get("http://127.0.0.1:" + port + "/login");
        assertThat(browser.findElement(By.cssSelector("link[rel='icon']")).getAttribute("href"))
                .isEqualTo("http://127.0.0.1:" + port + "/favicon.ico");
    }

    @Test
    void printedThePageKeepsTheFiguresWholeWithoutFiltersOrButtons() throws Exception {
        // given
        DashboardFixture.syncBoth(sync);
        logIn("ada");
        browser.manage().window().setSize(new Dimension(794, 1123));
        browser.get("http://127.0.0.1:" + port + "/dashboard?source=acme&preset=last-month&groupBy=day");
        awaitLoaded();

        // when it is printed
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            // then the filters, buttons and pager are left out
            for (String hidden :
                    List.of("#filters", "#resync", "#logout", ".pager", ".table-tools", "#downloads-section")) {
                assertThat(script("return document.querySelector(\"" + hidden + "\").getClientRects().length"))
                        .as(hidden)
                        .isEqualTo(0L);
            }
            // and no table is cut: each is as wide as its box, within the page
            for (String table :
                    List.of("users-table", "services-table", "seats-table", "comparison-table", "whatsapp-table")) {
                assertThat((Long) script("const t = document.getElementById('" + table + "');"
                                + " return t.scrollWidth - t.parentElement.clientWidth"))
                        .as(table)
                        .isLessThanOrEqualTo(0L);
            }
            assertThat((Long) script("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(794);
            wholePageScreenshot("dashboard-print.png");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /** Signs in through the form; an admin lands on the dashboard, fully loaded. */
    private void logIn(String account) {
        browser.get("http://127.0.0.1:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(account);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        if (!account.equals("otto")) {
            awaitLoaded();
        }
    }

    /** Submits the filters and waits for the page they ask for to load. */
    private void apply() {
        WebElement before = browser.findElement(By.tagName("body"));
        browser.findElement(By.id("apply")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(before));
        awaitLoaded();
    }

    /** Presses Tab from the top of the page until the focus is on an element matching {@code css}. */
    private WebElement tabUntil(String css) {
        browser.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        for (int presses = 0; presses < 80; presses++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            if ((Boolean) browser.executeScript("return arguments[0].matches(arguments[1])", focused, css)) {
                return focused;
            }
        }
        throw new AssertionError("80 presses of Tab never reached " + css);
    }

    /** The page from top to bottom: the window made as tall as the page, at the same width, then restored. */
    private void wholePageScreenshot(String name) throws IOException {
        Dimension size = browser.manage().window().getSize();
        long height = (Long) script("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 100, 12_000)));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    private Object script(String code) {
        return browser.executeScript(code);
    }

    private void awaitLoaded() {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            String loaded =
                    (String) ((JavascriptExecutor) d).executeScript("return document.body.dataset.loaded || ''");
            if (loaded.equals("error")) {
                throw new AssertionError("the page could not load: " + text("freshness"));
            }
            return loaded.equals("true");
        });
    }

    /** The export of the snapshot the page shows, found by the id in its JSON download link. */
    private JsonNode shownExport() {
        String href = browser.findElement(By.id("download-json")).getAttribute("href");
        String id = href.replaceAll(".*/snapshots/([^/]+)/download/json$", "$1");
        return ExportJson.parse(snapshots.byId(id).orElseThrow().document());
    }

    private void assertSameFigures(JsonNode export) {
        // users per role
        for (JsonNode role : export.get("usersByRole")) {
            WebElement card = browser.findElement(
                    By.cssSelector(".card[data-role='" + role.get("role").asString() + "']"));
            assertThat(card.findElement(By.className("count")).getText())
                    .as(role.get("role").asString())
                    .isEqualTo(count(role, "users"));
        }
        assertThat(browser.findElements(By.cssSelector(".card")))
                .hasSize(export.get("usersByRole").size());
        // services: count, units, amount
        for (JsonNode service : export.get("services")) {
            String key = service.get("key").asString();
            WebElement row = browser.findElement(By.cssSelector("#services-table tr[data-key='" + key + "']"));
            assertThat(cell(row, "count")).as(key).isEqualTo(count(service, "count"));
            assertThat(cell(row, "units")).as(key).isEqualTo(count(service, "units"));
            JsonNode line = ExportJson.elements(export.at("/estimate/lines")).stream()
                    .filter(l -> l.get("kind").asString().equals("service")
                            && l.get("key").asString().equals(key))
                    .findFirst()
                    .orElseThrow();
            assertThat(cell(row, "amount"))
                    .as(key)
                    .isEqualTo(money(line.get("amount").asString()));
        }
        // seats, and the total
        for (JsonNode line : export.at("/estimate/lines")) {
            if (line.get("kind").asString().equals("seat")) {
                WebElement row = browser.findElement(By.cssSelector(
                        "#seats-table tr[data-role='" + line.get("key").asString() + "']"));
                assertThat(cell(row, "users")).isEqualTo(count(line, "quantity"));
                assertThat(cell(row, "amount"))
                        .isEqualTo(money(line.get("amount").asString()));
            }
        }
        assertThat(text("estimate-total"))
                .isEqualTo(money(export.at("/estimate/total").asString()));
    }

    private void assertFirstPageOfUsers(JsonNode export) {
        List<JsonNode> users = new ArrayList<>(ExportJson.elements(export.get("users")));
        // as a Spanish reader sorts names: Á with A, Ñ after N, case ignored, then by id
        Collator spanish = Collator.getInstance(Locale.forLanguageTag("es"));
        spanish.setStrength(Collator.SECONDARY);
        users.sort(Comparator.comparing((JsonNode u) -> u.get("name").asString(), spanish)
                .thenComparingLong(u -> u.get("id").asLong()));
        List<WebElement> rows = browser.findElements(By.cssSelector("#users-table tbody tr.user-row"));
        assertThat(rows).hasSize(Math.min(25, users.size()));
        for (int i = 0; i < rows.size(); i++) {
            JsonNode u = users.get(i);
            WebElement row = rows.get(i);
            assertThat(row.getAttribute("data-user-id"))
                    .isEqualTo(String.valueOf(u.get("id").asLong()));
            assertThat(cell(row, "name")).isEqualTo(u.get("name").asString());
            assertThat(cell(row, "email")).isEqualTo(u.get("email").asString());
            assertThat(cell(row, "role")).isEqualTo(u.get("role").asString());
            // the last login in the tenant's zone (Bogota, UTC-5)
            assertThat(cell(row, "lastLoginAt"))
                    .isEqualTo(
                            u.get("lastLoginAt").isNull()
                                    ? "nunca"
                                    : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                                            .format(java.time.Instant.parse(
                                                            u.get("lastLoginAt").asString())
                                                    .atZone(java.time.ZoneId.of("America/Bogota"))));
            for (String figure : List.of("channels", "sessions", "messagesSent", "calls", "callMinutes")) {
                assertThat(cell(row, figure))
                        .as(figure + " of user " + u.get("id"))
                        .isEqualTo(count(u, figure));
            }
        }
        assertThat(text("users-page"))
                .isEqualTo("Página 1 de " + ((users.size() + 24) / 25) + " (" + users.size() + " usuarios)");
    }

    private void assertWhatsappAndComparison(JsonNode export) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#whatsapp-table tbody tr[data-channel-id]"));
        assertThat(rows).hasSize(export.get("whatsapp").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode channel = export.get("whatsapp").get(i);
            assertThat(rows.get(i).findElement(By.tagName("td")).getText())
                    .isEqualTo(channel.get("channel").asString());
            assertThat(cell(rows.get(i), "inbound")).isEqualTo(count(channel, "inbound"));
            assertThat(cell(rows.get(i), "outbound")).isEqualTo(count(channel, "outbound"));
        }
        assertThat(browser.findElements(By.cssSelector("#comparison-table tbody tr")))
                .hasSize(9);
        assertThat(text("comparison-title")).isEqualTo("Comparación: 1–31 oct. frente a 1–30 sept.");
        WebElement total = browser.findElement(By.cssSelector("#comparison-table tr[data-key='total']"));
        assertThat(cell(total, "current"))
                .isEqualTo(money(export.at("/estimate/total").asString()));
        // the charts were drawn, by the library served from the jar
        assertThat(browser.executeScript("return typeof Chart")).isEqualTo("function");
        assertThat(browser.executeScript("return Chart.getChart('chart-services').data.datasets.length"))
                .isEqualTo(7L);
    }

    /** Types into the search box and waits for the table to hold the one user named {@code onlyName}. */
    private void search(String text, String onlyName) {
        WebElement box = browser.findElement(By.id("user-search"));
        box.clear();
        box.sendKeys(text);
        // the table is drawn anew for each answer while the words are typed: an element may go as it is read
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> names =
                            d.findElements(By.cssSelector("#users-table tbody tr.user-row td[data-col=name]"));
                    return text("users-page").endsWith("(1 usuarios)")
                            && names.size() == 1
                            && names.get(0).getText().equals(onlyName);
                });
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String cell(WebElement row, String column) {
        return row.findElement(By.cssSelector("td[data-col='" + column + "']")).getText();
    }

    /** A count as the page shows it in Spanish: thousands with a dot. */
    private static String count(JsonNode node, String field) {
        return String.format(java.util.Locale.ROOT, "%,d", node.get(field).asLong())
                .replace(',', '.');
    }

    /** A plain decimal string as the page shows it in Spanish: thousands with a dot, decimals after a comma. */
    private static String money(String plain) {
        String[] parts = plain.split("\\.");
        String whole = String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(parts[0]))
                .replace(',', '.');
        return parts.length == 1 ? whole : whole + "," + parts[1];
    }

    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
