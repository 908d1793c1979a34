package com.contactcenter.billing.schedule;

import com.contactcenter.billing.config.BillingProperties;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.ops.SyncBusyException;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.sync.SyncService.SourceOutcome;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

/** Runs a trigger's work through {@link JobRunner}, as the CLI and the API do, and waits for it. */
@Component
class ScheduledLaunches {

    private static final Logger log = LoggerFactory.getLogger(ScheduledLaunches.class);

    private final JobRunner runner;
    private final SourceRegistry sources;
    private final BillingProperties.ScheduleProperties schedule;
    private final IntradayRefresh intraday;

    ScheduledLaunches(JobRunner runner, SourceRegistry sources, BillingProperties properties,
            IntradayRefresh intraday) {
        this.runner = runner;
        this.sources = sources;
        this.schedule = properties.schedule();
        this.intraday = intraday;
    }

    /** @param due the trigger's scheduled fire time: months are taken from it, in the schedule's zone */
    void launch(ScheduledWork work, String trigger, Instant due) {
        List<String> names = sources.names();
        if (names.isEmpty()) {
            log.warn("{}: no sources configured; nothing to do", trigger);
            return;
        }
        Requester requester = Requester.schedule(trigger);
        switch (work) {
            case NIGHTLY_SYNC -> syncFreeSources(names, trigger, free -> runner.sync(free, null, requester));
            case INTRADAY_SYNC -> intraday.refresh(syncFreeSources(names, trigger,
                    free -> runner.syncRecentDays(free, 0, requester)), trigger);
            case CURRENT_MONTH_SNAPSHOT -> snapshots(YearMonth.from(due.atZone(schedule.zone())), false, names,
                    requester);
            case PREVIOUS_MONTH_CLOSE -> snapshots(YearMonth.from(due.atZone(schedule.zone())).minusMonths(1),
                    schedule.monthlyReports(), names, requester);
            default -> throw new IllegalArgumentException("unknown work " + work);
        }
    }

    /**
     * Syncs every source that no other run holds: a source being synced (a manual re-sync) is
     * skipped, not waited for, so that the others are still synced. Each refusal stays in the
     * history. Returns the sources whose sync completed.
     */
    private List<String> syncFreeSources(List<String> names, String trigger, Function<List<String>, SyncOutcome> sync) {
        List<String> remaining = new ArrayList<>(names);
        while (!remaining.isEmpty()) {
            try {
                SyncOutcome outcome = sync.apply(remaining);
                log.info("{}: sync execution {} {}", trigger, outcome.jobExecutionId(),
                        outcome.succeeded() ? "completed" : "failed: " + outcome.failureSummary());
                return outcome.sources().stream().filter(SourceOutcome::succeeded).map(SourceOutcome::source)
                        .toList();
            } catch (SyncBusyException e) {
                log.warn("{}: {}; skipping it this time and syncing the other sources", trigger, e.getMessage());
                if (!remaining.remove(e.source())) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    private void snapshots(YearMonth month, boolean reports, List<String> names, Requester requester) {
        JobParameters params = new JobParametersBuilder()
                .addString(SnapshotJobConfiguration.SOURCES, String.join(",", names))
                .addString(SnapshotJobConfiguration.FROM, month.atDay(1).toString())
                .addString(SnapshotJobConfiguration.TO, month.atEndOfMonth().toString())
                .addString(SnapshotJobConfiguration.REPORTS, String.valueOf(reports))
                .addString(SnapshotJobConfiguration.REQUEST_ID, UUID.randomUUID().toString())
                .toJobParameters();
        JobExecution done = runner.start(SnapshotJobConfiguration.JOB_NAME, params, requester, names,
                month.atDay(1), month.atEndOfMonth()).await();
        log.info("{}: snapshots of {}{} {}", requester.user(), month, reports ? " with reports" : "",
                done.getStatus());
    }
}
