package com.contactcenter.billing.report.excel;

import static com.contactcenter.billing.report.excel.Styles.NOTE;
import static com.contactcenter.billing.report.excel.Styles.NUMBER;
import static com.contactcenter.billing.report.excel.Styles.TEXT;

import com.contactcenter.billing.snapshot.SnapshotFigures.Finding;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Sheet Calidad de datos: what was left out of the figures, per reason, with what the reason means. */
final class DataQualitySheet {

    static final int HEADER_ROW = 1;

    private final Cells cells;
    private final Labels labels;

    DataQualitySheet(Cells cells, Labels labels) {
        this.cells = cells;
        this.labels = labels;
    }

    void fill(Sheet sheet, List<Finding> findings) {
        Cells.clearBelowBand(sheet);
        Cells.band(sheet, labels.get("quality.title"));
        cells.header(
                sheet.createRow(HEADER_ROW),
                labels.get("col.reason"),
                labels.get("col.explanation"),
                labels.get("col.findings"));
        int r = HEADER_ROW + 1;
        for (Finding finding : findings) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, finding.reason(), TEXT);
            cells.text(row, 1, labels.getOrDefault("reason." + finding.reason(), "reason.other"), TEXT);
            cells.count(row, 2, finding.count(), NUMBER);
        }
        if (findings.isEmpty()) {
            cells.text(sheet.createRow(r), 0, labels.get("quality.none"), NOTE);
        }
    }
}
