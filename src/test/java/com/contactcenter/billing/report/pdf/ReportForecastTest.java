package com.contactcenter.billing.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.report.ReportService;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.support.SteadyTenant;
import com.contactcenter.billing.support.WeeklyTenant;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The forecast block of a snapshot whose period ends after its as-of, as the JSON export, the
 * workbook's Resumen and the PDF's first page show it, and the headline's like-for-like change,
 * on the tenant of {@code web/ForecastApiTest} (its figures worked out by hand there): the clock at
 * Sunday 2026-11-15 12:00 in Bogota, eight weeks of history with a weekly rhythm, three agents at
 * 80,000 COP a month, SMS at 50, WhatsApp at 120.
 */
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class ReportForecastTest {

    private static final String STEADY = "steady";
    private static final LocalDate TODAY = DashboardFixture.TODAY;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(
                registry, "wh_report_forecast", new String[] {"ada", "admin", "report-forecast-pw-1", "*"});
        registry.add("billing.sources[2].name", () -> STEADY);
        registry.add("billing.sources[2].url", () -> SourceDatabases.h2Url("report_forecast_src"));
        registry.add("billing.sources[2].username", () -> "sa");
        registry.add("billing.sources[2].time-zone", () -> "America/Bogota");
    }

    private static boolean synced;

    @Autowired
    JobRunner jobs;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    ReportService reports;

    @TempDir
    Path out;

    @BeforeEach
    void syncOnce() {
        if (synced) {
            return;
        }
        WeeklyTenant tenant = SteadyTenant.upTo(TODAY).messages(1, Instant.parse("2026-11-15T20:00:00Z"), 1);
        SourceDatabases.loadH2Script("report_forecast_src", tenant.sql(3));
        SyncOutcome outcome =
                jobs.sync(List.of(STEADY), new SyncWindow(LocalDate.parse("2026-09-20"), TODAY), Requester.cli());
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        synced = true;
    }

    private Snapshot november() {
        return snapshots.compute(STEADY, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), GroupBy.MONTH);
    }

    @Test
    void theExportOfAnOpenPeriodCarriesItsForecastToThePeriodsEnd() {
        // when
        Snapshot snapshot = november();
        JsonNode forecast = SnapshotService.json(snapshot).get("forecast");

        // then the figures web/ForecastApiTest works out by hand, as of the snapshot's as-of
        assertThat(snapshot.asOf()).isEqualTo(Instant.parse(DashboardFixture.NOW));
        assertThat(forecast.get("periodEnd").asString()).isEqualTo("2026-11-30");
        assertThat(forecast.get("endUtc").asString()).isEqualTo("2026-12-01T05:00:00Z");
        assertThat(forecast.get("method").asString()).isEqualTo("weekday-trend");
        assertThat(forecast.get("daysOfHistory").asInt()).isEqualTo(56);
        assertThat(forecast.get("daysToCome").asDouble()).isEqualTo(15.5);
        List<String> services = new ArrayList<>();
        for (JsonNode s : forecast.get("services")) {
            services.add(s.get("key").asString() + " " + s.get("soFar").asLong() + " "
                    + s.get("point").asLong() + " " + s.get("low").asLong() + " "
                    + s.get("high").asLong());
        }
        assertThat(services)
                .containsExactly(
                        "sms_out 113 236 236 236",
                        "email_out 0 0 0 0",
                        "whatsapp_out 52 109 103 115",
                        "whatsapp_in 0 0 0 0",
                        "voice_minutes 0 0 0 0",
                        "video_minutes 0 0 0 0",
                        "bot_sessions 0 0 0 0");
        // 240,000 seats + 236 x 50 + 109 x 120 (103 x 120, 115 x 120)
        assertThat(forecast.at("/total/point").asString()).isEqualTo("264880.00");
        assertThat(forecast.at("/total/low").asString()).isEqualTo("264160.00");
        assertThat(forecast.at("/total/high").asString()).isEqualTo("265600.00");
        // and computing again with nothing re-synced keeps the version: the forecast is part of its content
        assertThat(november().id()).isEqualTo(snapshot.id());
    }

    @Test
    void aClosedPeriodHasNoForecastBlock() {
        // when
        Snapshot october =
                snapshots.compute(STEADY, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), GroupBy.MONTH);

        // then
        assertThat(SnapshotService.json(october).has("forecast")).isFalse();
    }

    @Test
    void theWorkbookAndThePdfShowTheSameForecastAndTheLikeForLikeChange() throws IOException {
        // when
        ReportService.Rendered rendered =
                reports.render(november(), List.of(ReportService.Format.XLSX, ReportService.Format.PDF), out);

        // then the workbook's headline: the total so far, the change against Oct 1-15 and the forecast
        // Nov 1-15 (from the warehouse): seats 240,000 x 15/30 = 120,000; SMS 113 x 50 = 5,650; WhatsApp
        // 52 x 120 = 6,240: 131,890.00. Oct 1-15: seats 240,000 x 15/31 = 116,129.03; SMS 11 weekdays
        // 110 + 2 Saturdays 8 + 2 Sundays 4 = 122 x 50 = 6,100; WhatsApp 9 days Tue-Fri 45 + 2 Saturdays 2
        // + Mondays Oct 5 (7) and Oct 12 (3) = 57 x 120 = 6,840: 129,069.03. Change 2,820.97 / 129,069.03
        // = +2.19 %, +2.2 % to one decimal.
        try (InputStream in = Files.newInputStream(rendered.files().get(0));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet summary = workbook.getSheet("Resumen");
            Row change = summary.getRow(5);
            assertThat(change.getCell(0).getStringCellValue()).isEqualTo("Cambio frente al periodo comparable");
            assertThat(change.getCell(1).getNumericCellValue()).isEqualTo(0.022);
            assertThat(change.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("+0.0%;-0.0%;0.0%");
            assertThat(change.getCell(2).getStringCellValue())
                    .isEqualTo("1–15 nov. hasta 12:00 frente a 1–15 oct. (días completos)");
            assertThat(change.getCell(6).getNumericCellValue()).isEqualTo(129069.03);
            Row forecast = summary.getRow(6);
            assertThat(forecast.getCell(0).getStringCellValue()).isEqualTo("Proyección al cierre (30/11/2026)");
            assertThat(forecast.getCell(1).getNumericCellValue()).isEqualTo(264880.00);
            assertThat(forecast.getCell(2).getStringCellValue()).isEqualTo("Rango 80 %");
            assertThat(forecast.getCell(3).getNumericCellValue()).isEqualTo(264160.00);
            assertThat(forecast.getCell(4).getNumericCellValue()).isEqualTo(265600.00);
            assertThat(forecast.getCell(6).getStringCellValue()).isEqualTo("Por día de la semana y tendencia");
        }
        String first = PdfReports.pages(Files.readAllBytes(rendered.files().get(1)))
                .get(0)
                .replaceAll("\\s+", " ")
                .replace('\u00a0', ' ');
        assertThat(first)
                .contains("Cambio frente al periodo comparable +2,2 % (1–15 nov. hasta 12:00 frente a 1–15 oct."
                        + " (días completos); periodo comparable: $ 129.069,03)")
                .contains("Proyección al cierre (30/11/2026) $ 264.880,00 (rango 80 %: $ 264.160,00 a $ 265.600,00)")
                .doesNotContain("Pocos días de historia");
    }
}
