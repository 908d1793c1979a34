package com.contactcenter.billing.report.excel;

import com.contactcenter.billing.report.ReportData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writing a report into memory and reading it back with POI. */
final class Workbooks {

    private Workbooks() {}

    static byte[] bytes(ReportData data, Locale locale) {
        return bytes(ReportFixtures.TEMPLATE, data, locale);
    }

    static byte[] bytes(Path template, ReportData data, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExcelReportWriter(template).write(data, locale, out);
        return out.toByteArray();
    }

    static XSSFWorkbook written(ReportData data, Locale locale) {
        return read(bytes(data, locale));
    }

    static XSSFWorkbook read(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first row at or after {@code from} whose column A is the text {@code a}. */
    static Row rowStartingWith(Sheet sheet, String a, int from) {
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null
                    && row.getCell(0) != null
                    && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(a)) {
                return row;
            }
        }
        throw new AssertionError(
                "no row starting with '" + a + "' in sheet " + sheet.getSheetName() + " from row " + from);
    }

    static Row rowStartingWith(Sheet sheet, String a) {
        return rowStartingWith(sheet, a, 0);
    }

    static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null || cell.getCellType() != CellType.STRING) {
            throw new AssertionError(
                    "not a text cell: " + where(row, column) + " " + (cell == null ? "missing" : cell.getCellType()));
        }
        return cell.getStringCellValue();
    }

    static double number(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null || cell.getCellType() != CellType.NUMERIC) {
            throw new AssertionError(
                    "not a number cell: " + where(row, column) + " " + (cell == null ? "missing" : cell.getCellType()));
        }
        return cell.getNumericCellValue();
    }

    static String format(Row row, int column) {
        return row.getCell(column).getCellStyle().getDataFormatString();
    }

    static String where(Row row, int column) {
        return row.getSheet().getSheetName() + "!"
                + new org.apache.poi.ss.util.CellReference(row.getRowNum(), column).formatAsString();
    }
}
