package com.contactcenter.billing.report.excel;

import static com.contactcenter.billing.report.excel.Styles.DISCLAIMER;
import static com.contactcenter.billing.report.excel.Styles.FLAG;
import static com.contactcenter.billing.report.excel.Styles.LABEL;
import static com.contactcenter.billing.report.excel.Styles.NOTE;
import static com.contactcenter.billing.report.excel.Styles.NUMBER;
import static com.contactcenter.billing.report.excel.Styles.SECTION;
import static com.contactcenter.billing.report.excel.Styles.TEXT;
import static com.contactcenter.billing.report.excel.Styles.TOTAL;

import com.contactcenter.billing.report.Freshness;
import com.contactcenter.billing.report.HeadlineChange;
import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.Estimate;
import com.contactcenter.billing.snapshot.SnapshotFigures.EstimateLine;
import com.contactcenter.billing.snapshot.SnapshotFigures.ForecastFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.PeriodBounds;
import com.contactcenter.billing.snapshot.SnapshotFigures.PricedService;
import com.contactcenter.billing.snapshot.SnapshotFigures.Version;
import com.contactcenter.billing.usage.UsageReport.RoleUsers;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Optional;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Sheet Resumen: a headline (how fresh the figures are, the estimated total, seats and services,
 * the like-for-like change and, for a period still to end, the forecast to its end), the estimate
 * disclaimer, what the figures are (tenant, period, snapshot; instants in the tenant's zone), users
 * by role, the services and the estimate lines with their total. It prints on one page.
 */
final class SummarySheet {

    /** Columns A..G; the tables share them so that quantities, prices and amounts line up. */
    static final int LAST_COLUMN = 6;
    /** "Datos sincronizados hasta 29/11/2026 14:30 (America/Bogota)", the headline's first line. */
    static final int FRESHNESS_ROW = 1;
    /** The headline: the estimated total, seats, services, the like-for-like change, the forecast. */
    static final int TOTAL_ROW = 2;

    static final int SEATS_ROW = 3;
    static final int SERVICES_ROW = 4;
    static final int CHANGE_ROW = 5;
    /** Only for a period that ends after the as-of; its note follows when the history is short. */
    static final int FORECAST_ROW = 6;
    /** "+12,3 %", "-4,0 %", "0,0 %". */
    static final String PERCENT_FORMAT = "+0.0%;-0.0%;0.0%";

    private final Cells cells;
    private final Labels labels;

    SummarySheet(Cells cells, Labels labels) {
        this.cells = cells;
        this.labels = labels;
    }

    void fill(Sheet sheet, ReportData data) {
        SnapshotFigures figures = data.figures();
        PeriodBounds period = figures.period();
        Version version = figures.version();
        ZoneId zone = Freshness.zone(figures.timeZone());
        Cells.clearBelowBand(sheet);
        wide(sheet, FRESHNESS_ROW, Freshness.withZone(version.asOf(), figures.timeZone(), labels.textLocale()), NOTE);
        int r = headline(sheet, data);

        r++;
        wide(sheet, r++, labels.get("disclaimer.title"), DISCLAIMER);
        Row sentence = wide(
                sheet,
                r++,
                labels.format(
                        "disclaimer.text",
                        Freshness.dateTimeWithZone(version.asOf(), figures.timeZone(), labels.textLocale())),
                NOTE);
        sentence.setHeightInPoints(2 * sheet.getDefaultRowHeightInPoints() + 4);

        r++;
        cells.text(sheet.createRow(r++), 0, labels.get("section.report"), SECTION);
        cells.text(field(sheet, r++, "field.tenant"), 1, figures.source(), TEXT);
        cells.text(field(sheet, r++, "field.timeZone"), 1, figures.timeZone(), TEXT);
        cells.date(field(sheet, r++, "field.from"), 1, period.from(), NUMBER);
        cells.date(field(sheet, r++, "field.to"), 1, period.to(), NUMBER);
        cells.local(field(sheet, r++, "field.start"), 1, period.startUtc(), zone, NUMBER);
        cells.local(field(sheet, r++, "field.end"), 1, period.endUtc(), zone, NUMBER);
        cells.text(
                field(sheet, r++, "field.groupBy"),
                1,
                labels.getOrDefault("groupBy." + figures.groupBy(), "groupBy.other"),
                TEXT);
        cells.local(field(sheet, r++, "field.asOf"), 1, version.asOf(), zone, NUMBER);
        cells.local(field(sheet, r++, "field.computedAt"), 1, version.computedAt(), zone, NUMBER);
        cells.text(field(sheet, r++, "field.snapshotId"), 1, version.id(), TEXT);
        cells.count(field(sheet, r++, "field.version"), 1, version.number(), NUMBER);
        cells.text(field(sheet, r++, "field.currency"), 1, figures.estimate().currency(), TEXT);
        cells.text(
                field(sheet, r++, "field.changes"),
                1,
                data.changes()
                        .map(d ->
                                labels.format("summary.comparedWith", d.older().version()))
                        .orElse(labels.get("summary.noPrevious")),
                TEXT);
        cells.text(
                field(sheet, r++, "field.dataQuality"), 1, labels.format("summary.findings", figures.findings()), TEXT);

        r = roles(sheet, r + 1, figures);
        r = services(sheet, r + 1, figures);
        int last = estimate(sheet, r + 1, figures.estimate());
        printOnOnePage(sheet, last);
    }

    /**
     * The headline under the band: the estimated total, seats and services, the like-for-like
     * change, and for a period still to end the forecast to its end; returns the next free row.
     */
    private int headline(Sheet sheet, ReportData data) {
        SnapshotFigures figures = data.figures();
        Estimate estimate = figures.estimate();
        Row total = field(sheet, TOTAL_ROW, "headline.total", estimate.currency());
        cells.money(total, 1, estimate.total(), TOTAL);
        Row seats = field(sheet, SEATS_ROW, "headline.seats", estimate.currency());
        cells.money(seats, 1, estimate.seatsAmount(), NUMBER);
        Row services = field(sheet, SERVICES_ROW, "headline.services", estimate.currency());
        cells.money(services, 1, estimate.servicesAmount(), NUMBER);

        Row change = field(sheet, CHANGE_ROW, "headline.change");
        Optional<HeadlineChange> comparison = data.change();
        if (comparison.isEmpty()) {
            cells.text(change, 1, labels.get("headline.noComparison"), TEXT);
        } else {
            HeadlineChange c = comparison.get();
            Optional<BigDecimal> percent = c.percent();
            if (percent.isPresent()) {
                cells.percent(change, 1, percent.get().movePointLeft(2), PERCENT_FORMAT, TOTAL);
            } else {
                cells.text(
                        change,
                        1,
                        labels.get(
                                c.current() == null || c.previous() == null ? "headline.noData" : "headline.noPercent"),
                        TEXT);
            }
            cells.text(change, 2, c.label(), NOTE);
            cells.text(change, 5, labels.get("headline.previous"), LABEL);
            if (c.previous() == null) {
                cells.text(change, 6, labels.get("headline.noData"), TEXT);
            } else {
                cells.money(change, 6, c.previous(), NUMBER);
            }
        }
        int r = FORECAST_ROW;
        Optional<ForecastFigures> forecast = figures.forecast();
        if (forecast.isPresent()) {
            ForecastFigures f = forecast.get();
            Row row = field(sheet, r++, "headline.forecast", labels.date(f.periodEnd()));
            cells.money(row, 1, f.totalPoint(), TOTAL);
            cells.text(row, 2, labels.get("headline.range"), LABEL);
            cells.money(row, 3, f.totalLow(), NUMBER);
            if (f.totalHigh() == null) {
                cells.text(row, 4, labels.get("headline.noHigh"), TEXT);
            } else {
                cells.money(row, 4, f.totalHigh(), NUMBER);
            }
            cells.text(row, 5, labels.get("headline.method"), LABEL);
            cells.text(row, 6, labels.getOrDefault("method." + f.method(), "method.other"), TEXT);
            if (f.shortHistory()) {
                wide(sheet, r++, labels.format("headline.shortHistory", f.daysOfHistory()), FLAG);
            }
        }
        return r;
    }

    /**
     * Resumen prints on one page, the total and the headline at its top: the print area is the
     * sheet's figures, scaled to one page wide and one tall.
     */
    private static void printOnOnePage(Sheet sheet, int lastRow) {
        Workbook workbook = sheet.getWorkbook();
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, LAST_COLUMN, 0, lastRow);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 1);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setHorizontallyCenter(true);
    }

    private int roles(Sheet sheet, int r, SnapshotFigures figures) {
        cells.text(sheet.createRow(r++), 0, labels.get("section.roles"), SECTION);
        cells.header(
                sheet.createRow(r++),
                labels.get("col.role"),
                labels.get("col.users"),
                labels.get("col.monthlyPrice"),
                labels.get("col.note"));
        long total = 0;
        for (RoleUsers role : figures.usersByRole()) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, role.role(), TEXT);
            cells.count(row, 1, role.users(), NUMBER);
            Optional<EstimateLine> seat = figures.estimate().seat(role.role());
            cells.money(row, 2, seat.map(EstimateLine::unitPrice).orElse(null), NUMBER);
            if (seat.isPresent() && !seat.get().priced()) {
                cells.text(row, 3, labels.get("flag.unpriced"), FLAG);
            }
            total += role.users();
        }
        Row totals = sheet.createRow(r++);
        cells.text(totals, 0, labels.get("total"), TOTAL);
        cells.count(totals, 1, total, TOTAL);
        return r;
    }

    private int services(Sheet sheet, int r, SnapshotFigures figures) {
        cells.text(sheet.createRow(r++), 0, labels.get("section.services"), SECTION);
        cells.header(
                sheet.createRow(r++),
                labels.get("col.service"),
                labels.get("col.key"),
                labels.get("col.count"),
                labels.get("col.units"),
                labels.get("col.unitPrice"),
                labels.get("col.amount"),
                labels.get("col.note"));
        for (PricedService service : figures.pricedServices()) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, labels.service(service.key()), TEXT);
            cells.text(row, 1, service.key(), TEXT);
            cells.count(row, 2, service.count(), NUMBER);
            cells.count(row, 3, service.units(), NUMBER);
            cells.money(row, 4, service.unitPrice(), NUMBER);
            cells.money(row, 5, service.amount(), NUMBER);
            if (!service.priced()) {
                cells.text(row, 6, labels.get("flag.unpriced"), FLAG);
            }
        }
        return r;
    }

    /** The estimate lines and their total; returns the total's row. */
    private int estimate(Sheet sheet, int r, Estimate estimate) {
        cells.text(sheet.createRow(r++), 0, labels.get("section.estimate"), SECTION);
        cells.header(
                sheet.createRow(r++),
                labels.get("col.kind"),
                labels.get("col.concept"),
                labels.get("col.key"),
                labels.get("col.quantity"),
                labels.get("col.unitPrice"),
                labels.get("col.amount"),
                labels.get("col.note"));
        for (EstimateLine line : estimate.lines()) {
            Row row = sheet.createRow(r++);
            boolean seat = line.seat();
            cells.text(row, 0, labels.getOrDefault("kind." + line.kind(), "kind.other"), TEXT);
            cells.text(row, 1, seat ? line.key() : labels.service(line.key()), TEXT);
            cells.text(row, 2, line.key(), TEXT);
            cells.count(row, 3, line.quantity(), NUMBER);
            cells.money(row, 4, line.unitPrice(), NUMBER);
            cells.money(row, 5, line.amount(), NUMBER);
            if (!line.priced()) {
                cells.text(row, 6, labels.get("flag.unpriced"), FLAG);
            }
        }
        Row total = sheet.createRow(r);
        cells.text(total, 0, labels.format("total.estimate", estimate.currency()), TOTAL);
        for (int c = 1; c < 5; c++) {
            cells.text(total, c, null, TOTAL);
        }
        cells.money(total, 5, estimate.total(), TOTAL);
        return r;
    }

    private Row field(Sheet sheet, int r, String labelKey, Object... arguments) {
        Row row = sheet.createRow(r);
        cells.text(row, 0, arguments.length == 0 ? labels.get(labelKey) : labels.format(labelKey, arguments), LABEL);
        return row;
    }

    private Row wide(Sheet sheet, int r, String text, String style) {
        Row row = sheet.createRow(r);
        cells.text(row, 0, text, style);
        for (int c = 1; c <= LAST_COLUMN; c++) {
            cells.text(row, c, null, style);
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, LAST_COLUMN));
        return row;
    }
}
