package com.contactcenter.billing.schedule;

import com.contactcenter.billing.ops.JobRequestStore.Counts;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.ops.TenantWork;
import com.contactcenter.billing.report.PortfolioService;
import com.contactcenter.billing.report.ReportProperties;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.sync.SyncWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a trigger's work as one request over every tenant, spread over the cluster by
 * {@link JobRunner}, as the CLI and the API do, and waits for it to end (so that the snapshot
 * refresh due at the same time runs after the nightly sync). In the service only, like the triggers.
 */
@Component
class ScheduledLaunches {

    private static final Logger log = LoggerFactory.getLogger(ScheduledLaunches.class);

    private final JobRunner runner;
    private final SourceRegistry sources;
    private final ScheduleProperties schedule;
    private final PortfolioService portfolios;
    private final Path reportsDir;

    ScheduledLaunches(
            JobRunner runner,
            SourceRegistry sources,
            ScheduleProperties schedule,
            ReportProperties reports,
            PortfolioService portfolios) {
        this.runner = runner;
        this.sources = sources;
        this.schedule = schedule;
        this.portfolios = portfolios;
        this.reportsDir = reports.outDir();
    }

    /** @param due the trigger's scheduled fire time: months are taken from it, in the schedule's zone */
    void launch(ScheduledWork work, String trigger, Instant due) {
        if (work == ScheduledWork.NIGHTLY_SYNC || work == ScheduledWork.INTRADAY_SYNC) {
            // tenants added to or removed from the platform's directory since the last run
            var reloaded = sources.reload();
            if (reloaded.directoryError() != null) {
                log.warn(
                        "{}: the tenant directory could not be read ({}); syncing the tenants read before",
                        trigger,
                        reloaded.directoryError());
            }
        }
        List<String> names = sources.names();
        if (names.isEmpty()) {
            log.warn("{}: no sources configured; nothing to do", trigger);
            return;
        }
        YearMonth month = YearMonth.from(due.atZone(schedule.zone()));
        switch (work) {
            case NIGHTLY_SYNC -> run(trigger, TenantWork.SYNC, names, null);
            case INTRADAY_SYNC -> run(trigger, TenantWork.INTRADAY, names, null);
            case CURRENT_MONTH_SNAPSHOT -> run(trigger, TenantWork.SNAPSHOT, names, window(month));
            case PREVIOUS_MONTH_CLOSE -> {
                try {
                    run(
                            trigger,
                            schedule.monthlyReports() ? TenantWork.SNAPSHOT_REPORTS : TenantWork.SNAPSHOT,
                            names,
                            window(month.minusMonths(1)));
                } finally {
                    // once the tenants' jobs have ended, failed ones included: the portfolio shows their status
                    if (schedule.monthlyReports()) {
                        portfolios.render(month.minusMonths(1), List.of(PortfolioService.Format.values()), reportsDir);
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown work " + work);
        }
    }

    private static SyncWindow window(YearMonth month) {
        return new SyncWindow(month.atDay(1), month.atEndOfMonth());
    }

    private void run(String trigger, TenantWork work, List<String> names, SyncWindow window) {
        JobRunner.Submitted submitted = runner.submit(work, names, window, Requester.schedule(trigger));
        Counts counts = runner.await(submitted.requestId(), c -> {});
        log.info(
                "{}: job request {} ({} of {} tenants) ended: {} completed, {} failed",
                trigger,
                submitted.requestId(),
                work.code(),
                counts.total(),
                counts.completed(),
                counts.failed());
        if (counts.failed() > 0) {
            throw new IllegalStateException("job request " + submitted.requestId() + ": " + counts.failed() + " of "
                    + counts.total() + " tenants failed (GET /api/jobs/requests/" + submitted.requestId() + ")");
        }
    }
}
