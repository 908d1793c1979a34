package com.contactcenter.billing.ops;

import com.contactcenter.billing.ops.JobRequestStore.JobRequest;
import com.contactcenter.billing.sync.SyncService;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * The one way the CLI, the API and the schedule start jobs. A sync first takes the lock of each of
 * its sources ({@link SyncLock}) and is refused, naming the run that holds one, when it cannot;
 * every request is recorded with who asked ({@link JobRequestStore}). Jobs run on a thread of their
 * own, so the caller gets the job execution id at once and may wait for the end.
 */
@Service
public class JobRunner {

    public static final String SYNC_JOB = "usageSyncJob";

    /** A job that has started: its request, its execution id, and the execution when it ends. */
    public record Started(long requestId, long jobExecutionId, CompletableFuture<JobExecution> done) {

        public JobExecution await() {
            return done.join();
        }
    }

    static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final SyncService syncService;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final MapJobRegistry registry = new MapJobRegistry();
    private final JobRequestStore requests;
    private final SyncLock locks;
    private final SyncMetrics metrics;

    JobRunner(SyncService syncService, JobRepository jobRepository, JobOperator jobOperator, List<Job> jobs,
            JobRequestStore requests, SyncLock locks, SyncMetrics metrics) {
        this.syncService = syncService;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.requests = requests;
        this.locks = locks;
        this.metrics = metrics;
        for (Job job : jobs) {
            try {
                registry.register(job);
            } catch (Exception e) {
                throw new IllegalStateException("job " + job.getName() + " is defined twice", e);
            }
        }
    }

    /** Syncs and waits for the end: the CLI's sync, the demo and the nightly schedule. */
    public SyncOutcome sync(List<String> sources, SyncWindow window, Requester requester) {
        JobExecution done = startSync(sources, window, requester).await();
        return syncService.outcome(done);
    }

    /**
     * Starts a sync of {@code sources} over {@code window} (null: each source's nightly window) and
     * returns at once. The same explicit work asked again after a run of it failed or crashed
     * restarts that run, which continues after its last committed day.
     *
     * @throws SyncBusyException when a source is being synced by another run
     */
    public Started startSync(List<String> sources, SyncWindow window, Requester requester) {
        return startSync(sources, window, null, requester);
    }

    /**
     * Syncs today and yesterday plus {@code trailingDays} days before them, in each source's zone
     * (the intraday refresh passes 0), and waits for the end. Locks and history as any sync.
     *
     * @throws SyncBusyException when a source is being synced by another run
     */
    public SyncOutcome syncRecentDays(List<String> sources, int trailingDays, Requester requester) {
        return syncService.outcome(startSync(sources, null, trailingDays, requester).await());
    }

    private Started startSync(List<String> sources, SyncWindow window, Integer trailingDays, Requester requester) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no sources to sync");
        }
        LocalDate from = window == null ? null : window.from();
        LocalDate to = window == null ? null : window.to();
        Optional<JobRequest> previous = window == null ? Optional.empty()
                : requests.newestStartedFor(SYNC_JOB, sources, from, to);
        long requestId = requests.create(SYNC_JOB, requester, sources, from, to, null);
        lock(sources, requestId);
        try {
            Optional<JobExecution> unfinished = previous.flatMap(p -> unfinished(p.jobExecutionId()));
            if (unfinished.isPresent()) {
                long restarted = unfinished.get().getId();
                requests.restartOf(requestId, restarted);
                log.info("sync of {} {}..{}: the same work's execution {} did not finish: restarting it", sources,
                        from, to, restarted);
                return launch(requestId, operator -> operator.restart(unfinished.get()), true);
            }
            JobParameters params = syncService.parameters(sources, window, trailingDays, UUID.randomUUID().toString());
            return launch(requestId, operator -> operator.start(syncService.job(), params), true);
        } catch (RuntimeException e) {
            locks.release(requestId);
            requests.finish(requestId, JobRequestStore.Status.FAILED, e.getMessage());
            throw e;
        }
    }

    /**
     * Restarts a failed, stopped or crashed execution; it continues after its last committed
     * step. An execution still marked running is recovered first, once its sources' locks show
     * that no live process holds them.
     */
    public Started restart(long jobExecutionId, Requester requester) {
        JobExecution execution = JobExecutions.find(jobRepository, jobExecutionId);
        if (execution == null) {
            throw new NoSuchJobExecution(jobExecutionId);
        }
        String jobName = execution.getJobInstance().getJobName();
        boolean sync = jobName.equals(SYNC_JOB);
        List<String> sources = sync ? SyncService.sources(execution.getJobParameters()) : List.of();
        SyncWindow window = sync ? SyncService.window(execution.getJobParameters()) : null;
        long requestId = requests.create(jobName, requester, sources, window == null ? null : window.from(),
                window == null ? null : window.to(), jobExecutionId);
        if (sync) {
            lock(sources, requestId);
            // taking over a dead holder's lock may have recovered this very execution
            execution = JobExecutions.find(jobRepository, jobExecutionId);
        }
        try {
            JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance());
            if (latest != null && latest.getId() != jobExecutionId) {
                throw new IllegalStateException("execution " + jobExecutionId + " was already restarted as execution "
                        + latest.getId() + " (" + latest.getStatus() + ")");
            }
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                throw new IllegalStateException("execution " + jobExecutionId + " has completed; nothing to restart");
            }
            if (RUNNING.contains(execution.getStatus())) {
                if (!sync) {
                    throw new IllegalStateException("execution " + jobExecutionId + " is still " + execution.getStatus());
                }
                // we hold its sources' locks, so the process that ran it is gone
                execution = recover(execution, "restarted by job request " + requestId);
            }
            JobExecution toRestart = execution;
            return launch(requestId, operator -> operator.restart(toRestart), sync);
        } catch (RuntimeException e) {
            if (sync) {
                locks.release(requestId);
            }
            requests.finish(requestId, JobRequestStore.Status.FAILED, e.getMessage());
            throw e;
        }
    }

    /** Starts any job by name (the snapshot jobs of the schedule) and returns at once; no source lock. */
    public Started start(String jobName, JobParameters params, Requester requester, List<String> sources,
            LocalDate from, LocalDate to) {
        Job job;
        try {
            job = registry.getJob(jobName);
        } catch (Exception e) {
            throw new IllegalArgumentException("no job named '" + jobName + "'; known: " + registry.getJobNames());
        }
        long requestId = requests.create(jobName, requester, sources, from, to, null);
        try {
            return launch(requestId, operator -> operator.start(job, params), false);
        } catch (RuntimeException e) {
            requests.finish(requestId, JobRequestStore.Status.FAILED, e.getMessage());
            throw e;
        }
    }

    /**
     * Marks executions left running by a dead process as failed, so they can be restarted: those
     * whose sources' locks expired or are gone. Called when the service starts.
     */
    public List<Long> recoverAbandoned() {
        for (SyncLock.Holder h : locks.clearExpired()) {
            log.warn("{}: lock of job request {} (execution {}, node {}) expired at {}: its process is gone",
                    h.source(), h.requestId(), h.jobExecutionId(), h.node(), h.expiresAt());
        }
        Set<Long> locked = new java.util.HashSet<>();
        locks.holders().forEach(h -> {
            if (h.jobExecutionId() != null) {
                locked.add(h.jobExecutionId());
            }
        });
        List<Long> recovered = new java.util.ArrayList<>();
        for (JobExecution running : jobRepository.findRunningJobExecutions(SYNC_JOB)) {
            if (!locked.contains(running.getId())) {
                recover(running, "found running without a live lock when the service started");
                recovered.add(running.getId());
            }
        }
        return recovered;
    }

    private void lock(List<String> sources, long requestId) {
        List<SyncLock.Holder> takenOver;
        try {
            takenOver = locks.acquire(sources, requestId);
        } catch (SyncLock.Held held) {
            String message = busyMessage(held.holder());
            requests.refused(requestId, message);
            log.warn("job request {} refused: {}", requestId, message);
            throw new SyncBusyException(message, held.holder().source(), held.holder().jobExecutionId(), requestId);
        }
        for (SyncLock.Holder dead : takenOver) {
            requests.finish(dead.requestId(), JobRequestStore.Status.FAILED,
                    "its process stopped (lock expired); taken over by job request " + requestId);
            if (dead.jobExecutionId() != null) {
                JobExecution execution = JobExecutions.find(jobRepository, dead.jobExecutionId());
                if (execution != null && RUNNING.contains(execution.getStatus())) {
                    recover(execution, "its lock expired; taken over by job request " + requestId);
                }
            }
        }
    }

    private String busyMessage(SyncLock.Holder holder) {
        Optional<JobRequest> request = requests.find(holder.requestId());
        String run = holder.jobExecutionId() != null ? "job execution " + holder.jobExecutionId()
                : "job request " + holder.requestId() + " (starting)";
        return "source '" + holder.source() + "' is already being synced by " + run
                + request.map(r -> ", requested by " + r.requester() + " at " + r.requestedAt()).orElse("")
                + " on node " + holder.node() + "; try again when it has finished (GET /api/jobs/"
                + (holder.jobExecutionId() != null ? holder.jobExecutionId() : "") + ")";
    }

    /** The execution to restart for a request of the same work: the newest, when it failed or crashed. */
    private Optional<JobExecution> unfinished(Long jobExecutionId) {
        if (jobExecutionId == null) {
            return Optional.empty();
        }
        JobExecution previous = JobExecutions.find(jobRepository, jobExecutionId);
        if (previous == null) {
            return Optional.empty();
        }
        JobExecution latest = jobRepository.getLastJobExecution(previous.getJobInstance());
        if (latest == null) {
            return Optional.empty();
        }
        if (RUNNING.contains(latest.getStatus())) {
            // its sources are ours now, so whatever ran it is gone
            latest = recover(latest, "the same work was requested again");
        }
        return latest.getStatus() == BatchStatus.FAILED || latest.getStatus() == BatchStatus.STOPPED
                ? Optional.of(latest) : Optional.empty();
    }

    private JobExecution recover(JobExecution execution, String why) {
        log.warn("execution {} ({}) was left {} by a process that is gone: recovering it ({})", execution.getId(),
                execution.getJobInstance().getJobName(), execution.getStatus(), why);
        JobExecution recovered = jobOperator.recover(execution);
        requests.forExecution(execution.getId()).filter(r -> r.status() == JobRequestStore.Status.STARTED)
                .ifPresent(r -> requests.finish(r.id(), JobRequestStore.Status.FAILED, "its process stopped; " + why));
        return recovered;
    }

    private interface Launch {
        JobExecution launch(JobOperator operator) throws Exception;
    }

    /**
     * Creates the execution through an operator whose task executor hands the run back here, then
     * records the execution id on the request and the locks before the run starts on its thread.
     */
    private Started launch(long requestId, Launch how, boolean holdsLocks) {
        AtomicReference<Runnable> run = new AtomicReference<>();
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(jobRepository);
        operator.setJobRegistry(registry);
        operator.setTaskExecutor(run::set);
        JobExecution execution;
        try {
            operator.afterPropertiesSet();
            execution = how.launch(operator);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the job: " + e.getMessage(), e);
        }
        long executionId = execution.getId();
        requests.started(requestId, executionId);
        if (holdsLocks) {
            locks.attach(requestId, executionId);
        }
        CompletableFuture<JobExecution> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                run.get().run();
            } finally {
                done.complete(finished(requestId, executionId, holdsLocks));
            }
        }, "job-" + executionId);
        thread.start();
        return new Started(requestId, executionId, done);
    }

    private JobExecution finished(long requestId, long executionId, boolean holdsLocks) {
        JobExecution execution = JobExecutions.find(jobRepository, executionId);
        try {
            boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
            String message = completed ? null : execution.getExitStatus().getExitDescription();
            requests.finish(requestId, completed ? JobRequestStore.Status.COMPLETED : JobRequestStore.Status.FAILED,
                    message == null || message.isBlank() ? null : message);
            if (execution.getJobInstance().getJobName().equals(SYNC_JOB)) {
                metrics.record(execution);
            }
        } catch (RuntimeException e) {
            log.error("job request {}: could not record the end of execution {}: {}", requestId, executionId,
                    e.getMessage());
        } finally {
            if (holdsLocks) {
                locks.release(requestId);
            }
        }
        return execution;
    }
}
