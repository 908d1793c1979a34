package com.contactcenter.billing.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

/**
 * One table of a source's reference copy, brought in line with the source's rows by key: rows gone
 * are deleted, new ones inserted, changed ones updated, and the others left alone. The source's
 * rows are sorted by key and the copy is read in key order, so the two are merged like sorted lists
 * and the copy is never held as a second collection beside the source's.
 */
final class CopyTable<T> {

    /** Gives a row's key or value columns, in their order. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(BulkInsert.Values values, T row) throws SQLException;
    }

    private final String table;
    private final List<String> insertColumns;
    private final String select;
    private final String update;
    private final String delete;
    private final RowMapper<T> reader;
    private final Comparator<T> byKey;
    private final Binder<T> key;
    private final Binder<T> values;
    private final BiPredicate<T, T> sameValues;

    /**
     * @param sameValues whether a source row and the copy's row of the same key hold the same
     *                   values, as the warehouse stores them
     */
    CopyTable(
            String table,
            List<String> keyColumns,
            Binder<T> key,
            Comparator<T> byKey,
            List<String> valueColumns,
            Binder<T> values,
            RowMapper<T> reader,
            BiPredicate<T, T> sameValues) {
        String keys = String.join(", ", keyColumns);
        String byKeys = keyColumns.stream().map(c -> " AND " + c + " = ?").collect(Collectors.joining());
        // values first, then source and key: an insert takes its columns as an update its parameters
        this.select = "SELECT " + keys + ", " + String.join(", ", valueColumns) + " FROM " + table
                + " WHERE source = ? ORDER BY " + keys;
        this.table = table;
        this.insertColumns = new ArrayList<>(valueColumns);
        this.insertColumns.add("source");
        this.insertColumns.addAll(keyColumns);
        this.update = "UPDATE " + table + " SET "
                + valueColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(", ")) + " WHERE source = ?"
                + byKeys;
        this.delete = "DELETE FROM " + table + " WHERE source = ?" + byKeys;
        this.reader = reader;
        this.byKey = byKey;
        this.key = key;
        this.values = values;
        this.sameValues = sameValues;
    }

    /** The copy's rows of the source, in key order. */
    List<T> rows(JdbcTemplate jdbc, String source) {
        return jdbc.query(select, reader, source);
    }

    /**
     * Writes only the rows that differ from {@code rows}: deletes and updates in batches of
     * {@code batchSize}, new rows through {@link BulkInsert} (a first copy of 100,000 users is
     * some 350,000 rows).
     */
    ReferenceStore.Written replace(
            JdbcTemplate jdbc, BulkInsert bulk, String source, Collection<T> rows, int batchSize) {
        Merge merge = new Merge(rows);
        jdbc.query(select, merge, source);
        merge.rest();
        write(jdbc, delete, merge.deleted, batchSize, (ps, row) -> {
            BulkInsert.Values values = BulkInsert.parameters(ps).text(source);
            key.bind(values, row);
        });
        write(jdbc, update, merge.updated, batchSize, (ps, row) -> bindAll(BulkInsert.parameters(ps), source, row));
        bulk.insert(table, insertColumns, merge.inserted, batchSize, (row, values) -> bindAll(values, source, row));
        return new ReferenceStore.Written(merge.inserted.size(), merge.updated.size(), merge.deleted.size());
    }

    /** Values, then source and key: the order of both the insert's columns and the update's parameters. */
    private void bindAll(BulkInsert.Values all, String source, T row) throws SQLException {
        values.bind(all, row);
        all.text(source);
        key.bind(all, row);
    }

    private static <T> void write(
            JdbcTemplate jdbc,
            String sql,
            List<T> rows,
            int batchSize,
            ParameterizedPreparedStatementSetter<T> setter) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, batchSize, setter);
        }
    }

    /** Walks the copy's rows in key order against the source's, sorted the same way. */
    private final class Merge implements RowCallbackHandler {

        private final List<T> sorted;
        private int next;
        final List<T> inserted = new ArrayList<>();
        final List<T> updated = new ArrayList<>();
        final List<T> deleted = new ArrayList<>();

        Merge(Collection<T> rows) {
            sorted = new ArrayList<>(rows);
            sorted.sort(byKey);
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            T stored = reader.mapRow(rs, 0);
            while (next < sorted.size() && byKey.compare(sorted.get(next), stored) < 0) {
                inserted.add(sorted.get(next++));
            }
            if (next < sorted.size() && byKey.compare(sorted.get(next), stored) == 0) {
                T row = sorted.get(next++);
                if (!sameValues.test(row, stored)) {
                    updated.add(row);
                }
            } else {
                deleted.add(stored);
            }
        }

        /** The source's rows past the copy's last key are new. */
        void rest() {
            inserted.addAll(sorted.subList(next, sorted.size()));
        }
    }
}
