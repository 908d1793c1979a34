package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.usage.GroupBy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/** Snapshot rows: inserted once, never updated. */
@Repository
class SnapshotStore {

    private final JdbcTemplate jdbc;

    SnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code syncRunIds}: the runs it read, comma-separated, ascending. */
    record Stored(Snapshot snapshot, String contentHash, String syncRunIds) {}

    /** Throws DuplicateKeyException when another writer took the version first. */
    void insert(Snapshot s, String syncRunIds, String contentHash, Snapshot.Origin origin) {
        jdbc.update(
                "INSERT INTO snapshot (id, source, period_from, period_to, group_by, version, as_of, sync_run_ids,"
                        + " computed_at, content_hash, document, document_gz, origin, plan, prices_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(),
                s.source(),
                s.from(),
                s.to(),
                s.groupBy().code(),
                s.version(),
                Utc.of(s.asOf()),
                syncRunIds,
                Utc.of(s.computedAt()),
                contentHash,
                new SqlParameterValue(Types.LONGVARCHAR, s.content().text()),
                new SqlParameterValue(Types.LONGVARBINARY, s.content().gzip()),
                origin.code(),
                s.plan() == null ? null : s.plan().plan(),
                s.plan() == null ? null : s.plan().pricesHash());
    }

    int newestVersion(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        Integer v = jdbc.queryForObject(
                "SELECT MAX(version) FROM snapshot WHERE source = ? AND period_from = ?"
                        + " AND period_to = ? AND group_by = ?",
                Integer.class,
                source,
                from,
                to,
                groupBy.code());
        return v == null ? 0 : v;
    }

    /** The newest version's id and the sync runs it read, without its document. */
    Optional<Head> newestHead(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        return jdbc
                .query(
                        "SELECT id, sync_run_ids FROM snapshot WHERE source = ? AND period_from = ? AND period_to = ?"
                                + " AND group_by = ? ORDER BY version DESC LIMIT 1",
                        (rs, i) -> new Head(rs.getString("id"), rs.getString("sync_run_ids")),
                        source,
                        from,
                        to,
                        groupBy.code())
                .stream()
                .findFirst();
    }

    record Head(String id, String syncRunIds) {}

    Optional<Stored> version(String source, LocalDate from, LocalDate to, GroupBy groupBy, int version) {
        return jdbc
                .query(
                        "SELECT * FROM snapshot WHERE source = ? AND period_from = ? AND period_to = ?"
                                + " AND group_by = ? AND version = ?",
                        this::map,
                        source,
                        from,
                        to,
                        groupBy.code(),
                        version)
                .stream()
                .findFirst();
    }

    /** The newest version older than {@code version} that is still kept (pruning leaves gaps). */
    Optional<Stored> previous(String source, LocalDate from, LocalDate to, GroupBy groupBy, int version) {
        Integer v = jdbc.queryForObject(
                "SELECT MAX(version) FROM snapshot WHERE source = ? AND period_from = ?"
                        + " AND period_to = ? AND group_by = ? AND version < ?",
                Integer.class,
                source,
                from,
                to,
                groupBy.code(),
                version);
        return v == null ? Optional.empty() : version(source, from, to, groupBy, v);
    }

    /** Records that a report was rendered from the snapshot (the first time only). */
    void markReported(String snapshotId, Instant at) {
        try {
            jdbc.update("INSERT INTO snapshot_report (snapshot_id, rendered_at) VALUES (?, ?)", snapshotId, Utc.of(at));
        } catch (DuplicateKeyException alreadyRecorded) {
            // rendered before: the first render is the one kept
        }
    }

    /** What retention needs (no documents) of each version of the source's keys ending on or after {@code lastDay}. */
    List<SnapshotRetention.Version> retentionCandidates(String source, LocalDate lastDay) {
        return jdbc.query(
                "SELECT s.id, s.period_from, s.period_to, s.group_by, s.version, s.origin,"
                        + " CASE WHEN r.snapshot_id IS NULL THEN 0 ELSE 1 END AS reported FROM snapshot s"
                        + " LEFT JOIN snapshot_report r ON r.snapshot_id = s.id WHERE s.source = ? AND s.period_to >= ?",
                (rs, row) -> new SnapshotRetention.Version(
                        rs.getString("id"),
                        key(rs),
                        rs.getInt("version"),
                        Snapshot.Origin.parse(rs.getString("origin")),
                        rs.getInt("reported") == 1),
                source,
                lastDay);
    }

    /** What retention needs (no documents) of each ad-hoc version of the source. */
    List<SnapshotRetention.AdhocVersion> adhocVersions(String source) {
        return jdbc.query(
                "SELECT s.id, s.period_from, s.period_to, s.group_by, s.version, s.computed_at,"
                        + " CASE WHEN r.snapshot_id IS NULL THEN 0 ELSE 1 END AS reported FROM snapshot s"
                        + " LEFT JOIN snapshot_report r ON r.snapshot_id = s.id WHERE s.source = ? AND s.origin = ?",
                (rs, row) -> new SnapshotRetention.AdhocVersion(
                        rs.getString("id"),
                        key(rs),
                        rs.getInt("version"),
                        Utc.read(rs, "computed_at"),
                        rs.getInt("reported") == 1),
                source,
                Snapshot.Origin.ADHOC.code());
    }

    private static SnapshotRetention.Key key(ResultSet rs) throws SQLException {
        return new SnapshotRetention.Key(
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                GroupBy.parse(rs.getString("group_by")));
    }

    /** Deletes versions no report was rendered from. */
    int delete(List<String> ids) {
        int deleted = 0;
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
            deleted += jdbc.update(
                    "DELETE FROM snapshot WHERE id IN (" + marks + ") AND NOT EXISTS"
                            + " (SELECT 1 FROM snapshot_report r WHERE r.snapshot_id = snapshot.id)",
                    batch.toArray());
        }
        return deleted;
    }

    Optional<Stored> byId(String id) {
        return jdbc.query("SELECT * FROM snapshot WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    /** Newest first. */
    List<Stored> versions(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        return jdbc.query(
                "SELECT * FROM snapshot WHERE source = ? AND period_from = ? AND period_to = ?"
                        + " AND group_by = ? ORDER BY version DESC",
                this::map,
                source,
                from,
                to,
                groupBy.code());
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(
                new Snapshot(
                        rs.getString("id"),
                        rs.getString("source"),
                        rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class),
                        GroupBy.parse(rs.getString("group_by")),
                        rs.getInt("version"),
                        Utc.read(rs, "as_of"),
                        Utc.read(rs, "computed_at"),
                        content(rs),
                        plan(rs)),
                rs.getString("content_hash"),
                rs.getString("sync_run_ids"));
    }

    /** Versions stored before plans have none. */
    private static PlanStamp plan(ResultSet rs) throws SQLException {
        String plan = rs.getString("plan");
        return plan == null ? null : new PlanStamp(plan, rs.getString("prices_hash"));
    }

    /** Versions stored before documents were gzipped keep their text. */
    private static Snapshot.Content content(ResultSet rs) throws SQLException {
        byte[] gzip = rs.getBytes("document_gz");
        return gzip != null ? Snapshot.Content.gzip(gzip) : Snapshot.Content.text(rs.getString("document"));
    }
}
