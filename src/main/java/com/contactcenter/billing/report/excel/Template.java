package com.contactcenter.billing.report.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The template {@code reports-templates/billing-estimate.xlsx}: the report's sheets (row 0 of each
 * is its branded band, everything below is rewritten), the two charts, and a sheet {@code Estilos}
 * whose cells carry the named styles; it is read and removed before writing.
 */
final class Template {

    /** Sheet names stay Spanish in every language: finance links formulas to them. */
    static final String SUMMARY = "Resumen";

    static final String USERS = "Usuarios";
    static final String SERVICES = "Servicios";
    static final String WHATSAPP = "WhatsApp";
    static final String DATA_QUALITY = "Calidad de datos";
    static final String CHANGES = "Cambios";
    static final List<String> REPORT_SHEETS = List.of(SUMMARY, USERS, SERVICES, WHATSAPP, DATA_QUALITY, CHANGES);

    /** Column A holds a style's name, column B a cell carrying it. */
    static final String STYLES = "Estilos";

    private Template() {}

    /** Opens a copy in memory (the file is never written) and checks the shape the writer relies on. */
    static XSSFWorkbook open(Path file) {
        if (!Files.exists(file)) {
            throw new ExcelTemplateException(file, "file not found");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ExcelTemplateException(file, "not a readable file");
        }
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            throw new ExcelTemplateException(
                    file,
                    "not a valid .xlsx workbook (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    e);
        }
        try {
            check(file, workbook);
            return workbook;
        } catch (ExcelTemplateException e) {
            closeQuietly(workbook, e);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(workbook, e);
            throw new ExcelTemplateException(
                    file, "damaged content (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private static void check(Path file, XSSFWorkbook workbook) {
        for (String name : REPORT_SHEETS) {
            if (workbook.getSheet(name) == null) {
                throw new ExcelTemplateException(file, "sheet '" + name + "' is missing");
            }
        }
        if (workbook.getSheet(STYLES) == null) {
            throw new ExcelTemplateException(file, "sheet '" + STYLES + "' (the named styles) is missing");
        }
        chartData(file, workbook.getSheet(SERVICES), XDDFLineChartData.class);
        chartData(file, workbook.getSheet(WHATSAPP), XDDFBarChartData.class);
    }

    /** The data of the one chart on {@code sheet}, which must be of the given kind. */
    static <T extends XDDFChartData> T chartData(Path file, XSSFSheet sheet, Class<T> kind) {
        XSSFChart chart = chart(file, sheet);
        List<XDDFChartData> data = chart.getChartSeries();
        if (data.size() != 1 || !kind.isInstance(data.get(0)) || data.get(0).getSeriesCount() == 0) {
            throw new ExcelTemplateException(
                    file,
                    "the chart on sheet '" + sheet.getSheetName() + "' must be one "
                            + kind.getSimpleName()
                                    .replace("XDDF", "")
                                    .replace("ChartData", "")
                                    .toLowerCase()
                            + " chart with at least one series");
        }
        return kind.cast(data.get(0));
    }

    static XSSFChart chart(Path file, XSSFSheet sheet) {
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing == null || drawing.getCharts().size() != 1) {
            int charts = drawing == null ? 0 : drawing.getCharts().size();
            throw new ExcelTemplateException(
                    file, "sheet '" + sheet.getSheetName() + "' must hold exactly one chart, it has " + charts);
        }
        return drawing.getCharts().get(0);
    }

    /** Puts the report sheets in their order and drops the styles sheet (its styles stay in the workbook). */
    static void finish(XSSFWorkbook workbook) {
        workbook.removeSheetAt(workbook.getSheetIndex(STYLES));
        for (int i = 0; i < REPORT_SHEETS.size(); i++) {
            workbook.setSheetOrder(REPORT_SHEETS.get(i), i);
        }
        for (Sheet sheet : workbook) {
            sheet.setSelected(false);
        }
        workbook.setActiveSheet(0);
        workbook.setSelectedTab(0);
    }

    private static void closeQuietly(XSSFWorkbook workbook, Exception failure) {
        try {
            workbook.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
