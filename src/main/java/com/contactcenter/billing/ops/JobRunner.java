package com.contactcenter.billing.ops;

import com.contactcenter.billing.ops.JobRequestStore.Counts;
import com.contactcenter.billing.ops.JobRequestStore.JobRequest;
import com.contactcenter.billing.ops.JobRequestStore.TenantJob;
import com.contactcenter.billing.ops.JobRequestStore.TenantStatus;
import com.contactcenter.billing.ops.JobRequestStore.TenantWindow;
import com.contactcenter.billing.snapshot.SnapshotJob;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.sync.SyncProperties;
import com.contactcenter.billing.sync.SyncService;
import com.contactcenter.billing.sync.SyncService.SourceOutcome;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * The one way the CLI, the API and the schedule start jobs. One tenant, one job: a request that
 * covers many tenants is recorded once ({@link JobRequestStore}) and enqueues one Quartz job per
 * tenant on the cluster ({@link WorkScheduler}); whichever node takes a tenant runs its Batch jobs
 * ({@link #runTenant}). A single re-sync or restart asked over the API or the CLI is launched at
 * once on this node, on a thread of its own, so the caller gets the job execution id at once.
 * Everything goes through Batch's own {@link JobOperator}; the source's lock is a part of the sync
 * job ({@link SourceLockListener}).
 */
@Service
public class JobRunner {

    public static final String SYNC_JOB = "usageSyncJob";

    /** The parameters both jobs name their tenant and days with. */
    public static final String SOURCE = "source";

    public static final String FROM = "from";
    public static final String TO = "to";

    /** A many-tenant request, enqueued. */
    public record Submitted(long requestId, int tenants) {}

    /** A job launched on this node: its request, its execution id, and the execution when it ends. */
    public record Started(long requestId, long jobExecutionId, CompletableFuture<JobExecution> done) {

        public JobExecution await() {
            return done.join();
        }
    }

    /** What became of a tenant's turn on a node. */
    enum Turn {
        DONE,
        BUSY
    }

    /** How long a running execution with no lock is taken for one about to begin rather than a dead one. */
    static final Duration STARTING_GRACE = Duration.ofSeconds(30);

    private static final Clock BATCH_CLOCK = Clock.systemDefaultZone();

    static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    /** A busy source is tried again every {@code billing.lock.busy-retry}, this many times at most. */
    static final int BUSY_ATTEMPTS = 240;

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final SourceRegistry sources;
    private final SyncService syncService;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final MapJobRegistry registry = new MapJobRegistry();
    private final JobRequestStore requests;
    private final SyncLock locks;
    private final SyncMetrics metrics;
    private final WorkScheduler cluster;
    private final SyncProperties settings;
    private final Duration busyRetry;
    private final Clock clock;

    JobRunner(
            SourceRegistry sources,
            SyncService syncService,
            JobRepository jobRepository,
            JobOperator jobOperator,
            List<Job> jobs,
            JobRequestStore requests,
            SyncLock locks,
            SyncMetrics metrics,
            WorkScheduler cluster,
            SyncProperties settings,
            LockProperties lock,
            Clock clock) {
        this.sources = sources;
        this.syncService = syncService;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.requests = requests;
        this.locks = locks;
        this.metrics = metrics;
        this.cluster = cluster;
        this.settings = settings;
        this.busyRetry = lock.busyRetry();
        this.clock = clock;
        for (Job job : jobs) {
            try {
                registry.register(job);
            } catch (Exception e) {
                throw new IllegalStateException("job " + job.getName() + " is defined twice", e);
            }
        }
    }

    // ---- many-tenant requests, spread over the cluster

    /**
     * Records a request for {@code work} over {@code names} and enqueues one job per tenant on the
     * cluster. {@code window} null: each tenant's nightly window (SYNC) or today and yesterday
     * (INTRADAY) in its zone, resolved now; snapshots need a window.
     */
    public Submitted submit(TenantWork work, List<String> names, SyncWindow window, Requester requester) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no sources to sync");
        }
        if (window == null && !work.syncs()) {
            throw new IllegalArgumentException(work.code() + " needs a period");
        }
        List<TenantWindow> tenants = new ArrayList<>(names.size());
        for (String name : new java.util.LinkedHashSet<>(names)) {
            ZoneId zone = sources.require(name).timeZone();
            SyncWindow days = window != null
                    ? window
                    : SyncWindow.nightly(clock, zone, work == TenantWork.INTRADAY ? 0 : settings.nightlyTrailingDays());
            tenants.add(new TenantWindow(name, days.from(), days.to()));
        }
        long requestId = requests.create(
                work.jobName(),
                work,
                requester,
                tenants.size(),
                window == null ? null : window.from(),
                window == null ? null : window.to(),
                null);
        requests.addTenants(requestId, work.jobName(), tenants);
        try {
            TenantJobs.enqueue(
                    cluster.started(),
                    requestId,
                    tenants.stream().map(TenantWindow::source).toList());
        } catch (RuntimeException e) {
            requests.finish(requestId, JobRequestStore.Status.FAILED, "could not enqueue: " + e.getMessage());
            throw e;
        }
        requests.started(requestId, null);
        log.info("job request {}: {} of {} tenants by {} enqueued", requestId, work.code(), tenants.size(), requester);
        return new Submitted(requestId, tenants.size());
    }

    /**
     * Waits until every tenant of the request has ended, taking part in the work meanwhile (this
     * node's scheduler runs tenant jobs too); {@code progress} hears each change of the counts.
     */
    public Counts await(long requestId, Consumer<Counts> progress) {
        cluster.started();
        Counts last = null;
        while (true) {
            Counts now = requests.counts(requestId);
            if (!now.equals(last)) {
                progress.accept(now);
                last = now;
            }
            if (now.ended()) {
                requests.finishIfEnded(requestId);
                return now;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for job request " + requestId, e);
            }
        }
    }

    /** Syncs the sources over {@code window} (null: each one's nightly window) and waits for the end. */
    public SyncOutcome sync(List<String> names, SyncWindow window, Requester requester) {
        Submitted submitted = submit(TenantWork.SYNC, names, window, requester);
        await(submitted.requestId(), counts -> {});
        return outcome(submitted.requestId());
    }

    /** What each tenant of a sync request did, in name order. */
    public SyncOutcome outcome(long requestId) {
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (TenantJob t : requests.tenants(requestId)) {
            JobExecution execution =
                    t.jobExecutionId() == null ? null : JobExecutions.find(jobRepository, t.jobExecutionId());
            SourceOutcome o = execution == null ? null : syncService.outcome(execution);
            if (o == null) {
                o = new SourceOutcome(
                        t.source(),
                        t.status() == TenantStatus.COMPLETED,
                        t.from(),
                        t.to(),
                        0,
                        0,
                        t.message(),
                        t.jobExecutionId());
            } else if (t.status() == TenantStatus.FAILED && o.succeeded()) {
                o = new SourceOutcome(
                        o.source(),
                        false,
                        o.from(),
                        o.to(),
                        o.daysDone(),
                        o.rowsRead(),
                        t.message(),
                        o.jobExecutionId());
            }
            outcomes.add(o);
        }
        return new SyncOutcome(requestId, outcomes.stream().allMatch(SourceOutcome::succeeded), outcomes);
    }

    /**
     * One tenant's turn, on the Quartz thread of the node that took it: syncs (continuing or
     * restarting the same work's unfinished execution, recovering one a dead node left running),
     * then the snapshots the work asks for. BUSY when a live run holds the source: the caller
     * tries again later.
     */
    Turn runTenant(long requestId, String source) {
        TenantJob tenant = requests.tenant(requestId, source).orElse(null);
        JobRequest request = requests.find(requestId).orElse(null);
        if (tenant == null || request == null || tenant.status().ended()) {
            return Turn.DONE;
        }
        if (sources.find(source).isEmpty()) {
            end(tenant, TenantStatus.FAILED, "source '" + source + "' is no longer a configured tenant");
            return Turn.DONE;
        }
        TenantWork work = request.work() == null ? TenantWork.SYNC : request.work();
        try {
            if (work.syncs()) {
                Launch launch = prepareSync(tenant);
                if (launch != null) {
                    JobExecution execution = launch.runHere();
                    metrics.record(execution);
                    if (execution.getStatus() != BatchStatus.COMPLETED) {
                        Optional<SyncBusyException> busy = busy(execution);
                        if (busy.isPresent()) {
                            return waitFor(
                                    requests.tenant(requestId, source).orElse(tenant),
                                    busy.get().getMessage());
                        }
                        end(
                                tenant,
                                TenantStatus.FAILED,
                                syncService.outcome(execution).error());
                        return Turn.DONE;
                    }
                }
            }
            if (work != TenantWork.SYNC) {
                JobExecution snapshot = launch(
                                requestId,
                                source,
                                operator -> operator.start(
                                        registry.getJob(SnapshotJob.NAME),
                                        snapshotParameters(source, tenant, request, work)))
                        .runHere();
                if (snapshot.getStatus() != BatchStatus.COMPLETED) {
                    end(tenant, TenantStatus.FAILED, SyncService.failure(snapshot));
                    return Turn.DONE;
                }
            }
            end(tenant, TenantStatus.COMPLETED, null);
            return Turn.DONE;
        } catch (SyncBusyException e) {
            return waitFor(tenant, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{}: job request {}: {}", source, requestId, e.getMessage(), e);
            end(tenant, TenantStatus.FAILED, e.getMessage());
            return Turn.DONE;
        }
    }

    /** How long a tenant whose source is busy waits before it is tried again. */
    Duration busyRetry() {
        return busyRetry;
    }

    private static JobParameters snapshotParameters(
            String source, TenantJob tenant, JobRequest request, TenantWork work) {
        return SnapshotJob.parameters(
                source,
                request.from() != null ? request.from() : tenant.from(),
                request.to() != null ? request.to() : tenant.to(),
                work == TenantWork.SNAPSHOT_REPORTS,
                work == TenantWork.INTRADAY);
    }

    private Turn waitFor(TenantJob tenant, String why) {
        if (tenant.attempts() + 1 >= BUSY_ATTEMPTS) {
            end(tenant, TenantStatus.FAILED, "gave up after " + BUSY_ATTEMPTS + " tries: " + why);
            return Turn.DONE;
        }
        log.info("{}: job request {} waits: {}", tenant.source(), tenant.requestId(), why);
        requests.tenantWaiting(tenant.requestId(), tenant.source(), why);
        return Turn.BUSY;
    }

    private void end(TenantJob tenant, TenantStatus status, String message) {
        requests.tenantEnded(tenant.requestId(), tenant.source(), status, message);
        requests.finishIfEnded(tenant.requestId());
    }

    private static Optional<SyncBusyException> busy(JobExecution execution) {
        return execution.getFailureExceptions().stream()
                .filter(SyncBusyException.class::isInstance)
                .map(SyncBusyException.class::cast)
                .findFirst();
    }

    // ---- one tenant, launched here

    /**
     * Starts a sync of one source over {@code window} on this node and returns at once: a re-sync
     * asked over the API or the CLI. The same work asked again after a run of it failed or
     * crashed restarts that run, which continues after its last committed day.
     *
     * @throws SyncBusyException when a live run holds the source
     */
    public Started startSync(String source, SyncWindow window, Requester requester) {
        sources.require(source);
        long requestId = requests.create(SYNC_JOB, TenantWork.SYNC, requester, 1, window.from(), window.to(), null);
        requests.addTenants(requestId, SYNC_JOB, List.of(new TenantWindow(source, window.from(), window.to())));
        TenantJob tenant = requests.tenant(requestId, source).orElseThrow();
        return startHere(tenant);
    }

    /**
     * Restarts a failed, stopped or crashed execution on this node; it continues after its last
     * committed step. An execution still marked running is recovered first, once the run that
     * held its source is known to be dead.
     */
    public Started restart(long jobExecutionId, Requester requester) {
        JobExecution execution = JobExecutions.find(jobRepository, jobExecutionId);
        if (execution == null) {
            throw new NoSuchJobExecution(jobExecutionId);
        }
        JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (latest != null && latest.getId() != jobExecutionId) {
            throw new IllegalStateException("execution " + jobExecutionId + " was already restarted as execution "
                    + latest.getId() + " (" + latest.getStatus() + ")");
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new IllegalStateException("execution " + jobExecutionId + " has completed; nothing to restart");
        }
        String jobName = execution.getJobInstance().getJobName();
        if (!jobName.equals(SYNC_JOB)) {
            if (RUNNING.contains(execution.getStatus())) {
                throw new IllegalStateException("execution " + jobExecutionId + " is still " + execution.getStatus());
            }
            long requestId = requests.create(jobName, null, requester, 1, null, null, jobExecutionId);
            return startHere(
                    requestId,
                    launch(
                            requestId,
                            execution.getJobParameters().getString(SOURCE),
                            operator -> operator.restart(execution)),
                    null);
        }
        String source = SyncService.source(execution.getJobParameters());
        SyncWindow window = SyncService.window(execution.getJobParameters());
        long requestId =
                requests.create(SYNC_JOB, TenantWork.SYNC, requester, 1, window.from(), window.to(), jobExecutionId);
        requests.addTenants(requestId, SYNC_JOB, List.of(new TenantWindow(source, window.from(), window.to())));
        requests.tenantRunning(
                requestId, source, SyncService.revision(execution.getJobParameters()), jobExecutionId, Node.NAME);
        return startHere(requests.tenant(requestId, source).orElseThrow());
    }

    private Started startHere(TenantJob tenant) {
        long requestId = tenant.requestId();
        Launch launch;
        try {
            launch = prepareSync(tenant);
            if (launch == null) {
                throw new IllegalStateException("execution " + tenant.jobExecutionId() + " has completed");
            }
        } catch (SyncBusyException e) {
            log.warn("job request {} refused: {}", requestId, e.getMessage());
            requests.tenantEnded(requestId, tenant.source(), TenantStatus.FAILED, e.getMessage());
            requests.refused(requestId, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            requests.tenantEnded(requestId, tenant.source(), TenantStatus.FAILED, e.getMessage());
            requests.finish(requestId, JobRequestStore.Status.FAILED, e.getMessage());
            throw e;
        }
        return startHere(requestId, launch, tenant);
    }

    private Started startHere(long requestId, Launch launch, TenantJob tenant) {
        requests.started(requestId, launch.executionId());
        CompletableFuture<JobExecution> done = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        launch.runHere();
                    } finally {
                        done.complete(finished(requestId, launch.executionId(), tenant));
                    }
                },
                "job-" + launch.executionId());
        thread.start();
        return new Started(requestId, launch.executionId(), done);
    }

    private JobExecution finished(long requestId, long executionId, TenantJob tenant) {
        JobExecution execution = JobExecutions.find(jobRepository, executionId);
        try {
            boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
            String message = completed ? null : SyncService.failure(execution);
            if (tenant != null) {
                metrics.record(execution);
                requests.tenantEnded(
                        requestId, tenant.source(), completed ? TenantStatus.COMPLETED : TenantStatus.FAILED, message);
            }
            requests.finish(
                    requestId, completed ? JobRequestStore.Status.COMPLETED : JobRequestStore.Status.FAILED, message);
        } catch (RuntimeException e) {
            log.error(
                    "job request {}: could not record the end of execution {}: {}",
                    requestId,
                    executionId,
                    e.getMessage());
        }
        return execution;
    }

    // ---- deciding what to run

    /**
     * The sync execution that does the tenant's work, created but not yet run: a restart of the
     * same work's failed or crashed execution, or a new instance (the next revision when the
     * work has completed before). Null when the tenant's own execution had already completed
     * (a node died after it ended).
     *
     * @throws SyncBusyException when a live run holds the source
     */
    private Launch prepareSync(TenantJob tenant) {
        String source = tenant.source();
        Optional<SyncLock.Holder> holder = locks.holder(source);
        if (holder.isPresent() && locks.alive(holder.get())) {
            throw new SyncBusyException(
                    BusyMessages.of(holder.get(), locks, requests),
                    source,
                    holder.get().jobExecutionId());
        }
        SyncWindow window = new SyncWindow(tenant.from(), tenant.to());
        JobExecution last = null;
        long revision = 0;
        boolean own = tenant.jobExecutionId() != null;
        if (own) {
            last = latestOfInstance(tenant.jobExecutionId());
            revision = tenant.revision() == null ? 0 : tenant.revision();
        } else {
            Optional<TenantJob> previous = requests.newestRun(SYNC_JOB, source, tenant.from(), tenant.to());
            if (previous.isPresent()) {
                last = latestOfInstance(previous.get().jobExecutionId());
                revision =
                        previous.get().revision() == null ? 0 : previous.get().revision();
                if (last == null) {
                    revision++;
                }
            }
        }
        if (last != null && RUNNING.contains(last.getStatus())) {
            refuseIfStarting(source, holder, last);
            // no live run holds the source, so whatever ran it is gone
            last = recover(last, "no live run holds source '" + source + "'");
        }
        long requestId = tenant.requestId();
        if (last != null && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED)) {
            JobExecution toRestart = last;
            log.info(
                    "{} {}..{}: the same work's execution {} did not finish: restarting it",
                    source,
                    window.from(),
                    window.to(),
                    toRestart.getId());
            return recorded(tenant, revision, launch(requestId, source, operator -> operator.restart(toRestart)));
        }
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            if (own) {
                return null;
            }
            revision++;
        }
        // this revision's instance may exist with no tenant row pointing to it: a process killed
        // between creating the instance and its execution left none, or one never recorded
        while (true) {
            JobParameters params = SyncService.parameters(source, window, revision, requestId);
            JobInstance existing = jobRepository.getJobInstance(SYNC_JOB, params);
            JobExecution unrecorded = existing == null ? null : jobRepository.getLastJobExecution(existing);
            if (existing == null) {
                return recorded(
                        tenant,
                        revision,
                        launch(requestId, source, operator -> operator.start(syncService.job(), params)));
            }
            if (unrecorded != null && RUNNING.contains(unrecorded.getStatus())) {
                refuseIfStarting(source, holder, unrecorded);
                unrecorded = recover(unrecorded, "no live run holds source '" + source + "'");
            }
            if (unrecorded != null
                    && (unrecorded.getStatus() == BatchStatus.FAILED
                            || unrecorded.getStatus() == BatchStatus.STOPPED)) {
                JobExecution toRestart = unrecorded;
                return recorded(tenant, revision, launch(requestId, source, operator -> operator.restart(toRestart)));
            }
            log.warn(
                    "{} {}..{}: revision {} has {}; starting the next",
                    source,
                    window.from(),
                    window.to(),
                    revision,
                    unrecorded == null
                            ? "no execution (its process stopped while creating it)"
                            : "a " + unrecorded.getStatus() + " execution no request recorded");
            revision++;
        }
    }

    /**
     * A run takes its source's lock only when it begins, a moment after its execution is
     * created: an execution still running with no lock at all, created or updated within
     * {@link #STARTING_GRACE}, is another request's run about to take the lock, not a dead one.
     * (One whose holder is known dead is recovered at once.)
     */
    private void refuseIfStarting(String source, Optional<SyncLock.Holder> holder, JobExecution execution) {
        if (holder.isEmpty() && justTouched(execution)) {
            throw new SyncBusyException(
                    "source '" + source + "' is already being synced by job execution " + execution.getId()
                            + ", which another request has just started: try again when it has finished",
                    source,
                    execution.getId());
        }
    }

    private static boolean justTouched(JobExecution execution) {
        LocalDateTime touched =
                execution.getLastUpdated() != null ? execution.getLastUpdated() : execution.getCreateTime();
        // Spring Batch stamps executions with the system clock, in the system zone
        return touched != null && touched.isAfter(LocalDateTime.now(BATCH_CLOCK).minus(STARTING_GRACE));
    }

    private Launch recorded(TenantJob tenant, long revision, Launch launch) {
        requests.tenantRunning(tenant.requestId(), tenant.source(), revision, launch.executionId(), node());
        return launch;
    }

    /** This node as a tenant's row names it: its Quartz instance when it takes part in the cluster. */
    private String node() {
        return cluster.instanceId().orElse(Node.NAME);
    }

    private JobExecution latestOfInstance(long jobExecutionId) {
        JobExecution execution = JobExecutions.find(jobRepository, jobExecutionId);
        if (execution == null) {
            return null;
        }
        JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance());
        return latest == null ? execution : latest;
    }

    private JobExecution recover(JobExecution execution, String why) {
        log.warn(
                "execution {} ({}) was left {} by a process that is gone: recovering it ({})",
                execution.getId(),
                execution.getJobInstance().getJobName(),
                execution.getStatus(),
                why);
        return jobOperator.recover(execution);
    }

    /**
     * Marks sync executions left running by a dead process as failed, so that the history does not
     * show them running: those whose source no live run holds. Called when the service starts;
     * their tenants' jobs restart them when they run again.
     */
    public List<Long> recoverAbandoned() {
        List<Long> recovered = new ArrayList<>();
        for (JobExecution running : jobRepository.findRunningJobExecutions(SYNC_JOB)) {
            String source = SyncService.source(running.getJobParameters());
            Optional<SyncLock.Holder> holder = source == null ? Optional.empty() : locks.holder(source);
            if (holder.isEmpty() && justTouched(running)) {
                continue; // another node's run about to take its lock
            }
            if (holder.isEmpty() || holder.get().jobExecutionId() != running.getId() || !locks.alive(holder.get())) {
                recover(running, "found running without a live lock when the service started");
                recovered.add(running.getId());
            }
        }
        return recovered;
    }

    // ---- launching through Batch's operator

    private interface How {
        JobExecution launch(JobOperator operator) throws Exception;
    }

    /** An execution created by the operator, and the run that its task executor handed back. */
    private record Launch(JobExecution execution, Runnable run, JobRepository repository) {

        long executionId() {
            return execution.getId();
        }

        /** Runs the job on this thread and returns the execution as it ended. */
        JobExecution runHere() {
            run.run();
            JobExecution ended = JobExecutions.find(repository, execution.getId());
            return ended == null ? execution : ended;
        }
    }

    private static SyncBusyException lostTheRace(String source, long requestId) {
        return new SyncBusyException(
                "source '" + source + "' is already being synced by another request for the"
                        + " same days (job request " + requestId + " lost the race to start it): try again when it has"
                        + " finished",
                source,
                -1);
    }

    /**
     * Creates the execution through an operator whose task executor hands the run back here, so
     * that the execution id is recorded before the run starts, on whichever thread runs it.
     */
    private Launch launch(long requestId, String source, How how) {
        AtomicReference<Runnable> run = new AtomicReference<>();
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(jobRepository);
        operator.setJobRegistry(registry);
        operator.setTaskExecutor(run::set);
        JobExecution execution;
        try {
            operator.afterPropertiesSet();
            execution = how.launch(operator);
        } catch (JobExecutionAlreadyRunningException
                | JobInstanceAlreadyCompleteException
                | org.springframework.dao.DataIntegrityViolationException e) {
            // another request created the same work's execution a moment ago
            throw lostTheRace(source, requestId);
        } catch (IllegalStateException e) {
            // Batch checks that the instance is new, then inserts it: a request that created it
            // between the two is another request for the same work
            if (e.getMessage() != null && e.getMessage().contains("JobInstance must not already exist")) {
                throw lostTheRace(source, requestId);
            }
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "job request " + requestId + ": could not start the job: " + e.getMessage(), e);
        }
        return new Launch(execution, run.get(), jobRepository);
    }
}
