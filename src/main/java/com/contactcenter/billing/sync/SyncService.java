package com.contactcenter.billing.sync;

import com.contactcenter.billing.warehouse.SyncRunStore;
import com.contactcenter.billing.warehouse.SyncRunStore.SyncRun;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/** The sync job's parameters, and what a finished execution did. */
@Service
public class SyncService {

    static final String SOURCE = "source";
    static final String FROM = "from";
    static final String TO = "to";
    static final String REVISION = "revision";
    static final String REQUEST = "request";

    /** The outcome of one source in one run. */
    public record SourceOutcome(
            String source,
            boolean succeeded,
            LocalDate from,
            LocalDate to,
            int daysDone,
            long rowsRead,
            String error,
            Long jobExecutionId) {}

    /** What a request's tenants did. */
    public record SyncOutcome(long requestId, boolean succeeded, List<SourceOutcome> sources) {

        public String failureSummary() {
            return sources.stream()
                    .filter(s -> !s.succeeded())
                    .map(SourceOutcome::error)
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
        }
    }

    private final Job usageSyncJob;
    private final SyncRunStore runs;
    private final JobRepository jobRepository;

    SyncService(Job usageSyncJob, SyncRunStore runs, JobRepository jobRepository) {
        this.usageSyncJob = usageSyncJob;
        this.runs = runs;
        this.jobRepository = jobRepository;
    }

    /** The job this service describes, for the callers that launch it. */
    public Job job() {
        return usageSyncJob;
    }

    /**
     * The parameters of a sync of one source: identified by the source, the days and the
     * revision; {@code requestId} only says which request launched it.
     */
    public static JobParameters parameters(String source, SyncWindow window, long revision, long requestId) {
        return new JobParametersBuilder()
                .addString(SOURCE, source)
                .addLocalDate(FROM, window.from())
                .addLocalDate(TO, window.to())
                .addLong(REVISION, revision)
                .addLong(REQUEST, requestId, false)
                .toJobParameters();
    }

    public static String source(JobParameters params) {
        return params.getString(SOURCE);
    }

    public static SyncWindow window(JobParameters params) {
        return new SyncWindow(params.getLocalDate(FROM), params.getLocalDate(TO));
    }

    public static long revision(JobParameters params) {
        Long revision = params.getLong(REVISION);
        return revision == null ? 0 : revision;
    }

    /**
     * What the source did in a finished execution: its sync run, or the execution's failure. A
     * restarted execution continues the sync run an earlier execution of its instance opened.
     */
    public SourceOutcome outcome(JobExecution execution) {
        String source = source(execution.getJobParameters());
        SyncRun run = null;
        List<JobExecution> instance = new ArrayList<>(jobRepository.getJobExecutions(execution.getJobInstance()));
        instance.sort(Comparator.comparingLong(JobExecution::getId));
        for (JobExecution e : instance) {
            if (e.getId() <= execution.getId()) {
                for (SyncRun r : runs.forJobExecution(e.getId())) {
                    run = r;
                }
            }
        }
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        if (run != null && (completed || run.status() == SyncRunStore.Status.FAILED)) {
            return new SourceOutcome(
                    source,
                    completed && run.status() == SyncRunStore.Status.COMPLETED,
                    run.from(),
                    run.to(),
                    run.daysDone(),
                    run.rowsRead(),
                    run.error(),
                    execution.getId());
        }
        SyncWindow window = window(execution.getJobParameters());
        return new SourceOutcome(
                source,
                completed,
                window.from(),
                window.to(),
                run == null ? 0 : run.daysDone(),
                run == null ? 0 : run.rowsRead(),
                completed ? null : failure(execution),
                execution.getId());
    }

    /** The first reason an execution failed, in one line. */
    public static String failure(JobExecution execution) {
        for (var step : execution.getStepExecutions()) {
            if (!step.getFailureExceptions().isEmpty()) {
                return firstLine(step.getFailureExceptions().get(0));
            }
        }
        if (!execution.getFailureExceptions().isEmpty()) {
            return firstLine(execution.getFailureExceptions().get(0));
        }
        String description = execution.getExitStatus().getExitDescription();
        return description == null || description.isBlank()
                ? execution.getStatus().name()
                : description.lines().findFirst().orElse(description);
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
