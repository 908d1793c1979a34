package com.contactcenter.billing.report.excel;

import static com.contactcenter.billing.report.excel.ReportFixtures.DEMO_BY_MONTH;
import static com.contactcenter.billing.report.excel.ReportFixtures.DEMO_BY_WEEK;
import static com.contactcenter.billing.report.excel.ReportFixtures.HOSTILE;
import static com.contactcenter.billing.report.excel.ReportFixtures.decimal;
import static com.contactcenter.billing.report.excel.Workbooks.format;
import static com.contactcenter.billing.report.excel.Workbooks.number;
import static com.contactcenter.billing.report.excel.Workbooks.rowStartingWith;
import static com.contactcenter.billing.report.excel.Workbooks.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.usage.ServiceKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

class ExcelReportWriterTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es-CO");
    private static final Labels ES = Labels.forLocale(SPANISH);
    private static final Labels EN = Labels.forLocale(Locale.ENGLISH);

    // --- sheets -----------------------------------------------------------------------------

    @ParameterizedTest(name = "locale {0}")
    @ValueSource(strings = {"es-CO", "es", "en", "en-US", "fr"})
    void writesTheSixSheetsInOrderWithTheirSpanishNamesInEveryLanguage(String locale) throws IOException {
        // when
        try (XSSFWorkbook workbook =
                Workbooks.written(ReportFixtures.report(DEMO_BY_WEEK), Locale.forLanguageTag(locale))) {
            // then
            assertThat(StreamSupport.stream(workbook.spliterator(), false).map(Sheet::getSheetName))
                    .containsExactly("Resumen", "Usuarios", "Servicios", "WhatsApp", "Calidad de datos", "Cambios");
            assertThat(workbook.getActiveSheetIndex()).isZero();
        }
    }

    // --- Resumen ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DEMO_BY_WEEK, DEMO_BY_MONTH, HOSTILE})
    void summaryShowsTheUsersOfEachRoleAsInTheExport(String fixture) throws IOException {
        // given
        JsonNode export = ReportFixtures.json(fixture);

        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(fixture), SPANISH)) {
            // then
            Sheet summary = workbook.getSheet("Resumen");
            int first = rowStartingWith(summary, ES.get("section.roles")).getRowNum() + 2;
            long total = 0;
            int r = first;
            for (JsonNode role : export.get("usersByRole")) {
                Row row = summary.getRow(r++);
                assertThat(text(row, 0)).isEqualTo(role.get("role").asString());
                assertThat(number(row, 1)).isEqualTo(role.get("users").asLong());
                total += role.get("users").asLong();
            }
            Row totals = summary.getRow(r);
            assertThat(text(totals, 0)).isEqualTo(ES.get("total"));
            assertThat(number(totals, 1)).isEqualTo(total);
            assertThat(total).isEqualTo(export.get("users").size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DEMO_BY_WEEK, DEMO_BY_MONTH, HOSTILE})
    void summaryShowsEachServicesCountUnitsUnitPriceAndAmount(String fixture) throws IOException {
        // given
        JsonNode export = ReportFixtures.json(fixture);
        Map<String, JsonNode> serviceLines = linesOfKind(export, "service");

        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(fixture), SPANISH)) {
            // then
            Sheet summary = workbook.getSheet("Resumen");
            int r = rowStartingWith(summary, ES.get("section.services")).getRowNum() + 2;
            for (JsonNode service : export.get("services")) {
                String key = service.get("key").asString();
                JsonNode line = serviceLines.get(key);
                Row row = summary.getRow(r++);
                assertThat(text(row, 0))
                        .isEqualTo(ServiceKey.ofKey(key).orElseThrow().spanishLabel());
                assertThat(text(row, 1)).isEqualTo(key);
                assertThat(number(row, 2)).isEqualTo(service.get("count").asLong());
                assertThat(number(row, 3)).isEqualTo(service.get("units").asLong());
                assertMoney(row, 4, decimal(line.get("unitPrice")));
                assertMoney(row, 5, decimal(line.get("amount")));
            }
            assertThat(r - rowStartingWith(summary, ES.get("section.services")).getRowNum() - 2)
                    .isEqualTo(7);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DEMO_BY_WEEK, DEMO_BY_MONTH, HOSTILE})
    void summaryShowsEachEstimateLineAndTheTotal(String fixture) throws IOException {
        // given
        JsonNode estimate = ReportFixtures.json(fixture).get("estimate");

        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(fixture), SPANISH)) {
            // then
            Sheet summary = workbook.getSheet("Resumen");
            int r = rowStartingWith(summary, ES.get("section.estimate")).getRowNum() + 2;
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode line : estimate.get("lines")) {
                Row row = summary.getRow(r++);
                assertThat(text(row, 0))
                        .isEqualTo(ES.get("kind." + line.get("kind").asString()));
                assertThat(text(row, 2)).isEqualTo(line.get("key").asString());
                assertThat(number(row, 3)).isEqualTo(line.get("quantity").asLong());
                assertMoney(row, 4, decimal(line.get("unitPrice")));
                assertMoney(row, 5, decimal(line.get("amount")));
                sum = sum.add(decimal(line.get("amount")));
            }
            Row total = summary.getRow(r);
            assertThat(text(total, 0))
                    .isEqualTo(
                            ES.format("total.estimate", estimate.get("currency").asString()));
            assertMoney(total, 5, decimal(estimate.get("total")));
            assertThat(sum).isEqualByComparingTo(decimal(estimate.get("total")));
        }
    }

    @Test
    void flagsEveryRoleAndServiceWithoutAPrice() throws IOException {
        // given: the hand-made export prices neither "Sin rol" seats nor bot sessions
        ReportData data = ReportFixtures.report(HOSTILE);

        // when
        try (XSSFWorkbook workbook = Workbooks.written(data, SPANISH)) {
            // then
            Sheet summary = workbook.getSheet("Resumen");
            String flag = ES.get("flag.unpriced");
            int roles = rowStartingWith(summary, ES.get("section.roles")).getRowNum();
            assertThat(text(rowStartingWith(summary, "Sin rol", roles), 3)).isEqualTo(flag);
            assertThat(rowStartingWith(summary, "Agente", roles).getCell(3)).isNull();
            int services = rowStartingWith(summary, ES.get("section.services")).getRowNum();
            assertThat(text(rowStartingWith(summary, "Bot", services), 6)).isEqualTo(flag);
            assertThat(rowStartingWith(summary, "SMS salientes", services).getCell(6))
                    .isNull();
            int estimate = rowStartingWith(summary, ES.get("section.estimate")).getRowNum();
            List<String> flagged = new ArrayList<>();
            for (int r = estimate + 2;
                    r < estimate + 2 + data.figures().estimate().lines().size();
                    r++) {
                Cell note = summary.getRow(r).getCell(6);
                if (note != null && flag.equals(note.getStringCellValue())) {
                    flagged.add(text(summary.getRow(r), 2));
                }
            }
            assertThat(flagged).containsExactly("Sin rol", "bot_sessions");
        }
    }

    @Test
    void summarySaysHowFreshTheFiguresAreInTheTenantsZoneAndLanguage() throws IOException {
        // given a snapshot as of 2026-09-08T06:30:00.123Z of a Santiago tenant (UTC-3 since Sep 6)
        ReportData data = ReportFixtures.report(HOSTILE);

        // when
        try (XSSFWorkbook spanish = Workbooks.written(data, SPANISH);
                XSSFWorkbook english = Workbooks.written(data, Locale.ENGLISH)) {
            // then the line under the disclaimer gives the as-of in Santiago's wall-clock time
            assertThat(spanish.getSheet("Resumen")
                            .getRow(SummarySheet.FRESHNESS_ROW)
                            .getCell(0)
                            .getStringCellValue())
                    .isEqualTo("Datos sincronizados hasta 08/09/2026 03:30 (America/Santiago)");
            assertThat(english.getSheet("Resumen")
                            .getRow(SummarySheet.FRESHNESS_ROW)
                            .getCell(0)
                            .getStringCellValue())
                    .isEqualTo("Data synced up to 2026-09-08 03:30 (America/Santiago)");
        }
    }

    @Test
    void summaryStatesItIsAnEstimateAsOfTheSyncAndGivesThePeriodInLocalTimeAndUtc() throws IOException {
        // given
        ReportData data = ReportFixtures.report(HOSTILE);

        // when
        try (XSSFWorkbook workbook = Workbooks.written(data, SPANISH)) {
            // then
            Sheet summary = workbook.getSheet("Resumen");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Estimación de facturación");
            int disclaimer =
                    rowStartingWith(summary, "Estimación, no es una factura").getRowNum();
            assertThat(text(summary.getRow(disclaimer + 1), 0))
                    .contains("estimación calculada con los datos sincronizados hasta 08/09/2026 03:30"
                            + " (America/Santiago);");
            assertThat(text(field(summary, "field.tenant"), 1)).isEqualTo("=cmd|' /C calc'!A0");
            assertThat(text(field(summary, "field.timeZone"), 1)).isEqualTo("America/Santiago");
            assertDate(field(summary, "field.from"), 1, LocalDate.of(2026, 9, 1));
            assertDate(field(summary, "field.to"), 1, LocalDate.of(2026, 9, 7));
            // Santiago moved from UTC-4 to UTC-3 on Sep 6: the period starts and ends at local midnight
            assertLocalDateTime(field(summary, "field.start"), 1, LocalDateTime.of(2026, 9, 1, 0, 0));
            assertLocalDateTime(field(summary, "field.end"), 1, LocalDateTime.of(2026, 9, 8, 0, 0));
            assertLocalDateTime(field(summary, "field.asOf"), 1, LocalDateTime.of(2026, 9, 8, 3, 30, 0, 123_000_000));
            assertLocalDateTime(field(summary, "field.computedAt"), 1, LocalDateTime.of(2026, 9, 8, 3, 45));
            for (Row row : summary) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        assertThat(cell.getStringCellValue())
                                .as(Workbooks.where(row, cell.getColumnIndex()))
                                .doesNotContain("UTC", "[", "T06:");
                    }
                }
            }
            assertThat(text(field(summary, "field.snapshotId"), 1)).isEqualTo("11111111-2222-3333-4444-555555555555");
            assertThat(number(field(summary, "field.version"), 1)).isEqualTo(4);
            assertThat(text(field(summary, "field.currency"), 1)).isEqualTo("CLP");
            assertThat(text(field(summary, "field.groupBy"), 1)).isEqualTo("Día");
            assertThat(text(field(summary, "field.dataQuality"), 1)).startsWith("1.242 registros o usuarios");
            assertThat(text(field(summary, "field.changes"), 1)).isEqualTo("No hay versión anterior");
            assertThat(summary.getFooter().getCenter()).startsWith("Estimación, no es una factura");
        }
    }

    // --- Usuarios ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DEMO_BY_WEEK, HOSTILE})
    void usersSheetHasOneRowPerBillableUserWithEveryField(String fixture) throws IOException {
        // given the export's users in the Spanish collator's order of names, then ids
        JsonNode export = ReportFixtures.json(fixture);
        ZoneId zone = ZoneId.of(export.get("timeZone").asString());
        Collator spanish = Collator.getInstance(Locale.forLanguageTag("es"));
        spanish.setStrength(Collator.SECONDARY);
        List<JsonNode> users = new ArrayList<>();
        export.get("users").forEach(users::add);
        users.sort((a, b) -> {
            int byName = spanish.compare(a.get("name").asString(), b.get("name").asString());
            return byName != 0
                    ? byName
                    : Long.compare(a.get("id").asLong(), b.get("id").asLong());
        });

        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(fixture), SPANISH)) {
            // then
            Sheet sheet = workbook.getSheet("Usuarios");
            assertThat(sheet.getLastRowNum() - UsersSheet.FIRST_USER_ROW + 1).isEqualTo(users.size());
            Row header = sheet.getRow(UsersSheet.HEADER_ROW);
            assertThat(IntStream.rangeClosed(0, UsersSheet.LAST_COLUMN).mapToObj(c -> text(header, c)))
                    .containsExactly(
                            "ID",
                            "Nombre",
                            "Correo",
                            "Rol",
                            "Canales",
                            "Sesiones",
                            "Mensajes enviados",
                            "Llamadas",
                            "Minutos de llamada",
                            "Último ingreso (hora local, " + zone.getId() + ")");
            int r = UsersSheet.FIRST_USER_ROW;
            for (JsonNode user : users) {
                Row row = sheet.getRow(r++);
                assertThat(number(row, 0)).isEqualTo(user.get("id").asLong());
                assertThat(text(row, 1)).isEqualTo(user.get("name").asString());
                assertThat(text(row, 2)).isEqualTo(user.get("email").asString());
                assertThat(text(row, 3)).isEqualTo(user.get("role").asString());
                assertThat(number(row, 4)).isEqualTo(user.get("channels").asLong());
                assertThat(number(row, 5)).isEqualTo(user.get("sessions").asLong());
                assertThat(number(row, 6)).isEqualTo(user.get("messagesSent").asLong());
                assertThat(number(row, 7)).isEqualTo(user.get("calls").asLong());
                assertThat(number(row, 8)).isEqualTo(user.get("callMinutes").asLong());
                if (user.get("lastLoginAt").isNull()) {
                    assertThat(row.getCell(9).getCellType()).isEqualTo(CellType.BLANK);
                } else {
                    assertLocal(row, 9, Instant.parse(user.get("lastLoginAt").asString()), zone);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DEMO_BY_WEEK, HOSTILE})
    void usersColumnsAddUpToTheTotalsRowAndToTheExport(String fixture) throws IOException {
        // given
        JsonNode users = ReportFixtures.json(fixture).get("users");
        String[] fields = {"channels", "sessions", "messagesSent", "calls", "callMinutes"};

        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(fixture), SPANISH)) {
            // then
            Sheet sheet = workbook.getSheet("Usuarios");
            Row totals = sheet.getRow(UsersSheet.TOTALS_ROW);
            assertThat(text(totals, 0)).isEqualTo("Totales (solo filas visibles)");
            for (int i = 0; i < fields.length; i++) {
                int column = UsersSheet.FIRST_FIGURE + i;
                long expected = 0;
                for (JsonNode user : users) {
                    expected += user.get(fields[i]).asLong();
                }
                double sheetSum = 0;
                for (int r = UsersSheet.FIRST_USER_ROW; r <= sheet.getLastRowNum(); r++) {
                    sheetSum += number(sheet.getRow(r), column);
                }
                assertThat(sheetSum).as(fields[i]).isEqualTo(expected);
                Cell total = totals.getCell(column);
                assertThat(total.getCellType()).isEqualTo(CellType.FORMULA);
                String letter = String.valueOf((char) ('A' + column));
                assertThat(total.getCellFormula())
                        .isEqualTo("SUBTOTAL(109," + letter + "4:" + letter + (users.size() + 3) + ")");
                assertThat(total.getNumericCellValue())
                        .as("cached " + fields[i])
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void usersSheetFreezesItsHeaderAndFiltersEveryUserRow() throws IOException {
        // given
        ReportData data = ReportFixtures.report(DEMO_BY_WEEK);

        // when
        try (XSSFWorkbook workbook = Workbooks.written(data, SPANISH)) {
            // then
            XSSFSheet sheet = workbook.getSheet("Usuarios");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef())
                    .isEqualTo("A3:J" + (data.users().size() + 3));
        }
    }

    // --- Servicios, WhatsApp, Calidad de datos ---------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DEMO_BY_WEEK, DEMO_BY_MONTH, HOSTILE})
    void servicesSheetHasARowPerBucketAndAColumnPerServiceAddingUpToItsUnits(String fixture) throws IOException {
        // given
        JsonNode export = ReportFixtures.json(fixture);
        Map<String, Map<String, Long>> units = new LinkedHashMap<>();
        export.get("series")
                .forEach(p -> units.computeIfAbsent(p.get("bucket").asString(), b -> new LinkedHashMap<>())
                        .put(p.get("key").asString(), p.get("units").asLong()));

        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(fixture), SPANISH)) {
            // then
            Sheet sheet = workbook.getSheet("Servicios");
            Row header = sheet.getRow(ServicesSheet.HEADER_ROW);
            List<String> keys = new ArrayList<>();
            export.get("services").forEach(s -> keys.add(s.get("key").asString()));
            for (int i = 0; i < keys.size(); i++) {
                assertThat(text(header, i + 1)).endsWith("(" + keys.get(i) + ")");
            }
            int r = ServicesSheet.FIRST_BUCKET_ROW;
            for (Map.Entry<String, Map<String, Long>> bucket : units.entrySet()) {
                Row row = sheet.getRow(r++);
                assertDate(row, 0, LocalDate.parse(bucket.getKey()));
                for (int i = 0; i < keys.size(); i++) {
                    assertThat(number(row, i + 1))
                            .isEqualTo(bucket.getValue().get(keys.get(i)).longValue());
                }
            }
            Row total = sheet.getRow(r);
            assertThat(text(total, 0)).isEqualTo("Total");
            int i = 0;
            for (JsonNode service : export.get("services")) {
                double columnSum = 0;
                for (int b = ServicesSheet.FIRST_BUCKET_ROW; b < r; b++) {
                    columnSum += number(sheet.getRow(b), i + 1);
                }
                assertThat(columnSum).isEqualTo(service.get("units").asLong());
                assertThat(number(total, ++i)).isEqualTo(service.get("units").asLong());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DEMO_BY_WEEK, HOSTILE})
    void whatsappSheetShowsEachChannelInTotalAndPerBucket(String fixture) throws IOException {
        // given
        JsonNode channels = ReportFixtures.json(fixture).get("whatsapp");

        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(fixture), SPANISH)) {
            // then
            Sheet sheet = workbook.getSheet("WhatsApp");
            int r = WhatsappSheet.FIRST_CHANNEL_ROW;
            long inbound = 0;
            long outbound = 0;
            for (JsonNode channel : channels) {
                Row row = sheet.getRow(r++);
                assertThat(number(row, 0)).isEqualTo(channel.get("channelId").asLong());
                assertThat(text(row, 1)).isEqualTo(channel.get("channel").asString());
                assertThat(number(row, 2)).isEqualTo(channel.get("inbound").asLong());
                assertThat(number(row, 3)).isEqualTo(channel.get("outbound").asLong());
                inbound += channel.get("inbound").asLong();
                outbound += channel.get("outbound").asLong();
            }
            Row total = sheet.getRow(r);
            assertThat(text(total, 0)).isEqualTo("Total");
            assertThat(number(total, 2)).isEqualTo(inbound);
            assertThat(number(total, 3)).isEqualTo(outbound);

            r = rowStartingWith(sheet, ES.get("whatsapp.perBucket")).getRowNum() + 2;
            for (JsonNode channel : channels) {
                for (JsonNode bucket : channel.get("series")) {
                    Row row = sheet.getRow(r++);
                    assertThat(number(row, 0))
                            .isEqualTo(channel.get("channelId").asLong());
                    assertThat(text(row, 1)).isEqualTo(channel.get("channel").asString());
                    assertDate(row, 2, LocalDate.parse(bucket.get("bucket").asString()));
                    assertThat(number(row, 3)).isEqualTo(bucket.get("inbound").asLong());
                    assertThat(number(row, 4)).isEqualTo(bucket.get("outbound").asLong());
                }
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(r - 1);
        }
    }

    @Test
    void whatsappSheetWithoutChannelsSaysSoAndKeepsItsChartPlottable() throws IOException {
        // given
        ReportData base = ReportFixtures.report(DEMO_BY_MONTH);
        SnapshotFigures f = base.figures();
        ReportData data = new ReportData(
                new SnapshotFigures(
                        f.source(),
                        f.timeZone(),
                        f.period(),
                        f.groupBy(),
                        f.version(),
                        f.coverage(),
                        f.usersByRole(),
                        f.services(),
                        List.of(),
                        f.series(),
                        f.usersByRoleSeries(),
                        f.estimate(),
                        List.of()),
                base.users(),
                base.changes());

        // when
        try (XSSFWorkbook workbook = Workbooks.written(data, SPANISH)) {
            // then
            Sheet sheet = workbook.getSheet("WhatsApp");
            Row none = sheet.getRow(WhatsappSheet.FIRST_CHANNEL_ROW);
            assertThat(text(none, 1)).isEqualTo(ES.get("whatsapp.none"));
            assertThat(number(none, 2) + number(none, 3)).isZero();
            assertThat(seriesRanges(chartOn(workbook.getSheet("WhatsApp"))))
                    .containsExactly("WhatsApp!$B$3 WhatsApp!$C$3", "WhatsApp!$B$3 WhatsApp!$D$3");
            Sheet quality = workbook.getSheet("Calidad de datos");
            assertThat(quality.getRow(DataQualitySheet.HEADER_ROW + 1)
                            .getCell(0)
                            .getStringCellValue())
                    .isEqualTo(ES.get("quality.none"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DEMO_BY_MONTH, HOSTILE})
    void dataQualitySheetListsEachReasonWithItsCountAndWhatItMeans(String fixture) throws IOException {
        // given
        JsonNode findings = ReportFixtures.json(fixture).get("dataQuality");

        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(fixture), SPANISH)) {
            // then
            Sheet sheet = workbook.getSheet("Calidad de datos");
            int r = DataQualitySheet.HEADER_ROW + 1;
            for (JsonNode finding : findings) {
                Row row = sheet.getRow(r++);
                String reason = finding.get("reason").asString();
                assertThat(text(row, 0)).isEqualTo(reason);
                assertThat(text(row, 1))
                        .isEqualTo(ES.getOrDefault("reason." + reason, "reason.other"))
                        .isNotBlank();
                assertThat(number(row, 2)).isEqualTo(finding.get("count").asLong());
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(r - 1);
        }
    }

    @Test
    void everyKnownFindingHasItsOwnExplanationInBothLanguages() {
        for (com.contactcenter.billing.usage.Finding finding : com.contactcenter.billing.usage.Finding.values()) {
            assertThat(ES.get("reason." + finding.code())).isNotBlank();
            assertThat(EN.get("reason." + finding.code())).isNotBlank();
        }
    }

    // --- Cambios ----------------------------------------------------------------------------

    @Test
    void changesSheetSaysThereIsNoPreviousVersionWhenThereIsNone() throws IOException {
        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(DEMO_BY_MONTH), SPANISH)) {
            // then
            Sheet sheet = workbook.getSheet("Cambios");
            assertThat(text(sheet.getRow(ChangesSheet.NOTE_ROW), 0))
                    .isEqualTo("No hay una versión anterior de esta instantánea: no hay cambios que mostrar.");
            assertThat(sheet.getLastRowNum()).isEqualTo(ChangesSheet.NOTE_ROW);
        }
    }

    // --- charts -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: {1} buckets, {2} channels")
    @CsvSource({DEMO_BY_WEEK + ", 6, 3", DEMO_BY_MONTH + ", 1, 3", HOSTILE + ", 7, 3"})
    void chartsAreNativeAndPointAtTheRowsWritten(String fixture, int buckets, int channels) throws IOException {
        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(fixture), SPANISH)) {
            // then
            List<XSSFChart> charts = new ArrayList<>();
            for (Sheet sheet : workbook) {
                var drawing = ((XSSFSheet) sheet).getDrawingPatriarch();
                if (drawing != null) {
                    charts.addAll(drawing.getCharts());
                }
            }
            assertThat(charts).hasSize(2);
            assertThat(workbook.getAllPictures()).isEmpty();

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                expected.add(range("Servicios", 'A', buckets) + " " + range("Servicios", (char) ('B' + i), buckets));
            }
            XSSFChart services = chartOn(workbook.getSheet("Servicios"));
            assertThat(seriesRanges(services)).containsExactlyElementsOf(expected);
            assertThat(seriesTitles(services))
                    .containsExactly(
                            "SMS salientes (sms_out)",
                            "Correo saliente (email_out)",
                            "WhatsApp salientes (whatsapp_out)",
                            "WhatsApp entrantes (whatsapp_in)",
                            "Llamadas (voice_minutes)",
                            "Videollamadas (video_minutes)",
                            "Bot (bot_sessions)");
            assertCachedValues(services, workbook.getSheet("Servicios"));

            XSSFChart whatsapp = chartOn(workbook.getSheet("WhatsApp"));
            assertThat(seriesRanges(whatsapp))
                    .containsExactly(
                            range("WhatsApp", 'B', channels) + " " + range("WhatsApp", 'C', channels),
                            range("WhatsApp", 'B', channels) + " " + range("WhatsApp", 'D', channels));
            assertThat(seriesTitles(whatsapp)).containsExactly("Entrantes", "Salientes");
            assertCachedValues(whatsapp, workbook.getSheet("WhatsApp"));
        }
    }

    // --- formula safety ---------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {"=HYPERLINK(\"http://x\",\"y\")", "+57 300 123", "@SUM(A1)", "-2+3", "\tTabulado", "\rRetorno"})
    void textThatLooksLikeAFormulaStaysPlainReadableText(String name) throws IOException {
        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(HOSTILE), SPANISH)) {
            // then
            Cell cell = userRow(workbook.getSheet("Usuarios"), name).getCell(1);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo(name);
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void everyTextFromTheSourceThatLooksLikeAFormulaIsQuotePrefixedWhereverItIs() throws IOException {
        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(HOSTILE), SPANISH)) {
            // then: tenant, role names, emails and channel names too; nothing else
            List<String> prefixed = new ArrayList<>();
            List<String> formulas = new ArrayList<>();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            formulas.add(cell.getCellFormula());
                        } else if (cell.getCellType() == CellType.STRING) {
                            boolean risky = Cells.looksLikeFormula(cell.getStringCellValue());
                            assertThat(cell.getCellStyle().getQuotePrefixed())
                                    .as(Workbooks.where(row, cell.getColumnIndex()))
                                    .isEqualTo(risky);
                            if (risky) {
                                prefixed.add(cell.getStringCellValue());
                            }
                        }
                    }
                }
            }
            assertThat(prefixed)
                    .contains("=cmd|' /C calc'!A0", "=Supervisor()", "-menos@example.com", "+Ventas", "@Soporte =1+1");
            assertThat(formulas).allMatch(f -> f.startsWith("SUBTOTAL(109,"));
        }
    }

    @Test
    void ordinaryTextIsNotQuotePrefixed() throws IOException {
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(HOSTILE), SPANISH)) {
            Cell cell = userRow(workbook.getSheet("Usuarios"), "María Peña Núñez 🚀")
                    .getCell(1);
            assertThat(cell.getStringCellValue()).isEqualTo("María Peña Núñez 🚀");
            assertThat(cell.getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    // --- number formats ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0} (scale {1})")
    @CsvSource({DEMO_BY_MONTH + ", 2, '#,##0.00'", HOSTILE + ", 0, '#,##0'"})
    void moneyCellsAreNumbersWithTheFormatOfThePricingScale(String fixture, int scale, String moneyFormat)
            throws IOException {
        // given
        ReportData data = ReportFixtures.report(fixture);
        assertThat(data.figures().estimate().scale()).isEqualTo(scale);

        // when
        try (XSSFWorkbook workbook = Workbooks.written(data, SPANISH)) {
            // then
            Sheet summary = workbook.getSheet("Resumen");
            int estimate = rowStartingWith(summary, ES.get("section.estimate")).getRowNum() + 2;
            for (int r = estimate;
                    r < estimate + data.figures().estimate().lines().size();
                    r++) {
                Row row = summary.getRow(r);
                assertThat(format(row, 3)).isEqualTo("#,##0");
                assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(format(row, 4)).isEqualTo(moneyFormat);
                assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(format(row, 5)).isEqualTo(moneyFormat);
            }
            Row total = rowStartingWith(
                    summary,
                    ES.format("total.estimate", data.figures().estimate().currency()));
            assertThat(total.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(format(total, 5)).isEqualTo(moneyFormat);
            int services = rowStartingWith(summary, ES.get("section.services")).getRowNum() + 2;
            assertThat(format(summary.getRow(services), 5)).isEqualTo(moneyFormat);
            assertThat(format(summary.getRow(services), 3)).isEqualTo("#,##0");
        }
    }

    @Test
    void datesAndInstantsAreDateCellsInTheLanguagesFormat() throws IOException {
        // given
        ReportData data = ReportFixtures.report(DEMO_BY_WEEK);

        // when
        try (XSSFWorkbook spanish = Workbooks.written(data, SPANISH);
                XSSFWorkbook english = Workbooks.written(data, Locale.ENGLISH)) {
            // then
            Row es = spanish.getSheet("Servicios").getRow(ServicesSheet.FIRST_BUCKET_ROW);
            assertThat(DateUtil.isCellDateFormatted(es.getCell(0))).isTrue();
            assertThat(format(es, 0)).isEqualTo("dd/mm/yyyy");
            Row en = english.getSheet("Servicios").getRow(ServicesSheet.FIRST_BUCKET_ROW);
            assertThat(format(en, 0)).isEqualTo("yyyy-mm-dd");
            Row user = spanish.getSheet("Usuarios").getRow(UsersSheet.FIRST_USER_ROW);
            assertThat(DateUtil.isCellDateFormatted(user.getCell(9))).isTrue();
            assertThat(format(user, 9)).isEqualTo("dd/mm/yyyy hh:mm:ss");
            assertThat(format(english.getSheet("Usuarios").getRow(UsersSheet.FIRST_USER_ROW), 9))
                    .isEqualTo("yyyy-mm-dd hh:mm:ss");
        }
    }

    // --- language ---------------------------------------------------------------------------

    @Test
    void anEnglishLocaleWritesEnglishHeadingsUnderTheSameSheetNames() throws IOException {
        // when
        try (XSSFWorkbook workbook = Workbooks.written(ReportFixtures.report(DEMO_BY_MONTH), Locale.ENGLISH)) {
            // then
            Sheet summary = workbook.getSheet("Resumen");
            int disclaimer =
                    rowStartingWith(summary, "Estimate, not an invoice").getRowNum();
            assertThat(text(summary.getRow(disclaimer + 1), 0))
                    .isEqualTo("These figures are an estimate computed from the data synced up to"
                            + " 2026-11-25 15:39 (America/Bogota); they may change when new data is synced or the"
                            + " snapshot is recomputed.");
            rowStartingWith(summary, "Users by role");
            Row total = rowStartingWith(summary, "Estimated total (COP)");
            assertMoney(total, 5, new BigDecimal("53542532.50"));
            assertThat(text(workbook.getSheet("Usuarios").getRow(UsersSheet.HEADER_ROW), 9))
                    .isEqualTo("Last login (local time, America/Bogota)");
            assertThat(text(workbook.getSheet("Servicios").getRow(ServicesSheet.HEADER_ROW), 1))
                    .isEqualTo("Outgoing SMS (sms_out)");
            assertThat(text(workbook.getSheet("Calidad de datos").getRow(DataQualitySheet.HEADER_ROW + 1), 1))
                    .isEqualTo(EN.get("reason.unknown_channel"));
            assertThat(seriesTitles(chartOn(workbook.getSheet("WhatsApp")))).containsExactly("Inbound", "Outbound");
        }
    }

    @Test
    void bothLabelFilesHaveTheSameKeys() {
        Properties spanish = Labels.load("report/excel/labels_es.properties");
        Properties english = Labels.load("report/excel/labels_en.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(spanish.stringPropertyNames());
    }

    // --- output -----------------------------------------------------------------------------

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the writer closed the caller's stream");
            }
        };

        // when
        new ExcelReportWriter(ReportFixtures.TEMPLATE).write(ReportFixtures.report(HOSTILE), SPANISH, out);

        // then
        try (XSSFWorkbook workbook = Workbooks.read(out.toByteArray())) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    /** {@code rows} rows of {@code column} from row 3, as a chart formula writes it. */
    private static String range(String sheet, char column, int rows) {
        return sheet + "!$" + column + "$3" + (rows == 1 ? "" : ":$" + column + "$" + (2 + rows));
    }

    private static Map<String, JsonNode> linesOfKind(JsonNode export, String kind) {
        Map<String, JsonNode> lines = new LinkedHashMap<>();
        export.get("estimate").get("lines").forEach(l -> {
            if (l.get("kind").asString().equals(kind)) {
                lines.put(l.get("key").asString(), l);
            }
        });
        return lines;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : (ArrayNode) array) {
            if (n.get(field).asString().equals(value)) {
                return n;
            }
        }
        throw new AssertionError(value);
    }

    private static Row field(Sheet summary, String labelKey) {
        return rowStartingWith(summary, ES.get(labelKey));
    }

    private static Row userRow(Sheet users, String name) {
        for (int r = UsersSheet.FIRST_USER_ROW; r <= users.getLastRowNum(); r++) {
            if (users.getRow(r).getCell(1).getStringCellValue().equals(name)) {
                return users.getRow(r);
            }
        }
        throw new AssertionError("no user named " + name);
    }

    private static void assertMoney(Row row, int column, BigDecimal expected) {
        assertThat(number(row, column))
                .as(Workbooks.where(row, column))
                .isCloseTo(expected.doubleValue(), within(0.000_001));
    }

    private static void assertDate(Row row, int column, LocalDate expected) {
        Cell cell = row.getCell(column);
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell))
                .as(Workbooks.where(row, column))
                .isTrue();
        assertThat(cell.getLocalDateTimeCellValue()).isEqualTo(expected.atStartOfDay());
    }

    private static void assertLocal(Row row, int column, Instant expected, ZoneId zone) {
        Cell cell = row.getCell(column);
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell))
                .as(Workbooks.where(row, column))
                .isTrue();
        assertThat(cell.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.ofInstant(expected, zone));
    }

    private static void assertLocalDateTime(Row row, int column, LocalDateTime expected) {
        Cell cell = row.getCell(column);
        assertThat(DateUtil.isCellDateFormatted(cell))
                .as(Workbooks.where(row, column))
                .isTrue();
        assertThat(cell.getLocalDateTimeCellValue()).isEqualTo(expected);
    }

    static XSSFChart chartOn(XSSFSheet sheet) {
        assertThat(sheet.getDrawingPatriarch())
                .as("drawing on " + sheet.getSheetName())
                .isNotNull();
        assertThat(sheet.getDrawingPatriarch().getCharts()).hasSize(1);
        return sheet.getDrawingPatriarch().getCharts().get(0);
    }

    /** Per series: "categories values", as the chart's formulas say. */
    static List<String> seriesRanges(XSSFChart chart) {
        XDDFChartData data = chart.getChartSeries().get(0);
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            XDDFChartData.Series series = data.getSeries(i);
            ranges.add(series.getCategoryData().getDataRangeReference() + " "
                    + series.getValuesData().getDataRangeReference());
        }
        return ranges;
    }

    private static List<String> seriesTitles(XSSFChart chart) {
        XDDFChartData data = chart.getChartSeries().get(0);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            titles.add(titleOf(chart, i));
        }
        return titles;
    }

    private static String titleOf(XSSFChart chart, int i) {
        var plot = chart.getCTChart().getPlotArea();
        var tx = plot.sizeOfLineChartArray() > 0
                ? plot.getLineChartArray(0).getSerArray(i).getTx()
                : plot.getBarChartArray(0).getSerArray(i).getTx();
        return tx.getStrRef().getStrCache().getPtArray(0).getV();
    }

    /** The cached points are the cells' values (what a reader shows without recalculating). */
    private static void assertCachedValues(XSSFChart chart, Sheet sheet) {
        XDDFChartData data = chart.getChartSeries().get(0);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            var values = data.getSeries(i).getValuesData();
            CellRangeAddress range =
                    CellRangeAddress.valueOf(values.getDataRangeReference().replaceAll(".*!", ""));
            assertThat(values.getPointCount()).isEqualTo(range.getNumberOfCells());
            for (int p = 0; p < values.getPointCount(); p++) {
                assertThat(values.getPointAt(p).doubleValue())
                        .isEqualTo(sheet.getRow(range.getFirstRow() + p)
                                .getCell(range.getFirstColumn())
                                .getNumericCellValue());
            }
        }
    }
}
