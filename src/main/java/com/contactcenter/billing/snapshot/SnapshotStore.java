package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.usage.GroupBy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Snapshot rows: inserted once, never updated. */
@Repository
class SnapshotStore {

    private final JdbcTemplate jdbc;

    SnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(Snapshot snapshot, String contentHash) {
    }

    /** Throws DuplicateKeyException when another writer took the version first. */
    void insert(Snapshot s, String syncRunIds, String contentHash) {
        jdbc.update("INSERT INTO snapshot (id, source, period_from, period_to, group_by, version, as_of, sync_run_ids,"
                + " computed_at, content_hash, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.source(),
                s.from(), s.to(), s.groupBy().code(), s.version(), Utc.of(s.asOf()), syncRunIds, Utc.of(s.computedAt()),
                contentHash, s.document());
    }

    int newestVersion(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        Integer v = jdbc.queryForObject("SELECT MAX(version) FROM snapshot WHERE source = ? AND period_from = ?"
                + " AND period_to = ? AND group_by = ?", Integer.class, source, from, to, groupBy.code());
        return v == null ? 0 : v;
    }

    Optional<Stored> version(String source, LocalDate from, LocalDate to, GroupBy groupBy, int version) {
        return jdbc.query("SELECT * FROM snapshot WHERE source = ? AND period_from = ? AND period_to = ?"
                + " AND group_by = ? AND version = ?", this::map, source, from, to, groupBy.code(), version)
                .stream().findFirst();
    }

    Optional<Stored> byId(String id) {
        return jdbc.query("SELECT * FROM snapshot WHERE id = ?", this::map, id).stream().findFirst();
    }

    /** Newest first. */
    List<Stored> versions(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        return jdbc.query("SELECT * FROM snapshot WHERE source = ? AND period_from = ? AND period_to = ?"
                + " AND group_by = ? ORDER BY version DESC", this::map, source, from, to, groupBy.code());
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(new Snapshot(rs.getString("id"), rs.getString("source"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                GroupBy.parse(rs.getString("group_by")), rs.getInt("version"), Utc.read(rs, "as_of"),
                Utc.read(rs, "computed_at"), rs.getString("document")), rs.getString("content_hash"));
    }

}
