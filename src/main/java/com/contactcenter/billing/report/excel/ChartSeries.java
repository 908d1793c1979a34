package com.contactcenter.billing.report.excel;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Repoints a template chart at the rows just written: one category range and one value column
 * per series, titled by its header cell. Series are reused, added or dropped to match, and the
 * caches are refilled from the cells (a chart whose cache is empty cannot be plotted).
 */
final class ChartSeries {

    /** A series: its values in {@code column}, its title in the header cell at ({@code titleRow}, {@code column}). */
    record Column(int column, String title) {}

    private ChartSeries() {}

    /**
     * @param categoryFormat the number format of date categories, or null when the categories are text
     */
    static void repoint(
            XSSFChart chart,
            XDDFChartData data,
            XSSFSheet sheet,
            int categoryColumn,
            String categoryFormat,
            int titleRow,
            int firstRow,
            int lastRow,
            List<Column> columns) {
        CellRangeAddress categoryRange = new CellRangeAddress(firstRow, lastRow, categoryColumn, categoryColumn);
        XDDFDataSource<?> categories;
        if (categoryFormat == null) {
            categories = XDDFDataSourcesFactory.fromStringCellRange(sheet, categoryRange);
        } else {
            XDDFNumericalDataSource<Double> dates = XDDFDataSourcesFactory.fromNumericCellRange(sheet, categoryRange);
            dates.setFormatCode(categoryFormat);
            categories = dates;
            if (data.getCategoryAxis() != null) {
                data.getCategoryAxis().setNumberFormat(categoryFormat);
            }
        }
        while (data.getSeriesCount() > columns.size()) {
            data.removeSeries(data.getSeriesCount() - 1);
        }
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(
                    sheet, new CellRangeAddress(firstRow, lastRow, column.column(), column.column()));
            XDDFChartData.Series series =
                    i < data.getSeriesCount() ? data.getSeries(i) : data.addSeries(categories, values);
            series.replaceData(categories, values);
            series.setTitle(
                    column.title(), new CellReference(sheet.getSheetName(), titleRow, column.column(), true, true));
        }
        chart.plot(data);
    }
}
