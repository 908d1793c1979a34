package com.contactcenter.billing.report.excel;

import static com.contactcenter.billing.report.excel.Styles.NUMBER;
import static com.contactcenter.billing.report.excel.Styles.TEXT;
import static com.contactcenter.billing.report.excel.Styles.TOTAL;

import com.contactcenter.billing.report.Freshness;
import com.contactcenter.billing.snapshot.SnapshotUser;
import java.time.ZoneId;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * Sheet Usuarios: one row per billable user, in the order of {@link com.contactcenter.billing.report.UserOrder}
 * (the caller sorts), the last login in the tenant's zone. The band, a totals row and the header are written
 * into the template before streaming starts; the user rows are streamed below them, so the
 * sheet's size does not depend on the heap.
 */
final class UsersSheet {

    static final int TOTALS_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int FIRST_USER_ROW = 3;
    static final int LAST_COLUMN = 9;
    /** Columns E..I: the per-user figures that add up. */
    static final int FIRST_FIGURE = 4;

    private static final List<ToLongFunction<SnapshotUser>> FIGURES = List.of(
            SnapshotUser::channels,
            SnapshotUser::sessions,
            SnapshotUser::messagesSent,
            SnapshotUser::calls,
            SnapshotUser::callMinutes);

    private final Cells cells;
    private final Labels labels;
    private final String timeZone;
    private final ZoneId zone;

    /** {@code timeZone}: the tenant's, the last logins' wall-clock time (UTC when Java does not know it). */
    UsersSheet(Cells cells, Labels labels, String timeZone) {
        this.cells = cells;
        this.labels = labels;
        this.zone = Freshness.zone(timeZone);
        this.timeZone = zone.getId();
    }

    /** Everything above the user rows, on the template sheet (before streaming). */
    void prepare(Sheet sheet, List<SnapshotUser> users) {
        Cells.clearBelowBand(sheet);
        Cells.band(sheet, labels.get("users.title"));
        int lastUserRow = FIRST_USER_ROW + Math.max(users.size(), 1) - 1;

        // SUBTOTAL(109, ...) adds only the rows a filter leaves visible; its value is cached here
        // so that readers who do not recalculate see the totals too.
        Row totals = sheet.createRow(TOTALS_ROW);
        cells.text(totals, 0, labels.get("users.totals"), TOTAL);
        for (int c = 1; c < FIRST_FIGURE; c++) {
            cells.text(totals, c, null, TOTAL);
        }
        for (int i = 0; i < FIGURES.size(); i++) {
            int column = FIRST_FIGURE + i;
            String letter = CellReference.convertNumToColString(column);
            ToLongFunction<SnapshotUser> figure = FIGURES.get(i);
            cells.countFormula(
                    totals,
                    column,
                    "SUBTOTAL(109," + letter + (FIRST_USER_ROW + 1) + ":" + letter + (lastUserRow + 1) + ")",
                    users.stream().mapToLong(figure).sum(),
                    TOTAL);
        }
        cells.text(totals, LAST_COLUMN, null, TOTAL);

        cells.header(
                sheet.createRow(HEADER_ROW),
                labels.get("col.id"),
                labels.get("col.name"),
                labels.get("col.email"),
                labels.get("col.role"),
                labels.get("col.channels"),
                labels.get("col.sessions"),
                labels.get("col.messagesSent"),
                labels.get("col.calls"),
                labels.get("col.callMinutes"),
                labels.format("col.lastLogin", timeZone));
        sheet.createFreezePane(0, FIRST_USER_ROW);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, FIRST_USER_ROW + users.size() - 1, 0, LAST_COLUMN));
    }

    /** The user rows, on the streaming sheet. */
    void stream(Sheet sheet, List<SnapshotUser> users) {
        int r = FIRST_USER_ROW;
        for (SnapshotUser user : users) {
            Row row = sheet.createRow(r++);
            cells.id(row, 0, user.id(), NUMBER);
            cells.text(row, 1, user.name(), TEXT);
            cells.text(row, 2, user.email(), TEXT);
            cells.text(row, 3, user.role(), TEXT);
            for (int i = 0; i < FIGURES.size(); i++) {
                cells.count(row, FIRST_FIGURE + i, FIGURES.get(i).applyAsLong(user), NUMBER);
            }
            cells.local(row, LAST_COLUMN, user.lastLoginAt(), zone, NUMBER);
        }
    }
}
