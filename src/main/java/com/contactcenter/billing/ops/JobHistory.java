package com.contactcenter.billing.ops;

import com.contactcenter.billing.ops.JobRequestStore.JobRequest;
import com.contactcenter.billing.warehouse.SyncRunStore.SyncRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/** What ran, who asked, and how far each source got: the API's and the CLI's view of jobs. */
@Service
public class JobHistory {

    /** One source of a sync: days and rows done so far, and the rate. */
    public record SourceProgress(String source, String status, LocalDate from, LocalDate to, long days,
            int daysDone, long rowsRead, Double rowsPerSecond, Instant startedAt, Instant finishedAt, String error) {
    }

    /** A job execution with its request and, for a sync, its progress per source. */
    public record JobStatus(long jobExecutionId, String jobName, String status, String exitCode, Instant startTime,
            Instant endTime, Double durationSeconds, Long requestId, String trigger, String requestedBy,
            List<String> sources, LocalDate from, LocalDate to, Long restartOf, long rowsRead, int daysDone,
            long days, List<SourceProgress> progress, List<String> errors) {
    }

    /** One request: what was asked, by whom, and what became of it. */
    public record Entry(long requestId, String jobName, String trigger, String requestedBy, Instant requestedAt,
            List<String> sources, LocalDate from, LocalDate to, String node, Long jobExecutionId, Long restartOf,
            String status, Instant startTime, Instant endTime, Double durationSeconds, long rowsRead,
            List<String> errors) {
    }

    private final JobRepository jobRepository;
    private final JobRequestStore requests;
    private final JobExecutions executions;
    private final Clock clock;

    JobHistory(JobRepository jobRepository, JobRequestStore requests, JobExecutions executions, Clock clock) {
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.executions = executions;
        this.clock = clock;
    }

    public Optional<JobStatus> status(long jobExecutionId) {
        JobExecution execution = JobExecutions.find(jobRepository, jobExecutionId);
        if (execution == null) {
            return Optional.empty();
        }
        Optional<JobRequest> request = requests.forExecution(jobExecutionId);
        List<SourceProgress> progress = new ArrayList<>();
        boolean sync = execution.getJobInstance().getJobName().equals(JobRunner.SYNC_JOB);
        if (sync) {
            for (SyncRun run : executions.syncRuns(execution)) {
                progress.add(progress(run));
            }
        }
        List<String> errors = errors(execution, progress);
        Instant start = instant(execution.getStartTime());
        Instant end = instant(execution.getEndTime());
        return Optional.of(new JobStatus(execution.getId(), execution.getJobInstance().getJobName(),
                execution.getStatus().name(), execution.getExitStatus().getExitCode(), start, end,
                seconds(start, end), request.map(JobRequest::id).orElse(null),
                request.map(r -> r.requester().trigger().name()).orElse(null),
                request.map(r -> r.requester().user()).orElse(null),
                request.map(JobRequest::sources).orElse(List.of()), request.map(JobRequest::from).orElse(null),
                request.map(JobRequest::to).orElse(null), request.map(JobRequest::restartOf).orElse(null),
                progress.stream().mapToLong(SourceProgress::rowsRead).sum(),
                progress.stream().mapToInt(SourceProgress::daysDone).sum(),
                progress.stream().mapToLong(SourceProgress::days).sum(), progress, errors));
    }

    /** The newest requests first, refused ones included. */
    public List<Entry> history(int limit) {
        List<Entry> entries = new ArrayList<>();
        for (JobRequest r : requests.newest(limit)) {
            Optional<JobStatus> s = r.jobExecutionId() == null ? Optional.empty() : status(r.jobExecutionId());
            String status = s.map(JobStatus::status).orElse(r.status().name());
            List<String> errors = s.map(JobStatus::errors).orElse(r.message() == null ? List.of() : List.of(r.message()));
            entries.add(new Entry(r.id(), r.jobName(), r.requester().trigger().name(), r.requester().user(),
                    r.requestedAt(), r.sources(), r.from(), r.to(), r.node(), r.jobExecutionId(), r.restartOf(),
                    status, s.map(JobStatus::startTime).orElse(null), s.map(JobStatus::endTime).orElse(null),
                    s.map(JobStatus::durationSeconds).orElse(null), s.map(JobStatus::rowsRead).orElse(0L), errors));
        }
        return entries;
    }

    private SourceProgress progress(SyncRun run) {
        long days = ChronoUnit.DAYS.between(run.from(), run.to()) + 1;
        Instant until = run.finishedAt() != null ? run.finishedAt() : clock.instant();
        double seconds = Duration.between(run.startedAt(), until).toMillis() / 1000.0;
        Double rate = seconds > 0 ? Math.round(run.rowsRead() / seconds * 10) / 10.0 : null;
        return new SourceProgress(run.source(), run.status().name(), run.from(), run.to(), days, run.daysDone(),
                run.rowsRead(), rate, run.startedAt(), run.finishedAt(), run.error());
    }

    private static List<String> errors(JobExecution execution, List<SourceProgress> progress) {
        List<String> errors = new ArrayList<>();
        progress.stream().filter(p -> p.error() != null).forEach(p -> errors.add(p.error()));
        if (errors.isEmpty()) {
            for (StepExecution step : execution.getStepExecutions()) {
                step.getFailureExceptions().forEach(t -> errors.add(step.getStepName() + ": " + t.getMessage()));
            }
            execution.getFailureExceptions().forEach(t -> errors.add(String.valueOf(t.getMessage())));
            String description = execution.getExitStatus().getExitDescription();
            if (errors.isEmpty() && description != null && !description.isBlank()
                    && execution.getStatus().isUnsuccessful()) {
                errors.add(description.lines().findFirst().orElse(description));
            }
        }
        return errors;
    }

    private static Instant instant(LocalDateTime batchTime) {
        return batchTime == null ? null : batchTime.atZone(ZoneId.systemDefault()).toInstant();
    }

    private Double seconds(Instant start, Instant end) {
        if (start == null) {
            return null;
        }
        return Duration.between(start, end != null ? end : clock.instant()).toMillis() / 1000.0;
    }
}
