package com.contactcenter.billing.report.pdf;

import static com.contactcenter.billing.report.pdf.PdfReports.SPANISH;
import static com.contactcenter.billing.report.pdf.PdfReports.pages;
import static com.contactcenter.billing.report.pdf.PdfReports.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.report.HeadlineChange;
import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.snapshot.SnapshotUser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PDF's first page headline, on the demo export of November 2026 (as of 2026-11-25 15:39 in
 * Bogota; seat lines $ 22.780.000,00, service lines $ 30.762.532,50, total $ 53.542.532,50), the
 * users in collation order and emails that wrap at "@" and dots.
 */
class PdfHeadlineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LABEL = "1–25 nov. hasta 15:39 frente a 1–25 oct. (días completos)";

    /** The demo export with a forecast block, as a snapshot of an open period has. */
    private static ReportData withForecast(String method, int daysOfHistory, String high) throws IOException {
        String document;
        try (InputStream in = PdfHeadlineTest.class.getResourceAsStream("/report/pdf/demo-2026-11.json")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ObjectNode doc = (ObjectNode) JSON.readTree(document);
        ObjectNode forecast = doc.putObject("forecast");
        forecast.put("periodEnd", "2026-11-30");
        forecast.put("endUtc", "2026-12-01T05:00:00Z");
        forecast.put("method", method);
        forecast.put("daysOfHistory", daysOfHistory);
        forecast.put("daysToCome", 5.35);
        forecast.putArray("services");
        ObjectNode total = forecast.putObject("total");
        total.put("point", "61200000.00");
        total.put("low", "58900000.00");
        if (high == null) {
            total.putNull("high");
        } else {
            total.put("high", high);
        }
        return ReportData.of(PdfReports.snapshot(1, JSON.writeValueAsString(doc)), Optional.empty());
    }

    private static List<String> lines(String page) {
        return Arrays.asList(page.split("\n"));
    }

    @Test
    void theFirstPageOpensWithTheTotalSeatsServicesChangeAndForecast() throws IOException {
        // given: +3.542.532,50 against 50.000.000,00 is +7,085 %, +7,1 % to one decimal
        ReportData data = withForecast("weekday-trend", 56, "63800000.00")
                .withChange(Optional.of(
                        new HeadlineChange(LABEL, new BigDecimal("53542532.50"), new BigDecimal("50000000.00"))));

        // when
        String first = pages(render(data, SPANISH)).get(0);

        // then
        assertThat(lines(first))
                .containsSubsequence(
                        "Datos sincronizados hasta 25/11/2026 15:39 (America/Bogota)",
                        "Total estimado (COP) $ 53.542.532,50",
                        "Puestos $ 22.780.000,00",
                        "Servicios $ 30.762.532,50",
                        "Proyección al cierre (30/11/2026) $ 61.200.000,00 (rango 80 %: $ 58.900.000,00 a $"
                                + " 63.800.000,00)",
                        "Cliente demo");
        assertThat(first.replace('\n', ' '))
                .contains("Cambio frente al periodo comparable +7,1 % (" + LABEL
                        + "; periodo comparable: $ 50.000.000,00)")
                .doesNotContain("Pocos días de historia");
    }

    @Test
    void aShortHistorySaysSoAndASideWithoutDataSaysSinDatos() throws IOException {
        // given
        ReportData data = withForecast("short-history", 9, "63800000.00")
                .withChange(Optional.of(new HeadlineChange(LABEL, null, new BigDecimal("50000000.00"))));

        // when
        String first = pages(render(data, SPANISH)).get(0).replace('\n', ' ');

        // then
        assertThat(first)
                .contains("Cambio frente al periodo comparable sin datos (" + LABEL
                        + "; periodo comparable: $ 50.000.000,00)")
                .contains("Pocos días de historia (9 días sincronizados antes de la fecha de corte; se necesitan 14):"
                        + " la proyección es orientativa y su rango, amplio a propósito.");
    }

    @Test
    void noHistoryHasNoUpperBoundAndAClosedPeriodNoForecast() throws IOException {
        // when
        String noHistory = pages(render(withForecast("no-history", 0, null), Locale.ENGLISH))
                .get(0)
                .replace('\n', ' ');
        String closed = pages(render(PdfReports.demo(), SPANISH)).get(0);

        // then
        assertThat(noHistory)
                .contains("Forecast to the end (2026-11-30) COP 61,200,000.00 (no history: the figures so far, no upper"
                        + " bound)")
                .contains("Change against the comparable period no comparison");
        assertThat(closed).doesNotContain("Proyección al cierre").contains("Total estimado (COP) $ 53.542.532,50");
    }

    @Test
    void listsUsersAsSpanishSortsNames() {
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

        // when
        String text = PdfReports.text(render(PdfReports.withUsers(PdfReports.demo(), users), SPANISH));

        // then
        List<String> listed = new ArrayList<>();
        for (String line : lines(text)) {
            String[] words = line.split(" ");
            if (words.length > 2 && words[0].matches("[1-7]") && words[2].endsWith("@e.co")) {
                listed.add(words[1]);
            }
        }
        assertThat(listed).containsExactly("Ábrego", "Abril", "Ana", "Nyberg", "Ñandú", "Óscar", "Zapata");
    }

    @Test
    void aLongEmailWrapsAfterItsAtSignOrADotNeverInsideAWord() {
        // given an address far wider than its column
        String email = "maria.fernanda.gonzalez.rodriguez@contactcenter.ejemplo.com.co";
        List<SnapshotUser> users = List.of(
                new SnapshotUser(1, "María", email, "Agente", 1, 1, 0, 0, 0, Instant.parse("2026-11-20T15:00:00Z")));

        // when
        String text = PdfReports.text(render(PdfReports.withUsers(PdfReports.demo(), users), SPANISH));

        // then its pieces, line by line, rebuild it, and each breaks right after "@" or "."
        List<String> pieces = new ArrayList<>();
        for (String word : text.substring(text.indexOf(" María ")).split("[\\n ]")) {
            if (!word.isEmpty() && email.startsWith(String.join("", pieces) + word)) {
                pieces.add(word);
            }
        }
        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(email);
        for (String piece : pieces.subList(0, pieces.size() - 1)) {
            assertThat(piece).matches(".*[@.]");
        }
    }
}
