package com.contactcenter.billing.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A source's facts in the warehouse, every fact table row by row in a total order, without the
 * columns that name the sync run rather than the figures (its id and as-of): two syncs of the same
 * source rows that agree here wrote the same figures.
 */
public final class FactTables {

    private static final Map<String, String> QUERIES = Map.of(
            "fact_service_day",
            "SELECT local_day, channel_id, service_key, row_count, units FROM fact_service_day"
                    + " WHERE source = ? ORDER BY local_day, channel_id, service_key",
            "fact_finding_day",
            "SELECT local_day, reason, row_count FROM fact_finding_day WHERE source = ? ORDER BY local_day, reason",
            "fact_user_day",
            "SELECT local_day, user_id, sessions, messages_sent, calls, call_minutes FROM fact_user_day"
                    + " WHERE source = ? ORDER BY local_day, user_id",
            "sync_day",
            "SELECT local_day, rows_read FROM sync_day WHERE source = ? ORDER BY local_day");

    private FactTables() {}

    /** Per fact table (in name order), its rows of {@code source}, each row its values as text. */
    public static Map<String, List<String>> dump(JdbcTemplate warehouse, String source) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        QUERIES.keySet().stream().sorted().forEach(table -> {
            List<String> rows = new ArrayList<>();
            warehouse.query(
                    QUERIES.get(table),
                    rs -> {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.append(i == 1 ? "" : " | ").append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    },
                    source);
            tables.put(table, rows);
        });
        return tables;
    }

    /** The source rows the sync read, from its per-day counts. */
    public static long rowsRead(JdbcTemplate warehouse, String source) {
        return warehouse.queryForObject(
                "SELECT COALESCE(SUM(rows_read), 0) FROM sync_day WHERE source = ?", Long.class, source);
    }
}
