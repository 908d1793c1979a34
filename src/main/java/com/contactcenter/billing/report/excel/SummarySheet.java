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
import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.Estimate;
import com.contactcenter.billing.snapshot.SnapshotFigures.EstimateLine;
import com.contactcenter.billing.snapshot.SnapshotFigures.PeriodBounds;
import com.contactcenter.billing.snapshot.SnapshotFigures.PricedService;
import com.contactcenter.billing.snapshot.SnapshotFigures.Version;
import com.contactcenter.billing.usage.UsageReport.RoleUsers;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Sheet Resumen: the estimate disclaimer, how fresh the figures are, what the figures are
 * (tenant, period, snapshot), users by role, the services and the estimate lines with their total.
 */
final class SummarySheet {

    /** Columns A..G; the tables share them so that quantities, prices and amounts line up. */
    static final int LAST_COLUMN = 6;
    /** "Datos sincronizados hasta 29/11/2026 14:30 (America/Bogota)", under the disclaimer. */
    static final int FRESHNESS_ROW = 3;

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

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
        Cells.clearBelowBand(sheet);
        wide(sheet, 1, labels.get("disclaimer.title"), DISCLAIMER);
        Row sentence =
                wide(sheet, 2, labels.format("disclaimer.text", version.asOf().toString()), NOTE);
        sentence.setHeightInPoints(2 * sheet.getDefaultRowHeightInPoints() + 4);
        wide(sheet, FRESHNESS_ROW, Freshness.withZone(version.asOf(), figures.timeZone(), labels.textLocale()), NOTE);

        int r = 4;
        cells.text(sheet.createRow(r++), 0, labels.get("section.report"), SECTION);
        cells.text(field(sheet, r++, "field.tenant"), 1, figures.source(), TEXT);
        cells.text(field(sheet, r++, "field.timeZone"), 1, figures.timeZone(), TEXT);
        cells.date(field(sheet, r++, "field.from"), 1, period.from(), NUMBER);
        cells.date(field(sheet, r++, "field.to"), 1, period.to(), NUMBER);
        cells.text(field(sheet, r++, "field.periodLocal"), 1, localPeriod(period, figures.timeZone()), TEXT);
        cells.text(
                field(sheet, r++, "field.periodUtc"), 1, "[" + period.startUtc() + ", " + period.endUtc() + ")", TEXT);
        cells.instant(field(sheet, r++, "field.startUtc"), 1, period.startUtc(), NUMBER);
        cells.instant(field(sheet, r++, "field.endUtc"), 1, period.endUtc(), NUMBER);
        cells.text(
                field(sheet, r++, "field.groupBy"),
                1,
                labels.getOrDefault("groupBy." + figures.groupBy(), "groupBy.other"),
                TEXT);
        cells.instant(field(sheet, r++, "field.asOf"), 1, version.asOf(), NUMBER);
        cells.instant(field(sheet, r++, "field.computedAt"), 1, version.computedAt(), NUMBER);
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
        estimate(sheet, r + 1, figures.estimate());
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

    private void estimate(Sheet sheet, int r, Estimate estimate) {
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
    }

    private Row field(Sheet sheet, int r, String labelKey) {
        Row row = sheet.createRow(r);
        cells.text(row, 0, labels.get(labelKey), LABEL);
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

    /** {@code [from 00:00, (to + 1) 00:00)} in the tenant's zone, read off the UTC instants (DST-safe). */
    private static String localPeriod(PeriodBounds period, String timeZone) {
        try {
            ZoneId zone = ZoneId.of(timeZone);
            return "[" + local(period.startUtc(), zone) + ", " + local(period.endUtc(), zone) + ") " + zone.getId();
        } catch (DateTimeException e) {
            return "[" + period.from() + ", " + period.to().plusDays(1) + ")";
        }
    }

    private static String local(Instant instant, ZoneId zone) {
        return LOCAL_TIME.format(instant.atZone(zone));
    }
}
