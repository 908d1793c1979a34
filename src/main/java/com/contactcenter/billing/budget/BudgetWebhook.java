package com.contactcenter.billing.budget;

import com.contactcenter.billing.budget.BudgetProperties.Alerts;
import com.contactcenter.billing.budget.BudgetStateStore.Change;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each recorded change of a budget state to {@code billing.alerts.webhook-url}, once: a
 * POST of the change as JSON, signed {@code X-Billing-Signature: sha256=<hex HMAC-SHA256 of the
 * body>} with the secret read from the environment variable {@code billing.alerts.webhook-secret-env}
 * (never logged). The change's row is the outbox: a sender takes it (so no other node posts it at
 * the same time), posts it, retried with exponential backoff on network errors and 5xx answers, and
 * marks it delivered on a 2xx. What is still undelivered is tried again every
 * {@code resend-every} and at start, so a restart resumes it; a delivered change is never posted
 * again. One thread per node sends, in the order the changes were recorded.
 */
@Component
class BudgetWebhook implements DisposableBean {

    /** The environment's variables, by name: {@code System::getenv} unless a test gives its own. */
    @FunctionalInterface
    interface SecretEnvironment {
        String get(String name);
    }

    static final String SIGNATURE_HEADER = "X-Billing-Signature";
    static final String DELIVERY_HEADER = "X-Billing-Delivery";

    private static final Logger log = LoggerFactory.getLogger(BudgetWebhook.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 100;

    private final BudgetStateStore store;
    private final Alerts alerts;
    private final Clock clock;
    private final byte[] secret;
    private final HttpClient http;
    private final RetryTemplate retry;
    private final ScheduledExecutorService sender;
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean queued = new AtomicBoolean();

    BudgetWebhook(BudgetStateStore store, BudgetProperties properties, Clock clock, SecretEnvironment environment) {
        this.store = store;
        this.alerts = properties.alerts();
        this.clock = clock;
        String value = alerts.webhook() ? environment.get(alerts.webhookSecretEnv()) : null;
        this.secret = value == null || value.isEmpty() ? null : value.getBytes(StandardCharsets.UTF_8);
        if (alerts.webhook() && secret == null) {
            log.warn(
                    "billing.alerts.webhook-url is set but the environment variable {} is empty: budget alerts"
                            + " are recorded and not sent until it is set",
                    alerts.webhookSecretEnv());
        }
        this.http = HttpClient.newBuilder()
                .connectTimeout(alerts.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(alerts.maxAttempts() - 1)
                .delay(alerts.initialDelay())
                .multiplier(alerts.multiplier())
                .maxDelay(alerts.maxDelay())
                .predicate(e -> e instanceof IOException || e instanceof ServerError)
                .build());
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "budget-webhook");
            thread.setDaemon(true);
            return thread;
        });
    }

    private boolean sending() {
        return alerts.webhook() && secret != null;
    }

    /** At start, and every {@code resend-every}: what was left undelivered (a restart resumes it). */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (sending()) {
            long every = alerts.resendEvery().toMillis();
            sender.scheduleWithFixedDelay(this::sendQuietly, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** A change was recorded: send it soon, on the sender's thread. */
    void wake() {
        if (!sending()) {
            return;
        }
        again.set(true);
        if (queued.compareAndSet(false, true)) {
            sender.execute(() -> {
                queued.set(false);
                sendQuietly();
            });
        }
    }

    private void sendQuietly() {
        try {
            do {
                again.set(false);
                sendPending();
            } while (again.get());
        } catch (RuntimeException e) {
            log.warn("budget alerts not sent: {}", e.toString());
        }
    }

    /** Sends every undelivered change this node can take; the number delivered. */
    int sendPending() {
        if (!sending()) {
            return 0;
        }
        int delivered = 0;
        List<Change> pending = store.undelivered(BATCH);
        for (Change change : pending) {
            if (store.claim(change.id(), clock.instant().plus(hold()))) {
                if (deliver(change)) {
                    delivered++;
                }
            }
        }
        return delivered;
    }

    /** Posts one change, retried; true once the receiver took it. */
    boolean deliver(Change change) {
        byte[] body = body(change);
        String signature = "sha256=" + sign(secret, body);
        try {
            retry.execute(() -> {
                post(change, body, signature);
                return null;
            });
            store.delivered(change.id());
            log.info(
                    "budget alert {} ({} {}: {} -> {}) delivered",
                    change.id(),
                    change.source(),
                    change.month(),
                    change.previous().code(),
                    change.state().code());
            return true;
        } catch (RetryException e) {
            store.release(change.id());
            log.warn(
                    "budget alert {} ({} {}) not delivered after {} attempt(s): {}; tried again within {}",
                    change.id(),
                    change.source(),
                    change.month(),
                    e.getRetryCount() + 1,
                    e.getLastException() == null
                            ? e.getMessage()
                            : e.getLastException().toString(),
                    alerts.resendEvery());
            return false;
        }
    }

    private void post(Change change, byte[] body, String signature) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(alerts.webhookUrl())
                .timeout(alerts.timeout())
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, signature)
                .header(DELIVERY_HEADER, String.valueOf(change.id()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            store.attempted(change.id(), e.toString());
            throw e;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            store.attempted(change.id(), null);
            return;
        }
        store.attempted(change.id(), "HTTP " + status);
        if (status >= 500) {
            throw new ServerError(status);
        }
        throw new IllegalStateException("the receiver answered HTTP " + status);
    }

    /** How long a sender holds a change: every attempt timing out twice over, the waits, and a minute. */
    private Duration hold() {
        Duration waits = Duration.ZERO;
        Duration wait = alerts.initialDelay();
        for (int i = 1; i < alerts.maxAttempts(); i++) {
            waits = waits.plus(wait);
            Duration next = Duration.ofMillis((long) (wait.toMillis() * alerts.multiplier()));
            wait = next.compareTo(alerts.maxDelay()) > 0 ? alerts.maxDelay() : next;
        }
        return alerts.timeout()
                .multipliedBy(2L * alerts.maxAttempts())
                .plus(waits)
                .plusMinutes(1);
    }

    /** The change as the receiver gets it: its id, tenant, month, states and amounts (plain decimal strings). */
    static byte[] body(Change change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", change.id());
        json.put("source", change.source());
        json.put("month", change.month().toString());
        json.put("sequence", change.seq());
        json.put("previousState", change.previous().code());
        json.put("state", change.state().code());
        json.put("currency", change.currency());
        json.put("budget", change.budget());
        json.put("estimateSoFar", change.estimateSoFar());
        json.put("forecastPoint", change.forecastPoint());
        json.put("forecastLow", change.forecastLow());
        json.put("forecastHigh", change.forecastHigh());
        json.put("asOf", change.asOf().toString());
        json.put("changedAt", change.changedAt().toString());
        return JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex of HMAC-SHA256 of {@code body} under {@code key}. */
    static String sign(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }

    /** A 5xx answer: the receiver may take it on a later attempt. */
    static final class ServerError extends RuntimeException {
        ServerError(int status) {
            super("the receiver answered HTTP " + status, null, false, false);
        }
    }
}
