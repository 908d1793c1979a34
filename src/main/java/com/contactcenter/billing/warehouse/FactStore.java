package com.contactcenter.billing.warehouse;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.usage.DayFacts;
import com.contactcenter.billing.usage.DayFacts.ChannelFact;
import com.contactcenter.billing.usage.DayFacts.FindingFact;
import com.contactcenter.billing.usage.DayFacts.UserFact;
import com.contactcenter.billing.usage.Finding;
import com.contactcenter.billing.usage.ServiceKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Classified facts per (source, local day). Syncing a day again replaces its facts, never adds to them. */
@Repository
public class FactStore {

    /** A synced day: which run wrote it, as of when, and how many source rows it read. */
    public record SyncedDay(LocalDate day, long syncRunId, Instant asOf, long rowsRead) {}

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;

    public FactStore(JdbcTemplate jdbc, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /**
     * Deletes and re-inserts the given days; the caller's transaction makes each replace atomic.
     * Facts are inserted day by day, so that only one day's facts are ever built as rows (a month
     * of 100,000 users makes over a million user facts).
     */
    public void replaceDays(String source, Collection<DayFacts> days, long syncRunId, Instant asOf, int batchSize) {
        if (days.isEmpty()) {
            return;
        }
        List<Object[]> deletes = new ArrayList<>();
        for (DayFacts day : days) {
            deletes.add(new Object[] {source, day.day()});
        }
        for (String table : List.of("fact_service_day", "fact_finding_day", "fact_user_day", "sync_day")) {
            jdbc.batchUpdate("DELETE FROM " + table + " WHERE source = ? AND local_day = ?", deletes);
        }
        for (DayFacts day : days) {
            insertFacts(source, day, batchSize);
        }
        bulk.insert(
                "sync_day",
                List.of("source", "local_day", "sync_run_id", "as_of", "rows_read"),
                days,
                batchSize,
                (d, row) -> row.text(source)
                        .date(d.day())
                        .number(syncRunId)
                        .instant(asOf)
                        .number(d.rowsRead()));
    }

    private void insertFacts(String source, DayFacts day, int batchSize) {
        bulk.insert(
                "fact_service_day",
                List.of("source", "local_day", "channel_id", "service_key", "row_count", "units"),
                day.channelFacts(),
                batchSize,
                (f, row) -> row.text(source)
                        .date(f.day())
                        .number(f.channelId())
                        .text(f.key().key())
                        .number(f.count())
                        .number(f.units()));
        bulk.insert(
                "fact_finding_day",
                List.of("source", "local_day", "reason", "row_count"),
                day.findingFacts(),
                batchSize,
                (f, row) ->
                        row.text(source).date(f.day()).text(f.reason().code()).number(f.count()));
        bulk.insert(
                "fact_user_day",
                List.of("source", "local_day", "user_id", "sessions", "messages_sent", "calls", "call_minutes"),
                day.userFacts(),
                batchSize,
                (f, row) -> row.text(source)
                        .date(f.day())
                        .number(f.userId())
                        .number(f.sessions())
                        .number(f.messagesSent())
                        .number(f.calls())
                        .number(f.callMinutes()));
    }

    public List<ChannelFact> channelFacts(String source, LocalDate from, LocalDate to) {
        return jdbc.query(
                "SELECT local_day, channel_id, service_key, row_count, units FROM fact_service_day"
                        + " WHERE source = ? AND local_day BETWEEN ? AND ?",
                (rs, i) -> new ChannelFact(
                        rs.getObject("local_day", LocalDate.class),
                        rs.getInt("channel_id"),
                        ServiceKey.ofKey(rs.getString("service_key")).orElseThrow(),
                        rs.getLong("row_count"),
                        rs.getLong("units")),
                source,
                from,
                to);
    }

    public List<FindingFact> findingFacts(String source, LocalDate from, LocalDate to) {
        return jdbc.query(
                "SELECT local_day, reason, row_count FROM fact_finding_day"
                        + " WHERE source = ? AND local_day BETWEEN ? AND ?",
                (rs, i) -> new FindingFact(
                        rs.getObject("local_day", LocalDate.class),
                        Finding.ofCode(rs.getString("reason")).orElseThrow(),
                        rs.getLong("row_count")),
                source,
                from,
                to);
    }

    /** Each user's sums over {@code from..to}, dated {@code from}: one row per user, whatever the days. */
    public List<UserFact> userTotals(String source, LocalDate from, LocalDate to) {
        return jdbc.query(
                "SELECT user_id, SUM(sessions) AS sessions, SUM(messages_sent) AS messages_sent,"
                        + " SUM(calls) AS calls, SUM(call_minutes) AS call_minutes FROM fact_user_day"
                        + " WHERE source = ? AND local_day BETWEEN ? AND ? GROUP BY user_id",
                (rs, i) -> new UserFact(
                        from,
                        rs.getLong("user_id"),
                        rs.getLong("sessions"),
                        rs.getLong("messages_sent"),
                        rs.getLong("calls"),
                        rs.getLong("call_minutes")),
                source,
                from,
                to);
    }

    public List<SyncedDay> syncedDays(String source, LocalDate from, LocalDate to) {
        return jdbc.query(
                "SELECT local_day, sync_run_id, as_of, rows_read FROM sync_day"
                        + " WHERE source = ? AND local_day BETWEEN ? AND ? ORDER BY local_day",
                (rs, i) -> new SyncedDay(
                        rs.getObject("local_day", LocalDate.class),
                        rs.getLong("sync_run_id"),
                        Utc.read(rs, "as_of"),
                        rs.getLong("rows_read")),
                source,
                from,
                to);
    }
}
