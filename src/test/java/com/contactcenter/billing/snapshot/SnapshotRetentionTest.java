package com.contactcenter.billing.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.report.ReportService;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.usage.GroupBy;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Retention on the warehouse, with the clock at 14:30 on 2026-11-29 in Bogota: 60 versions of
 * today's key (v30 from the nightly refresh, the others intraday) and 60 intraday versions of
 * yesterday's. Every version holds the same export document (a real one, so it can be rendered).
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_retention;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=2026-11-29T19:30:05Z",
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:retention_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Bogota",
            "logging.level.com.contactcenter.billing=ERROR"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class SnapshotRetentionTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-29");
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);

    @Autowired
    JdbcTemplate warehouse;

    @Autowired
    SnapshotRetention retention;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    ReportService reports;

    @TempDir
    Path out;

    @BeforeEach
    void sixtyVersionsOfTodayAndOfYesterday() throws Exception {
        SourceDatabases.loadH2("retention_src", EdgeTenantFixture.SQL);
        String document;
        try (InputStream in = getClass().getResourceAsStream("/report/excel/demo-2026-11-by-month.json")) {
            document = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        warehouse.update("DELETE FROM snapshot_report");
        warehouse.update("DELETE FROM snapshot");
        for (LocalDate day : List.of(TODAY, YESTERDAY)) {
            for (int v = 1; v <= 60; v++) {
                Instant computed = Instant.parse("2026-11-28T11:00:00Z").plusSeconds(600L * v);
                warehouse.update(
                        "INSERT INTO snapshot (id, source, period_from, period_to, group_by, version, as_of,"
                                + " sync_run_ids, computed_at, content_hash, document, origin)"
                                + " VALUES (?, 'edge', ?, ?, 'month', ?, ?, '1', ?, ?, ?, ?)",
                        day + "-v" + v,
                        day,
                        day,
                        v,
                        Utc.of(computed),
                        Utc.of(computed),
                        "hash" + v,
                        document,
                        day.equals(TODAY) && v == 30 ? "standard" : "intraday");
            }
        }
    }

    private List<Integer> kept(LocalDate day) {
        return warehouse.queryForList(
                "SELECT version FROM snapshot WHERE source = 'edge' AND period_from = ?"
                        + " AND period_to = ? ORDER BY version",
                Integer.class,
                day,
                day);
    }

    private Snapshot version(int v) {
        return snapshots.version("edge", TODAY, TODAY, GroupBy.MONTH, v).orElseThrow();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void pruningKeepsTheNewest48IntradayVersionsOfTodayTheNightlyOneAndTheReportedOnes() {
        // given v5 was rendered as a report
        reports.render(version(5), List.of(ReportService.Format.XLSX), out);

        // when
        int deleted = retention.prune("edge");

        // then today's key keeps v5, and v12..v60 (48 intraday + the nightly v30); yesterday's keeps all 60
        List<Integer> expected = new ArrayList<>(List.of(5));
        expected.addAll(range(12, 60));
        assertThat(kept(TODAY)).isEqualTo(expected);
        assertThat(kept(YESTERDAY)).isEqualTo(range(1, 60));
        assertThat(deleted).isEqualTo(10);
        // and pruning again deletes nothing
        assertThat(retention.prune("edge")).isZero();
    }

    @Test
    void aReportAfterPruningComparesWithThePreviousVersionStillKept() throws Exception {
        // given versions 6..11 were pruned (v5 is kept: a report was rendered from it)
        snapshots.markReported(version(5));
        retention.prune("edge");

        // when v12 is rendered
        ReportService.Rendered rendered = reports.render(version(12), List.of(ReportService.Format.XLSX), out);

        // then its Cambios sheet compares it with v5, and v12 is now kept for good
        assertThat(snapshots.previous(version(12)).map(Snapshot::version)).contains(5);
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(Files.newInputStream(rendered.files().get(0)))) {
            assertThat(workbook.getSheet("Cambios").getRow(1).getCell(0).getStringCellValue())
                    .startsWith("Versión 12 (calculada 2026-11-28T13:00:00Z UTC) comparada con la versión 5");
        }
        assertThat(warehouse.queryForObject(
                        "SELECT COUNT(*) FROM snapshot_report WHERE snapshot_id = ?", Integer.class, TODAY + "-v12"))
                .isEqualTo(1);
    }
}
