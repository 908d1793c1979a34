package com.contactcenter.billing.report.excel;

import static com.contactcenter.billing.report.excel.Styles.NOTE;
import static com.contactcenter.billing.report.excel.Styles.NUMBER;
import static com.contactcenter.billing.report.excel.Styles.TEXT;

import com.contactcenter.billing.snapshot.SnapshotDiff;
import java.math.BigDecimal;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Sheet Cambios: every figure of the previous snapshot version next to this one's. Without a
 * previous version the sheet stays, saying so, so that the workbook always has the same sheets.
 */
final class ChangesSheet {

    static final int NOTE_ROW = 1;
    static final int HEADER_ROW = 2;

    private final Cells cells;
    private final Labels labels;

    ChangesSheet(Cells cells, Labels labels) {
        this.cells = cells;
        this.labels = labels;
    }

    void fill(Sheet sheet, Optional<SnapshotDiff> changes) {
        Cells.clearBelowBand(sheet);
        Cells.band(sheet, labels.get("changes.title"));
        if (changes.isEmpty()) {
            cells.text(sheet.createRow(NOTE_ROW), 0, labels.get("changes.none"), NOTE);
            return;
        }
        SnapshotDiff diff = changes.get();
        cells.text(
                sheet.createRow(NOTE_ROW),
                0,
                labels.format(
                        "changes.compared",
                        diff.newer().version(),
                        diff.newer().computedAt().toString(),
                        diff.older().version(),
                        diff.older().computedAt().toString()),
                NOTE);
        cells.header(
                sheet.createRow(HEADER_ROW),
                labels.get("col.section"),
                labels.get("col.key"),
                labels.get("col.measure"),
                labels.get("col.old"),
                labels.get("col.new"),
                labels.get("col.difference"),
                labels.get("col.changed"));
        int r = HEADER_ROW + 1;
        for (SnapshotDiff.Line line : diff.lines()) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, labels.getOrDefault("diff.section." + line.section(), "diff.other"), TEXT);
            cells.text(row, 1, line.key(), TEXT);
            cells.text(row, 2, labels.getOrDefault("diff.measure." + line.measure(), "diff.other"), TEXT);
            boolean money = line.measure().equals("amount");
            figure(row, 3, line.oldValue(), money);
            figure(row, 4, line.newValue(), money);
            figure(row, 5, line.difference(), money);
            cells.text(row, 6, labels.get(line.changed() ? "yes" : "no"), TEXT);
        }
        int planRow = r + 1;
        diff.planChange()
                .ifPresent(change -> cells.text(
                        sheet.createRow(planRow),
                        0,
                        change.planChanged()
                                ? labels.format(
                                        "changes.plan",
                                        change.older().plan(),
                                        change.newer().plan())
                                : labels.format("changes.prices", change.newer().plan()),
                        NOTE));
    }

    private void figure(Row row, int column, BigDecimal value, boolean money) {
        if (!money && value.stripTrailingZeros().scale() <= 0) {
            cells.count(row, column, value.longValue(), NUMBER);
        } else {
            cells.money(row, column, value, NUMBER);
        }
    }
}
