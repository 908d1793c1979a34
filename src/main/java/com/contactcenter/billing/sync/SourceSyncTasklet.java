package com.contactcenter.billing.sync;

import com.contactcenter.billing.source.SourceConnection;
import com.contactcenter.billing.source.SourceException;
import com.contactcenter.billing.source.SourceReader;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.usage.Channel;
import com.contactcenter.billing.usage.Classifier;
import com.contactcenter.billing.usage.DayFacts;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.ReferenceData;
import com.contactcenter.billing.warehouse.FactStore;
import com.contactcenter.billing.warehouse.ReferenceStore;
import com.contactcenter.billing.warehouse.SyncRunStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs the source of its job. The first call copies the reference tables and opens the
 * sync run; each later call is one pass of up to {@code max-days-per-pass} days, read in slices of
 * {@code read-slice-days} local days, {@code read-parallelism} at once, each slice on a connection
 * of its own, folded into its own facts and its days replaced in a transaction of its own. Each call
 * commits with the step's execution context once all its slices are written, so a restarted run
 * continues after the last committed pass and writes again the days of a pass that failed halfway
 * (days it never reached keep the facts an earlier sync left).
 */
@Component
class SourceSyncTasklet implements Tasklet, StepExecutionListener {

    private static final String RUN_ID = "syncRunId";
    private static final String AS_OF = "asOf";
    private static final String NEXT_DAY = "nextDay";
    private static final String FROM = "rangeFrom";
    private static final String TO = "rangeTo";
    private static final String ROWS = "rowsRead";
    private static final String DAYS = "daysDone";

    private static final int WRITE_ATTEMPTS = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final Logger log = LoggerFactory.getLogger(SourceSyncTasklet.class);

    private final SourceRegistry sources;
    private final SourceReader reader;
    private final ReferenceStore references;
    private final FactStore facts;
    private final SyncRunStore runs;
    private final SyncProperties settings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    SourceSyncTasklet(
            SourceRegistry sources,
            SourceReader reader,
            ReferenceStore references,
            FactStore facts,
            SyncRunStore runs,
            SyncProperties settings,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sources = sources;
        this.reader = reader;
        this.references = references;
        this.facts = facts;
        this.runs = runs;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext ctx = step.getExecutionContext();
        String name = SyncService.source(step.getJobParameters());
        SourceConnection source = sources.connection(name);
        if (!ctx.containsKey(RUN_ID)) {
            begin(step, source);
            return RepeatStatus.CONTINUABLE;
        }
        long runId = ctx.getLong(RUN_ID);
        Instant asOf = Instant.parse(ctx.getString(AS_OF));
        LocalDate to = LocalDate.parse(ctx.getString(TO));
        LocalDate first = LocalDate.parse(ctx.getString(NEXT_DAY));
        LocalDate last = first.plusDays(settings.maxDaysPerPass() - 1L);
        if (last.isAfter(to)) {
            last = to;
        }
        Period pass = new Period(first, last, source.zone());
        Map<Integer, Channel> channels = references.channels(name);
        long started = System.nanoTime();
        List<Period> slices = slices(pass, settings.readSliceDays());
        Lock writes = new ReentrantLock();
        long passRows = inSlices(
                name,
                slices,
                settings.readParallelism(),
                (slice, abandoned) -> slice(source, channels, slice, asOf, runId, writes, abandoned));
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        long rows = ctx.getLong(ROWS) + passRows;
        int days = ctx.getInt(DAYS) + (int) pass.days();
        log.info(
                "{} {}..{}: {} rows in {} s ({} rows/s); {} of {} days done",
                name,
                first,
                last,
                passRows,
                String.format("%.1f", seconds),
                Math.round(passRows / seconds),
                days,
                new Period(LocalDate.parse(ctx.getString(FROM)), to, source.zone()).days());
        ctx.putLong(ROWS, rows);
        ctx.putInt(DAYS, days);
        ctx.putString(NEXT_DAY, last.plusDays(1).toString());
        runs.progress(runId, days, rows);
        contribution.incrementWriteCount((int) pass.days());
        if (last.equals(to)) {
            runs.finish(runId, SyncRunStore.Status.COMPLETED, null);
            return RepeatStatus.FINISHED;
        }
        return RepeatStatus.CONTINUABLE;
    }

    /** {@code pass} cut into consecutive periods of at most {@code days} local days. */
    static List<Period> slices(Period pass, int days) {
        List<Period> slices = new ArrayList<>();
        for (LocalDate from = pass.from(); !from.isAfter(pass.to()); from = from.plusDays(days)) {
            LocalDate to = from.plusDays(days - 1L);
            slices.add(new Period(from, to.isAfter(pass.to()) ? pass.to() : to, pass.zone()));
        }
        return slices;
    }

    /** Reads, folds and writes one slice of a pass; returns the rows it read. */
    @FunctionalInterface
    interface SliceWork {
        long run(Period slice, AtomicBoolean abandoned);
    }

    /**
     * Runs {@code work} on every slice, {@code parallelism} at once (each slice on a thread of its
     * own; one at a time on this thread when 1), and returns the rows read. When one slice fails,
     * slices not yet started are skipped, those under way are waited for, and the first failure is
     * thrown: no slice of the pass is still running when this returns or throws.
     */
    static long inSlices(String source, List<Period> slices, int parallelism, SliceWork work) {
        AtomicBoolean abandoned = new AtomicBoolean();
        if (parallelism <= 1 || slices.size() == 1) {
            long rows = 0;
            for (Period slice : slices) {
                rows += work.run(slice, abandoned);
            }
            return rows;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, slices.size()), task -> {
            Thread thread = new Thread(task, "sync-" + source + "-slice-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Future<Long>> running = new ArrayList<>();
        try {
            for (Period slice : slices) {
                running.add(pool.submit(() -> {
                    if (abandoned.get()) {
                        return 0L;
                    }
                    try {
                        return work.run(slice, abandoned);
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                        abandoned.set(true);
                        throw e;
                    }
                }));
            }
        } finally {
            pool.shutdown();
        }
        long rows = 0;
        boolean interrupted = false;
        for (Future<Long> slice : running) {
            while (true) {
                try {
                    rows += slice.get();
                    break;
                } catch (ExecutionException e) {
                    failure.compareAndSet(null, e.getCause());
                    break;
                } catch (InterruptedException e) {
                    // the slices under way are still waited for: none may write after the pass ends
                    interrupted = true;
                    abandoned.set(true);
                    failure.compareAndSet(
                            null, new IllegalStateException("the sync of " + source + " was interrupted"));
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        return rows;
    }

    /**
     * One slice: its rows read on a connection of its own (by id range when it is short enough),
     * folded into its own facts and its days written in a transaction of their own, one slice's
     * write at a time ({@code writes}: the slices' deletes and inserts would otherwise deadlock
     * on the same tables). A slice read after another failed is not written.
     */
    private long slice(
            SourceConnection source,
            Map<Integer, Channel> channels,
            Period slice,
            Instant asOf,
            long runId,
            Lock writes,
            AtomicBoolean abandoned) {
        String name = source.name();
        long started = System.nanoTime();
        long startedCpu = THREADS.getCurrentThreadCpuTime();
        Classifier classifier = withRetries(source, () -> {
            // a fresh fold per attempt: rows of an attempt that failed halfway are never counted
            Classifier attempt = new Classifier(channels);
            slice.dates().forEach(attempt::day);
            reader.readFacts(
                    source, slice.startUtc(), slice.endUtc(), asOf, settings.readsByIdRange(slice.days()), attempt);
            return attempt;
        });
        long read = System.nanoTime();
        long readCpu = THREADS.getCurrentThreadCpuTime();
        writes.lock();
        try {
            if (abandoned.get()) {
                return 0;
            }
            writeWithRetry(
                    name,
                    () -> facts.replaceDays(name, classifier.days().values(), runId, asOf, settings.writeBatchSize()));
        } finally {
            writes.unlock();
        }
        // this thread's CPU beside the wall time: what the fold and the driver cost, apart from the source
        log.debug(
                "{} {}..{}: read {} s (this thread's cpu {} s), write {} s (cpu {} s)",
                name,
                slice.from(),
                slice.to(),
                (read - started) / 1e9,
                (readCpu - startedCpu) / 1e9,
                (System.nanoTime() - read) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - readCpu) / 1e9);
        long rows = 0;
        for (DayFacts day : classifier.days().values()) {
            rows += day.rowsRead();
            log.info(
                    "{} {}: {} rows read, {} service facts, {} findings, {} users active",
                    name,
                    day.day(),
                    day.rowsRead(),
                    day.channelFactCount(),
                    day.findingFactCount(),
                    day.userFactCount());
        }
        return rows;
    }

    private void begin(StepExecution step, SourceConnection source) {
        ExecutionContext ctx = step.getExecutionContext();
        SyncWindow window = SyncService.window(step.getJobParameters());
        Instant asOf = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ReferenceData reference = withRetries(source, () -> reader.readReference(source));
        long runId = ownTransaction.execute(
                status -> runs.start(source.name(), window.from(), window.to(), asOf, step.getJobExecutionId()));
        ReferenceStore.Written copied = writeWithRetry(
                source.name(),
                () -> references.replace(source.name(), reference, runId, asOf, settings.writeBatchSize()));
        log.info(
                "{}: syncing {}..{} as of {} from {}; {} users, {} roles, {} channels read; copy: {} rows inserted,"
                        + " {} updated, {} deleted",
                source.name(),
                window.from(),
                window.to(),
                asOf,
                source.location(),
                reference.users().size(),
                reference.roles().namesById().size(),
                reference.channels().size(),
                copied.inserted(),
                copied.updated(),
                copied.deleted());
        ctx.putLong(RUN_ID, runId);
        ctx.putString(AS_OF, asOf.toString());
        ctx.putString(FROM, window.from().toString());
        ctx.putString(TO, window.to().toString());
        ctx.putString(NEXT_DAY, window.from().toString());
        ctx.putLong(ROWS, 0L);
        ctx.putInt(DAYS, 0);
    }

    /**
     * Reads again, with a growing delay, while the source cannot be reached; a failing query is
     * not retried. A server that refuses the connection with "Too many connections" is up, only
     * full: that is waited out, without using up attempts, for up to {@code saturated-wait} in
     * all (1 s, doubling up to 15 s, between tries), so a busy server never fails a tenant.
     */
    private <T> T withRetries(SourceConnection source, Supplier<T> read) {
        SyncProperties.RetryProperties retry = settings.retry();
        long delay = retry.initialDelay().toMillis();
        long saturatedBudget = settings.saturatedWait().toMillis();
        long saturatedDelay = 1_000;
        long saturatedWaited = 0;
        for (int attempt = 1; ; ) {
            try {
                return read.get();
            } catch (SourceException e) {
                long wait;
                if (e.saturated() && saturatedWaited < saturatedBudget) {
                    wait = Math.min(saturatedDelay, saturatedBudget - saturatedWaited);
                    log.warn(
                            "{}: its server {} has too many connections; trying again in {} ms ({} s of at most {} s"
                                    + " waited for it)",
                            source.name(),
                            source.location(),
                            wait,
                            saturatedWaited / 1000,
                            saturatedBudget / 1000);
                    saturatedWaited += wait;
                    saturatedDelay = Math.min(saturatedDelay * 2, 15_000);
                } else if (e.unreachable() && attempt < retry.attempts()) {
                    log.warn(
                            "{}: attempt {} of {} failed, trying again in {} ms: {}",
                            source.name(),
                            attempt,
                            retry.attempts(),
                            delay,
                            e.getMessage());
                    wait = delay;
                    delay *= 2;
                    attempt++;
                } else {
                    throw e;
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void writeWithRetry(String source, Runnable write) {
        writeWithRetry(source, () -> {
            write.run();
            return null;
        });
    }

    /**
     * Writes in a transaction of its own, retried when the warehouse picks it as a deadlock victim
     * (sources are written side by side). Facts replace whole days and the reference copy is
     * compared again with the copy as committed, so writing again is harmless: a crash between
     * this commit and the step's checkpoint only makes the restart replace the same days with the
     * same facts.
     */
    private <T> T writeWithRetry(String source, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ownTransaction.execute(status -> write.get());
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= WRITE_ATTEMPTS) {
                    throw e;
                }
                log.warn(
                        "{}: warehouse write lost a lock race (attempt {} of {}); retrying",
                        source,
                        attempt,
                        WRITE_ATTEMPTS);
                try {
                    Thread.sleep(100L * attempt + (long) (Math.random() * 100));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Records the failure on the sync run (or a new one, when the source could not even be read). */
    @Override
    public ExitStatus afterStep(StepExecution step) {
        List<Throwable> failures = step.getFailureExceptions();
        if (failures.isEmpty()) {
            return step.getExitStatus();
        }
        ExecutionContext ctx = step.getExecutionContext();
        String name = SyncService.source(step.getJobParameters());
        String reason = failures.get(0).getMessage();
        if (reason == null || !reason.startsWith("source '")) {
            reason = "source '" + name + "': "
                    + (reason == null ? failures.get(0).getClass().getSimpleName() : reason);
        }
        log.error("{}: sync failed: {}", name, reason);
        try {
            long runId;
            if (ctx.containsKey(RUN_ID)) {
                runId = ctx.getLong(RUN_ID);
            } else {
                SyncWindow window = SyncService.window(step.getJobParameters());
                runId = ownTransaction.execute(status -> runs.start(
                        name,
                        window.from(),
                        window.to(),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        step.getJobExecutionId()));
            }
            String recorded = reason;
            ownTransaction.executeWithoutResult(status -> runs.finish(runId, SyncRunStore.Status.FAILED, recorded));
        } catch (RuntimeException e) {
            log.error("{}: could not record the failed sync run: {}", name, e.getMessage());
        }
        return ExitStatus.FAILED.addExitDescription(reason);
    }
}
