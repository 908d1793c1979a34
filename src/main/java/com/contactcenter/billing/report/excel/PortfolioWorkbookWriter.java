package com.contactcenter.billing.report.excel;

import static com.contactcenter.billing.report.excel.Styles.BAND;
import static com.contactcenter.billing.report.excel.Styles.NOTE;
import static com.contactcenter.billing.report.excel.Styles.NUMBER;
import static com.contactcenter.billing.report.excel.Styles.SECTION;
import static com.contactcenter.billing.report.excel.Styles.TEXT;
import static com.contactcenter.billing.report.excel.Styles.TOTAL;

import com.contactcenter.billing.report.Portfolio;
import com.contactcenter.billing.report.Portfolio.CurrencyTotals;
import com.contactcenter.billing.report.Portfolio.Tenant;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The platform's portfolio workbook: sheet {@code Tenants}, one row per tenant (streamed), a totals
 * row per currency below them; sheet {@code Summary}, totals per currency, tenants by status, per
 * currency the ten largest totals and changes and a chart of the twenty largest totals. Styles are
 * the billing-estimate template's; its sheets are not used. Amounts of two currencies are never
 * added together.
 */
public class PortfolioWorkbookWriter {

    /** Sheet names stay the same in every language, as the estimate's do. */
    static final String TENANTS = "Tenants";

    static final String SUMMARY = "Summary";
    static final int HEADER_ROW = 0;
    static final int FIRST_TENANT_ROW = 1;
    static final int TOP = 10;
    static final int CHARTED = 20;

    private final Path templateFile;

    public PortfolioWorkbookWriter(Path templateFile) {
        this.templateFile = Objects.requireNonNull(templateFile, "templateFile");
    }

    /** Writes the .xlsx to {@code out}, which is left open. */
    public void write(Portfolio portfolio, Locale locale, OutputStream out) {
        Labels labels = Labels.forLocale(locale);
        try (XSSFWorkbook workbook = Template.open(templateFile)) {
            Cells cells = new Cells(Styles.read(templateFile, workbook, 2, labels), labels);
            List<PortfolioColumns.Column> columns = PortfolioColumns.of(portfolio, labels);
            XSSFSheet tenants = workbook.createSheet(TENANTS);
            XSSFSheet summary = workbook.createSheet(SUMMARY);
            while (workbook.getNumberOfSheets() > 2) {
                workbook.removeSheetAt(0);
            }
            workbook.setActiveSheet(0);
            workbook.setSelectedTab(0);
            prepareTenants(tenants, cells, columns, portfolio.tenants().size());
            new Summary(cells, labels, summary).fill(portfolio);
            var properties = workbook.getProperties().getCoreProperties();
            properties.setTitle(
                    labels.format("portfolio.title", portfolio.month().toString()));
            properties.setCreator("billing-estimate");
            try (SXSSFWorkbook streaming = new SXSSFWorkbook(workbook, ExcelReportWriter.STREAM_WINDOW)) {
                streamTenants(streaming.getSheet(TENANTS), cells, labels, columns, portfolio);
                streaming.write(new ExcelReportWriter.KeepOpen(out));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the portfolio workbook: " + e.getMessage(), e);
        }
    }

    /** The header, frozen and filtered, on the in-memory sheet before streaming. */
    private static void prepareTenants(Sheet sheet, Cells cells, List<PortfolioColumns.Column> columns, int tenants) {
        cells.header(
                sheet.createRow(HEADER_ROW),
                columns.stream().map(PortfolioColumns.Column::header).toArray(String[]::new));
        sheet.createFreezePane(1, FIRST_TENANT_ROW);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW + Math.max(tenants, 1), 0, columns.size() - 1));
        sheet.setColumnWidth(0, 28 * 256);
        for (int c = 1; c < columns.size(); c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
    }

    private static void streamTenants(
            Sheet sheet, Cells cells, Labels labels, List<PortfolioColumns.Column> columns, Portfolio portfolio) {
        int r = FIRST_TENANT_ROW;
        for (Tenant tenant : portfolio.tenants()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                PortfolioColumns.Column column = columns.get(c);
                Object value = column.value().apply(tenant);
                switch (column.kind()) {
                    case TEXT -> cells.text(row, c, (String) value, TEXT);
                    case MONEY -> cells.money(row, c, (BigDecimal) value, NUMBER, tenant.scale());
                    case INSTANT -> cells.instant(row, c, (Instant) value, NUMBER);
                    case COUNT -> {
                        if (value == null) {
                            cells.text(row, c, null, NUMBER);
                        } else {
                            cells.count(row, c, (Long) value, NUMBER);
                        }
                    }
                }
            }
        }
        int lastTenantRow = r - 1;
        r++;
        String currencies = range(PortfolioColumns.CURRENCY, lastTenantRow);
        for (CurrencyTotals totals : portfolio.totals()) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, labels.format("portfolio.totalOf", totals.currency()), TOTAL);
            for (int c = 1; c < columns.size(); c++) {
                PortfolioColumns.Column column = columns.get(c);
                if (c == PortfolioColumns.CURRENCY) {
                    cells.text(row, c, totals.currency(), TOTAL);
                } else if (!column.summed()) {
                    cells.text(row, c, null, TOTAL);
                } else {
                    // SUMIF over the tenant rows of this row's currency, never across currencies
                    String formula =
                            "SUMIF(" + currencies + "," + CellReference.convertNumToColString(PortfolioColumns.CURRENCY)
                                    + (row.getRowNum() + 1) + "," + range(c, lastTenantRow) + ")";
                    double sum = sum(portfolio, totals.currency(), column);
                    cells.formula(
                            row,
                            c,
                            formula,
                            sum,
                            TOTAL,
                            column.kind() == PortfolioColumns.Kind.MONEY
                                    ? Styles.moneyFormat(totals.scale())
                                    : Styles.COUNT_FORMAT);
                }
            }
        }
    }

    private static double sum(Portfolio portfolio, String currency, PortfolioColumns.Column column) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Tenant tenant : portfolio.tenants()) {
            Object value = column.value().apply(tenant);
            if (currency.equals(tenant.currency()) && value != null) {
                sum = sum.add(value instanceof BigDecimal amount ? amount : BigDecimal.valueOf((Long) value));
            }
        }
        return sum.doubleValue();
    }

    /** {@code $D$2:$D$n}: the tenant rows of a column. */
    private static String range(int column, int lastTenantRow) {
        String letter = CellReference.convertNumToColString(column);
        return "$" + letter + "$" + (FIRST_TENANT_ROW + 1) + ":$" + letter + "$"
                + (Math.max(lastTenantRow, FIRST_TENANT_ROW) + 1);
    }

    /** Sheet Summary, on the in-memory workbook: it is small. */
    private static final class Summary {

        private final Cells cells;
        private final Labels labels;
        private final XSSFSheet sheet;
        private int r;

        Summary(Cells cells, Labels labels, XSSFSheet sheet) {
            this.cells = cells;
            this.labels = labels;
            this.sheet = sheet;
        }

        void fill(Portfolio portfolio) {
            sheet.setColumnWidth(0, 30 * 256);
            for (int c = 1; c <= 5; c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            cells.text(
                    sheet.createRow(r++),
                    0,
                    labels.format("portfolio.title", portfolio.month().toString()),
                    BAND);
            cells.text(sheet.createRow(r++), 0, labels.get("portfolio.disclaimer"), NOTE);
            r++;
            List<CurrencyTotals> totals = portfolio.totals();
            section("portfolio.section.currencies");
            cells.header(
                    sheet.createRow(r++),
                    labels.get("portfolio.col.currency"),
                    labels.get("portfolio.col.tenants"),
                    labels.get("portfolio.col.seatAmount"),
                    labels.get("portfolio.col.serviceAmount"),
                    labels.get("portfolio.col.total"),
                    labels.get("portfolio.col.change"));
            for (CurrencyTotals t : totals) {
                Row row = sheet.createRow(r++);
                cells.text(row, 0, t.currency(), TEXT);
                cells.count(row, 1, t.tenants(), NUMBER);
                cells.money(row, 2, t.seatAmount(), NUMBER, t.scale());
                cells.money(row, 3, t.serviceAmount(), NUMBER, t.scale());
                cells.money(row, 4, t.total(), NUMBER, t.scale());
                cells.money(row, 5, t.change(), NUMBER, t.scale());
            }
            r++;
            section("portfolio.section.statuses");
            cells.header(sheet.createRow(r++), labels.get("portfolio.col.status"), labels.get("portfolio.col.tenants"));
            for (Map.Entry<Portfolio.Status, Long> status : portfolio.byStatus().entrySet()) {
                Row row = sheet.createRow(r++);
                cells.text(
                        row, 0, labels.get("portfolio.status." + status.getKey().code()), TEXT);
                cells.count(row, 1, status.getValue(), NUMBER);
            }
            for (CurrencyTotals t : totals) {
                r++;
                largest(portfolio.largestTotals(t.currency(), TOP), t, "portfolio.section.largestTotals");
                r++;
                largest(portfolio.largestChanges(t.currency(), TOP), t, "portfolio.section.largestChanges");
                r++;
                chart(portfolio.largestTotals(t.currency(), CHARTED), t);
            }
        }

        private void section(String key, Object... arguments) {
            cells.text(sheet.createRow(r++), 0, labels.format(key, arguments), SECTION);
        }

        private void largest(List<Tenant> tenants, CurrencyTotals currency, String titleKey) {
            section(titleKey, tenants.size(), currency.currency());
            cells.header(
                    sheet.createRow(r++),
                    labels.get("portfolio.col.tenant"),
                    labels.get("portfolio.col.plan"),
                    labels.get("portfolio.col.total"),
                    labels.get("portfolio.col.change"),
                    labels.get("portfolio.col.status"));
            for (Tenant tenant : tenants) {
                Row row = sheet.createRow(r++);
                cells.text(row, 0, tenant.name(), TEXT);
                cells.text(row, 1, tenant.plan(), TEXT);
                cells.money(row, 2, tenant.total(), NUMBER, tenant.scale());
                cells.money(row, 3, tenant.change(), NUMBER, tenant.scale());
                cells.text(
                        row, 4, labels.get("portfolio.status." + tenant.status().code()), TEXT);
            }
        }

        /** The charted tenants' totals as a table, and a bar chart of it beside. */
        private void chart(List<Tenant> tenants, CurrencyTotals currency) {
            String title = labels.format("portfolio.section.chart", tenants.size(), currency.currency());
            section("portfolio.section.chart", tenants.size(), currency.currency());
            int header = r;
            cells.header(sheet.createRow(r++), labels.get("portfolio.col.tenant"), labels.get("portfolio.col.total"));
            int first = r;
            for (Tenant tenant : tenants) {
                Row row = sheet.createRow(r++);
                cells.text(row, 0, tenant.name(), TEXT);
                cells.money(row, 1, tenant.total(), NUMBER, tenant.scale());
            }
            int last = r - 1;
            XSSFDrawing drawing =
                    sheet.getDrawingPatriarch() != null ? sheet.getDrawingPatriarch() : sheet.createDrawingPatriarch();
            XSSFChart chart = drawing.createChart(
                    drawing.createAnchor(0, 0, 0, 0, 3, header, 11, Math.max(last + 1, header + 16)));
            chart.setTitleText(title);
            chart.setTitleOverlay(false);
            XDDFCategoryAxis names = chart.createCategoryAxis(AxisPosition.LEFT);
            XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.BOTTOM);
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, names, amounts);
            data.setBarDirection(BarDirection.BAR);
            XDDFChartData.Series series = data.addSeries(
                    XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(first, last, 0, 0)),
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, 1, 1)));
            series.setTitle(
                    labels.get("portfolio.col.total"), new CellReference(sheet.getSheetName(), header, 1, true, true));
            chart.plot(data);
            r = Math.max(r, header + 17);
        }
    }
}
