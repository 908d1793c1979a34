package com.contactcenter.billing.ops;

import com.contactcenter.billing.jdbc.Utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code job_request} (who asked for what, once per request, with its tenant count) and
 * {@code job_request_tenant} (one row per tenant of a request: its job execution, node and end).
 */
@Repository
public class JobRequestStore {

    /** STARTED once its tenants' jobs are enqueued; REFUSED when a tenant's source was busy. */
    public enum Status {
        REQUESTED,
        REFUSED,
        STARTED,
        COMPLETED,
        FAILED
    }

    /** A tenant's job: WAITING for a node (or for its source's lock), RUNNING on a node, then ended. */
    public enum TenantStatus {
        WAITING,
        RUNNING,
        COMPLETED,
        FAILED;

        public boolean ended() {
            return this == COMPLETED || this == FAILED;
        }
    }

    public record JobRequest(
            long id,
            String jobName,
            TenantWork work,
            Requester requester,
            int tenantCount,
            LocalDate from,
            LocalDate to,
            Instant requestedAt,
            String node,
            Status status,
            Long jobExecutionId,
            Long restartOf,
            Instant finishedAt,
            String message) {}

    /** One tenant of a request. */
    public record TenantJob(
            long requestId,
            String source,
            String jobName,
            LocalDate from,
            LocalDate to,
            Long revision,
            TenantStatus status,
            String node,
            Long jobExecutionId,
            int attempts,
            Instant startedAt,
            Instant finishedAt,
            String message) {}

    /** How many tenants of a request are in each state. */
    public record Counts(int total, int completed, int failed, int running, int waiting) {

        public boolean ended() {
            return running == 0 && waiting == 0;
        }
    }

    private static final int MESSAGE_MAX = 2000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    JobRequestStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    long create(
            String jobName,
            TenantWork work,
            Requester requester,
            int tenantCount,
            LocalDate from,
            LocalDate to,
            Long restartOf) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "INSERT INTO job_request (job_name, work, trigger_type, requested_by,"
                                    + " tenant_count, period_from, period_to, requested_at, node, status, restart_of)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setString(1, jobName);
                    ps.setString(2, work == null ? null : work.code());
                    ps.setString(3, requester.trigger().name());
                    ps.setString(4, requester.user());
                    ps.setInt(5, tenantCount);
                    ps.setObject(6, from);
                    ps.setObject(7, to);
                    ps.setObject(8, Utc.of(clock.instant()));
                    ps.setString(9, Node.NAME);
                    ps.setString(10, Status.REQUESTED.name());
                    ps.setObject(11, restartOf);
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    /** A tenant of a request and the days its job covers. */
    record TenantWindow(String source, LocalDate from, LocalDate to) {}

    void addTenants(long requestId, String jobName, List<TenantWindow> tenants) {
        jdbc.batchUpdate(
                "INSERT INTO job_request_tenant (request_id, source, job_name, period_from, period_to, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                tenants,
                500,
                (ps, t) -> {
                    ps.setLong(1, requestId);
                    ps.setString(2, t.source());
                    ps.setString(3, jobName);
                    ps.setObject(4, t.from());
                    ps.setObject(5, t.to());
                    ps.setString(6, TenantStatus.WAITING.name());
                });
    }

    void started(long id, Long jobExecutionId) {
        jdbc.update(
                "UPDATE job_request SET status = ?, job_execution_id = ? WHERE id = ?",
                Status.STARTED.name(),
                jobExecutionId,
                id);
    }

    void refused(long id, String message) {
        finish(id, Status.REFUSED, message);
    }

    void finish(long id, Status status, String message) {
        jdbc.update(
                "UPDATE job_request SET status = ?, finished_at = ?, message = ? WHERE id = ?",
                status.name(),
                Utc.of(clock.instant()),
                cut(message),
                id);
    }

    /**
     * Ends the request when none of its tenants waits or runs any more: COMPLETED when all
     * completed, else FAILED with the failures' count. Only the first caller to see the end records it.
     */
    void finishIfEnded(long id) {
        Counts counts = counts(id);
        if (!counts.ended()) {
            return;
        }
        boolean completed = counts.failed() == 0;
        jdbc.update(
                "UPDATE job_request SET status = ?, finished_at = ?, message = ? WHERE id = ? AND status IN (?, ?)",
                completed ? Status.COMPLETED.name() : Status.FAILED.name(),
                Utc.of(clock.instant()),
                completed ? null : counts.failed() + " of " + counts.total() + " tenants failed",
                id,
                Status.STARTED.name(),
                Status.REQUESTED.name());
    }

    void tenantRunning(long requestId, String source, long revision, long jobExecutionId, String node) {
        jdbc.update(
                "UPDATE job_request_tenant SET status = ?, revision = ?, job_execution_id = ?, node = ?,"
                        + " attempts = attempts + 1, started_at = ?, message = NULL WHERE request_id = ? AND source = ?",
                TenantStatus.RUNNING.name(),
                revision,
                jobExecutionId,
                node,
                Utc.of(clock.instant()),
                requestId,
                source);
    }

    void tenantWaiting(long requestId, String source, String message) {
        jdbc.update(
                "UPDATE job_request_tenant SET status = ?, attempts = attempts + 1, message = ?"
                        + " WHERE request_id = ? AND source = ?",
                TenantStatus.WAITING.name(),
                cut(message),
                requestId,
                source);
    }

    void tenantEnded(long requestId, String source, TenantStatus status, String message) {
        jdbc.update(
                "UPDATE job_request_tenant SET status = ?, finished_at = ?, message = ? WHERE request_id = ?"
                        + " AND source = ?",
                status.name(),
                Utc.of(clock.instant()),
                cut(message),
                requestId,
                source);
    }

    public Optional<JobRequest> find(long id) {
        return jdbc.query("SELECT * FROM job_request WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    public Optional<TenantJob> tenant(long requestId, String source) {
        return jdbc
                .query(
                        "SELECT * FROM job_request_tenant WHERE request_id = ? AND source = ?",
                        this::mapTenant,
                        requestId,
                        source)
                .stream()
                .findFirst();
    }

    /** A request's tenants in name order. */
    public List<TenantJob> tenants(long requestId) {
        return jdbc.query(
                "SELECT * FROM job_request_tenant WHERE request_id = ? ORDER BY source", this::mapTenant, requestId);
    }

    /** A request's tenants among {@code sources}, in name order. */
    public List<TenantJob> tenants(long requestId, Collection<String> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        return named.query(
                "SELECT * FROM job_request_tenant WHERE request_id = :id AND source IN (:sources)" + " ORDER BY source",
                new MapSqlParameterSource("id", requestId).addValue("sources", sources),
                this::mapTenant);
    }

    public Counts counts(long requestId) {
        return jdbc.query(
                "SELECT status, COUNT(*) FROM job_request_tenant WHERE request_id = ? GROUP BY status",
                rs -> {
                    int[] n = new int[TenantStatus.values().length];
                    while (rs.next()) {
                        n[TenantStatus.valueOf(rs.getString(1)).ordinal()] = rs.getInt(2);
                    }
                    return new Counts(
                            n[0] + n[1] + n[2] + n[3],
                            n[TenantStatus.COMPLETED.ordinal()],
                            n[TenantStatus.FAILED.ordinal()],
                            n[TenantStatus.RUNNING.ordinal()],
                            n[TenantStatus.WAITING.ordinal()]);
                },
                requestId);
    }

    public Optional<TenantJob> forExecution(long jobExecutionId) {
        return jdbc
                .query(
                        "SELECT * FROM job_request_tenant WHERE job_execution_id = ? ORDER BY request_id DESC",
                        this::mapTenant,
                        jobExecutionId)
                .stream()
                .findFirst();
    }

    /** The request that launched a job execution on its node (a re-sync or a restart). */
    public Optional<JobRequest> launched(long jobExecutionId) {
        return jdbc
                .query(
                        "SELECT * FROM job_request WHERE job_execution_id = ? ORDER BY id DESC",
                        this::map,
                        jobExecutionId)
                .stream()
                .findFirst();
    }

    /** The newest run of this work (job, source, period): the highest revision, its newest execution. */
    Optional<TenantJob> newestRun(String jobName, String source, LocalDate from, LocalDate to) {
        return jdbc
                .query(
                        "SELECT * FROM job_request_tenant WHERE job_name = ? AND source = ? AND period_from = ?"
                                + " AND period_to = ? AND job_execution_id IS NOT NULL ORDER BY revision DESC, job_execution_id DESC"
                                + " LIMIT 1",
                        this::mapTenant,
                        jobName,
                        source,
                        from,
                        to)
                .stream()
                .findFirst();
    }

    /** The newest requests first. */
    public List<JobRequest> newest(int limit) {
        return jdbc.query("SELECT * FROM job_request ORDER BY id DESC LIMIT ?", this::map, limit);
    }

    /** The newest tenant jobs of these sources, newest request first. */
    public List<TenantJob> newestOf(Collection<String> sources, int limit) {
        if (sources.isEmpty()) {
            return List.of();
        }
        return named.query(
                "SELECT * FROM job_request_tenant WHERE source IN (:sources) ORDER BY request_id DESC,"
                        + " source LIMIT :limit",
                new MapSqlParameterSource("sources", sources).addValue("limit", limit),
                this::mapTenant);
    }

    private static String cut(String message) {
        return message == null ? null : message.substring(0, Math.min(MESSAGE_MAX, message.length()));
    }

    private JobRequest map(ResultSet rs, int row) throws SQLException {
        long execution = rs.getLong("job_execution_id");
        Long executionId = rs.wasNull() ? null : execution;
        long restart = rs.getLong("restart_of");
        Long restartOf = rs.wasNull() ? null : restart;
        String work = rs.getString("work");
        int count = rs.getInt("tenant_count");
        if (rs.wasNull()) {
            String sources = rs.getString("sources");
            count = sources == null || sources.isEmpty() ? 0 : sources.split(",").length;
        }
        return new JobRequest(
                rs.getLong("id"),
                rs.getString("job_name"),
                work == null ? null : TenantWork.parse(work),
                new Requester(Requester.Trigger.valueOf(rs.getString("trigger_type")), rs.getString("requested_by")),
                count,
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                Utc.read(rs, "requested_at"),
                rs.getString("node"),
                Status.valueOf(rs.getString("status")),
                executionId,
                restartOf,
                Utc.read(rs, "finished_at"),
                rs.getString("message"));
    }

    private TenantJob mapTenant(ResultSet rs, int row) throws SQLException {
        long revision = rs.getLong("revision");
        Long rev = rs.wasNull() ? null : revision;
        long execution = rs.getLong("job_execution_id");
        Long executionId = rs.wasNull() ? null : execution;
        return new TenantJob(
                rs.getLong("request_id"),
                rs.getString("source"),
                rs.getString("job_name"),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                rev,
                TenantStatus.valueOf(rs.getString("status")),
                rs.getString("node"),
                executionId,
                rs.getInt("attempts"),
                Utc.read(rs, "started_at"),
                Utc.read(rs, "finished_at"),
                rs.getString("message"));
    }
}
