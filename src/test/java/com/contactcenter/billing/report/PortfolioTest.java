package com.contactcenter.billing.report;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.ServiceKey;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The portfolio end to end over a dozen tenants on H2 (most share the edge tenant's database under
 * their own names): two plans in two currencies, a month partly synced, one tenant never synced and
 * one whose sync failed. Every cell of the Tenants sheet and every CSV field is compared with that
 * tenant's own JSON export of October.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_portfolio;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.pricing.plans.pro.currency=USD",
            "billing.pricing.plans.pro.scale=2",
            "billing.pricing.plans.pro.seats[0].role=Agente",
            "billing.pricing.plans.pro.seats[0].monthly-price=25.50",
            "billing.pricing.plans.pro.seats[1].role=Administrador",
            "billing.pricing.plans.pro.seats[1].monthly-price=40",
            "billing.pricing.plans.pro.services[voice_minutes]=0.04",
            "billing.pricing.plans.pro.services[sms_out]=0.0125",
            "billing.sync.retry.attempts=1",
            "billing.schedule.enabled=false",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class PortfolioTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final String EDGE_DB = "pf_edge_src";
    static final String HOSTILE_DB = "pf_hostile_src";
    static final String HOSTILE_ROLE = "=HYPERLINK(\"http://x\",\"Supervisor\")";

    /** name, zone, plan (null: the default), database (null: unreachable). */
    static final List<String[]> TENANTS = List.of(
            new String[] {"acme", "America/Bogota", null, EDGE_DB},
            new String[] {"bravo", "America/Bogota", null, EDGE_DB},
            new String[] {"charlie", "America/Santiago", null, EDGE_DB},
            new String[] {"delta", "America/Bogota", "pro", EDGE_DB},
            new String[] {"echo", "America/Bogota", "pro", EDGE_DB},
            new String[] {"foxtrot", "America/Mexico_City", "pro", EDGE_DB},
            new String[] {"golf", "America/Bogota", null, EDGE_DB},
            new String[] {"hotel", "America/Bogota", "pro", EDGE_DB},
            new String[] {"hostile", "America/Bogota", null, HOSTILE_DB},
            new String[] {"partial", "America/Bogota", null, EDGE_DB},
            new String[] {"never", "America/Bogota", "pro", EDGE_DB},
            new String[] {"down", "America/Bogota", null, null});

    @Autowired
    JobRunner jobs;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    PortfolioService portfolios;

    @DynamicPropertySource
    static void tenants(DynamicPropertyRegistry registry) {
        for (int i = 0; i < TENANTS.size(); i++) {
            String[] t = TENANTS.get(i);
            String prefix = "billing.sources[" + i + "].";
            registry.add(prefix + "name", () -> t[0]);
            registry.add(
                    prefix + "url",
                    () -> t[3] == null ? "jdbc:mysql://127.0.0.1:1/nowhere" : SourceDatabases.h2Url(t[3]));
            registry.add(prefix + "username", () -> "sa");
            registry.add(prefix + "time-zone", () -> t[1]);
            registry.add(prefix + "connect-timeout", () -> "250ms");
            if (t[2] != null) {
                registry.add(prefix + "plan", () -> t[2]);
            }
        }
    }

    @BeforeAll
    static void loadSources() {
        SourceDatabases.loadH2(EDGE_DB, EdgeTenantFixture.SQL);
        SourceDatabases.loadH2(HOSTILE_DB, EdgeTenantFixture.SQL);
        SourceDatabases.execute(
                SourceDatabases.h2(HOSTILE_DB),
                List.of("UPDATE roles SET name = '" + HOSTILE_ROLE.replace("'", "''") + "' WHERE id = 3"));
    }

    @Test
    void everyCellOfEveryTenantIsItsOwnExportAndTheStatusesSayWhatIsMissing(@org.junit.jupiter.api.io.TempDir Path out)
            throws Exception {
        // given every tenant but two synced around October; 'partial' only to Oct 20; 'down' fails
        List<String> synced = TENANTS.stream()
                .map(t -> t[0])
                .filter(n -> !List.of("partial", "never").contains(n))
                .toList();
        assertThat(jobs.sync(synced, new SyncWindow(SYNC_FROM, SYNC_TO), Requester.cli())
                        .succeeded())
                .isFalse();
        assertThat(jobs.sync(
                                List.of("partial"),
                                new SyncWindow(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-20")),
                                Requester.cli())
                        .succeeded())
                .isTrue();
        // September's snapshot of two tenants: their change against it
        snapshots.compute("acme", LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30"), GroupBy.MONTH);
        snapshots.compute("delta", LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30"), GroupBy.MONTH);

        // when
        PortfolioService.Rendered rendered =
                portfolios.render(OCTOBER, List.of(PortfolioService.Format.XLSX, PortfolioService.Format.CSV), out);

        // then both files, named for the month
        assertThat(rendered.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("billing-portfolio_2026-10.xlsx", "billing-portfolio_2026-10.csv");
        Map<String, JsonNode> exports = new LinkedHashMap<>();
        for (String[] t : TENANTS) {
            snapshots
                    .newest(t[0], OCTOBER.atDay(1), OCTOBER.atEndOfMonth(), GroupBy.MONTH)
                    .ifPresent(s -> exports.put(t[0], SnapshotService.json(s)));
        }
        assertThat(exports.keySet()).doesNotContain("never", "down").hasSize(10);

        try (InputStream in = Files.newInputStream(rendered.files().get(0));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Tenants");
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("Summary");
            XSSFSheet sheet = workbook.getSheet("Tenants");
            Map<String, Integer> column = headers(sheet.getRow(0));
            List<String> roles = List.of("Administrador", "Agente", "Sin rol", "Supervisor", HOSTILE_ROLE);
            for (String role : roles) {
                assertThat(column).containsKey("Usuarios: " + role);
            }
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef())
                    .startsWith("A1:")
                    .endsWith("13");

            // one row per tenant, in the configured order
            for (int i = 0; i < TENANTS.size(); i++) {
                Row row = sheet.getRow(1 + i);
                String name = TENANTS.get(i)[0];
                assertThat(text(row, column.get("Cliente"))).isEqualTo(name);
                assertThat(text(row, column.get("Zona horaria"))).isEqualTo(TENANTS.get(i)[1]);
                assertThat(text(row, column.get("Plan")))
                        .isEqualTo(TENANTS.get(i)[2] == null ? "default" : TENANTS.get(i)[2]);
                JsonNode doc = exports.get(name);
                if (doc == null) {
                    assertThat(text(row, column.get("Moneda"))).isEqualTo(name.equals("never") ? "USD" : "COP");
                    assertThat(row.getCell(column.get("Total estimado")).getCellType())
                            .isEqualTo(CellType.BLANK);
                    assertThat(text(row, column.get("Estado")))
                            .isEqualTo(name.equals("never") ? "sin datos" : "sincronización fallida");
                    continue;
                }
                JsonNode estimate = doc.get("estimate");
                assertThat(text(row, column.get("Moneda")))
                        .isEqualTo(estimate.get("currency").asString());
                Map<String, Long> users = new HashMap<>();
                doc.get("usersByRole")
                        .forEach(r -> users.put(
                                r.get("role").asString(), r.get("users").asLong()));
                for (String role : roles) {
                    assertThat(number(row, column.get("Usuarios: " + role)))
                            .as(name + " " + role)
                            .isEqualTo(users.getOrDefault(role, 0L).doubleValue());
                }
                for (JsonNode service : doc.get("services")) {
                    String label = "Unidades: "
                            + ServiceKey.ofKey(service.get("key").asString())
                                    .orElseThrow()
                                    .spanishLabel();
                    assertThat(number(row, column.get(label)))
                            .isEqualTo(service.get("units").asDouble());
                }
                BigDecimal seats = BigDecimal.ZERO;
                BigDecimal services = BigDecimal.ZERO;
                for (JsonNode line : estimate.get("lines")) {
                    BigDecimal amount = new BigDecimal(line.get("amount").asString());
                    if (line.get("kind").asString().equals("seat")) {
                        seats = seats.add(amount);
                    } else {
                        services = services.add(amount);
                    }
                }
                assertThat(number(row, column.get("Monto por usuarios"))).isEqualTo(seats.doubleValue());
                assertThat(number(row, column.get("Monto por servicios"))).isEqualTo(services.doubleValue());
                assertThat(number(row, column.get("Total estimado")))
                        .isEqualTo(new BigDecimal(estimate.get("total").asString()).doubleValue());
                assertThat(number(row, column.get("Días sincronizados")))
                        .isEqualTo(doc.get("coverage").get("daysSynced").asDouble());
                assertThat(row.getCell(column.get("Datos sincronizados hasta (UTC)"))
                                .getLocalDateTimeCellValue())
                        .isEqualTo(LocalDateTime.ofInstant(
                                java.time.Instant.parse(
                                        doc.get("snapshot").get("asOf").asString()),
                                ZoneOffset.UTC));
                assertThat(number(row, column.get("Versión de la instantánea")))
                        .isEqualTo(doc.get("snapshot").get("version").asDouble());
                assertThat(text(row, column.get("Estado")))
                        .as(name)
                        .isEqualTo(name.equals("partial") ? "mes incompleto" : "ok");
            }

            // the change against September, where there is a September
            Snapshot september = snapshots
                    .newest("acme", LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30"), GroupBy.MONTH)
                    .orElseThrow();
            BigDecimal acmeChange = new BigDecimal(
                            exports.get("acme").get("estimate").get("total").asString())
                    .subtract(new BigDecimal(SnapshotService.json(september)
                            .get("estimate")
                            .get("total")
                            .asString()));
            assertThat(number(sheet.getRow(1), column.get("Cambio frente al mes anterior")))
                    .isEqualTo(acmeChange.doubleValue());
            assertThat(sheet.getRow(2)
                            .getCell(column.get("Cambio frente al mes anterior"))
                            .getCellType())
                    .isEqualTo(CellType.BLANK);

            // a hostile role name is a header's text, never a formula
            Cell hostile = sheet.getRow(0).getCell(column.get("Usuarios: " + HOSTILE_ROLE));
            assertThat(hostile.getCellType()).isEqualTo(CellType.STRING);

            // a totals row per currency, each summing only its own tenants
            Map<String, BigDecimal> totals = new java.util.TreeMap<>();
            exports.values()
                    .forEach(d -> totals.merge(
                            d.get("estimate").get("currency").asString(),
                            new BigDecimal(d.get("estimate").get("total").asString()),
                            BigDecimal::add));
            assertThat(totals).containsOnlyKeys("COP", "USD");
            int r = 1 + TENANTS.size() + 1;
            for (Map.Entry<String, BigDecimal> currency : totals.entrySet()) {
                Row row = sheet.getRow(r++);
                assertThat(text(row, 0)).isEqualTo("Total " + currency.getKey());
                Cell total = row.getCell(column.get("Total estimado"));
                assertThat(total.getCellFormula()).startsWith("SUMIF($D$2:$D$13,D" + (row.getRowNum() + 1));
                assertThat(total.getNumericCellValue())
                        .isEqualTo(currency.getValue().doubleValue());
            }

            // the summary: totals per currency and tenants by status
            Sheet summary = workbook.getSheet("Summary");
            Map<String, Row> byFirstCell = new LinkedHashMap<>();
            for (Row row : summary) {
                if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING) {
                    byFirstCell.putIfAbsent(row.getCell(0).getStringCellValue(), row);
                }
            }
            assertThat(byFirstCell.get("COP").getCell(4).getNumericCellValue())
                    .isEqualTo(totals.get("COP").doubleValue());
            assertThat(byFirstCell.get("USD").getCell(4).getNumericCellValue())
                    .isEqualTo(totals.get("USD").doubleValue());
            assertThat(byFirstCell.get("COP").getCell(1).getNumericCellValue()).isEqualTo(6);
            assertThat(byFirstCell.get("ok").getCell(1).getNumericCellValue()).isEqualTo(9);
            assertThat(byFirstCell.get("mes incompleto").getCell(1).getNumericCellValue())
                    .isEqualTo(1);
            assertThat(byFirstCell.get("sincronización fallida").getCell(1).getNumericCellValue())
                    .isEqualTo(1);
            assertThat(byFirstCell.get("sin datos").getCell(1).getNumericCellValue())
                    .isEqualTo(1);
            assertThat(byFirstCell)
                    .containsKeys(
                            "Los 6 totales más altos (COP)",
                            "Los 4 totales más altos (USD)",
                            "Total por cliente, los 6 mayores (COP)");
            assertThat(((XSSFSheet) summary).getDrawingPatriarch().getCharts()).hasSize(2);
        }

        // the CSV: the same columns, the export's own strings
        byte[] bytes = Files.readAllBytes(rendered.files().get(1));
        // a UTF-8 byte-order mark first, so that Excel reads the accents as UTF-8
        assertThat(java.util.Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines).hasSize(1 + TENANTS.size());
        assertThat(lines.get(0)).startsWith("Cliente,");
        List<String> header = csv(lines.get(0));
        List<String> fields = csv(lines.get(1));
        JsonNode acmeDoc = exports.get("acme");
        assertThat(fields.get(header.indexOf("Total estimado")))
                .isEqualTo(acmeDoc.get("estimate").get("total").asString());
        assertThat(fields.get(header.indexOf("Datos sincronizados hasta (UTC)")))
                .isEqualTo(acmeDoc.get("snapshot").get("asOf").asString());
        assertThat(fields.get(header.indexOf("Estado"))).isEqualTo("ok");
        // the hostile role's column is named after it, as text no spreadsheet takes for a formula
        assertThat(header).contains("Usuarios: " + HOSTILE_ROLE).noneMatch(h -> h.matches("^[=+\\-@].*"));
        List<String> down = csv(lines.get(12));
        assertThat(down.subList(0, 4)).containsExactly("down", "America/Bogota", "default", "COP");
        for (int c = 4; c < header.size() - 1; c++) {
            assertThat(down.get(c)).as(header.get(c)).isEqualTo(header.get(c).equals("Días del mes") ? "31" : "");
        }
        assertThat(down.get(header.size() - 1)).isEqualTo("sincronización fallida");
    }

    /** One RFC 4180 line's fields. */
    private static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static Map<String, Integer> headers(Row row) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (Cell cell : row) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    private static String text(Row row, int column) {
        return row.getCell(column).getStringCellValue();
    }

    private static double number(Row row, int column) {
        return row.getCell(column).getNumericCellValue();
    }
}
