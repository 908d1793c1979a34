package com.contactcenter.billing.web;

import com.contactcenter.billing.ops.JobHistory;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.ops.SyncBusyException;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.sync.SyncWindow;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Jobs over HTTP: start a re-sync, follow an execution, read the history. */
@RestController
@RequestMapping("/api/jobs")
class JobsController {

    /** The body of POST /api/jobs/resync; dates are local dates in the source's zone, both inclusive. */
    record ResyncRequest(String source, String from, String to) {
    }

    /** The same answer for a source that does not exist and one the account may not see. */
    static final String NO_SOURCE = "no source by that name";

    private final JobRunner runner;
    private final JobHistory history;
    private final SourceRegistry sources;

    JobsController(JobRunner runner, JobHistory history, SourceRegistry sources) {
        this.runner = runner;
        this.history = history;
        this.sources = sources;
    }

    /** Starts the re-sync and answers at once: 202 with the job execution id; 409 while the source syncs. */
    @PostMapping(path = "/resync", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> resync(@RequestBody(required = false) ResyncRequest request,
            Authentication user) {
        if (request == null || request.source() == null || request.source().isBlank()) {
            throw new BadRequest("source is required");
        }
        if (sources.find(request.source()).isEmpty() || !TenantScope.of(user).sees(request.source())) {
            throw new NotFound(NO_SOURCE);
        }
        LocalDate from = date("from", request.from());
        LocalDate to = date("to", request.to());
        if (from.isAfter(to)) {
            throw new BadRequest("from " + from + " is after to " + to);
        }
        JobRunner.Started started;
        try {
            started = runner.startSync(List.of(request.source()), new SyncWindow(from, to), Requester.api(user.getName()));
        } catch (SyncBusyException e) {
            if (TenantScope.of(user).platform()) {
                throw e;
            }
            // the run holding the source may be every tenant's (the nightly sync): its id, requester
            // and node are the platform's business
            throw new Busy("source '" + request.source() + "' is already being synced; try again when it has finished");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobExecutionId", started.jobExecutionId());
        body.put("requestId", started.requestId());
        body.put("status", "/api/jobs/" + started.jobExecutionId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    /**
     * A job as the account may see it: whole when every source it names is the account's; a job of
     * several tenants (the nightly sync) shows only the account's sources, their progress and errors;
     * any other job does not exist for the account.
     */
    @GetMapping("/{id}")
    JobHistory.JobStatus job(@PathVariable long id, Authentication user) {
        TenantScope scope = TenantScope.of(user);
        return history.status(id).flatMap(s -> project(s, scope))
                .orElseThrow(() -> new NotFound("no job execution with that id"));
    }

    @GetMapping
    List<JobHistory.Entry> jobs(@RequestParam(defaultValue = "50") int limit, Authentication user) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequest("limit must be between 1 and 1000");
        }
        TenantScope scope = TenantScope.of(user);
        if (scope.platform()) {
            return history.history(limit);
        }
        // a tenant's entries are looked for among the newest 1000 of everyone's
        return history.history(1000).stream().flatMap(e -> project(e, scope).stream()).limit(limit).toList();
    }

    private static Optional<JobHistory.JobStatus> project(JobHistory.JobStatus s, TenantScope scope) {
        Set<String> sources = sourcesOf(s);
        if (scope.seesAll(sources)) {
            return Optional.of(s);
        }
        List<String> visible = scope.visible(List.copyOf(sources));
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        List<JobHistory.SourceProgress> progress = s.progress().stream().filter(p -> scope.sees(p.source())).toList();
        List<String> errors = progress.stream().map(JobHistory.SourceProgress::error).filter(Objects::nonNull).toList();
        return Optional.of(new JobHistory.JobStatus(s.jobExecutionId(), s.jobName(), statusOf(progress, s.status()),
                null, s.startTime(), s.endTime(), s.durationSeconds(), s.requestId(), s.trigger(), s.requestedBy(),
                visible, s.from(), s.to(), s.restartOf(),
                progress.stream().mapToLong(JobHistory.SourceProgress::rowsRead).sum(),
                progress.stream().mapToInt(JobHistory.SourceProgress::daysDone).sum(),
                progress.stream().mapToLong(JobHistory.SourceProgress::days).sum(), progress, errors));
    }

    private Optional<JobHistory.Entry> project(JobHistory.Entry e, TenantScope scope) {
        if (scope.seesAll(e.sources())) {
            return Optional.of(e);
        }
        List<String> visible = scope.visible(e.sources());
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        Optional<JobHistory.JobStatus> job = e.jobExecutionId() == null ? Optional.empty()
                : history.status(e.jobExecutionId()).flatMap(s -> project(s, scope));
        return Optional.of(new JobHistory.Entry(e.requestId(), e.jobName(), e.trigger(), e.requestedBy(),
                e.requestedAt(), visible, e.from(), e.to(), e.node(), e.jobExecutionId(), e.restartOf(),
                job.map(JobHistory.JobStatus::status).orElse(e.status()), e.startTime(), e.endTime(),
                e.durationSeconds(), job.map(JobHistory.JobStatus::rowsRead).orElse(0L),
                job.map(JobHistory.JobStatus::errors).orElse(List.of())));
    }

    /** The status of the account's part of a job: running while one of its sources runs, failed if one failed. */
    private static String statusOf(List<JobHistory.SourceProgress> progress, String jobStatus) {
        if (progress.isEmpty()) {
            return jobStatus;
        }
        if (progress.stream().anyMatch(p -> p.finishedAt() == null)) {
            return "STARTED";
        }
        return progress.stream().allMatch(p -> p.status().equals("COMPLETED")) ? "COMPLETED" : "FAILED";
    }

    /** 409 for a tenant's account: the source is busy, and nothing of the run that holds it. */
    static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    private static Set<String> sourcesOf(JobHistory.JobStatus status) {
        Set<String> names = new TreeSet<>(status.sources());
        status.progress().forEach(p -> names.add(p.source()));
        return names;
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequest(name + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
