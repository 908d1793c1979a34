package com.contactcenter.billing.ops;

import com.contactcenter.billing.jdbc.Utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code job_request}: who asked for each job run, and what became of the request. */
@Repository
public class JobRequestStore {

    /** REQUESTED until its job execution exists; REFUSED when another run held a source. */
    public enum Status { REQUESTED, REFUSED, STARTED, COMPLETED, FAILED }

    public record JobRequest(long id, String jobName, Requester requester, List<String> sources, LocalDate from,
            LocalDate to, Instant requestedAt, String node, Status status, Long jobExecutionId, Long restartOf,
            Instant finishedAt, String message) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JobRequestStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long create(String jobName, Requester requester, List<String> sources, LocalDate from, LocalDate to,
            Long restartOf) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO job_request (job_name, trigger_type, requested_by, sources,"
                    + " period_from, period_to, requested_at, node, status, restart_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, jobName);
            ps.setString(2, requester.trigger().name());
            ps.setString(3, requester.user());
            ps.setString(4, String.join(",", sources));
            ps.setObject(5, from);
            ps.setObject(6, to);
            ps.setObject(7, Utc.of(clock.instant()));
            ps.setString(8, Node.NAME);
            ps.setString(9, Status.REQUESTED.name());
            ps.setObject(10, restartOf);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void started(long id, long jobExecutionId) {
        jdbc.update("UPDATE job_request SET status = ?, job_execution_id = ? WHERE id = ?", Status.STARTED.name(),
                jobExecutionId, id);
    }

    void restartOf(long id, long jobExecutionId) {
        jdbc.update("UPDATE job_request SET restart_of = ? WHERE id = ?", jobExecutionId, id);
    }

    void refused(long id, String message) {
        finish(id, Status.REFUSED, message);
    }

    void finish(long id, Status status, String message) {
        jdbc.update("UPDATE job_request SET status = ?, finished_at = ?, message = ? WHERE id = ?", status.name(),
                Utc.of(clock.instant()), message == null ? null : message.substring(0, Math.min(2000, message.length())),
                id);
    }

    public Optional<JobRequest> find(long id) {
        return jdbc.query("SELECT * FROM job_request WHERE id = ?", this::map, id).stream().findFirst();
    }

    public Optional<JobRequest> forExecution(long jobExecutionId) {
        return jdbc.query("SELECT * FROM job_request WHERE job_execution_id = ? ORDER BY id DESC", this::map,
                jobExecutionId).stream().findFirst();
    }

    /** The newest requests first. */
    public List<JobRequest> newest(int limit) {
        return jdbc.query("SELECT * FROM job_request ORDER BY id DESC LIMIT ?", this::map, limit);
    }

    /** The newest started request for exactly this work (job, sources in this order, period). */
    Optional<JobRequest> newestStartedFor(String jobName, List<String> sources, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT * FROM job_request WHERE job_name = ? AND sources = ? AND period_from = ?"
                + " AND period_to = ? AND job_execution_id IS NOT NULL ORDER BY id DESC LIMIT 1", this::map, jobName,
                String.join(",", sources), from, to).stream().findFirst();
    }

    private JobRequest map(ResultSet rs, int row) throws SQLException {
        long execution = rs.getLong("job_execution_id");
        Long executionId = rs.wasNull() ? null : execution;
        long restart = rs.getLong("restart_of");
        Long restartOf = rs.wasNull() ? null : restart;
        String sources = rs.getString("sources");
        return new JobRequest(rs.getLong("id"), rs.getString("job_name"),
                new Requester(Requester.Trigger.valueOf(rs.getString("trigger_type")), rs.getString("requested_by")),
                sources.isEmpty() ? List.of() : List.of(sources.split(",")), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), Utc.read(rs, "requested_at"), rs.getString("node"),
                Status.valueOf(rs.getString("status")), executionId, restartOf, Utc.read(rs, "finished_at"),
                rs.getString("message"));
    }
}
