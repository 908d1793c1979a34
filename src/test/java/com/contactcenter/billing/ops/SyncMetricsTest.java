package com.contactcenter.billing.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.warehouse.SyncRunStore;
import com.contactcenter.billing.warehouse.SyncRunStore.SyncRun;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The sync metrics of a tenant the directory added after the service started. */
@ExtendWith(OutputCaptureExtension.class)
class SyncMetricsTest {

    @Test
    void aTenantAddedSinceTheStartGetsItsLastSuccessGaugeAtItsFirstSync(CapturedOutput output) {
        // given a service that started with one tenant
        MeterRegistry meters = new SimpleMeterRegistry();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meters", meters);
        SourceRegistry sources = mock(SourceRegistry.class);
        when(sources.names()).thenReturn(List.of("acme"));
        SyncRunStore runs = mock(SyncRunStore.class);
        Instant asOf = Instant.parse("2026-11-02T05:00:00Z");
        SyncRun added = new SyncRun(
                7,
                "globex",
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-01"),
                asOf,
                asOf,
                asOf.plusSeconds(3),
                SyncRunStore.Status.COMPLETED,
                1,
                42,
                null,
                9L);
        when(runs.latestCompleted("globex")).thenReturn(Optional.of(added));
        when(runs.latestCompleted("acme")).thenReturn(Optional.empty());
        JobExecutions executions = mock(JobExecutions.class);
        when(executions.syncRuns(any())).thenReturn(List.of(added));
        SyncMetrics metrics = new SyncMetrics(beans.getBeanProvider(MeterRegistry.class), runs, sources, executions);
        assertThat(meters.find("billing.sync.last.success")
                        .tag("source", "globex")
                        .gauge())
                .isNull();

        // when the tenant the directory added since is synced
        metrics.record(mock(JobExecution.class));

        // then it has its gauge, its rows and its duration, like the tenants known at the start
        assertThat(meters.get("billing.sync.last.success")
                        .tag("source", "globex")
                        .gauge()
                        .value())
                .isEqualTo(1_793_595_600d);
        assertThat(meters.get("billing.sync.last.success")
                        .tag("source", "acme")
                        .gauge()
                        .value())
                .isNaN();
        assertThat(meters.get("billing.sync.rows")
                        .tag("source", "globex")
                        .counter()
                        .count())
                .isEqualTo(42d);
        assertThat(meters.get("billing.sync.duration")
                        .tag("source", "globex")
                        .tag("outcome", "completed")
                        .timer()
                        .totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(3d);

        // and a second sync of it adds its rows without registering its gauge again (no warning)
        metrics.record(mock(JobExecution.class));
        assertThat(meters.find("billing.sync.last.success").gauges()).hasSize(2);
        assertThat(meters.get("billing.sync.rows")
                        .tag("source", "globex")
                        .counter()
                        .count())
                .isEqualTo(84d);
        assertThat(output.getAll()).doesNotContain("already registered");
    }
}
