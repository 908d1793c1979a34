package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.snapshot.ChangeBreakdown;
import com.contactcenter.billing.snapshot.ChangeBreakdown.BucketChange;
import com.contactcenter.billing.snapshot.ChangeBreakdown.Kind;
import com.contactcenter.billing.snapshot.ChangeBreakdown.Member;
import com.contactcenter.billing.snapshot.ChangeBreakdown.Part;
import com.contactcenter.billing.snapshot.ChangeBreakdown.VersionInfo;
import com.contactcenter.billing.snapshot.ChangeWording;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What {@code diff} prints: the parts, amounts grouped as the reports group them, Spanish or English. */
class DiffOutputTest {

    /** A new agent (a whole October at 80,000.00) and 4 SMS segments that arrived late for Oct 10 (200.00). */
    private static final ChangeBreakdown LATE_ROWS_AND_A_NEW_AGENT = new ChangeBreakdown(
            "t1",
            LocalDate.parse("2026-10-01"),
            LocalDate.parse("2026-10-31"),
            "month",
            "America/Bogota",
            new VersionInfo("a", 1, Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-01T05:10:00Z")),
            new VersionInfo("b", 2, Instant.parse("2026-11-02T07:00:00Z"), Instant.parse("2026-11-02T07:10:00Z")),
            "COP",
            "COP",
            2,
            true,
            new BigDecimal("572392.50"),
            new BigDecimal("652592.50"),
            List.of(
                    new Part(
                            Kind.SEATS_ADDED,
                            "Agente",
                            4,
                            5,
                            new BigDecimal("80000.00"),
                            new BigDecimal("80000.00"),
                            new BigDecimal("80000.00"),
                            List.of(new Member(12, "Nueva Agente", "Agente")),
                            List.of(),
                            List.of()),
                    new Part(
                            Kind.SERVICE_VOLUME,
                            "sms_out",
                            5,
                            9,
                            new BigDecimal("50.00"),
                            new BigDecimal("50.00"),
                            new BigDecimal("200.00"),
                            List.of(),
                            List.of(),
                            List.of(new BucketChange(LocalDate.parse("2026-10-10"), 3, 7)))));

    @Test
    void printsEachPartWithItsAmountAndWhatMovedInSpanish() {
        assertThat(printed(Locale.forLanguageTag("es")))
                .containsExactly(
                        "¿Por qué cambió? t1 del 2026-10-01 al 2026-10-31 (por month)",
                        "Versión 1 (datos hasta 2026-11-01 00:00 (America/Bogota)) → versión 2 (datos hasta"
                                + " 2026-11-02 02:00 (America/Bogota))",
                        "Total estimado: 572.392,50 COP → 652.592,50 COP; diferencia +80.200,00 COP",
                        "  Usuarios nuevos · Agente " + " ".repeat(10) + "+80.000,00  +1 (Nueva Agente (12))",
                        "  Consumo · SMS salientes  " + " ".repeat(13)
                                + "+200,00  5 → 9 unidades; cambió en: 2026-10-10: 3 → 7",
                        "Suma de las partes: +80.200,00 COP (igual a la diferencia)",
                        "Orden de atribución: primero el efecto del precio sobre el volumen anterior, luego el del"
                                + " volumen al precio nuevo; el redondeo de cada parte queda en «Redondeo».");
    }

    @Test
    void printsEnglishWithAnEnglishLocale() {
        List<String> lines = printed(Locale.ENGLISH);
        assertThat(lines.get(0)).isEqualTo("Why did it change? t1 from 2026-10-01 to 2026-10-31 (by month)");
        assertThat(lines.get(2))
                .isEqualTo("Estimated total: 572,392.50 COP → 652,592.50 COP; difference +80,200.00 COP");
        assertThat(lines.get(3))
                .isEqualTo("  New users · Agente " + " ".repeat(12) + "+80,000.00  +1 (Nueva Agente (12))");
        assertThat(lines.get(4))
                .isEqualTo("  Usage · Outgoing SMS " + " ".repeat(13)
                        + "+200.00  5 → 9 units; changed on: 2026-10-10: 3 → 7");
        assertThat(lines.get(5)).isEqualTo("Sum of the parts: +80,200.00 COP (equal to the difference)");
    }

    private static List<String> printed(Locale locale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CliCommands.printBreakdown(LATE_ROWS_AND_A_NEW_AGENT, ChangeWording.forLocale(locale), out);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
