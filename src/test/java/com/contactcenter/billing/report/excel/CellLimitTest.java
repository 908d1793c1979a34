package com.contactcenter.billing.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.snapshot.SnapshotUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A workbook cell holds at most 32,767 characters: a longer source text (a TEXT column allows far
 * more) is cut where it fits, never inside a character, and ends with a note saying how long it was;
 * a text of exactly the limit stays whole. The report never fails on it.
 */
class CellLimitTest {

    /** 9 UTF-16 units, 8 characters: the emoji takes two units. */
    private static final String UNIT = "Ñandú 😀 ";

    private static List<String> usersSheetTexts(ReportData data, Locale locale) throws Exception {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook workbook = Workbooks.written(data, locale)) {
            for (Row row : workbook.getSheet(Template.USERS)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        texts.add(cell.getStringCellValue());
                    }
                }
            }
        }
        return texts;
    }

    private static ReportData withNames(String... names) {
        ReportData base = ReportFixtures.report(ReportFixtures.DEMO_BY_MONTH);
        List<SnapshotUser> users = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            users.add(new SnapshotUser(
                    i + 1, names[i], "u" + (i + 1) + "@tenant.example", "Agente", 1, 2, 3, 4, 5, null));
        }
        return new ReportData(base.figures(), users, base.changes());
    }

    @Test
    void aTextLongerThanACellHoldsIsCutWhereItFitsWithANoteAndOneOfExactlyTheLimitStaysWhole() throws Exception {
        String longName = UNIT.repeat(5_000); // 45,000 units, 40,000 characters
        String exactlyTheLimit = "x".repeat(32_767);

        List<String> texts = usersSheetTexts(withNames(longName, exactlyTheLimit), Locale.forLanguageTag("es"));

        String note = "… [recortado: 40.000 caracteres, más de los que caben en una celda; el JSON lo tiene completo]";
        // 32,767 minus the note's 94 units is 32,673 = 3,630 units of 9 and 3 more ("Ñan"): no emoji is split
        assertThat(note.length()).isEqualTo(94);
        String expected = UNIT.repeat(3_630) + "Ñan" + note;
        assertThat(expected.length()).isEqualTo(32_767);
        assertThat(texts).contains(expected, exactlyTheLimit);
    }

    @Test
    void theCutNeverSplitsAnEmojiInTwo() throws Exception {
        // the cut would fall between the two units of an emoji: it goes one unit earlier
        String note = "… [cut: 40,001 characters, more than a cell holds; the JSON has it whole]";
        int fits = 32_767 - note.length();
        String name = "a".repeat(fits - 1) + "😀" + "b".repeat(40_001 - fits);
        assertThat(name.codePointCount(0, name.length())).isEqualTo(40_001);

        List<String> texts = usersSheetTexts(withNames(name), Locale.ENGLISH);

        assertThat(texts).contains("a".repeat(fits - 1) + note);
    }
}
