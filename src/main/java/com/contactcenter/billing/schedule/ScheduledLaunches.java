package com.contactcenter.billing.schedule;

import com.contactcenter.billing.config.BillingProperties;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.ops.SyncBusyException;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
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

    ScheduledLaunches(JobRunner runner, SourceRegistry sources, BillingProperties properties) {
        this.runner = runner;
        this.sources = sources;
        this.schedule = properties.schedule();
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
            case NIGHTLY_SYNC -> nightlySync(names, trigger, requester);
            case CURRENT_MONTH_SNAPSHOT -> snapshots(YearMonth.from(due.atZone(schedule.zone())), false, names,
                    requester);
            case PREVIOUS_MONTH_CLOSE -> snapshots(YearMonth.from(due.atZone(schedule.zone())).minusMonths(1),
                    schedule.monthlyReports(), names, requester);
            default -> throw new IllegalArgumentException("unknown work " + work);
        }
    }

    /**
     * Syncs every source; a source another run holds (a manual re-sync) is left out, so that the
     * others are still synced tonight. Each refusal stays in the history.
     */
    private void nightlySync(List<String> names, String trigger, Requester requester) {
        List<String> remaining = new java.util.ArrayList<>(names);
        while (!remaining.isEmpty()) {
            try {
                SyncOutcome outcome = runner.sync(remaining, null, requester);
                log.info("{}: sync execution {} {}", trigger, outcome.jobExecutionId(),
                        outcome.succeeded() ? "completed" : "failed: " + outcome.failureSummary());
                return;
            } catch (SyncBusyException e) {
                log.warn("{}: {}; syncing the other sources without it", trigger, e.getMessage());
                if (!remaining.remove(e.source())) {
                    return;
                }
            }
        }
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
