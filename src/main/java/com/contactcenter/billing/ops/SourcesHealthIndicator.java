package com.contactcenter.billing.ops;

import com.contactcenter.billing.source.SourceConnection;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.warehouse.SyncRunStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of each source ({@code sources} in /actuator/health): reachable or not, where (host and
 * port or file, never credentials), its zone and its last completed sync. An unreachable tenant
 * does not make the service down (it still serves and syncs the others): the status is then
 * {@code DEGRADED}, which answers HTTP 200. The warehouse is Boot's own {@code db} indicator.
 *
 * <p>A platform has a thousand sources: they are probed {@value #PROBING_THREADS} at a time,
 * through the same bound on each server's connections as the syncs, and the answer is kept for
 * {@link #KEPT} so that a monitor polling every few seconds does not reconnect to every tenant.
 */
@Component("sources")
class SourcesHealthIndicator implements HealthIndicator, DisposableBean {

    static final String DEGRADED = "DEGRADED";

    private static final int TIMEOUT_SECONDS = 3;
    private static final int PROBING_THREADS = 8;
    static final Duration KEPT = Duration.ofSeconds(30);

    private final SourceRegistry sources;
    private final SyncRunStore runs;
    private final ExecutorService probing = Executors.newFixedThreadPool(PROBING_THREADS, task -> {
        Thread thread = new Thread(task, "source-health");
        thread.setDaemon(true);
        return thread;
    });

    private Health last;
    private long lastAtNanos;

    SourcesHealthIndicator(SourceRegistry sources, SyncRunStore runs) {
        this.sources = sources;
        this.runs = runs;
    }

    @Override
    public synchronized Health health() {
        // elapsed time, not the billing clock: an answer's age is measured, never a date
        long now = System.nanoTime();
        if (last == null || now - lastAtNanos >= KEPT.toNanos()) {
            last = probeAll();
            lastAtNanos = now;
        }
        return last;
    }

    private Health probeAll() {
        List<String> names = sources.names();
        List<CompletableFuture<Optional<String>>> probes = new ArrayList<>();
        for (String name : names) {
            probes.add(CompletableFuture.supplyAsync(() -> probe(name), probing));
        }
        boolean allUp = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Map<String, Object> d = new LinkedHashMap<>();
            SourceConnection source = sources.connection(name);
            d.put("location", source.location());
            d.put("timeZone", source.zone().getId());
            Optional<String> problem = outcome(probes.get(i));
            d.put("reachable", problem.isEmpty());
            if (problem.isPresent()) {
                allUp = false;
                d.put("error", problem.get());
            }
            try {
                runs.latestCompleted(name)
                        .ifPresent(r -> d.put("lastSuccessfulSync", r.asOf().toString()));
            } catch (RuntimeException e) {
                d.put("lastSuccessfulSync", "unknown (warehouse unreachable)");
            }
            details.put(name, d);
        }
        return (allUp ? Health.up() : Health.status(DEGRADED))
                .withDetails(details)
                .build();
    }

    private Optional<String> probe(String name) {
        return sources.connection(name).probe(TIMEOUT_SECONDS);
    }

    /** The probe's answer; one still waiting for a connection to its busy server after a minute is said so. */
    private static Optional<String> outcome(CompletableFuture<Optional<String>> probe) {
        try {
            return probe.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return Optional.of("no connection to its server came free within 60 s (its connections are all in use)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause().getMessage()));
        }
    }

    @Override
    public void destroy() {
        probing.shutdownNow();
    }
}
