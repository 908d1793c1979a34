package com.contactcenter.billing.warehouse;

import com.contactcenter.billing.jdbc.Utc;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** One row per source per sync: its range, as-of instant, progress and outcome. */
@Repository
public class SyncRunStore {

    public enum Status {
        STARTED,
        COMPLETED,
        FAILED
    }

    public record SyncRun(
            long id,
            String source,
            LocalDate from,
            LocalDate to,
            Instant asOf,
            Instant startedAt,
            Instant finishedAt,
            Status status,
            int daysDone,
            long rowsRead,
            String error,
            Long jobExecutionId) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SyncRunStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long start(String source, LocalDate from, LocalDate to, Instant asOf, Long jobExecutionId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "INSERT INTO sync_run (source, range_from, range_to, as_of, started_at, status,"
                                    + " job_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setString(1, source);
                    ps.setObject(2, from);
                    ps.setObject(3, to);
                    ps.setObject(4, Utc.of(asOf));
                    ps.setObject(5, Utc.of(clock.instant()));
                    ps.setString(6, Status.STARTED.name());
                    ps.setObject(7, jobExecutionId);
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    public void progress(long id, int daysDone, long rowsRead) {
        jdbc.update("UPDATE sync_run SET days_done = ?, rows_read = ? WHERE id = ?", daysDone, rowsRead, id);
    }

    public void finish(long id, Status status, String error) {
        jdbc.update(
                "UPDATE sync_run SET status = ?, finished_at = ?, error_message = ? WHERE id = ?",
                status.name(),
                Utc.of(clock.instant()),
                error == null ? null : error.substring(0, Math.min(error.length(), 2000)),
                id);
    }

    public Optional<SyncRun> find(long id) {
        return jdbc.query("SELECT * FROM sync_run WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    public List<SyncRun> forJobExecution(long jobExecutionId) {
        return jdbc.query(
                "SELECT * FROM sync_run WHERE job_execution_id = ? ORDER BY source", this::map, jobExecutionId);
    }

    public Optional<SyncRun> latestCompleted(String source) {
        return jdbc
                .query(
                        "SELECT * FROM sync_run WHERE source = ? AND status = 'COMPLETED' ORDER BY as_of DESC, id DESC",
                        this::map,
                        source)
                .stream()
                .findFirst();
    }

    /** The source's newest run, whatever its outcome (running, completed or failed). */
    public Optional<SyncRun> latest(String source) {
        return jdbc
                .query("SELECT * FROM sync_run WHERE source = ? ORDER BY id DESC LIMIT 1", this::map, source)
                .stream()
                .findFirst();
    }

    /** The source's newest run whose range overlaps {@code from..to}, whatever its outcome. */
    public Optional<SyncRun> latestOverlapping(String source, LocalDate from, LocalDate to) {
        return jdbc
                .query(
                        "SELECT * FROM sync_run WHERE source = ? AND range_from <= ? AND range_to >= ?"
                                + " ORDER BY id DESC LIMIT 1",
                        this::map,
                        source,
                        to,
                        from)
                .stream()
                .findFirst();
    }

    private SyncRun map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long job = rs.getLong("job_execution_id");
        return new SyncRun(
                rs.getLong("id"),
                rs.getString("source"),
                rs.getObject("range_from", LocalDate.class),
                rs.getObject("range_to", LocalDate.class),
                Utc.read(rs, "as_of"),
                Utc.read(rs, "started_at"),
                Utc.read(rs, "finished_at"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("days_done"),
                rs.getLong("rows_read"),
                rs.getString("error_message"),
                rs.wasNull() ? null : job);
    }
}
