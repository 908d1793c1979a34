package com.contactcenter.billing.report.excel;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The template's named styles (sheet {@code Estilos}) and the variants the report derives from
 * them: a number format, or the quote prefix that keeps a text from ever acting as a formula.
 */
final class Styles {

    static final String BAND = "band";
    static final String DISCLAIMER = "disclaimer";
    static final String NOTE = "note";
    static final String SECTION = "section";
    static final String HEADER = "header";
    static final String LABEL = "label";
    static final String TEXT = "text";
    static final String NUMBER = "number";
    static final String TOTAL = "total";
    static final String FLAG = "flag";
    static final List<String> NAMES =
            List.of(BAND, DISCLAIMER, NOTE, SECTION, HEADER, LABEL, TEXT, NUMBER, TOTAL, FLAG);

    static final String COUNT_FORMAT = "#,##0";
    static final String ID_FORMAT = "0";

    private final Workbook workbook;
    private final Map<String, CellStyle> named;
    /** By name, then format: looked up for every cell, so without building a key. */
    private final Map<String, Map<String, CellStyle>> formatted = new HashMap<>();

    private final Map<Short, CellStyle> quoted = new HashMap<>();
    private final String moneyFormat;
    private final String dateFormat;
    private final String dateTimeFormat;

    private Styles(
            Workbook workbook,
            Map<String, CellStyle> named,
            String moneyFormat,
            String dateFormat,
            String dateTimeFormat) {
        this.workbook = workbook;
        this.named = named;
        this.moneyFormat = moneyFormat;
        this.dateFormat = dateFormat;
        this.dateTimeFormat = dateTimeFormat;
    }

    static Styles read(Path file, Workbook template, int scale, Labels labels) {
        Sheet sheet = template.getSheet(Template.STYLES);
        Map<String, CellStyle> named = new HashMap<>();
        for (Row row : sheet) {
            Cell name = row.getCell(0);
            Cell sample = row.getCell(1);
            if (name != null && name.getCellType() == CellType.STRING && sample != null) {
                named.put(name.getStringCellValue().strip(), sample.getCellStyle());
            }
        }
        for (String name : NAMES) {
            if (!named.containsKey(name)) {
                throw new ExcelTemplateException(
                        file,
                        "style '" + name + "' is missing from sheet '" + Template.STYLES
                                + "' (column A the name, column B a cell with the style)");
            }
        }
        return new Styles(
                template, named, moneyFormat(scale), labels.get("format.date"), labels.get("format.datetime"));
    }

    /** {@code #,##0.00} at scale 2, {@code #,##0} at scale 0. */
    static String moneyFormat(int scale) {
        return scale <= 0 ? COUNT_FORMAT : COUNT_FORMAT + "." + "0".repeat(scale);
    }

    CellStyle named(String name) {
        return named.get(name);
    }

    CellStyle formatted(String name, String format) {
        Map<String, CellStyle> byFormat = formatted.computeIfAbsent(name, k -> new HashMap<>());
        CellStyle style = byFormat.get(format);
        if (style == null) {
            style = workbook.createCellStyle();
            style.cloneStyleFrom(named(name));
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            byFormat.put(format, style);
        }
        return style;
    }

    /** The same look, marked so that Excel and LibreOffice show the text as text, never as a formula. */
    CellStyle quotePrefixed(CellStyle base) {
        return quoted.computeIfAbsent(base.getIndex(), k -> {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(base);
            style.setQuotePrefixed(true);
            return style;
        });
    }

    String moneyFormat() {
        return moneyFormat;
    }

    String dateFormat() {
        return dateFormat;
    }

    String dateTimeFormat() {
        return dateTimeFormat;
    }
}
