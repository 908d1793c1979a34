package com.contactcenter.billing.bench;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.snapshot.SnapshotUser;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The least the hardware needs for what a step does, measured without the project's code. */
final class Floors {

    /** Per event table: the least a sync must read, every row of the range touched, nothing grouped. */
    private static final List<String> SCANS = List.of(
            "SELECT COUNT(*), SUM(segments) FROM messages WHERE created_at >= ? AND created_at < ?",
            "SELECT COUNT(*), SUM(duration_seconds) FROM calls WHERE started_at >= ? AND started_at < ?",
            "SELECT COUNT(*), SUM(messages) FROM bot_sessions WHERE started_at >= ? AND started_at < ?",
            "SELECT COUNT(*), SUM(user_id) FROM user_sessions WHERE started_at >= ? AND started_at < ?");

    /** The sync's reference and event queries, in the order it runs them (source/ExtractionQueries). */
    private static final List<String> REFERENCE_QUERIES = List.of("roles", "users", "channels", "user-channels");

    private static final List<String> EVENT_QUERIES = List.of("messages", "calls", "bot-sessions", "user-sessions");

    private Floors() {}

    /** Scans the event tables over {@code [fromUtc, toUtc)}; returns the rows touched. */
    static long scan(DataSource source, Instant fromUtc, Instant toUtc) {
        JdbcTemplate jdbc = new JdbcTemplate(source);
        long rows = 0;
        for (String sql : SCANS) {
            rows += jdbc.queryForObject(sql, (rs, n) -> rs.getLong(1), Utc.of(fromUtc), Utc.of(toUtc));
        }
        return rows;
    }

    /**
     * Runs the sync's own extraction queries (the defaults, {@code sql/source/}) over
     * {@code [fromUtc, toUtc)} as it runs them: in one read-only REPEATABLE READ transaction, rows
     * streamed, the event tables by id range when {@code byIdRange}; and drops the rows unread:
     * what the sync's queries cost without the Java that reads and folds their columns.
     *
     * @param source the source as the sync connects to it ({@link BenchTenant#sourceAsSynced()})
     * @return the event rows read
     */
    static long queries(DataSource source, Instant fromUtc, Instant toUtc, boolean byIdRange) {
        JdbcTemplate streaming = new JdbcTemplate(source);
        streaming.setFetchSize(Integer.MIN_VALUE); // Connector/J streams row by row only so
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(streaming);
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(source));
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        Map<String, Object> pass = Map.of("fromUtc", Utc.of(fromUtc), "toUtc", Utc.of(toUtc));
        long[] rows = new long[1];
        readOnly.executeWithoutResult(status -> {
            for (String reference : REFERENCE_QUERIES) {
                jdbc.query(query(reference), Map.of(), rs -> {});
            }
            for (String table : EVENT_QUERIES) {
                Map<String, Object> params = new HashMap<>(pass);
                String events = query(table);
                if (byIdRange) {
                    // the smallest and largest id of the pass first, then the rows between them (source/SourceReader)
                    Long[] ids = jdbc.query(
                            query(table + "-id-range"),
                            pass,
                            rs -> rs.next()
                                    ? new Long[] {rs.getObject(1, Long.class), rs.getObject(2, Long.class)}
                                    : new Long[2]);
                    if (ids[0] == null) {
                        continue; // no row in the pass
                    }
                    params.put("minId", ids[0]);
                    params.put("maxId", ids[1]);
                    events = query(table + "-in-id-range");
                }
                jdbc.query(events, params, rs -> {
                    rows[0]++;
                });
            }
        });
        return rows[0];
    }

    private static String query(String name) {
        String path = "/sql/source/" + name + ".sql";
        try (InputStream in = Floors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bare SXSSF loop writing the report's user columns (id, name, email, role, five counts,
     * last login) with one style per kind of cell, same streaming window, to {@code file}.
     */
    static void excel(List<SnapshotUser> users, Path file, int window) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(window);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            CellStyle id = workbook.createCellStyle();
            id.setDataFormat(workbook.createDataFormat().getFormat("0"));
            CellStyle count = workbook.createCellStyle();
            count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Sheet sheet = workbook.createSheet("Usuarios");
            Row header = sheet.createRow(0);
            String[] names = {
                "id", "name", "email", "role", "channels", "sessions", "messages", "calls", "minutes", "last login"
            };
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            int r = 1;
            for (SnapshotUser user : users) {
                Row row = sheet.createRow(r++);
                cell(row, 0, id).setCellValue(user.id());
                row.createCell(1).setCellValue(user.name());
                row.createCell(2).setCellValue(user.email());
                row.createCell(3).setCellValue(user.role());
                cell(row, 4, count).setCellValue(user.channels());
                cell(row, 5, count).setCellValue(user.sessions());
                cell(row, 6, count).setCellValue(user.messagesSent());
                cell(row, 7, count).setCellValue(user.calls());
                cell(row, 8, count).setCellValue(user.callMinutes());
                Cell login = cell(row, 9, time);
                if (user.lastLoginAt() != null) {
                    login.setCellValue(LocalDateTime.ofInstant(user.lastLoginAt(), ZoneOffset.UTC));
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Excel floor workbook: " + e.getMessage(), e);
        }
    }

    private static Cell cell(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }
}
