package com.contactcenter.billing.sync;

import com.contactcenter.billing.warehouse.SyncRunStore;
import com.contactcenter.billing.warehouse.SyncRunStore.SyncRun;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
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

    SyncService(JobOperator jobOperator, Job usageSyncJob, SyncRunStore runs) {
        this.jobOperator = jobOperator;
        this.usageSyncJob = usageSyncJob;
        this.runs = runs;
    }

    /** Syncs the sources over {@code window}, or over each one's nightly window when it is null. */
    public SyncOutcome sync(List<String> sources, SyncWindow window) {
        JobParametersBuilder params = new JobParametersBuilder()
                .addString(UsageSyncJobConfiguration.SOURCES, String.join(",", sources))
                .addString(UsageSyncJobConfiguration.REQUEST_ID, UUID.randomUUID().toString());
        if (window != null) {
            params.addString(UsageSyncJobConfiguration.FROM, window.from().toString());
            params.addString(UsageSyncJobConfiguration.TO, window.to().toString());
        }
        return run(params.toJobParameters());
    }

    private SyncOutcome run(JobParameters params) {
        JobExecution execution;
        try {
            execution = jobOperator.start(usageSyncJob, params);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the sync: " + e.getMessage(), e);
        }
        long id = execution.getId();
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (SyncRun run : runs.forJobExecution(id)) {
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
