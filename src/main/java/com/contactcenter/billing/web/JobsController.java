package com.contactcenter.billing.web;

import com.contactcenter.billing.budget.BudgetService;
import com.contactcenter.billing.ops.JobHistory;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.ops.SyncBusyException;
import com.contactcenter.billing.ops.TenantWork;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.validation.DateLimits;
import com.contactcenter.billing.validation.InvalidDateException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jobs over HTTP: a re-sync of one tenant, a sync of many, a request's tenants, an execution, the
 * history. A tenant's account sees only its tenants, and none of the platform's internals: no
 * node names, no OS users, no warehouse errors.
 */
@RestController
@RequestMapping("/api/jobs")
class JobsController {

    /** The body of POST /api/jobs/resync; dates are local dates in the source's zone, both inclusive. */
    record ResyncRequest(String source, String from, String to) {}

    /** The body of POST /api/jobs/sync: every tenant the account may see, or {@code sources}. */
    record SyncRequest(String from, String to, List<String> sources) {}

    /** The same answer for a source that does not exist and one the account may not see. */
    static final String NO_SOURCE = "error.noSource";

    /** What a tenant's account reads instead of an error that is not about its source. */
    static final String INTERNAL_ERROR = "error.jobInternal";

    private final JobRunner runner;
    private final JobHistory history;
    private final SourceRegistry sources;
    private final DateLimits dates;
    private final DashboardTexts texts;
    private final BudgetService budgets;

    JobsController(
            JobRunner runner,
            JobHistory history,
            SourceRegistry sources,
            DateLimits dates,
            DashboardTexts texts,
            BudgetService budgets) {
        this.runner = runner;
        this.history = history;
        this.sources = sources;
        this.dates = dates;
        this.texts = texts;
        this.budgets = budgets;
    }

    /** Starts the re-sync and answers at once: 202 with the job execution id; 409 while the source syncs. */
    @PostMapping(path = "/resync", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> resync(
            @RequestBody(required = false) ResyncRequest request, Authentication user) {
        if (request == null || request.source() == null || request.source().isBlank()) {
            throw Refusal.badRequest("error.sourceRequired");
        }
        TenantScope scope = TenantScope.of(user);
        if (sources.find(request.source()).isEmpty() || !scope.sees(request.source())) {
            throw Refusal.notFound(NO_SOURCE);
        }
        SyncWindow window = window(request.from(), request.to(), List.of(request.source()), scope);
        JobRunner.Started started;
        try {
            started = runner.startSync(request.source(), window, Requester.api(user.getName()));
        } catch (SyncBusyException e) {
            if (scope.platform()) {
                throw e;
            }
            // the run holding the source may be every tenant's (the nightly sync): its id, requester
            // and node are the platform's business
            throw Refusal.conflict("error.busy", request.source());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobExecutionId", started.jobExecutionId());
        body.put("requestId", started.requestId());
        body.put("status", "/api/jobs/" + started.jobExecutionId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    /**
     * Submits a sync of many tenants, one job each, spread over the nodes: 202 with the request id
     * and the tenant count; follow it at {@code /api/jobs/requests/{requestId}}.
     */
    @PostMapping(path = "/sync", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> sync(@RequestBody(required = false) SyncRequest request, Authentication user) {
        if (request == null) {
            throw Refusal.badRequest("error.body.sync");
        }
        TenantScope scope = TenantScope.of(user);
        List<String> names;
        if (request.sources() == null) {
            names = scope.visible(sources.names());
        } else {
            if (request.sources().isEmpty()) {
                throw Refusal.badRequest("error.sourcesEmpty");
            }
            for (String name : request.sources()) {
                if (name == null || sources.find(name).isEmpty() || !scope.sees(name)) {
                    throw Refusal.notFound("error.noSourceNamed", name == null ? "" : name);
                }
            }
            names = request.sources();
        }
        if (names.isEmpty()) {
            throw Refusal.notFound("error.noTenantToSync");
        }
        SyncWindow window = window(request.from(), request.to(), names, scope);
        JobRunner.Submitted submitted = runner.submit(TenantWork.SYNC, names, window, Requester.api(user.getName()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", submitted.requestId());
        body.put("tenants", submitted.tenants());
        body.put("status", "/api/jobs/requests/" + submitted.requestId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    /** A request and its tenants: counts, and each tenant's status and job execution. */
    @GetMapping("/requests/{requestId}")
    Map<String, Object> request(@PathVariable long requestId, Authentication user) {
        TenantScope scope = TenantScope.of(user);
        JobHistory.RequestStatus status = history.request(requestId, scope.platform() ? null : scope.tenants())
                .orElseThrow(() -> Refusal.notFound("error.noJobRequest"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("jobName", status.request().jobName());
        body.put("work", status.request().work());
        body.put("from", status.request().from());
        body.put("to", status.request().to());
        body.put("requestedAt", status.request().requestedAt());
        body.put("trigger", status.request().trigger());
        if (scope.platform()) {
            body.put("requestedBy", status.request().requestedBy());
        }
        body.put("status", status.request().status());
        body.put("total", status.total());
        body.put("completed", status.completed());
        body.put("failed", status.failed());
        body.put("running", status.running());
        body.put("waiting", status.waiting());
        body.put(
                "tenants",
                status.tenants().stream()
                        .map(t -> {
                            Map<String, Object> tenant = new LinkedHashMap<>();
                            tenant.put("source", t.source());
                            tenant.put("status", t.status());
                            if (scope.platform()) {
                                tenant.put("node", t.node());
                            }
                            tenant.put("jobExecutionId", t.jobExecutionId());
                            tenant.put("from", t.from());
                            tenant.put("to", t.to());
                            tenant.put("message", scope.platform() ? t.message() : tenantSafe(t.message()));
                            return tenant;
                        })
                        .toList());
        return body;
    }

    /** A job execution (one tenant's), if the account may see its tenant. */
    @GetMapping("/{id}")
    JobHistory.JobStatus job(@PathVariable long id, Authentication user) {
        TenantScope scope = TenantScope.of(user);
        return history.status(id)
                .filter(s -> scope.seesAll(s.sources()))
                .map(s -> project(s, scope))
                .orElseThrow(() -> Refusal.notFound("error.noJobExecution"));
    }

    /**
     * The history, newest first: requests, and the changes of the tenants' budget states
     * ({@link BudgetLine}), each kind cut to {@code limit} and the two merged by time, {@code limit} in all.
     */
    @GetMapping
    List<Object> jobs(@RequestParam(defaultValue = "50") int limit, Authentication user) {
        if (limit < 1 || limit > 1000) {
            throw Refusal.badRequest("error.limit");
        }
        TenantScope scope = TenantScope.of(user);
        List<JobHistory.Entry> requests;
        if (scope.platform()) {
            requests = history.history(limit);
        } else {
            requests = requestsOf(scope, limit, user);
        }
        List<BudgetLine> changes = budgets.changes(scope.platform() ? null : scope.tenants(), limit).stream()
                .map(c -> BudgetLine.of(c, scope.platform()))
                .toList();
        return merged(requests, changes, limit);
    }

    /**
     * A change of a tenant's budget state, as a line of the history; {@code requestedAt} is when it
     * was recorded, {@code cause} {@code sync} (with the sync's {@code jobExecutionId}) or {@code api}
     * (seen by {@code GET /api/alerts} or the dashboard), {@code deliveredAt} when the webhook took it
     * (platform accounts only).
     */
    record BudgetLine(
            String jobName,
            long changeId,
            String source,
            String month,
            String previousState,
            String state,
            String currency,
            String budget,
            String estimateSoFar,
            String forecastPoint,
            String forecastLow,
            String forecastHigh,
            Instant requestedAt,
            String cause,
            Long jobExecutionId,
            Instant deliveredAt) {

        static final String JOB_NAME = "budgetState";

        static BudgetLine of(BudgetService.StateChange c, boolean platform) {
            return new BudgetLine(
                    JOB_NAME,
                    c.id(),
                    c.source(),
                    c.month().toString(),
                    c.previous().code(),
                    c.state().code(),
                    c.currency(),
                    c.budget(),
                    c.estimateSoFar(),
                    c.forecastPoint(),
                    c.forecastLow(),
                    c.forecastHigh(),
                    c.changedAt(),
                    c.cause(),
                    c.jobExecutionId(),
                    platform ? c.deliveredAt() : null);
        }
    }

    /** Both kinds newest first (a request before a change of the same instant), {@code limit} in all. */
    private static List<Object> merged(List<JobHistory.Entry> requests, List<BudgetLine> changes, int limit) {
        List<Object> lines = new ArrayList<>(limit);
        int r = 0;
        int c = 0;
        while (lines.size() < limit && (r < requests.size() || c < changes.size())) {
            boolean request = c >= changes.size()
                    || (r < requests.size()
                            && !requests.get(r)
                                    .requestedAt()
                                    .isBefore(changes.get(c).requestedAt()));
            lines.add(request ? requests.get(r++) : changes.get(c++));
        }
        return lines;
    }

    private List<JobHistory.Entry> requestsOf(TenantScope scope, int limit, Authentication user) {
        return history.historyOf(scope.tenants(), limit).stream()
                .map(e -> new JobHistory.Entry(
                        e.requestId(),
                        e.jobName(),
                        e.work(),
                        e.trigger(),
                        requester(e.trigger(), e.requestedBy(), user),
                        e.requestedAt(),
                        e.tenants(),
                        e.from(),
                        e.to(),
                        null,
                        e.jobExecutionId(),
                        e.restartOf(),
                        e.status(),
                        e.finishedAt(),
                        e.counts(),
                        e.errors().stream().map(this::tenantSafe).toList()))
                .toList();
    }

    private JobHistory.JobStatus project(JobHistory.JobStatus s, TenantScope scope) {
        if (scope.platform()) {
            return s;
        }
        return new JobHistory.JobStatus(
                s.jobExecutionId(),
                s.jobName(),
                s.status(),
                s.exitCode(),
                s.startTime(),
                s.endTime(),
                s.durationSeconds(),
                s.requestId(),
                s.trigger(),
                null,
                s.sources(),
                s.from(),
                s.to(),
                s.restartOf(),
                s.rowsRead(),
                s.daysDone(),
                s.days(),
                s.progress().stream()
                        .map(p -> new JobHistory.SourceProgress(
                                p.source(),
                                p.status(),
                                p.from(),
                                p.to(),
                                p.days(),
                                p.daysDone(),
                                p.rowsRead(),
                                p.rowsPerSecond(),
                                p.startedAt(),
                                p.finishedAt(),
                                tenantSafe(p.error())))
                        .toList(),
                s.errors().stream().map(this::tenantSafe).toList(),
                null);
    }

    /** Who asked, for a tenant's account: its own account name, else only that it was the platform. */
    private static String requester(String trigger, String requestedBy, Authentication user) {
        return "API".equals(trigger) && user.getName().equals(requestedBy) ? requestedBy : null;
    }

    /**
     * An error as a tenant's account may read it: what the source answered (the sync names the
     * source and its host, with credentials masked), never the warehouse's SQL or internals.
     */
    String tenantSafe(String error) {
        return isAboutTheSource(error) || error == null ? error : texts.get(INTERNAL_ERROR);
    }

    /** Whether an error names its source and nothing of the warehouse or the code. */
    static boolean isAboutTheSource(String error) {
        return error != null
                && error.startsWith("source '")
                && WAREHOUSE_WORDS.stream().noneMatch(error::contains);
    }

    /** Words that only the warehouse's or the code's errors carry. */
    private static final List<String> WAREHOUSE_WORDS =
            List.of("SQL [", "wh_", "fact_", "sync_", "snapshot", "BATCH_", "QRTZ_", "job_request", "Exception");

    /**
     * The days asked for, within {@link DateLimits} in each tenant's zone: not before the earliest
     * date, not after tomorrow there, and for a tenant's account at most its days per request.
     */
    private SyncWindow window(String fromText, String toText, List<String> names, TenantScope scope) {
        LocalDate from;
        LocalDate to;
        try {
            from = dates.parse("from", fromText);
            to = dates.parse("to", toText);
            int maxDays = scope.platform() ? Integer.MAX_VALUE : dates.maxDaysPerRequest();
            names.stream()
                    .map(n -> sources.require(n).timeZone())
                    .distinct()
                    .forEach(zone -> dates.range("from", from, "to", to, zone, maxDays));
        } catch (InvalidDateException e) {
            throw new BadRequest(e.getMessage());
        }
        return new SyncWindow(from, to);
    }
}
