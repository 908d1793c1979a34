package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.report.ReportProperties;
import com.contactcenter.billing.snapshot.SnapshotUser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The headline's compact amounts, and the order names take on screen in each language. */
class HeadlineFiguresTest {

    @ParameterizedTest(name = "{0} millions={1} unit={2} english={3}: {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "61234567.89 | true  | true  | false | 61,2 M",
                "58949999.99 | true  | false | false | 58,9",
                "58950000.00 | true  | false | false | 59,0",
                "63849999.00 | true  | true  | false | 63,8 M",
                "1234567890.00 | true | true  | false | 1.234,6 M",
                "61234567.89 | true  | true  | true  | 61.2 M",
                "1234567890.00 | true | true  | true  | 1,234.6 M",
                "999999.99   | false | true  | false | 1.000.000",
                "264880.00   | false | true  | false | 264.880",
                "264880.50   | false | true  | false | 264.881",
                "264880.00   | false | true  | true  | 264,880",
                "0.00        | false | true  | false | 0"
            })
    void anAmountIsShownInMillionsWithOneDecimalOrWholeAndGrouped(
            String amount, boolean millions, boolean unit, boolean english, String shown) {
        assertThat(ForecastApi.compact(new BigDecimal(amount), millions, unit, english))
                .isEqualTo(shown);
    }

    @Test
    void namesAreSortedAsASpanishReaderSortsThem() {
        // Á, Í, Ó with their letters (not after Z), Ñ after N; case ties (then the lower id first), accents do not
        assertThat(namesByName("es"))
                .containsExactly(
                        "<script>",
                        "Álvaro",
                        "Ana Perez",
                        "ana perez",
                        "Ana Pérez",
                        "Íñigo",
                        "Nube",
                        "Ñandú",
                        "Óscar",
                        "Zoe",
                        "Zoë");
    }

    @Test
    void namesAreSortedAsAnEnglishReaderSortsThemInEnglish() {
        // Ñ is an N with a tilde
        assertThat(namesByName("en"))
                .containsExactly(
                        "<script>",
                        "Álvaro",
                        "Ana Perez",
                        "ana perez",
                        "Ana Pérez",
                        "Íñigo",
                        "Ñandú",
                        "Nube",
                        "Óscar",
                        "Zoe",
                        "Zoë");
    }

    @Test
    void descendingReversesTheSameOrder() {
        List<String> descending =
                page("es", "desc").rows().stream().map(SnapshotUser::name).toList();
        assertThat(descending)
                .containsExactly(
                        "Zoë",
                        "Zoe",
                        "Óscar",
                        "Ñandú",
                        "Nube",
                        "Íñigo",
                        "Ana Pérez",
                        "Ana Perez",
                        "ana perez",
                        "Álvaro",
                        "<script>");
    }

    private static List<String> namesByName(String language) {
        return page(language, "asc").rows().stream().map(SnapshotUser::name).toList();
    }

    /** The users in an order no sort would give, ids in that order: "ana perez" and "Ana Perez" tie but for case. */
    private static DashboardViews.UserPage page(String language, String dir) {
        List<String> names = Arrays.asList(
                "Zoë",
                "Óscar",
                "Ana Perez",
                "Ñandú",
                "Nube",
                "Íñigo",
                "ana perez",
                "<script>",
                "Álvaro",
                "Zoe",
                "Ana Pérez");
        List<SnapshotUser> users = IntStream.range(0, names.size())
                .mapToObj(i ->
                        new SnapshotUser(i + 1, names.get(i), "u" + i + "@example.com", "Agente", 0, 0, 0, 0, 0, null))
                .toList();
        ReportProperties report = new ReportProperties(
                Locale.forLanguageTag(language), Path.of("t.xlsx"), Path.of("f.ttf"), 50, 500, Path.of("out"));
        DashboardViews views = new DashboardViews(null, report, Clock.systemUTC(), null);
        return views.users(new DashboardViews.Parsed(null, null, users), null, "name", dir, 1, 25);
    }
}
