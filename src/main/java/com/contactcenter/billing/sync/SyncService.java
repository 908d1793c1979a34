package com.contactcenter.billing.sync;

import com.contactcenter.billing.warehouse.SyncRunStore;
import com.contactcenter.billing.warehouse.SyncRunStore.SyncRun;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/** Starts the sync job and reports what each source did. */
@Service
public class SyncService {

    /** The outcome of one source in one run. */
    public record SourceOutcome(String source, boolean succeeded, LocalDate from, LocalDate to, int daysDone,
            long rowsRead, String error) {
    }

    public record SyncOutcome(long jobExecutionId, boolean succeeded, List<SourceOutcome> sources) {

        public String failureSummary() {
            return sources.stream().filter(s -> !s.succeeded()).map(SourceOutcome::error)
                    .reduce((a, b) -> a + "; " + b).orElse("");
        }
    }

    private final JobOperator jobOperator;
    private final Job usageSyncJob;
    private final SyncRunStore runs;
    private final JobRepository jobRepository;

    SyncService(JobOperator jobOperator, Job usageSyncJob, SyncRunStore runs, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.usageSyncJob = usageSyncJob;
        this.runs = runs;
        this.jobRepository = jobRepository;
    }

    /** Syncs the sources over {@code window}, or over each one's nightly window when it is null. */
    public SyncOutcome sync(List<String> sources, SyncWindow window) {
        return run(parameters(sources, window, UUID.randomUUID().toString()));
    }

    /** The job this service runs, for callers that start it themselves (asynchronously). */
    public Job job() {
        return usageSyncJob;
    }

    /**
     * The parameters of a sync of {@code sources} over {@code window} (null: the nightly window);
     * {@code requestId} makes each deliberate sync its own job instance.
     */
    public JobParameters parameters(List<String> sources, SyncWindow window, String requestId) {
        return parameters(sources, window, null, requestId);
    }

    /**
     * As {@link #parameters(List, SyncWindow, String)}; without a window, {@code trailingDays}
     * (when not null) replaces {@code billing.sync.nightly-trailing-days}: 0 syncs today and
     * yesterday in each source's zone.
     */
    public JobParameters parameters(List<String> sources, SyncWindow window, Integer trailingDays,
            String requestId) {
        JobParametersBuilder params = new JobParametersBuilder()
                .addString(UsageSyncJobConfiguration.SOURCES, String.join(",", sources))
                .addString(UsageSyncJobConfiguration.REQUEST_ID, requestId);
        if (window != null) {
            params.addString(UsageSyncJobConfiguration.FROM, window.from().toString());
            params.addString(UsageSyncJobConfiguration.TO, window.to().toString());
        } else if (trailingDays != null) {
            params.addString(UsageSyncJobConfiguration.TRAILING_DAYS, trailingDays.toString());
        }
        return params.toJobParameters();
    }

    /** The sources and window a sync execution was started with (window null: nightly). */
    public static List<String> sources(JobParameters params) {
        String sources = params.getString(UsageSyncJobConfiguration.SOURCES);
        return sources == null || sources.isBlank() ? List.of() : List.of(sources.split(","));
    }

    public static SyncWindow window(JobParameters params) {
        String from = params.getString(UsageSyncJobConfiguration.FROM);
        String to = params.getString(UsageSyncJobConfiguration.TO);
        return from == null || to == null ? null : new SyncWindow(LocalDate.parse(from), LocalDate.parse(to));
    }

    private SyncOutcome run(JobParameters params) {
        JobExecution execution;
        try {
            execution = jobOperator.start(usageSyncJob, params);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the sync: " + e.getMessage(), e);
        }
        return outcome(execution);
    }

    /**
     * What each source did in a finished execution: its sync run, or its step's failure. A
     * restarted execution continues the sync runs an earlier execution of its instance opened.
     */
    public SyncOutcome outcome(JobExecution execution) {
        long id = execution.getId();
        Map<String, SyncRun> bySource = new LinkedHashMap<>();
        List<JobExecution> instance = new ArrayList<>(jobRepository.getJobExecutions(execution.getJobInstance()));
        instance.sort(Comparator.comparingLong(JobExecution::getId));
        for (JobExecution e : instance) {
            if (e.getId() <= id) {
                runs.forJobExecution(e.getId()).forEach(run -> bySource.put(run.source(), run));
            }
        }
        if (instance.isEmpty()) {
            runs.forJobExecution(id).forEach(run -> bySource.put(run.source(), run));
        }
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (SyncRun run : bySource.values()) {
            outcomes.add(new SourceOutcome(run.source(), run.status() == SyncRunStore.Status.COMPLETED, run.from(),
                    run.to(), run.daysDone(), run.rowsRead(), run.error()));
        }
        for (StepExecution step : execution.getStepExecutions()) {
            String prefix = UsageSyncJobConfiguration.WORKER_STEP + ":";
            String source = step.getStepName().startsWith(prefix) ? step.getStepName().substring(prefix.length()) : null;
            boolean recorded = outcomes.stream().anyMatch(o -> o.source().equals(source));
            if (source != null && !recorded) {
                String error = step.getFailureExceptions().isEmpty() ? step.getExitStatus().getExitDescription()
                        : step.getFailureExceptions().get(0).getMessage();
                outcomes.add(new SourceOutcome(source, step.getStatus() == BatchStatus.COMPLETED, null, null, 0, 0,
                        error));
            }
        }
        boolean succeeded = execution.getStatus() == BatchStatus.COMPLETED
                && outcomes.stream().allMatch(SourceOutcome::succeeded);
        return new SyncOutcome(id, succeeded, outcomes);
    }
}
