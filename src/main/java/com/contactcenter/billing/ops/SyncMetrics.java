package com.contactcenter.billing.ops;

import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.warehouse.SyncRunStore;
import com.contactcenter.billing.warehouse.SyncRunStore.SyncRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sync metrics per source: {@code billing.sync.rows} (rows read by completed syncs),
 * {@code billing.sync.duration} (per source and outcome) and {@code billing.sync.last.success}
 * (epoch seconds of the as-of of the newest completed sync, read from the warehouse, so it holds
 * whichever node or process synced).
 */
@Component
class SyncMetrics {

    private final MeterRegistry registry;
    private final SyncRunStore runs;
    private final JobExecutions executions;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    SyncMetrics(
            ObjectProvider<MeterRegistry> registry,
            SyncRunStore runs,
            SourceRegistry sources,
            JobExecutions executions) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
        this.runs = runs;
        this.executions = executions;
        sources.names().forEach(this::lastSuccessGauge);
    }

    /** Registers the source's gauge once (again is a no-op): at start, and for a tenant the directory added since, at its first sync. */
    private void lastSuccessGauge(String source) {
        if (!gauged.add(source)) {
            return;
        }
        Gauge.builder("billing.sync.last.success", runs, r -> lastSuccess(r, source))
                .description("as-of of the newest completed sync of the source, epoch seconds")
                .baseUnit("seconds")
                .tag("source", source)
                .register(registry);
    }

    private static double lastSuccess(SyncRunStore runs, String source) {
        try {
            return runs.latestCompleted(source)
                    .map(r -> (double) r.asOf().getEpochSecond())
                    .orElse(Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    void record(JobExecution execution) {
        List<SyncRun> finished = executions.syncRuns(execution).stream()
                .filter(r -> r.finishedAt() != null)
                .toList();
        for (SyncRun run : finished) {
            lastSuccessGauge(run.source());
            boolean ok = run.status() == SyncRunStore.Status.COMPLETED;
            if (ok) {
                Counter.builder("billing.sync.rows")
                        .description("rows read from the source by completed syncs")
                        .tag("source", run.source())
                        .register(registry)
                        .increment(run.rowsRead());
            }
            Timer.builder("billing.sync.duration")
                    .description("time a source's sync took")
                    .tag("source", run.source())
                    .tag("outcome", ok ? "completed" : "failed")
                    .register(registry)
                    .record(Duration.between(run.startedAt(), run.finishedAt()));
        }
    }
}
