package com.contactcenter.billing.report.excel;

import static com.contactcenter.billing.report.excel.Styles.NOTE;
import static com.contactcenter.billing.report.excel.Styles.NUMBER;
import static com.contactcenter.billing.report.excel.Styles.TEXT;
import static com.contactcenter.billing.report.excel.Styles.TOTAL;

import com.contactcenter.billing.snapshot.ChangeBreakdown;
import com.contactcenter.billing.snapshot.ChangeWording;
import com.contactcenter.billing.snapshot.SnapshotDiff;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Sheet Cambios: why the estimate moved since the previous snapshot version, as labelled parts
 * (part, item, before, after, amount, detail), each in its own cell, that add up to the total's
 * difference; then that sum and the totals. Without a previous version the sheet stays, saying so,
 * so that the workbook always has the same sheets.
 */
final class ChangesSheet {

    static final int NOTE_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int PART = 0;
    static final int CONCEPT = 1;
    static final int BEFORE = 2;
    static final int AFTER = 3;
    static final int AMOUNT = 4;
    static final int DETAIL = 5;
    /** Column widths in characters: wide enough that no two cells read as one. */
    private static final int[] WIDTHS = {30, 28, 18, 18, 18, 90};

    private final Cells cells;
    private final Labels labels;

    ChangesSheet(Cells cells, Labels labels) {
        this.cells = cells;
        this.labels = labels;
    }

    void fill(Sheet sheet, Optional<SnapshotDiff> changes, Optional<ChangeBreakdown> breakdown) {
        Cells.clearBelowBand(sheet);
        Cells.band(sheet, labels.get("changes.title"));
        if (changes.isEmpty() || breakdown.isEmpty()) {
            cells.text(sheet.createRow(NOTE_ROW), 0, labels.get("changes.none"), NOTE);
            return;
        }
        SnapshotDiff diff = changes.get();
        ChangeBreakdown b = breakdown.get();
        ChangeWording words = ChangeWording.forLocale(labels.textLocale());
        for (int c = 0; c < WIDTHS.length; c++) {
            sheet.setColumnWidth(c, WIDTHS[c] * 256);
        }
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
                words.text("diff.header.part"),
                words.text("diff.header.concept"),
                words.text("diff.header.before"),
                words.text("diff.header.after"),
                words.text("diff.header.amount"),
                words.text("diff.header.detail"));
        int r = HEADER_ROW + 1;
        if (!b.comparable()) {
            cells.text(sheet.createRow(r), 0, words.text("diff.notComparable", b.oldCurrency(), b.currency()), NOTE);
            return;
        }
        for (ChangeBreakdown.Part part : b.parts()) {
            Row row = sheet.createRow(r++);
            cells.text(row, PART, words.kind(part), TEXT);
            cells.text(row, CONCEPT, words.concept(part), TEXT);
            switch (part.kind()) {
                case SEAT_PRICE, SERVICE_PRICE -> {
                    cells.money(
                            row,
                            BEFORE,
                            part.oldPrice(),
                            NUMBER,
                            Math.max(b.scale(), part.oldPrice().scale()));
                    cells.money(
                            row,
                            AFTER,
                            part.newPrice(),
                            NUMBER,
                            Math.max(b.scale(), part.newPrice().scale()));
                }
                case ROUNDING -> {
                    // no quantity or price: the rounding of the other parts
                }
                default -> {
                    cells.count(row, BEFORE, part.oldQuantity(), NUMBER);
                    cells.count(row, AFTER, part.newQuantity(), NUMBER);
                }
            }
            cells.money(row, AMOUNT, part.amount(), NUMBER, b.scale());
            cells.text(row, DETAIL, words.detail(part, b.scale()), TEXT);
        }
        if (b.parts().isEmpty()) {
            cells.text(sheet.createRow(r++), PART, words.text("diff.none"), NOTE);
        }
        Row sum = sheet.createRow(r++);
        cells.text(sum, PART, words.text("diff.row.sum"), TOTAL);
        cells.money(sum, AMOUNT, b.sum(), TOTAL, b.scale());
        Row total = sheet.createRow(r++);
        cells.text(total, PART, words.text("diff.row.total"), TOTAL);
        cells.money(total, BEFORE, b.oldTotal(), TOTAL, b.scale());
        cells.money(total, AFTER, b.newTotal(), TOTAL, b.scale());
        cells.money(total, AMOUNT, b.difference(), TOTAL, b.scale());
        cells.text(sheet.createRow(++r), 0, words.text("diff.order"), NOTE);
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
}
