package com.contactcenter.billing.report.pdf;

import static com.contactcenter.billing.report.pdf.PdfReports.SPANISH;
import static com.contactcenter.billing.report.pdf.PdfReports.pages;
import static com.contactcenter.billing.report.pdf.PdfReports.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.snapshot.PlanStamp;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.EstimateLine;
import com.contactcenter.billing.snapshot.SnapshotFigures.Finding;
import com.contactcenter.billing.snapshot.SnapshotFigures.PricedService;
import com.contactcenter.billing.snapshot.SnapshotUser;
import com.contactcenter.billing.usage.ServiceKey;
import com.contactcenter.billing.usage.UsageReport.RoleUsers;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportWriterTest {

    private static final Locale ES_CO = Locale.forLanguageTag("es-CO");

    @Test
    void showsTheSnapshotIdentityPeriodAndAsOfOnTheFirstPage() {
        ReportData demo = PdfReports.demo();

        String first = pages(render(demo, SPANISH)).get(0);

        assertThat(lines(first))
                .contains(
                        "Cliente demo",
                        "Zona horaria America/Bogota",
                        "Periodo (fechas locales, ambas incluidas) 01/11/2026 a 30/11/2026",
                        "Periodo en hora local del 01/11/2026 00:00 al 01/12/2026 00:00, sin incluir el final"
                                + " (America/Bogota)",
                        "Datos sincronizados hasta 25/11/2026 15:39:19 (America/Bogota)",
                        "Agrupación por mes",
                        "Instantánea c80e243a-8447-4f55-996c-40fd032aaa04, versión 1",
                        "Calculada 25/11/2026 15:39:24",
                        "Moneda COP",
                        "Versión anterior no hay versión anterior",
                        "Calidad de datos 3.196 filas o usuarios fuera de las cifras (ver «Calidad de datos»)");
        assertThat(flat(first))
                .contains("Esta es una ESTIMACIÓN, no una factura. Las cifras salen de los datos "
                        + "sincronizados hasta 25/11/2026 15:39 (America/Bogota)");
        // no instant is written raw, in UTC, nor as a [from, to) range
        assertThat(first).doesNotContain("T20:39", "Z)", "UTC", "[");
    }

    @Test
    void saysUnderTheTitleHowFreshTheFiguresAreInTheTenantsZoneAndLanguage() {
        // given a snapshot as of 2026-11-25T20:39:19.083Z of a Bogota tenant (UTC-5)
        ReportData demo = PdfReports.demo();

        // when / then the as-of in Bogota's wall-clock time, to the minute
        assertThat(lines(pages(render(demo, SPANISH)).get(0)))
                .contains("Datos sincronizados hasta 25/11/2026 15:39 (America/Bogota)");
        assertThat(lines(pages(render(demo, Locale.ENGLISH)).get(0)))
                .contains("Data synced up to 2026-11-25 15:39 (America/Bogota)");
    }

    @Test
    void showsEveryFigureOfTheSnapshotAsTheReportFormatsThem() {
        ReportData demo = PdfReports.demo();

        List<String> lines = lines(PdfReports.text(render(demo, SPANISH)));

        long users = 0;
        for (RoleUsers role : demo.figures().usersByRole()) {
            EstimateLine seat = demo.figures().estimate().lines().stream()
                    .filter(l -> l.kind().equals("seat") && l.key().equals(role.role()))
                    .findFirst()
                    .orElseThrow();
            assertThat(lines)
                    .contains(role.role() + " " + count(role.users()) + " " + money(seat.unitPrice())
                            + (seat.priced() ? "" : " Sin precio"));
            users += role.users();
        }
        assertThat(lines).contains("Total " + count(users));
        for (PricedService s : demo.figures().pricedServices()) {
            assertThat(lines)
                    .contains(ServiceKey.ofKey(s.key()).orElseThrow().spanishLabel() + " " + s.key() + " "
                            + count(s.count()) + " " + count(s.units()) + " " + money(s.unitPrice()) + " "
                            + money(s.amount())
                            + (s.priced() ? "" : " Sin precio"));
        }
        for (EstimateLine line : demo.figures().estimate().lines()) {
            String concept = line.kind().equals("seat")
                    ? "Puesto " + line.key()
                    : "Servicio " + ServiceKey.ofKey(line.key()).orElseThrow().spanishLabel();
            assertThat(lines)
                    .contains(concept + " " + count(line.quantity()) + " " + money(line.unitPrice()) + " "
                            + money(line.amount()) + (line.priced() ? "" : " Sin precio"));
        }
        assertThat(lines)
                .contains("Total estimado " + money(demo.figures().estimate().total()));
        for (Finding finding : demo.figures().dataQuality()) {
            assertThat(lines).anyMatch(l -> l.endsWith(" " + finding.reason() + " " + count(finding.count())));
        }
        for (WhatsappChannel channel : demo.figures().whatsapp()) {
            assertThat(lines)
                    .contains(channel.channel() + " " + count(channel.inbound()) + " " + count(channel.outbound()));
        }
    }

    @Test
    void formatsFiguresTheColombianWay() {
        List<String> lines = lines(PdfReports.text(render(PdfReports.demo(), SPANISH)));

        assertThat(lines)
                .contains(
                        "Total estimado $ 53.542.532,50",
                        "Agente 226 $ 80.000,00",
                        "Correo saliente email_out 22.365 22.365 $ 2,50 $ 55.912,50",
                        "Puesto Sin rol 3 $ 0,00 $ 0,00 Sin precio",
                        "Fecha posterior a la sincronización future_timestamp 3.180");
    }

    @Test
    void comparesTheTotalWithThePreviousVersionWhenThereIsOne() {
        String newer = PdfReports.resource("demo-2026-11.json");
        String older = newer.replace("\"total\" : \"53542532.50\"", "\"total\" : \"50000000.00\"");
        ReportData data = ReportData.of(PdfReports.snapshot(3, newer), Optional.of(PdfReports.snapshot(2, older)));

        String first = pages(render(data, SPANISH)).get(0);

        assertThat(flat(first))
                .contains("Versión anterior comparada con la versión 2: total $ 50.000.000,00 → "
                        + "$ 53.542.532,50 (diferencia $ 3.542.532,50)");
    }

    @Test
    void saysWhenThePreviousVersionWasPricedWithAnotherPlan() {
        // given version 2 priced with plan "básico", version 3 with plan "oro"
        ReportData data = pricedWith(new PlanStamp("oro", "9c41"), new PlanStamp("básico", "51d0"));

        // when
        String spanish = pages(render(data, SPANISH)).get(0);
        String english = pages(render(data, Locale.ENGLISH)).get(0);

        // then the changes say so, under the comparison of the totals
        assertThat(lines(spanish)).contains("Precios de otro plan: básico antes, oro ahora");
        assertThat(flat(spanish))
                .contains(
                        "Versión anterior comparada con la versión 2: total $ 53.542.532,50 → "
                                + "$ 53.542.532,50 (diferencia $ 0,00) Precios de otro plan: básico antes, oro ahora Calidad de datos");
        assertThat(lines(english)).contains("Prices of another plan: básico before, oro now");
    }

    @Test
    void saysWhenThePricesOfThePlanChangedBetweenTheVersions() {
        // given versions 2 and 3 priced with plan "oro", its prices changed in between
        ReportData data = pricedWith(new PlanStamp("oro", "9c41"), new PlanStamp("oro", "51d0"));

        // when
        List<String> spanish = lines(pages(render(data, SPANISH)).get(0));

        // then
        assertThat(spanish).contains("Precios del plan oro: cambiaron entre las dos versiones");
    }

    @Test
    void saysNothingOfPricesWhenBothVersionsHaveTheSamePlanAndPrices() {
        ReportData data = pricedWith(new PlanStamp("oro", "9c41"), new PlanStamp("oro", "9c41"));

        String first = pages(render(data, SPANISH)).get(0);

        assertThat(lines(first)).noneMatch(l -> l.startsWith("Precios"));
        assertThat(flat(first)).contains("Versión anterior comparada con la versión 2");
    }

    @Test
    void flagsUnpricedLinesInsteadOfDroppingThem() {
        ReportData hostile = PdfReports.hostile();

        String text = PdfReports.text(render(hostile, SPANISH));

        assertThat(lines(text))
                .contains(
                        "Sin rol 1 $ 0,00 Sin precio",
                        "Bot bot_sessions 3.118 3.118 $ 0,00 $ 0,00 Sin precio",
                        "Servicio Bot 3.118 $ 0,00 $ 0,00 Sin precio",
                        "Puesto Sin rol 1 $ 0,00 $ 0,00 Sin precio",
                        "Total estimado $ 4.449.753,34");
        assertThat(flat(text)).contains("no tienen precio configurado: se estiman en 0 y no se omiten");
    }

    @Test
    void everyPageCarriesTheTenantThePeriodTheDisclaimerAndItsNumberOfTheTotal() throws IOException {
        byte[] pdf = render(PdfReports.demo(), SPANISH);
        List<String> pages = pages(pdf);
        PdfReader reader = new PdfReader(pdf);
        int total = reader.getNumberOfPages();
        reader.close();

        assertThat(pages).hasSize(total).hasSizeGreaterThan(3);
        Pattern pageOf = Pattern.compile("Página (\\d+) de\\s+(\\d+)");
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertThat(page).contains("demo · 01/11/2026 a 30/11/2026").contains("Estimación, no es una factura");
            Matcher matcher = pageOf.matcher(page);
            assertThat(matcher.find()).as("page %d has 'Página X de Y'", i + 1).isTrue();
            assertThat(Integer.parseInt(matcher.group(1))).isEqualTo(i + 1);
            assertThat(Integer.parseInt(matcher.group(2))).isEqualTo(total);
        }
    }

    @Test
    void embedsASubsetOfTheTrueTypeFontAndNoOtherFont() throws IOException {
        PdfReader reader = new PdfReader(render(PdfReports.hostile(), SPANISH));
        List<PdfDictionary> fonts = new ArrayList<>();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            collect(reader.getPageN(page).getAsDict(PdfName.RESOURCES), fonts, new ArrayList<>());
        }
        reader.close();

        assertThat(fonts).isNotEmpty();
        List<String> names = new ArrayList<>();
        for (PdfDictionary font : fonts) {
            String name = font.getAsName(PdfName.BASEFONT).toString();
            names.add(name);
            assertThat(font.getAsName(PdfName.SUBTYPE)).as(name).isEqualTo(PdfName.TYPE0);
            assertThat(font.getAsName(PdfName.ENCODING)).as(name).isEqualTo(new PdfName("Identity-H"));
            PdfDictionary descendant = (PdfDictionary) PdfReader.getPdfObject(
                    font.getAsArray(PdfName.DESCENDANTFONTS).getPdfObject(0));
            assertThat(descendant.getAsDict(PdfName.FONTDESCRIPTOR).get(PdfName.FONTFILE2))
                    .as(name)
                    .isNotNull();
            assertThat(name).as("subset prefix").matches("/[A-Z]{6}\\+DejaVuSans(-Bold)?");
        }
        assertThat(names).anyMatch(n -> n.endsWith("+DejaVuSans")).anyMatch(n -> n.endsWith("+DejaVuSans-Bold"));
    }

    @Test
    void simulatesBoldWhenTheFontHasNoBoldFaceNextToIt(@TempDir Path dir) throws IOException {
        Path regularOnly = Files.copy(PdfReports.FONT, dir.resolve("DejaVuSans.ttf"));

        byte[] pdf = render(new PdfReportWriter(regularOnly, 50, 500), PdfReports.hostile(), SPANISH);

        assertThat(PdfReports.text(pdf)).contains("Usuarios por rol", "Total estimado $ 4.449.753,34");
        PdfReader reader = new PdfReader(pdf);
        List<PdfDictionary> fonts = new ArrayList<>();
        collect(reader.getPageN(1).getAsDict(PdfName.RESOURCES), fonts, new ArrayList<>());
        reader.close();
        assertThat(fonts)
                .extracting(f -> f.getAsName(PdfName.BASEFONT).toString())
                .allMatch(name -> name.matches("/[A-Z]{6}\\+DejaVuSans"));
    }

    @Test
    void drawsBothChartsAsVectorGraphicsWithoutBitmaps() throws IOException {
        PdfReader reader = new PdfReader(render(PdfReports.demo(), SPANISH));
        List<PRStream> forms = new ArrayList<>();
        List<PdfName> imageTypes = new ArrayList<>();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            xobjects(reader.getPageN(page).getAsDict(PdfName.RESOURCES), forms, imageTypes);
        }

        assertThat(imageTypes).as("raster images").isEmpty();
        List<String> charts = new ArrayList<>();
        for (PRStream form : forms) {
            String content = new String(PdfReader.getStreamBytes(form), StandardCharsets.ISO_8859_1);
            if (content.contains(" l\n") && content.contains("\nf\n") && content.contains("Tj")) {
                charts.add(content);
            }
        }
        reader.close();
        assertThat(charts).as("charts drawn as paths and text").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void rendersAHostileNameWithEmojiAndAccents() {
        String text = PdfReports.text(render(PdfReports.hostile(), SPANISH));

        assertThat(text).contains("Ñandú ¿sí?");
        assertThat(lines(text)).anyMatch(l -> l.startsWith("1 Zoë ") && l.contains("Ñandú ¿sí? zoe"));
        assertThat(text).contains("ñandú-co · 05/09/2026 a 08/09/2026");
    }

    @Test
    void replacesCharactersTheFontLacksAndNeverCrashesOnSourceText() {
        String text = PdfReports.text(render(PdfReports.hostile(), SPANISH));

        assertThat(lines(text))
                .contains(
                        "3 □□□□ □ cjk@ejemplo.co Supervisor □ 2 8 44 9 31 —",
                        "5 Tab and newline null ctrl@ejemplo.co Sin rol 0 1 2 1 1 —",
                        "10 Lone □ surrogate lone@ejemplo.co Agente 1 1 1 0 0 —",
                        "2 =HYPERLINK(\"http://x\",\"y\") formula@ejemplo.co Agente 1 5 120 3 7 05/09/2026 22:00",
                        "4 <script>alert(1)</script> xss@ejemplo.co Agente 1 2 0 0 0 05/09/2026 00:30");
        assertThat(text).contains("Supervisor □ 2", "WhatsApp □□ 0 0");
        // and says what the square stands for, on the first page and under the users
        assertThat(flat(text))
                .contains("□ marca un carácter que la fuente del informe no puede imprimir (por ejemplo, un emoji)");
    }

    @Test
    void listsTheFiftyMostActiveOfSixHundredUsersAndSendsToTheSpreadsheetForTheRest() {
        List<SnapshotUser> users = PdfReports.users(600);
        List<Long> expected = users.stream()
                .sorted((a, b) -> a.activity() != b.activity()
                        ? Long.compare(b.activity(), a.activity())
                        : Long.compare(a.id(), b.id()))
                .limit(50)
                .sorted(byName())
                .map(SnapshotUser::id)
                .toList();

        String text = PdfReports.text(render(PdfReports.withUsers(PdfReports.demo(), users), SPANISH));

        assertThat(listedUserIds(text)).containsExactlyElementsOf(expected);
        assertThat(flat(text))
                .contains(
                        "Se muestran los 50 usuarios más activos de 600 (sesiones + mensajes enviados "
                                + "+ llamadas + minutos de llamada). La lista completa de usuarios está en la hoja de cálculo.");
    }

    @Test
    void listsAllFiveHundredUsersByName() {
        List<SnapshotUser> users = PdfReports.users(500);

        byte[] pdf = render(PdfReports.withUsers(PdfReports.demo(), users), SPANISH);
        String text = PdfReports.text(pdf);

        // "U1", "U10", "U100", "U101", ... as text sorts them
        assertThat(listedUserIds(text))
                .containsExactlyElementsOf(
                        users.stream().sorted(byName()).map(SnapshotUser::id).toList());
        assertThat(listedUserIds(text)).startsWith(1L, 10L, 100L, 101L);
        assertThat(lines(text)).contains("1 U1 u1@ejemplo.co Agente 1 1 0 0 0 20/11/2026 10:00");
        assertThat(flat(text))
                .contains("Los 500 usuarios facturables del periodo.")
                .doesNotContain("hoja de cálculo");
        List<String> userPages = pages(pdf).stream()
                .filter(p -> p.contains(" u1@ejemplo.co") || p.matches("(?s).*\\n\\d+ U\\d+ u\\d+@ejemplo\\.co.*"))
                .toList();
        assertThat(userPages)
                .hasSizeGreaterThan(1)
                .allMatch(p -> p.contains("ID Nombre Correo Rol Canales Sesiones Mensajes"), "repeats the header row");
    }

    /** The Spanish collator's order of names, as {@code UserOrder} is specified, then ids. */
    private static java.util.Comparator<SnapshotUser> byName() {
        java.text.Collator spanish = java.text.Collator.getInstance(Locale.forLanguageTag("es"));
        spanish.setStrength(java.text.Collator.SECONDARY);
        return (a, b) -> {
            int byName = spanish.compare(a.name(), b.name());
            return byName != 0 ? byName : Long.compare(a.id(), b.id());
        };
    }

    @Test
    void writesEnglishHeadingsAndNumbersForAnEnglishLocale() {
        byte[] pdf = render(PdfReports.demo(), Locale.ENGLISH);
        List<String> pages = pages(pdf);
        String text = String.join("\n", pages);

        assertThat(lines(text))
                .contains(
                        "Users by role",
                        "Usage by service",
                        "Estimate",
                        "Usage over time by service",
                        "WhatsApp inbound and outbound by channel",
                        "Data quality",
                        "Users",
                        "Tenant demo",
                        "Period (local dates, both inclusive) 2026-11-01 to 2026-11-30",
                        "Outgoing SMS sms_out 33,802 46,689 COP 50.00 COP 2,334,450.00",
                        "Seat Sin rol 3 COP 0.00 COP 0.00 Unpriced",
                        "Estimated total COP 53,542,532.50");
        assertThat(flat(text)).contains("This is an ESTIMATE, not an invoice.");
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i))
                    .contains("Estimate, not an invoice")
                    .containsPattern("Page " + (i + 1) + " of\\s+" + pages.size());
        }
        assertThat(text).doesNotContain("Página", "Usuarios por rol");
    }

    @Test
    void saysSoWhenThereAreNoWhatsappChannelsFindingsOrUsers() {
        ReportData demo = PdfReports.demo();
        SnapshotFigures f = demo.figures();
        ReportData empty = new ReportData(
                new SnapshotFigures(
                        f.source(),
                        f.timeZone(),
                        f.period(),
                        f.groupBy(),
                        f.version(),
                        f.coverage(),
                        List.of(),
                        f.services(),
                        List.of(),
                        List.of(),
                        List.of(),
                        f.estimate(),
                        List.of()),
                List.of(),
                demo.changes());

        String text = PdfReports.text(render(empty, SPANISH));

        assertThat(lines(text))
                .contains(
                        "No hay datos de consumo en el periodo.",
                        "No hay canales de WhatsApp.",
                        "Sin hallazgos: no se excluyó ninguna fila ni usuario.",
                        "No hay usuarios facturables en el periodo.",
                        "Total 0");
    }

    @Test
    void leavesTheCallersStreamOpen() {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        new PdfReportWriter(PdfReports.FONT, 50, 500).write(PdfReports.hostile(), SPANISH, out);

        assertThat(closed[0]).isFalse();
        assertThat(out.toByteArray()).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aFailingStreamIsAnUncheckedIoException() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() ->
                        new PdfReportWriter(PdfReports.FONT, 50, 500).write(PdfReports.hostile(), SPANISH, broken))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("disk full");
    }

    @Test
    void aMissingFontFileIsAOneLineErrorNamingTheFile() {
        Path missing = Path.of("target", "no-such-dir", "Missing-Font.ttf");

        assertThatThrownBy(() -> new PdfReportWriter(missing, 50, 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PDF report font file not found: " + missing.toAbsolutePath())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aFileThatIsNoFontIsAOneLineErrorNamingTheFile() {
        Path notAFont = Path.of("src", "test", "resources", "report", "pdf", "hostile-names.json");

        assertThatThrownBy(() -> new PdfReportWriter(notAFont, 50, 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "PDF report font file is not a usable TrueType font: " + notAFont.toAbsolutePath())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** The demo export as version 3 priced with {@code newer}, against itself as version 2 priced with {@code older}. */
    private static ReportData pricedWith(PlanStamp newer, PlanStamp older) {
        String document = PdfReports.resource("demo-2026-11.json");
        return ReportData.of(
                PdfReports.snapshot(3, document, newer), Optional.of(PdfReports.snapshot(2, document, older)));
    }

    private static List<Long> listedUserIds(String text) {
        Matcher row =
                Pattern.compile("(?m)^(\\d+) U(\\d+) u(\\d+)@ejemplo\\.co ").matcher(text);
        List<Long> ids = new ArrayList<>();
        while (row.find()) {
            assertThat(row.group(2)).isEqualTo(row.group(1));
            ids.add(Long.parseLong(row.group(1)));
        }
        return ids;
    }

    private static void collect(PdfDictionary resources, List<PdfDictionary> fonts, List<PdfObject> seen) {
        if (resources == null) {
            return;
        }
        PdfDictionary fontDictionary = resources.getAsDict(PdfName.FONT);
        if (fontDictionary != null) {
            for (PdfName key : fontDictionary.getKeys()) {
                PdfDictionary font = fontDictionary.getAsDict(key);
                if (!seen.contains(font)) {
                    seen.add(font);
                    fonts.add(font);
                }
            }
        }
        PdfDictionary xobjects = resources.getAsDict(PdfName.XOBJECT);
        if (xobjects != null) {
            for (PdfName key : xobjects.getKeys()) {
                PdfObject object = PdfReader.getPdfObject(xobjects.get(key));
                if (object instanceof PdfDictionary form && PdfName.FORM.equals(form.getAsName(PdfName.SUBTYPE))) {
                    collect(form.getAsDict(PdfName.RESOURCES), fonts, seen);
                }
            }
        }
    }

    private static void xobjects(PdfDictionary resources, List<PRStream> forms, List<PdfName> images) {
        PdfDictionary xobjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
        if (xobjects == null) {
            return;
        }
        for (PdfName key : xobjects.getKeys()) {
            PdfObject object = PdfReader.getPdfObject(xobjects.get(key));
            if (object instanceof PRStream stream) {
                PdfName subtype = stream.getAsName(PdfName.SUBTYPE);
                if (PdfName.IMAGE.equals(subtype)) {
                    images.add(subtype);
                } else if (PdfName.FORM.equals(subtype) && !forms.contains(stream)) {
                    forms.add(stream);
                    xobjects(stream.getAsDict(PdfName.RESOURCES), forms, images);
                }
            }
        }
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n"));
    }

    private static String flat(String text) {
        return text.replace('\n', ' ');
    }

    private static String count(long value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(ES_CO)).format(value);
    }

    /** Pesos at the pricing scale (2), es-CO symbols: "$ 1.234.567,50". */
    private static String money(BigDecimal amount) {
        return "$ " + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(ES_CO)).format(amount);
    }
}
