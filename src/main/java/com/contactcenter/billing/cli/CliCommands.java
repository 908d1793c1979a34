package com.contactcenter.billing.cli;

import com.contactcenter.billing.demo.DemoDataSpec;
import com.contactcenter.billing.demo.DemoDataSummary;
import com.contactcenter.billing.ops.JobHistory;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.NoSuchJobExecution;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.ops.SyncBusyException;
import com.contactcenter.billing.ops.TenantWork;
import com.contactcenter.billing.report.AtomicFiles;
import com.contactcenter.billing.report.ExportProperties;
import com.contactcenter.billing.report.PortfolioService;
import com.contactcenter.billing.report.ReportException;
import com.contactcenter.billing.report.ReportProperties;
import com.contactcenter.billing.report.ReportService;
import com.contactcenter.billing.snapshot.ChangeBreakdown;
import com.contactcenter.billing.snapshot.ChangeWording;
import com.contactcenter.billing.snapshot.NoDataException;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.source.SourceLocations;
import com.contactcenter.billing.source.SourceProperties;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.sync.SyncService.SourceOutcome;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.Preset;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/** The commands that need the application: sync, snapshot, export, diff and the demo. */
@Component
class CliCommands {

    static final String DEMO_SOURCE = "demo";
    /** The demo tenant: about three months of data up to the instant it is made. */
    static final int DEMO_USERS = 300;

    static final long DEMO_MESSAGES = 1_000_000;
    static final long DEMO_SEED = 42;
    static final int DEMO_MONTHS = 3;
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final int FAILURES_NAMED = 20;
    static final int TENANTS_LISTED = 50;

    private final JobRunner jobs;
    private final JobHistory history;
    private final ReportService reports;
    private final PortfolioService portfolios;
    private final SnapshotService snapshots;
    private final SourceRegistry sources;
    private final ReportProperties reportSettings;
    private final ExportProperties export;
    private final Clock clock;

    CliCommands(
            JobRunner jobs,
            JobHistory history,
            SnapshotService snapshots,
            ReportService reports,
            SourceRegistry sources,
            ReportProperties reportSettings,
            ExportProperties export,
            Clock clock,
            PortfolioService portfolios) {
        this.portfolios = portfolios;
        this.jobs = jobs;
        this.history = history;
        this.reports = reports;
        this.snapshots = snapshots;
        this.sources = sources;
        this.reportSettings = reportSettings;
        this.export = export;
        this.clock = clock;
    }

    int execute(CommandRequest request, PrintStream out, PrintStream err) {
        try {
            if (request instanceof CommandRequest.Sync s) {
                return sync(s, out, err);
            }
            if (request instanceof CommandRequest.Snapshot s) {
                return snapshot(s, out);
            }
            if (request instanceof CommandRequest.Export e) {
                return export(e, out);
            }
            if (request instanceof CommandRequest.Report r) {
                return report(r, out);
            }
            if (request instanceof CommandRequest.Portfolio p) {
                return portfolio(p, out);
            }
            if (request instanceof CommandRequest.Diff d) {
                return diff(d, out, err);
            }
            if (request instanceof CommandRequest.Resync r) {
                return follow(jobs.startSync(r.source(), new SyncWindow(r.from(), r.to()), Requester.cli()), out, err);
            }
            if (request instanceof CommandRequest.Restart r) {
                return follow(jobs.restart(r.jobExecutionId(), Requester.cli()), out, err);
            }
            return demo(out, err);
        } catch (NoDataException | ReportException | SyncBusyException | NoSuchJobExecution e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /**
     * One job per tenant, spread over the nodes; this process takes part as a node while it waits
     * for its request, printing progress, then a summary naming the tenants that failed.
     */
    private int sync(CommandRequest.Sync request, PrintStream out, PrintStream err) {
        List<String> names = request.source() == null ? sources.names() : List.of(request.source());
        if (names.isEmpty()) {
            err.println("error: no sources configured (billing.sources)");
            return 1;
        }
        SyncWindow window = request.from() == null ? null : new SyncWindow(request.from(), request.to());
        if (request.source() != null && window != null) {
            // one tenant over given days: run here at once, refused while another run holds it
            return follow(jobs.startSync(request.source(), window, Requester.cli()), out, err);
        }
        JobRunner.Submitted submitted = jobs.submit(TenantWork.SYNC, names, window, Requester.cli());
        out.printf(
                "job request %d: syncing %d tenant%s%s; follow it with GET /api/jobs/requests/%d%n",
                submitted.requestId(),
                submitted.tenants(),
                submitted.tenants() == 1 ? "" : "s",
                window == null ? " over each one's nightly window" : " over " + window.from() + ".." + window.to(),
                submitted.requestId());
        out.flush();
        long[] lastPrint = {0};
        jobs.await(submitted.requestId(), counts -> {
            long now = System.nanoTime();
            if (counts.ended() || now - lastPrint[0] > 2_000_000_000L) {
                lastPrint[0] = now;
                out.printf(
                        "  %d / %d tenants done, %d failed, %d running, %d waiting%n",
                        counts.completed() + counts.failed(),
                        counts.total(),
                        counts.failed(),
                        counts.running(),
                        counts.waiting());
                out.flush();
            }
        });
        SyncOutcome outcome = jobs.outcome(submitted.requestId());
        printOutcome(outcome, out);
        if (!outcome.succeeded()) {
            err.println("error: sync failed for " + failedNames(outcome));
            return 1;
        }
        return 0;
    }

    /** The failed tenants with their reasons: the first 20, then how many more. */
    static String failedNames(SyncOutcome outcome) {
        List<SourceOutcome> failed =
                outcome.sources().stream().filter(s -> !s.succeeded()).toList();
        String named = failed.stream()
                .limit(FAILURES_NAMED)
                .map(s -> s.source() + " (" + s.error() + ")")
                .collect(java.util.stream.Collectors.joining("; "));
        return failed.size() + " tenant" + (failed.size() == 1 ? "" : "s") + ": " + named
                + (failed.size() > FAILURES_NAMED ? "; and " + (failed.size() - FAILURES_NAMED) + " more" : "");
    }

    /** Prints the execution id at once, then waits for the run and prints what each source did. */
    private int follow(JobRunner.Started started, PrintStream out, PrintStream err) {
        out.println("job execution " + started.jobExecutionId() + " started (request " + started.requestId()
                + "); follow it with GET /api/jobs/" + started.jobExecutionId());
        out.flush();
        var execution = started.await();
        if (execution.getJobInstance().getJobName().equals(JobRunner.SYNC_JOB)) {
            SyncOutcome outcome = jobs.outcome(started.requestId());
            printOutcome(outcome, out);
            if (!outcome.succeeded()) {
                err.println("error: sync failed: " + outcome.failureSummary());
                return 1;
            }
            return 0;
        }
        JobHistory.JobStatus status = history.status(execution.getId()).orElseThrow();
        out.println("job execution " + status.jobExecutionId() + ": " + status.status());
        if (!status.status().equals("COMPLETED")) {
            err.println("error: " + status.jobName() + " failed: " + String.join("; ", status.errors()));
            return 1;
        }
        return 0;
    }

    /** Each tenant's line, up to {@value #TENANTS_LISTED} tenants; then only the count and the failures. */
    private static void printOutcome(SyncOutcome outcome, PrintStream out) {
        long failed = outcome.sources().stream().filter(s -> !s.succeeded()).count();
        out.println("sync request " + outcome.requestId() + ": " + (outcome.succeeded() ? "COMPLETED" : "FAILED") + " ("
                + (outcome.sources().size() - failed) + " of "
                + outcome.sources().size() + " tenants synced)");
        boolean all = outcome.sources().size() <= TENANTS_LISTED;
        for (SourceOutcome s : outcome.sources()) {
            if (all || !s.succeeded()) {
                out.printf(
                        "  %-20s %-9s %s..%s  %d days, %,d rows%s%n",
                        s.source(),
                        s.succeeded() ? "ok" : "FAILED",
                        s.from(),
                        s.to(),
                        s.daysDone(),
                        s.rowsRead(),
                        s.succeeded() ? "" : "  " + s.error());
            }
        }
    }

    private int snapshot(CommandRequest.Snapshot request, PrintStream out) {
        Snapshot s = snapshots.compute(request.source(), request.from(), request.to(), request.groupBy());
        out.printf(
                "snapshot %s: %s %s..%s by %s, version %d, as of %s%n",
                s.id(), s.source(), s.from(), s.to(), s.groupBy().code(), s.version(), s.asOf());
        return 0;
    }

    private int export(CommandRequest.Export request, PrintStream out) {
        Snapshot s = snapshots.newestOrCompute(request.source(), request.from(), request.to(), request.groupBy());
        Path written = writeAtomically(request.out(), s);
        out.printf("exported snapshot %s (version %d) to %s%n", s.id(), s.version(), written);
        return 0;
    }

    private int report(CommandRequest.Report request, PrintStream out) {
        Path dir = request.out() == null ? reportSettings.outDir() : request.out();
        ReportService.Rendered rendered = reports.render(
                request.source(), request.from(), request.to(), request.groupBy(), request.formats(), dir);
        out.printf(
                "rendered snapshot %s (version %d, as of %s):%n",
                rendered.snapshot().id(),
                rendered.snapshot().version(),
                rendered.snapshot().asOf());
        rendered.files().forEach(f -> out.println("  " + f));
        return 0;
    }

    /** Written whatever the tenants' statuses: the workbook shows them; exit 0 once it is written. */
    private int portfolio(CommandRequest.Portfolio request, PrintStream out) {
        PortfolioService.Rendered rendered = portfolios.render(
                request.month(), request.formats(), request.out() == null ? reportSettings.outDir() : request.out());
        out.printf(
                "portfolio of %s: %d tenants%n",
                request.month(), rendered.portfolio().tenants().size());
        rendered.portfolio().byStatus().forEach((status, count) -> out.printf("  %-12s %d%n", status.code(), count));
        rendered.portfolio()
                .totals()
                .forEach(t -> out.printf(
                        "  total %s %s (%d tenants)%n", t.currency(), t.total().toPlainString(), t.tenants()));
        rendered.files().forEach(f -> out.println("  " + f));
        return 0;
    }

    /** Why the estimate moved between the two newest versions, in the reports' language. */
    private int diff(CommandRequest.Diff request, PrintStream out, PrintStream err) {
        ChangeWording words = ChangeWording.forLocale(reportSettings.locale());
        List<Snapshot> versions = snapshots.versions(request.source(), request.from(), request.to(), request.groupBy());
        if (versions.size() < 2) {
            err.println("error: "
                    + words.text(
                            "diff.error.versions",
                            request.source(),
                            request.from().toString(),
                            request.to().toString(),
                            request.groupBy().code(),
                            String.valueOf(versions.size())));
            return 1;
        }
        ChangeBreakdown breakdown = snapshots.explain(versions.get(1), versions.get(0));
        printBreakdown(breakdown, words, out);
        return 0;
    }

    /** The heading, one line per part (label, amount, detail), the sum and the attribution order. */
    static void printBreakdown(ChangeBreakdown b, ChangeWording words, PrintStream out) {
        words.heading(b).forEach(out::println);
        if (!b.comparable()) {
            return;
        }
        if (b.parts().isEmpty()) {
            out.println("  " + words.text("diff.none"));
            return;
        }
        int width =
                b.parts().stream().mapToInt(p -> words.label(p).length()).max().orElse(0);
        for (ChangeBreakdown.Part part : b.parts()) {
            out.printf(
                    "  %-" + width + "s %20s  %s%n",
                    words.label(part),
                    words.signed(part.amount(), b.scale()),
                    words.detail(part, b.scale()));
        }
        out.println(words.text("diff.sum", words.signed(b.sum(), b.scale()) + " " + b.currency()));
        out.println(words.text("diff.order"));
    }

    /**
     * The demo: a tenant of about three months up to this instant ({@link #DEMO_MONTHS}), synced,
     * then last month by day (printed, exported and reported) and today (printed), in the
     * reports' language.
     */
    private int demo(PrintStream out, PrintStream err) {
        SourceProperties demo = sources.find(DEMO_SOURCE).orElse(null);
        if (demo == null) {
            err.println("error: the demo needs a source named '" + DEMO_SOURCE + "' in billing.sources");
            return 1;
        }
        CliTexts texts = CliTexts.of(reportSettings.locale());
        ZoneId zone = demo.timeZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        out.println(texts.text(
                "demo.generating",
                SourceLocations.describe(demo.url()),
                LOCAL_MINUTE.format(now.atZone(zone)) + " " + zone.getId()));
        out.flush();
        long started = System.nanoTime();
        DemoDataSummary summary = DemoDataCommand.generate(
                new DriverManagerDataSource(demo.url(), demo.username(), demo.password()),
                DemoDataSpec.upTo(DEMO_USERS, DEMO_MESSAGES, DEMO_SEED, now, DEMO_MONTHS),
                texts,
                err);
        out.println("  "
                + texts.text(
                        "demo.generated",
                        summary.users(),
                        summary.channels(),
                        summary.messages(),
                        summary.calls(),
                        summary.botSessions(),
                        summary.invalidRows(),
                        Math.round((System.nanoTime() - started) / 1e9)));
        SyncWindow window = new SyncWindow(today.minusMonths(DEMO_MONTHS).withDayOfMonth(1), today);
        SyncOutcome outcome = jobs.sync(List.of(DEMO_SOURCE), window, Requester.cli());
        for (SourceOutcome s : outcome.sources()) {
            out.println("  "
                    + texts.text("demo.synced", s.from().toString(), s.to().toString(), s.daysDone(), s.rowsRead()));
        }
        if (!outcome.succeeded()) {
            err.println("error: sync failed: " + outcome.failureSummary());
            return 1;
        }
        Period lastMonth = Preset.LAST_MONTH.resolve(clock, zone);
        Snapshot month = snapshots.compute(DEMO_SOURCE, lastMonth.from(), lastMonth.to(), GroupBy.DAY);
        out.println();
        out.println(
                texts.text("demo.lastMonth", YearMonth.from(lastMonth.from()).toString()));
        SummaryPrinter.print(month, out, texts);
        Snapshot day = snapshots.compute(DEMO_SOURCE, today, today, GroupBy.DAY);
        out.println();
        out.println(texts.text("demo.today", today.toString()));
        SummaryPrinter.print(day, out, texts);
        Path json = export.exportDir()
                .resolve("billing-estimate_" + DEMO_SOURCE + "_" + lastMonth.from() + "_" + lastMonth.to() + ".json");
        out.println();
        out.println(texts.text("demo.export", writeAtomically(json, month).toString()));
        ReportService.Rendered rendered = reports.render(
                month, List.of(ReportService.Format.XLSX, ReportService.Format.PDF), reportSettings.outDir());
        rendered.files().forEach(f -> out.println(texts.text("demo.report", f.toString())));
        return 0;
    }

    /** The snapshot's export document, streamed to the file. */
    static Path writeAtomically(Path target, Snapshot snapshot) {
        return AtomicFiles.write(target, snapshot::writeDocument);
    }
}
