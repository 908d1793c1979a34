package com.contactcenter.billing.ops;

import com.contactcenter.billing.ops.JobRequestStore.Counts;
import com.contactcenter.billing.ops.JobRequestStore.JobRequest;
import com.contactcenter.billing.ops.JobRequestStore.TenantJob;
import com.contactcenter.billing.ops.JobRequestStore.TenantStatus;
import com.contactcenter.billing.sync.SyncService;
import com.contactcenter.billing.warehouse.SyncRunStore;
import com.contactcenter.billing.warehouse.SyncRunStore.SyncRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * What ran, who asked, and how each tenant got on: the API's and the CLI's view of jobs. A request
 * is one line with its tenants' counts, and opens into its tenants; a job execution (one tenant)
 * shows its progress.
 */
@Service
public class JobHistory {

    /** One source of a sync: days and rows done so far, and the rate. */
    public record SourceProgress(
            String source,
            String status,
            LocalDate from,
            LocalDate to,
            long days,
            int daysDone,
            long rowsRead,
            Double rowsPerSecond,
            Instant startedAt,
            Instant finishedAt,
            String error) {}

    /** A job execution (one tenant) with its request and, for a sync, its progress. */
    public record JobStatus(
            long jobExecutionId,
            String jobName,
            String status,
            String exitCode,
            Instant startTime,
            Instant endTime,
            Double durationSeconds,
            Long requestId,
            String trigger,
            String requestedBy,
            List<String> sources,
            LocalDate from,
            LocalDate to,
            Long restartOf,
            long rowsRead,
            int daysDone,
            long days,
            List<SourceProgress> progress,
            List<String> errors,
            String node) {}

    /** A tenant of a request: where its job ran and how it ended. */
    public record TenantLine(
            String source,
            String status,
            LocalDate from,
            LocalDate to,
            String node,
            Long jobExecutionId,
            int attempts,
            Instant startedAt,
            Instant finishedAt,
            String message) {}

    /** One request: what was asked, by whom, its tenants' counts and what became of it. */
    public record Entry(
            long requestId,
            String jobName,
            String work,
            String trigger,
            String requestedBy,
            Instant requestedAt,
            int tenants,
            LocalDate from,
            LocalDate to,
            String node,
            Long jobExecutionId,
            Long restartOf,
            String status,
            Instant finishedAt,
            Counts counts,
            List<String> errors) {}

    /** A request opened: its line and its tenants. */
    public record RequestStatus(
            Entry request, int total, int completed, int failed, int running, int waiting, List<TenantLine> tenants) {}

    /** A source's newest sync run: its status, days and when it finished (null while it runs). */
    public record LastSync(String status, LocalDate from, LocalDate to, Instant finishedAt) {}

    private static final int ERRORS_SHOWN = 5;

    private final JobRepository jobRepository;
    private final JobRequestStore requests;
    private final JobExecutions executions;
    private final Clock clock;
    private final SyncRunStore runs;

    JobHistory(
            JobRepository jobRepository,
            JobRequestStore requests,
            JobExecutions executions,
            Clock clock,
            SyncRunStore runs) {
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.executions = executions;
        this.clock = clock;
        this.runs = runs;
    }

    /** The source's newest sync run, whichever node or process ran it. */
    public Optional<LastSync> lastSync(String source) {
        return runs.latest(source).map(r -> new LastSync(r.status().name(), r.from(), r.to(), r.finishedAt()));
    }

    public Optional<JobStatus> status(long jobExecutionId) {
        JobExecution execution = JobExecutions.find(jobRepository, jobExecutionId);
        if (execution == null) {
            return Optional.empty();
        }
        Optional<TenantJob> tenant = requests.forExecution(jobExecutionId);
        Optional<JobRequest> request = tenant.flatMap(t -> requests.find(t.requestId()));
        if (request.isEmpty()) {
            request = requests.launched(jobExecutionId);
        }
        List<SourceProgress> progress = new ArrayList<>();
        boolean sync = execution.getJobInstance().getJobName().equals(JobRunner.SYNC_JOB);
        if (sync) {
            for (SyncRun run : executions.syncRuns(execution)) {
                progress.add(progress(run));
            }
        }
        String source = execution.getJobParameters().getString(JobRunner.SOURCE);
        List<String> errors = new ArrayList<>();
        progress.stream().filter(p -> p.error() != null).forEach(p -> errors.add(p.error()));
        if (errors.isEmpty() && execution.getStatus().isUnsuccessful()) {
            errors.add(SyncService.failure(execution));
        }
        Instant start = instant(execution.getStartTime());
        Instant end = instant(execution.getEndTime());
        LocalDate from = execution.getJobParameters().getLocalDate(JobRunner.FROM);
        LocalDate to = execution.getJobParameters().getLocalDate(JobRunner.TO);
        return Optional.of(new JobStatus(
                execution.getId(),
                execution.getJobInstance().getJobName(),
                execution.getStatus().name(),
                execution.getExitStatus().getExitCode(),
                start,
                end,
                seconds(start, end),
                request.map(JobRequest::id).orElse(null),
                request.map(r -> r.requester().trigger().name()).orElse(null),
                request.map(r -> r.requester().user()).orElse(null),
                source == null ? List.of() : List.of(source),
                from,
                to,
                request.map(JobRequest::restartOf).orElse(null),
                progress.stream().mapToLong(SourceProgress::rowsRead).sum(),
                progress.stream().mapToInt(SourceProgress::daysDone).sum(),
                progress.stream().mapToLong(SourceProgress::days).sum(),
                progress,
                errors,
                tenant.map(TenantJob::node).orElse(request.map(JobRequest::node).orElse(null))));
    }

    /** The newest requests first, refused ones included; each with its tenants' counts. */
    public List<Entry> history(int limit) {
        List<Entry> entries = new ArrayList<>();
        for (JobRequest r : requests.newest(limit)) {
            entries.add(entry(
                    r,
                    requests.counts(r.id()),
                    failures(
                            requests.tenants(r.id()).stream()
                                    .filter(t -> t.status() == TenantStatus.FAILED)
                                    .toList(),
                            r)));
        }
        return entries;
    }

    /**
     * The newest requests that concern {@code sources}, each narrowed to those sources: its counts
     * and errors are theirs alone.
     */
    public List<Entry> historyOf(Collection<String> sources, int limit) {
        Map<Long, List<TenantJob>> byRequest = new LinkedHashMap<>();
        for (TenantJob t : requests.newestOf(sources, limit * 4)) {
            if (byRequest.size() == limit && !byRequest.containsKey(t.requestId())) {
                break;
            }
            byRequest.computeIfAbsent(t.requestId(), id -> new ArrayList<>()).add(t);
        }
        List<Entry> entries = new ArrayList<>();
        byRequest.forEach((id, tenants) -> requests.find(id)
                .ifPresent(r -> entries.add(entry(
                        r,
                        counts(tenants),
                        failures(
                                tenants.stream()
                                        .filter(t -> t.status() == TenantStatus.FAILED)
                                        .toList(),
                                r)))));
        return entries;
    }

    /** A request and its tenants; {@code sources} null: all of them, else only those. */
    public Optional<RequestStatus> request(long requestId, Collection<String> sources) {
        Optional<JobRequest> found = requests.find(requestId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<TenantJob> tenants = sources == null ? requests.tenants(requestId) : requests.tenants(requestId, sources);
        if (sources != null && tenants.isEmpty()) {
            return Optional.empty();
        }
        Counts counts = counts(tenants);
        List<TenantLine> lines = tenants.stream()
                .map(t -> new TenantLine(
                        t.source(),
                        t.status().name(),
                        t.from(),
                        t.to(),
                        t.node(),
                        t.jobExecutionId(),
                        t.attempts(),
                        t.startedAt(),
                        t.finishedAt(),
                        t.message()))
                .toList();
        Entry entry = entry(
                found.get(),
                counts,
                failures(
                        tenants.stream()
                                .filter(t -> t.status() == TenantStatus.FAILED)
                                .toList(),
                        found.get()));
        return Optional.of(new RequestStatus(
                entry, counts.total(), counts.completed(), counts.failed(), counts.running(), counts.waiting(), lines));
    }

    private static Counts counts(List<TenantJob> tenants) {
        int[] n = new int[TenantStatus.values().length];
        tenants.forEach(t -> n[t.status().ordinal()]++);
        return new Counts(
                tenants.size(),
                n[TenantStatus.COMPLETED.ordinal()],
                n[TenantStatus.FAILED.ordinal()],
                n[TenantStatus.RUNNING.ordinal()],
                n[TenantStatus.WAITING.ordinal()]);
    }

    private static List<String> failures(List<TenantJob> failed, JobRequest request) {
        List<String> errors = new ArrayList<>();
        failed.stream()
                .limit(ERRORS_SHOWN)
                .forEach(t -> errors.add(t.message() == null ? "source '" + t.source() + "' failed" : t.message()));
        if (failed.size() > ERRORS_SHOWN) {
            errors.add("and " + (failed.size() - ERRORS_SHOWN) + " more tenants failed");
        }
        // a request's own message (a refusal, a failure to enqueue) only when none of its tenants ran
        if (errors.isEmpty() && request.message() != null && request.status() == JobRequestStore.Status.REFUSED) {
            errors.add(request.message());
        }
        return errors;
    }

    private static Entry entry(JobRequest r, Counts counts, List<String> errors) {
        String status = r.status().name();
        if (counts.total() > 0 && r.status() != JobRequestStore.Status.REFUSED) {
            status = !counts.ended() ? "STARTED" : counts.failed() > 0 ? "FAILED" : "COMPLETED";
        }
        return new Entry(
                r.id(),
                r.jobName(),
                r.work() == null ? null : r.work().code(),
                r.requester().trigger().name(),
                r.requester().user(),
                r.requestedAt(),
                counts.total() > 0 ? counts.total() : r.tenantCount(),
                r.from(),
                r.to(),
                r.node(),
                r.jobExecutionId(),
                r.restartOf(),
                status,
                r.finishedAt(),
                counts,
                errors);
    }

    private SourceProgress progress(SyncRun run) {
        long days = ChronoUnit.DAYS.between(run.from(), run.to()) + 1;
        Instant until = run.finishedAt() != null ? run.finishedAt() : clock.instant();
        double seconds = Duration.between(run.startedAt(), until).toMillis() / 1000.0;
        Double rate = seconds > 0 ? Math.round(run.rowsRead() / seconds * 10) / 10.0 : null;
        return new SourceProgress(
                run.source(),
                run.status().name(),
                run.from(),
                run.to(),
                days,
                run.daysDone(),
                run.rowsRead(),
                rate,
                run.startedAt(),
                run.finishedAt(),
                run.error());
    }

    private static Instant instant(LocalDateTime batchTime) {
        return batchTime == null
                ? null
                : batchTime.atZone(ZoneId.systemDefault()).toInstant();
    }

    private Double seconds(Instant start, Instant end) {
        if (start == null) {
            return null;
        }
        return Duration.between(start, end != null ? end : clock.instant()).toMillis() / 1000.0;
    }
}
