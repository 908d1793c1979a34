package com.contactcenter.billing.report.excel;

import static com.contactcenter.billing.report.excel.ReportFixtures.DEMO_BY_MONTH;
import static com.contactcenter.billing.report.excel.Workbooks.number;
import static com.contactcenter.billing.report.excel.Workbooks.rowStartingWith;
import static com.contactcenter.billing.report.excel.Workbooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.report.HeadlineChange;
import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.snapshot.SnapshotUser;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Resumen's headline read back cell by cell, on the demo export of November 2026 (as of
 * 2026-11-25 15:39 in Bogota): seat lines 22,780,000.00 and service lines 30,762,532.50 COP, total
 * 53,542,532.50; the Resumen printing on one page; headers repeating; users in collation order.
 */
class ExcelHeadlineTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es-CO");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LABEL = "1–25 nov. hasta 15:39 frente a 1–25 oct. (días completos)";

    /** The demo export with a forecast block of a short history, as a snapshot of an open period has. */
    static ReportData withShortHistoryForecast() {
        ObjectNode doc = (ObjectNode) JSON.readTree(ReportFixtures.document(DEMO_BY_MONTH));
        ObjectNode forecast = doc.putObject("forecast");
        forecast.put("periodEnd", "2026-11-30");
        forecast.put("endUtc", "2026-12-01T05:00:00Z");
        forecast.put("method", "short-history");
        forecast.put("daysOfHistory", 9);
        forecast.put("daysToCome", 5.35);
        ArrayNode services = forecast.putArray("services");
        ObjectNode sms = services.addObject();
        sms.put("key", "sms_out");
        sms.put("soFar", 33802);
        sms.put("point", 40560);
        sms.put("low", 37181);
        sms.put("high", 43939);
        ObjectNode total = forecast.putObject("total");
        total.put("point", "61200000.00");
        total.put("low", "58900000.00");
        total.put("high", "63800000.00");
        return ReportData.of(ReportFixtures.snapshot(JSON.writeValueAsString(doc)), Optional.empty());
    }

    @Test
    void theHeadlineGivesTheTotalSeatsServicesChangeAndForecastAtTheTop() throws IOException {
        // given: against 50,000,000.00 for Oct 1-25, +3,542,532.50 is +7.085 %, +7.1 % to one decimal
        ReportData data = withShortHistoryForecast()
                .withChange(Optional.of(
                        new HeadlineChange(LABEL, new BigDecimal("53542532.50"), new BigDecimal("50000000.00"))));

        // when
        try (XSSFWorkbook workbook = Workbooks.written(data, SPANISH)) {
            // then
            Sheet summary = workbook.getSheet("Resumen");
            assertThat(text(summary.getRow(SummarySheet.FRESHNESS_ROW), 0))
                    .isEqualTo("Datos sincronizados hasta 25/11/2026 15:39 (America/Bogota)");
            Row total = summary.getRow(SummarySheet.TOTAL_ROW);
            assertThat(text(total, 0)).isEqualTo("Total estimado del periodo (COP)");
            assertThat(number(total, 1)).isEqualTo(53542532.50);
            Row seats = summary.getRow(SummarySheet.SEATS_ROW);
            assertThat(text(seats, 0)).isEqualTo("Puestos (COP)");
            assertThat(number(seats, 1)).isEqualTo(22780000.00);
            Row services = summary.getRow(SummarySheet.SERVICES_ROW);
            assertThat(text(services, 0)).isEqualTo("Servicios (COP)");
            assertThat(number(services, 1)).isEqualTo(30762532.50);
            Row change = summary.getRow(SummarySheet.CHANGE_ROW);
            assertThat(text(change, 0)).isEqualTo("Cambio frente al periodo comparable");
            assertThat(number(change, 1)).isEqualTo(0.071);
            assertThat(text(change, 2)).isEqualTo(LABEL);
            assertThat(text(change, 5)).isEqualTo("Periodo comparable");
            assertThat(number(change, 6)).isEqualTo(50000000.00);
            Row forecast = summary.getRow(SummarySheet.FORECAST_ROW);
            assertThat(text(forecast, 0)).isEqualTo("Proyección al cierre (30/11/2026)");
            assertThat(number(forecast, 1)).isEqualTo(61200000.00);
            assertThat(text(forecast, 2)).isEqualTo("Rango 80 %");
            assertThat(number(forecast, 3)).isEqualTo(58900000.00);
            assertThat(number(forecast, 4)).isEqualTo(63800000.00);
            assertThat(text(forecast, 6)).isEqualTo("Día promedio (pocos días de historia)");
            assertThat(text(summary.getRow(SummarySheet.FORECAST_ROW + 1), 0))
                    .isEqualTo("Pocos días de historia (9 días sincronizados antes de la fecha de corte; se necesitan"
                            + " 14): la proyección es orientativa y su rango, amplio a propósito.");
        }
    }

    @Test
    void aSideWithoutSyncedDaysSaysSoAndAClosedPeriodHasNoForecastRow() throws IOException {
        // given
        ReportData data = ReportFixtures.report(DEMO_BY_MONTH)
                .withChange(Optional.of(new HeadlineChange(LABEL, new BigDecimal("53542532.50"), null)));

        // when
        try (XSSFWorkbook workbook = Workbooks.written(data, SPANISH)) {
            // then
            Sheet summary = workbook.getSheet("Resumen");
            Row change = summary.getRow(SummarySheet.CHANGE_ROW);
            assertThat(text(change, 1)).isEqualTo("sin datos");
            assertThat(text(change, 6)).isEqualTo("sin datos");
            assertThat(summary.getRow(SummarySheet.FORECAST_ROW)).isNull();
            assertThat(text(summary.getRow(SummarySheet.FORECAST_ROW + 1), 0))
                    .isEqualTo("Estimación, no es una factura");
        }
    }

    @Test
    void anEnglishHeadlineWithoutComparison() throws IOException {
        // when
        try (XSSFWorkbook workbook = Workbooks.written(withShortHistoryForecast(), Locale.ENGLISH)) {
            // then
            Sheet summary = workbook.getSheet("Resumen");
            assertThat(text(summary.getRow(SummarySheet.TOTAL_ROW), 0))
                    .isEqualTo("Estimated total for the period (COP)");
            assertThat(text(summary.getRow(SummarySheet.CHANGE_ROW), 1)).isEqualTo("No comparison");
            assertThat(text(summary.getRow(SummarySheet.FORECAST_ROW), 0))
                    .isEqualTo("Forecast to the end (2026-11-30)");
            assertThat(text(summary.getRow(SummarySheet.FORECAST_ROW + 1), 0))
                    .startsWith("Few days of history (9 days");
        }
    }

    @Test
    void theResumenPrintsOnOnePageAndLongSheetsRepeatTheirHeaders() throws IOException {
        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(DEMO_BY_MONTH), SPANISH)) {
            // then the print area runs from A1 to the estimate's total, scaled to one page
            Sheet summary = workbook.getSheet("Resumen");
            int total = rowStartingWith(summary, "Total estimado (COP)").getRowNum();
            assertThat(workbook.getPrintArea(workbook.getSheetIndex(summary)))
                    .isEqualTo("Resumen!$A$1:$G$" + (total + 1));
            assertThat(summary.getFitToPage()).isTrue();
            assertThat(summary.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(summary.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
            // and the band and header rows print on every page of the long sheets
            assertThat(repeating(workbook, "Usuarios")).isEqualTo("1:3");
            assertThat(repeating(workbook, "Servicios")).isEqualTo("1:2");
            assertThat(repeating(workbook, "WhatsApp")).isEqualTo("1:2");
            assertThat(repeating(workbook, "Calidad de datos")).isEqualTo("1:2");
        }
    }

    private static String repeating(XSSFWorkbook workbook, String sheet) {
        CellRangeAddress rows = workbook.getSheet(sheet).getRepeatingRows();
        return rows == null ? null : rows.formatAsString();
    }

    @Test
    void usersAreSortedAsSpanishSortsNamesAndAsEnglishDoesInEnglish() throws IOException {
        // given
        List<SnapshotUser> users = new ArrayList<>();
        String[] names = {"Zapata", "Ñandú", "Óscar", "Abril", "Nyberg", "Ábrego", "Ana"};
        for (int i = 0; i < names.length; i++) {
            users.add(new SnapshotUser(
                    i + 1,
                    names[i],
                    "u" + i + "@e.co",
                    "Agente",
                    1,
                    1,
                    0,
                    0,
                    0,
                    Instant.parse("2026-11-20T15:00:00Z")));
        }
        ReportData base = ReportFixtures.report(DEMO_BY_MONTH);
        ReportData data = new ReportData(base.figures(), users, base.changes());

        // when
        try (XSSFWorkbook spanish = Workbooks.written(data, SPANISH);
                XSSFWorkbook english = Workbooks.written(data, Locale.ENGLISH)) {
            // then Á sorts with A, Ñ is a letter after N in Spanish, an N with a tilde in English
            assertThat(names(spanish)).containsExactly("Ábrego", "Abril", "Ana", "Nyberg", "Ñandú", "Óscar", "Zapata");
            assertThat(names(english)).containsExactly("Ábrego", "Abril", "Ana", "Ñandú", "Nyberg", "Óscar", "Zapata");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            Europe/Madrid  | 2026-10-25T02:30 | 2026-10-25T02:30 | 2026-10-25T03:00
            America/Bogota | 2026-10-24T19:30 | 2026-10-24T20:30 | 2026-10-24T21:00
            """)
    void lastLoginsAreInTheTenantsZoneAcrossADstDay(String zone, String first, String second, String third)
            throws IOException {
        // given logins at 00:30, 01:30 and 02:00 UTC on 2026-10-25, the night Madrid leaves summer time
        // (03:00 CEST becomes 02:00 CET at 01:00 UTC: 02:30 comes twice); Bogota stays at UTC-5
        ObjectNode doc = (ObjectNode) JSON.readTree(ReportFixtures.document(DEMO_BY_MONTH));
        doc.put("timeZone", zone);
        ReportData base = ReportData.of(ReportFixtures.snapshot(JSON.writeValueAsString(doc)), Optional.empty());
        List<SnapshotUser> users = new ArrayList<>();
        String[] logins = {"2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:00:00Z"};
        for (int i = 0; i < logins.length; i++) {
            users.add(new SnapshotUser(
                    i + 1, "Usuario " + (i + 1), "u" + i + "@e.co", "Agente", 1, 1, 0, 0, 0, Instant.parse(logins[i])));
        }

        // when
        try (XSSFWorkbook workbook =
                Workbooks.written(new ReportData(base.figures(), users, base.changes()), SPANISH)) {
            // then
            Sheet sheet = workbook.getSheet("Usuarios");
            assertThat(text(sheet.getRow(UsersSheet.HEADER_ROW), UsersSheet.LAST_COLUMN))
                    .isEqualTo("Último ingreso (hora local, " + zone + ")");
            List<String> local = new ArrayList<>();
            for (int r = UsersSheet.FIRST_USER_ROW; r <= sheet.getLastRowNum(); r++) {
                local.add(sheet.getRow(r)
                        .getCell(UsersSheet.LAST_COLUMN)
                        .getLocalDateTimeCellValue()
                        .toString());
            }
            assertThat(local).containsExactly(first, second, third);
            // and the as-of line in the same zone
            assertThat(text(workbook.getSheet("Resumen").getRow(SummarySheet.FRESHNESS_ROW), 0))
                    .endsWith("(" + zone + ")");
        }
    }

    private static List<String> names(XSSFWorkbook workbook) {
        Sheet users = workbook.getSheet("Usuarios");
        List<String> names = new ArrayList<>();
        for (int r = UsersSheet.FIRST_USER_ROW; r <= users.getLastRowNum(); r++) {
            names.add(text(users.getRow(r), 1));
        }
        return names;
    }
}
