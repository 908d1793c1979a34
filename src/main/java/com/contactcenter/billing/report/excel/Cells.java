package com.contactcenter.billing.report.excel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Writes typed cells: counts and money as numbers with a number format, dates and UTC instants
 * as date cells, and text so that it never turns into a formula.
 */
final class Cells {

    /** The most characters (UTF-16 units) one cell of a workbook holds: Excel's limit. */
    static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final Styles styles;
    private final Labels labels;
    private int cut;

    Cells(Styles styles, Labels labels) {
        this.styles = styles;
        this.labels = labels;
    }

    /**
     * A text longer than a cell holds, cut where it fits (never inside a character) and ended by a
     * note that says so and how long it was; any other text as it is. The JSON export and the PDF
     * keep such a text whole; only the workbook has a limit.
     */
    String fitted(String text) {
        if (text.length() <= MAX_CELL_TEXT) {
            return text;
        }
        String note = labels.format("text.cut", text.codePointCount(0, text.length()));
        int end = MAX_CELL_TEXT - note.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        cut++;
        return text.substring(0, end) + note;
    }

    /** How many texts were cut to fit their cell. */
    int cut() {
        return cut;
    }

    Styles styles() {
        return styles;
    }

    /**
     * Text that Excel, LibreOffice or a CSV reader could take for a formula (OWASP's CSV-injection
     * list) gets a quote-prefixed style: it stays a plain string and reads exactly the same.
     */
    static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    Cell text(Row row, int column, String value, String style) {
        Cell cell = row.createCell(column);
        CellStyle base = styles.named(style);
        if (value == null) {
            cell.setCellStyle(base);
            return cell;
        }
        cell.setCellStyle(looksLikeFormula(value) ? styles.quotePrefixed(base) : base);
        cell.setCellValue(fitted(value));
        return cell;
    }

    Cell count(Row row, int column, long value, String style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.formatted(style, Styles.COUNT_FORMAT));
        cell.setCellValue(value);
        return cell;
    }

    Cell id(Row row, int column, long value, String style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.formatted(style, Styles.ID_FORMAT));
        cell.setCellValue(value);
        return cell;
    }

    Cell money(Row row, int column, BigDecimal value, String style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.formatted(style, styles.moneyFormat()));
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        return cell;
    }

    /** Money at {@code scale} decimals, whatever the workbook's own scale (a portfolio mixes currencies). */
    Cell money(Row row, int column, BigDecimal value, String style, int scale) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.formatted(style, Styles.moneyFormat(scale)));
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        return cell;
    }

    /** A summed figure at {@code format} under a formula, with its value cached so readers need not recalculate. */
    Cell formula(Row row, int column, String formula, double cachedValue, String style, String format) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.formatted(style, format));
        cell.setCellFormula(formula);
        cell.setCellValue(cachedValue);
        return cell;
    }

    Cell date(Row row, int column, LocalDate value, String style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.formatted(style, styles.dateFormat()));
        if (value != null) {
            cell.setCellValue(value);
        }
        return cell;
    }

    /** An instant as a UTC date-time cell (headers say UTC); empty when there is none. */
    Cell instant(Row row, int column, Instant value, String style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.formatted(style, styles.dateTimeFormat()));
        if (value != null) {
            cell.setCellValue(LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
        return cell;
    }

    /** An instant as a date-time cell of its wall-clock time in the tenant's {@code zone}; empty when there is none. */
    Cell local(Row row, int column, Instant value, ZoneId zone, String style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.formatted(style, styles.dateTimeFormat()));
        if (value != null) {
            cell.setCellValue(LocalDateTime.ofInstant(value, zone));
        }
        return cell;
    }

    /** A fraction shown as a percentage with {@code format} ("+0.0%"): 0.123 reads +12.3 %. */
    Cell percent(Row row, int column, BigDecimal fraction, String format, String style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.formatted(style, format));
        cell.setCellValue(fraction.doubleValue());
        return cell;
    }

    /** A counted figure under a total formula, with its value cached so readers need not recalculate. */
    Cell countFormula(Row row, int column, String formula, long cachedValue, String style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.formatted(style, Styles.COUNT_FORMAT));
        cell.setCellFormula(formula);
        cell.setCellValue(cachedValue);
        return cell;
    }

    /** Header texts wrap: give the row two lines. */
    void header(Row row, String... texts) {
        row.setHeightInPoints(2 * row.getSheet().getDefaultRowHeightInPoints() + 2);
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                text(row, i, texts[i], Styles.HEADER);
            }
        }
    }

    /** Rewrites the text of the sheet's band (A1) and keeps the template's look. */
    static void band(Sheet sheet, String title) {
        Row row = sheet.getRow(0) != null ? sheet.getRow(0) : sheet.createRow(0);
        Cell cell = row.getCell(0) != null ? row.getCell(0) : row.createCell(0);
        cell.setCellValue(title);
    }

    /** Everything below the band belongs to the writer: drop the template's sample rows and merges. */
    static void clearBelowBand(Sheet sheet) {
        for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
            if (sheet.getMergedRegion(i).getFirstRow() > 0) {
                sheet.removeMergedRegion(i);
            }
        }
        for (int r = sheet.getLastRowNum(); r > 0; r--) {
            Row row = sheet.getRow(r);
            if (row != null) {
                sheet.removeRow(row);
            }
        }
    }
}
