package com.contactcenter.billing.warehouse;

import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_FIRST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_LAST;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static com.contactcenter.billing.support.ExportJson.elements;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.report.ReportService;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A source whose users.full_name and channels.name are TEXT, holding a 10,000-character name (accents,
 * Cyrillic, CJK, emoji) and a 2,000-character channel name: every sync completes, the warehouse
 * keeps both whole, and they come out whole in the JSON export and the workbook; the PDF renders
 * them (wrapped, CJK drawn as '□', its fonts having no glyph for it). The warehouse and the source
 * are a subclass's: MariaDB ({@link SourceTextMariaDbIT}) and H2 ({@link SourceTextTest}).
 */
abstract class SourceTextChecks {

    static final String SOURCE = "long-text";
    /** 20 characters, of two, three and four bytes in utf8mb4 (the emoji). */
    private static final String UNIT = "Ñandú Zoë Жук¿? 😀漢字 ";
    /** What the PDF draws of one unit: its fonts have no CJK characters. */
    private static final String UNIT_IN_PDF = "Ñandú Zoë Жук¿? 😀□□ ";

    static final String NAME = UNIT.repeat(500);
    static final String CHANNEL = "WhatsApp Ventas ñ😀 ".repeat(100);

    @Autowired
    JobRunner sync;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcTemplate warehouse;

    @TempDir
    Path dir;

    @Test
    void aNameLongerThanTheContractsWidthIsKeptWholeSyncAfterSyncAndInEveryOutput() throws Exception {
        // given the name is 10,000 characters as the database counts them
        assertThat(NAME.codePointCount(0, NAME.length())).isEqualTo(10_000);

        // when the source is synced twice
        SyncWindow window = new SyncWindow(SYNC_FROM, SYNC_TO);
        SyncOutcome first = sync.sync(List.of(SOURCE), window, Requester.cli());
        SyncOutcome second = sync.sync(List.of(SOURCE), window, Requester.cli());

        // then both runs completed, and the warehouse holds both texts whole
        assertThat(first.succeeded()).as(first.failureSummary()).isTrue();
        assertThat(second.succeeded()).as(second.failureSummary()).isTrue();
        assertThat(warehouse.queryForList(
                        "SELECT status FROM sync_run WHERE source = ? ORDER BY id", String.class, SOURCE))
                .containsExactly("COMPLETED", "COMPLETED");
        String stored = warehouse.queryForObject(
                "SELECT full_name FROM wh_user WHERE source = ? AND id = 11", String.class, SOURCE);
        assertThat(stored.codePointCount(0, stored.length())).isEqualTo(10_000);
        assertThat(stored).isEqualTo(NAME);
        assertThat(warehouse.queryForObject(
                        "SELECT name FROM wh_channel WHERE source = ? AND id = 1", String.class, SOURCE))
                .isEqualTo(CHANNEL);

        // and the export has them exactly as stored
        Snapshot snapshot = snapshots.compute(SOURCE, OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);
        JsonNode doc = SnapshotService.json(snapshot);
        assertThat(elements(doc.get("users")).stream()
                        .filter(u -> u.get("id").asLong() == 11)
                        .map(u -> u.get("name").asString())
                        .toList())
                .containsExactly(NAME);
        assertThat(elements(doc.get("whatsapp")).stream()
                        .filter(c -> c.get("channelId").asLong() == 1)
                        .map(c -> c.get("channel").asString())
                        .toList())
                .containsExactly(CHANNEL);

        // and so does the workbook, read back cell by cell
        List<Path> files = reports.render(snapshot, List.of(ReportService.Format.XLSX, ReportService.Format.PDF), dir)
                .files();
        List<String> cells = texts(files.get(0));
        assertThat(cells).contains(NAME, CHANNEL);

        // and the PDF renders it, whole: the cell wraps it over lines and pages, so each page holds a part
        String pdf = pdfText(files.get(1));
        assertThat(pdf).contains("11" + withoutBlanks(UNIT_IN_PDF.repeat(20)));
        assertThat(count(pdf, withoutBlanks(UNIT_IN_PDF))).isGreaterThanOrEqualTo(450);
    }

    private static List<String> texts(Path xlsx) throws Exception {
        List<String> texts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        return texts;
    }

    /** Every page's text with every blank and line break taken out. */
    private static String pdfText(Path pdf) throws Exception {
        try (PdfReader reader = new PdfReader(Files.readAllBytes(pdf))) {
            assertThat(reader.getNumberOfPages()).isPositive();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page));
            }
            return withoutBlanks(text.toString());
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static String withoutBlanks(String text) {
        return text.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
