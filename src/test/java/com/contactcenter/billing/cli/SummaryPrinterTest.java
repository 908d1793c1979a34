package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.usage.GroupBy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's printed summary of a snapshot: every text in the reports' language, figures grouped
 * as the reports group them. The figures are those of the November demo document of the PDF
 * tests (report/pdf/demo-2026-11.json), written out by hand below.
 */
class SummaryPrinterTest {

    private static final String ID = "c80e243a-8447-4f55-996c-40fd032aaa04";

    @Test
    void spanishByDefaultWithFiguresGroupedAsTheReports() {
        String out = print(snapshot(document(), GroupBy.MONTH), CliTexts.of(Locale.forLanguageTag("es")));

        assertThat(out.lines().toList())
                .contains(
                        "ESTIMACIÓN DE FACTURACIÓN (una estimación, no una factura) de demo: 2026-11-01 a 2026-11-30"
                                + " (America/Bogota), por mes",
                        // 20:39 UTC is 15:39 in Bogota (UTC-5)
                        "  Datos sincronizados hasta 2026-11-25 15:39 (hora local, America/Bogota); instantánea " + ID
                                + ", versión 1",
                        "Usuarios por rol:",
                        "  Agente" + " ".repeat(30 - 6) + " " + pad("226", 12),
                        "Servicios:" + " ".repeat(28 - 10) + " " + pad("Cantidad", 14) + " " + pad("Unidades", 14),
                        "  SMS salientes" + " ".repeat(26 - 13) + " " + pad("33.802", 14) + " " + pad("46.689", 14),
                        "  Llamadas" + " ".repeat(26 - 8) + " " + pad("9.024", 14) + " " + pad("59.780", 14),
                        "Estimación (COP):",
                        // 226 x 80.000,00 = 18.080.000,00
                        "  Puesto    Agente" + " ".repeat(26 - 6) + " " + pad("226", 12) + " × " + pad("80.000,00", 16)
                                + " = " + pad("18.080.000,00 COP", 22),
                        "  Puesto    Sin rol" + " ".repeat(26 - 7) + " " + pad("3", 12) + " × " + pad("0,00", 16)
                                + " = " + pad("0,00 COP", 22) + "  (sin precio configurado)",
                        // 46.689 segments x 50,00 = 2.334.450,00
                        "  Servicio  SMS salientes" + " ".repeat(26 - 13) + " " + pad("46.689", 12) + " × "
                                + pad("50,00", 16) + " = " + pad("2.334.450,00 COP", 22),
                        // seats 22.780.000,00 + services 30.762.532,50
                        "  TOTAL    " + " " + " ".repeat(26) + " " + " ".repeat(12) + "   " + " ".repeat(16) + "   "
                                + pad("53.542.532,50 COP", 22),
                        "Calidad de datos (filas y usuarios fuera de las cifras):",
                        "  " + String.format("%-70s", "Fecha posterior a la sincronización (future_timestamp)") + " "
                                + pad("3.180", 10),
                        "  " + String.format("%-70s", "Usuario sin rol conocido (unknown_role)") + " " + pad("3", 10),
                        "  Usuario desactivado antes de su creación (deactivated_before_created)" + " " + " "
                                + pad("1", 10));
        assertThat(out)
                .doesNotContain("BILLING", "Users", "Services", "Estimate", "Data quality", "no price", "17840000")
                .doesNotContain("53542532.50", "53,542,532.50")
                // a month is one bucket: no activity by day
                .doesNotContain("Actividad por día");
    }

    @Test
    void englishWithTheReportLocaleEn() {
        String out = print(snapshot(document(), GroupBy.MONTH), CliTexts.of(Locale.ENGLISH));

        assertThat(out.lines().toList())
                .contains(
                        "BILLING ESTIMATE (an estimate, not an invoice) for demo: 2026-11-01 to 2026-11-30"
                                + " (America/Bogota), by month",
                        "  Data synced up to 2026-11-25 15:39 (local time, America/Bogota); snapshot " + ID
                                + ", version 1",
                        "  Outgoing SMS" + " ".repeat(26 - 12) + " " + pad("33,802", 14) + " " + pad("46,689", 14),
                        "  Seat      Sin rol" + " ".repeat(26 - 7) + " " + pad("3", 12) + " × " + pad("0.00", 16)
                                + " = " + pad("0.00 COP", 22) + "  (no price configured)",
                        "  TOTAL    " + " " + " ".repeat(26) + " " + " ".repeat(12) + "   " + " ".repeat(16) + "   "
                                + pad("53,542,532.50 COP", 22),
                        "  " + String.format("%-70s", "Stamped after the sync (future_timestamp)") + " "
                                + pad("3,180", 10));
        assertThat(out).doesNotContain("ESTIMACIÓN", "Usuarios", "Puesto", "sin precio", "Calidad");
    }

    @Test
    void aSnapshotByDayPrintsEachDaysEventsWithABarScaledToTheBusiestDay() {
        // Sunday 400 events (100 + 300), Monday 1,000 (800 + 200), Tuesday 500: bars of 16, 40, 20
        ObjectNode document = document();
        document.put("groupBy", "day");
        ArrayNode series = document.putArray("series");
        point(series, "2026-11-01", "sms_out", 100);
        point(series, "2026-11-01", "whatsapp_in", 300);
        point(series, "2026-11-02", "sms_out", 800);
        point(series, "2026-11-02", "whatsapp_in", 200);
        point(series, "2026-11-03", "whatsapp_in", 500);

        String out = print(snapshot(document, GroupBy.DAY), CliTexts.of(Locale.forLanguageTag("es")));

        List<String> lines = out.lines().toList();
        int header = lines.indexOf("Actividad por día (eventos de todos los servicios):");
        assertThat(header).isPositive();
        assertThat(lines.subList(header + 1, header + 4))
                .containsExactly(
                        "  2026-11-01 dom   " + pad("400", 12) + " " + "#".repeat(16),
                        "  2026-11-02 lun   " + pad("1.000", 12) + " " + "#".repeat(40),
                        "  2026-11-03 mar   " + pad("500", 12) + " " + "#".repeat(20));
        assertThat(lines.get(header + 4)).isEqualTo("Calidad de datos (filas y usuarios fuera de las cifras):");
        assertThat(lines.get(0)).endsWith(", por día");
    }

    private static void point(ArrayNode series, String day, String key, long count) {
        series.addObject()
                .put("bucket", day)
                .put("key", key)
                .put("count", count)
                .put("units", count);
    }

    private static String pad(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }

    private static String print(Snapshot snapshot, CliTexts texts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        SummaryPrinter.print(snapshot, out, texts);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Snapshot snapshot(ObjectNode document, GroupBy groupBy) {
        return new Snapshot(
                ID,
                "demo",
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                groupBy,
                1,
                Instant.parse("2026-11-25T20:39:19.083Z"),
                Instant.parse("2026-11-25T20:39:24.566Z"),
                document.toString());
    }

    private static ObjectNode document() {
        try (InputStream in = SummaryPrinterTest.class.getResourceAsStream("/report/pdf/demo-2026-11.json")) {
            return (ObjectNode)
                    JsonMapper.builder().build().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
