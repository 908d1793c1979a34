package com.contactcenter.billing.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.support.WeeklyTenant;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.BudgetState;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole way in the application: a sync of a tenant whose month is projected over its budget
 * records the change, and the webhook posts it, signed, to a receiver on 127.0.0.1, once. The
 * tenant sends 10 SMS on weekdays, 4 on Saturdays, 2 on Sundays, and nothing else.
 */
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import({FixedClock.class, BudgetAlertsFlowTest.Secret.class})
class BudgetAlertsFlowTest {

    private static final String SECRET = "flow-secret";
    private static final List<String> BODIES = new CopyOnWriteArrayList<>();
    private static final List<Boolean> SIGNED_RIGHT = new CopyOnWriteArrayList<>();
    private static final HttpServer RECEIVER = receiver();

    /** The environment as the test gives it: only the webhook's secret. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Secret {
        @Bean
        @Primary
        BudgetWebhook.SecretEnvironment testSecretEnvironment() {
            return name -> BudgetProperties.DEFAULT_SECRET_ENV.equals(name) ? SECRET : null;
        }
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/alerts", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Mac mac = mac();
                String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
                boolean right = expected.equals(exchange.getRequestHeaders().getFirst("X-Billing-Signature"));
                BODIES.add(new String(body, StandardCharsets.UTF_8));
                SIGNED_RIGHT.add(right);
                exchange.sendResponseHeaders(right ? 204 : 401, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        RECEIVER.stop(0);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(registry, "wh_budget_flow");
        registry.add("billing.sources[2].name", () -> "north");
        registry.add("billing.sources[2].url", () -> SourceDatabases.h2Url("budget_flow_north_src"));
        registry.add("billing.sources[2].username", () -> "sa");
        registry.add("billing.sources[2].time-zone", () -> "America/Bogota");
        registry.add("billing.budgets.north", () -> "251000");
        registry.add(
                "billing.alerts.webhook-url",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/alerts");
        registry.add("billing.alerts.initial-delay", () -> "10ms");
    }

    @Autowired
    JobRunner jobs;

    @Autowired
    BudgetService budgets;

    @Autowired
    BudgetWebhook webhook;

    @Test
    void aSyncThatMovesTheStatePostsTheChangeOnceSigned() throws Exception {
        // given
        LocalDate today = DashboardFixture.TODAY;
        WeeklyTenant tenant = new WeeklyTenant()
                .days(LocalDate.parse("2026-09-20"), today.minusDays(1), BudgetAlertsFlowTest::sms, d -> 0)
                .messages(1, Instant.parse("2026-11-15T15:00:00Z"), 1);
        SourceDatabases.loadH2Script("budget_flow_north_src", tenant.sql(3));

        // when
        SyncOutcome outcome =
                jobs.sync(List.of("north"), new SyncWindow(LocalDate.parse("2026-09-20"), today), Requester.cli());
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (BODIES.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        // then: 3 agents 240,000.00; SMS at 50: 113 so far (245,650.00), 236 projected with no spread
        // (251,800.00 at the point, the low and the high end): the point passes 251,000, the estimate so
        // far does not
        assertThat(BODIES).hasSize(1);
        assertThat(SIGNED_RIGHT).containsExactly(true);
        JsonNode posted = ExportJson.parse(BODIES.get(0));
        assertThat(String.join(
                        " ",
                        posted.get("source").asString(),
                        posted.get("month").asString(),
                        posted.get("previousState").asString(),
                        posted.get("state").asString(),
                        posted.get("budget").asString(),
                        posted.get("estimateSoFar").asString(),
                        posted.get("forecastPoint").asString(),
                        posted.get("forecastLow").asString(),
                        posted.get("forecastHigh").asString()))
                .isEqualTo("north 2026-11 ok projected_over 251000.00 245650.00 251800.00 251800.00 251800.00");

        // and asked again, nothing changes and nothing more is sent
        assertThat(budgets.alert("north").orElseThrow().state()).isEqualTo(BudgetState.PROJECTED_OVER);
        assertThat(webhook.sendPending()).isZero();
        assertThat(BODIES).hasSize(1);
    }

    private static long sms(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> 4;
            case SUNDAY -> 2;
            default -> 10;
        };
    }
}
