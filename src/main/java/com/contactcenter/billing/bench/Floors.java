package com.contactcenter.billing.bench;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.report.ReportData.User;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;

/** The least the hardware needs for what a step does, measured without the project's code. */
final class Floors {

    /** Per event table: the least a sync must read, every row of the range touched, nothing grouped. */
    private static final List<String> SCANS = List.of(
            "SELECT COUNT(*), SUM(segments) FROM messages WHERE created_at >= ? AND created_at < ?",
            "SELECT COUNT(*), SUM(duration_seconds) FROM calls WHERE started_at >= ? AND started_at < ?",
            "SELECT COUNT(*), SUM(messages) FROM bot_sessions WHERE started_at >= ? AND started_at < ?",
            "SELECT COUNT(*), SUM(user_id) FROM user_sessions WHERE started_at >= ? AND started_at < ?");

    private Floors() {
    }

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
     * A bare SXSSF loop writing the report's user columns (id, name, email, role, five counts,
     * last login) with one style per kind of cell, same streaming window, to {@code file}.
     */
    static void excel(List<User> users, Path file, int window) {
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
            String[] names = {"id", "name", "email", "role", "channels", "sessions", "messages", "calls", "minutes",
                "last login"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            int r = 1;
            for (User user : users) {
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
