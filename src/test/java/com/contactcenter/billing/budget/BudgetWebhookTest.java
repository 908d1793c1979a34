package com.contactcenter.billing.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.budget.BudgetStateStore.Cause;
import com.contactcenter.billing.budget.BudgetStateStore.Change;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.usage.BudgetState;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The webhook against a receiver in the test (com.sun.net.httpserver on 127.0.0.1, a free port),
 * which checks each POST's signature with the secret it shares and answers as the test tells it.
 */
class BudgetWebhookTest {

    private static final String SECRET = "shared-secret-of-the-receiver";
    private static final String SECRET_ENV = "BUDGET_TEST_WEBHOOK_SECRET";

    private final DataSource warehouse = SourceDatabases.h2("budget_webhook");
    private final Clock clock = Clock.fixed(BudgetStateRecording.NOW, ZoneOffset.UTC);
    private BudgetStateStore store;
    private HttpServer receiver;
    /** What the receiver answers, one status per POST, then 200. */
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    /** Every POST the receiver got: its body, the signature it carried and whether it matched. */
    private final List<Post> posts = new CopyOnWriteArrayList<>();

    record Post(String body, String signature, String delivery, boolean signedRight) {}

    @BeforeEach
    void start() throws IOException {
        SourceDatabases.execute(warehouse, List.of("DROP ALL OBJECTS"));
        BudgetStateRecording.migrate(warehouse);
        store = new BudgetStateStore(new JdbcTemplate(warehouse), clock);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger served = new AtomicInteger();
        receiver.createContext("/hooks/budget", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String signature = exchange.getRequestHeaders().getFirst("X-Billing-Signature");
            boolean signedRight = signature != null
                    && MessageDigest.isEqual(
                            signature.getBytes(StandardCharsets.US_ASCII),
                            ("sha256=" + hmac(SECRET, body)).getBytes(StandardCharsets.US_ASCII));
            posts.add(new Post(
                    new String(body, StandardCharsets.UTF_8),
                    signature,
                    exchange.getRequestHeaders().getFirst("X-Billing-Delivery"),
                    signedRight));
            int n = served.getAndIncrement();
            int status = !signedRight ? 401 : n < answers.size() ? answers.get(n) : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    /** The receiver's own check: HMAC-SHA256 of the raw body, lower-case hex. */
    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private BudgetWebhook webhook(String secret) {
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/budget");
        BudgetProperties properties = new BudgetProperties(
                Map.of(),
                new BudgetProperties.Alerts(
                        url,
                        SECRET_ENV,
                        3,
                        Duration.ofMillis(20),
                        2.0,
                        Duration.ofMillis(50),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(5)));
        return new BudgetWebhook(store, properties, clock, name -> SECRET_ENV.equals(name) ? secret : null);
    }

    private Change record(String source, BudgetState state) {
        return store.record(
                        source,
                        BudgetStateRecording.NOVEMBER,
                        BudgetStateRecording.standing(state, "251890.00"),
                        BudgetStateRecording.NOW,
                        Cause.sync(42))
                .orElseThrow();
    }

    @Test
    void signsWithTheHmacSha256OfTheRawBody() {
        // RFC 4231, test case 2
        assertThat(BudgetWebhook.sign(
                        "Jefe".getBytes(StandardCharsets.UTF_8),
                        "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void postsEachChangeOnceSignedAndNeverAgain() {
        // given
        Change atRisk = record("acme", BudgetState.AT_RISK);
        Change over = record("acme", BudgetState.OVER);
        BudgetWebhook webhook = webhook(SECRET);

        // when
        int delivered = webhook.sendPending();
        int again = webhook.sendPending();

        // then: two POSTs, in the order recorded, each signed right and taken
        assertThat(delivered).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(posts).hasSize(2);
        assertThat(posts).allMatch(Post::signedRight);
        assertThat(posts.get(0).delivery()).isEqualTo(String.valueOf(atRisk.id()));
        assertThat(posts.get(1).delivery()).isEqualTo(String.valueOf(over.id()));
        JsonNode first = ExportJson.parse(posts.get(0).body());
        assertThat(first.toString())
                .isEqualTo("{\"id\":" + atRisk.id() + ",\"source\":\"acme\",\"month\":\"2026-11\",\"sequence\":1,"
                        + "\"previousState\":\"ok\",\"state\":\"at_risk\",\"currency\":\"COP\",\"budget\":\"300000.00\","
                        + "\"estimateSoFar\":\"251890.00\",\"forecastPoint\":\"305000.00\",\"forecastLow\":\"290000.00\","
                        + "\"forecastHigh\":\"330000.00\",\"asOf\":\"2026-11-15T17:00:00Z\","
                        + "\"changedAt\":\"2026-11-15T17:00:00Z\"}");
        assertThat(ExportJson.parse(posts.get(1).body()).get("previousState").asString())
                .isEqualTo("at_risk");
        assertThat(store.find(atRisk.id()).orElseThrow().deliveredAt()).isEqualTo(BudgetStateRecording.NOW);
        assertThat(store.find(atRisk.id()).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void aBadSignatureIsRejectedByTheReceiverAndTheChangeStaysUndelivered() {
        // given: the service signs with another secret than the receiver's
        Change change = record("acme", BudgetState.OVER);

        // when
        int delivered = webhook("not-the-receivers-secret").sendPending();

        // then: refused (401, not retried), left for a later pass
        assertThat(delivered).isZero();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).signedRight()).isFalse();
        assertThat(posts.get(0).signature())
                .isEqualTo("sha256="
                        + hmac("not-the-receivers-secret", posts.get(0).body().getBytes(StandardCharsets.UTF_8)));
        Change after = store.find(change.id()).orElseThrow();
        assertThat(after.deliveredAt()).isNull();
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.lastError()).isEqualTo("HTTP 401");
    }

    @Test
    void retriesOnServerErrorsThenDelivers() {
        // given: the receiver fails twice
        answers.addAll(List.of(500, 503));
        Change change = record("acme", BudgetState.AT_RISK);

        // when
        int delivered = webhook(SECRET).sendPending();

        // then: three POSTs of the same body, the third taken
        assertThat(delivered).isEqualTo(1);
        assertThat(posts).hasSize(3);
        assertThat(posts.stream().map(Post::body).distinct()).hasSize(1);
        Change after = store.find(change.id()).orElseThrow();
        assertThat(after.deliveredAt()).isEqualTo(BudgetStateRecording.NOW);
        assertThat(after.attempts()).isEqualTo(3);
        assertThat(after.lastError()).isNull();
    }

    @Test
    void aRestartResumesWhatWasNotDeliveredAndNeverPostsADeliveredChangeAgain() {
        // given: one change delivered, one whose three attempts all met a 500
        Change delivered = record("acme", BudgetState.AT_RISK);
        webhook(SECRET).sendPending();
        answers.addAll(List.of(200, 500, 500, 500));
        Change failed = record("acme", BudgetState.OVER);
        assertThat(webhook(SECRET).sendPending()).isZero();
        assertThat(store.find(failed.id()).orElseThrow().attempts()).isEqualTo(3);
        int before = posts.size();

        // when: a new process's webhook starts
        BudgetWebhook restarted = webhook(SECRET);
        int resent = restarted.sendPending();

        // then: only the undelivered change, once
        assertThat(before).isEqualTo(4);
        assertThat(resent).isEqualTo(1);
        assertThat(posts.subList(before, posts.size()).stream().map(Post::delivery))
                .containsExactly(String.valueOf(failed.id()));
        assertThat(posts.stream().filter(p -> p.delivery().equals(String.valueOf(delivered.id()))))
                .hasSize(1);
        assertThat(restarted.sendPending()).isZero();
        assertThat(posts).hasSize(before + 1);
    }

    @Test
    void twoSendersAtOnceDeliverEachChangeOnce() throws Exception {
        // given: five changes, two nodes' webhooks
        List<Change> changes = new ArrayList<>();
        BudgetState[] states = {BudgetState.AT_RISK, BudgetState.OVER, BudgetState.OK, BudgetState.OVER, BudgetState.OK
        };
        for (BudgetState state : states) {
            changes.add(record("beta", state));
        }
        List<BudgetWebhook> nodes = List.of(webhook(SECRET), webhook(SECRET));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (BudgetWebhook node : nodes) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return node.sendPending();
                }));
            }
            go.countDown();

            // then
            assertThat(sent.get(0).get() + sent.get(1).get()).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(posts.stream().map(Post::delivery).sorted())
                .containsExactlyElementsOf(changes.stream()
                        .map(c -> String.valueOf(c.id()))
                        .sorted()
                        .toList());
    }

    @Test
    void withoutTheSecretNothingIsSent() {
        // given
        record("acme", BudgetState.OVER);

        // when
        int delivered = webhook(null).sendPending();

        // then
        assertThat(delivered).isZero();
        assertThat(posts).isEmpty();
    }
}
