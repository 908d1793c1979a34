package com.contactcenter.billing.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactcenter.billing.snapshot.ChangeBreakdown.Kind;
import com.contactcenter.billing.snapshot.ChangeBreakdown.Member;
import com.contactcenter.billing.snapshot.ChangeBreakdown.Part;
import com.contactcenter.billing.snapshot.ChangeBreakdown.Side;
import com.contactcenter.billing.snapshot.ChangeBreakdown.VersionInfo;
import com.contactcenter.billing.snapshot.SnapshotFigures.Coverage;
import com.contactcenter.billing.snapshot.SnapshotFigures.Estimate;
import com.contactcenter.billing.snapshot.SnapshotFigures.EstimateLine;
import com.contactcenter.billing.snapshot.SnapshotFigures.PeriodBounds;
import com.contactcenter.billing.snapshot.SnapshotFigures.SeriesPoint;
import com.contactcenter.billing.snapshot.SnapshotFigures.Version;
import com.contactcenter.billing.usage.UsageReport.RoleSeriesPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The decomposition alone, on figures written by hand: rounding, several months, currencies, wording. */
class ChangeBreakdownTest {

    private static final LocalDate OCT_1 = LocalDate.parse("2026-10-01");
    private static final Member ANA = new Member(1, "Ana", "Agente");
    private static final Member LUIS = new Member(2, "Luis", "Agente");
    private static final Member EVA = new Member(3, "Eva", "Agente");

    @Test
    void whatTheUsersSharesLeaveRoundedIsAVisibleRoundingPart() {
        // given one day of October (1/31 of a month) at 1.00 a month: 1 agent 0.03, then 3 agents 0.10
        Side older = side(1, OCT_1, OCT_1, "day", List.of(seat("Agente", 1, "1.00", "0.03")), List.of(ANA), List.of());
        Side newer = side(
                2, OCT_1, OCT_1, "day", List.of(seat("Agente", 3, "1.00", "0.10")), List.of(ANA, LUIS, EVA), List.of());

        // when
        ChangeBreakdown b = ChangeBreakdown.explain(older, newer);

        // then 2 users x 1.00 x 1/31 = 0.0645 -> 0.06, and 0.01 of rounding makes the 0.07
        assertThat(b.parts())
                .extracting(Part::kind, Part::key, p -> p.amount().toPlainString())
                .containsExactly(tuple(Kind.SEATS_ADDED, "Agente", "0.06"), tuple(Kind.ROUNDING, null, "0.01"));
        assertThat(b.parts().get(0).added()).containsExactly(LUIS, EVA);
        assertThat(b.difference().toPlainString()).isEqualTo("0.07");
        assertThat(b.sum().toPlainString()).isEqualTo("0.07");
    }

    @Test
    void aServicesPriceIsMeasuredOnTheOldUnitsAndItsUsageAtTheNewPrice() {
        // given 10 units at 0.333 (3.33), then 11 units at 0.5 (5.50)
        Side older = side(
                1,
                OCT_1,
                OCT_1.plusDays(30),
                "day",
                List.of(service("sms_out", 10, "0.333", "3.33")),
                List.of(),
                List.of());
        Side newer = side(
                2,
                OCT_1,
                OCT_1.plusDays(30),
                "day",
                List.of(service("sms_out", 11, "0.50", "5.50")),
                List.of(),
                List.of(new SeriesPoint(OCT_1.plusDays(9), "sms_out", 1, 1)));

        // when
        ChangeBreakdown b = ChangeBreakdown.explain(older, newer);

        // then 10 x 0.5 = 5.00 - 3.33 = +1.67 for the price, 5.50 - 5.00 = +0.50 for one unit more on Oct 10
        assertThat(b.parts())
                .extracting(Part::kind, p -> p.amount().toPlainString())
                .containsExactly(tuple(Kind.SERVICE_PRICE, "1.67"), tuple(Kind.SERVICE_VOLUME, "0.50"));
        assertThat(b.parts().get(1).buckets())
                .containsExactly(new ChangeBreakdown.BucketChange(LocalDate.parse("2026-10-10"), 0, 1));
        assertThat(b.sum()).isEqualTo(b.difference());
        assertThat(b.difference().toPlainString()).isEqualTo("2.17");
    }

    @Test
    void overTwoMonthsByMonthTheSeatMonthsOfEachMonthPriceTheOldSeats() {
        // given Oct 17 - Nov 15 by month (15/31 of October, 15/30 of November); 62,000 then 93,000 a month;
        // before: 2 agents in October, 1 in November: 62,000 x (30/31 + 1/2) = 91,000.00
        // after: a third agent created in November: 2 and 2: 93,000 x (30/31 + 1) = 183,000.00
        LocalDate from = LocalDate.parse("2026-10-17");
        LocalDate to = LocalDate.parse("2026-11-15");
        LocalDate nov = LocalDate.parse("2026-11-01");
        Side older = side(
                1,
                from,
                to,
                "month",
                List.of(seat("Agente", 2, "62000.00", "91000.00")),
                List.of(ANA, LUIS),
                List.of(),
                List.of(new RoleSeriesPoint(from, "Agente", 2), new RoleSeriesPoint(nov, "Agente", 1)));
        Side newer = side(
                2,
                from,
                to,
                "month",
                List.of(seat("Agente", 3, "93000.00", "183000.00")),
                List.of(ANA, LUIS, EVA),
                List.of(),
                List.of(new RoleSeriesPoint(from, "Agente", 2), new RoleSeriesPoint(nov, "Agente", 2)));

        // when
        ChangeBreakdown b = ChangeBreakdown.explain(older, newer);

        // then the old seat-months at the new price: 93,000 x 91/62 = 136,500.00 (+45,500.00), then +46,500.00
        assertThat(b.parts())
                .extracting(Part::kind, p -> p.amount().toPlainString())
                .containsExactly(tuple(Kind.SEAT_PRICE, "45500.00"), tuple(Kind.SEATS_CHANGED, "46500.00"));
        assertThat(b.parts().get(1).added()).containsExactly(EVA);
        assertThat(b.parts().get(1).ended()).isEmpty();
        assertThat(b.sum()).isEqualTo(b.difference());
        assertThat(b.difference().toPlainString()).isEqualTo("92000.00");
    }

    @Test
    void overTwoMonthsByDayTheOldAmountIsRescaledToTheNewPrice() {
        // given the same figures by day: the document holds no seat-months per month
        LocalDate from = LocalDate.parse("2026-10-17");
        LocalDate to = LocalDate.parse("2026-11-15");
        Side older = side(
                1, from, to, "day", List.of(seat("Agente", 2, "62000.00", "91000.00")), List.of(ANA, LUIS), List.of());
        Side newer = side(
                2,
                from,
                to,
                "day",
                List.of(seat("Agente", 3, "93000.00", "183000.00")),
                List.of(ANA, LUIS, EVA),
                List.of());

        // when
        ChangeBreakdown b = ChangeBreakdown.explain(older, newer);

        // then 91,000.00 x 93,000 / 62,000 = 136,500.00: the same parts as by month
        assertThat(b.parts())
                .extracting(Part::kind, p -> p.amount().toPlainString())
                .containsExactly(tuple(Kind.SEAT_PRICE, "45500.00"), tuple(Kind.SEATS_CHANGED, "46500.00"));
        assertThat(ChangeBreakdown.seatMonths(older.figures(), "Agente", 2)).isNull();
        assertThat(b.sum()).isEqualTo(b.difference());
    }

    @Test
    void twoCurrenciesAreNotSetAgainstEachOther() {
        Side older = side(1, OCT_1, OCT_1, "day", List.of(service("sms_out", 1, "50", "50.00")), List.of(), List.of());
        Side newer = new Side(
                newer(2),
                figures(
                        OCT_1,
                        OCT_1,
                        "day",
                        "USD",
                        List.of(service("sms_out", 1, "0.01", "0.01")),
                        List.of(),
                        List.of()),
                List.of());

        ChangeBreakdown b = ChangeBreakdown.explain(older, newer);

        assertThat(b.comparable()).isFalse();
        assertThat(b.parts()).isEmpty();
        assertThat(ChangeWording.forLocale(Locale.forLanguageTag("es")).heading(b))
                .last()
                .isEqualTo("Las dos versiones están en monedas distintas (COP y USD): sus importes no se comparan.");
    }

    @Test
    void wordsThePartsInSpanishAndInEnglish() {
        Side older =
                side(1, OCT_1, OCT_1, "day", List.of(seat("Agente", 1, "80000", "2580.65")), List.of(ANA), List.of());
        Side newer = side(
                2,
                OCT_1,
                OCT_1,
                "day",
                List.of(seat("Agente", 2, "80000", "5161.29")),
                List.of(ANA, new Member(9, "=HYPERLINK(\"x\")", "Agente")),
                List.of());
        ChangeBreakdown b = ChangeBreakdown.explain(older, newer);
        Part added = b.parts().get(0);

        ChangeWording es = ChangeWording.forLocale(Locale.forLanguageTag("es"));
        assertThat(es.label(added)).isEqualTo("Usuarios nuevos · Agente");
        assertThat(es.signed(added.amount(), 2)).isEqualTo("+2.580,65");
        assertThat(es.detail(added, 2)).isEqualTo("+1 (=HYPERLINK(\"x\") (9))");
        assertThat(es.heading(b).get(2))
                .isEqualTo("Total estimado: 2.580,65 COP → 5.161,29 COP; diferencia +2.580,64 COP");
        assertThat(b.parts().get(1).kind()).isEqualTo(Kind.ROUNDING);
        assertThat(es.label(b.parts().get(1))).isEqualTo("Redondeo");
        assertThat(es.signed(b.parts().get(1).amount(), 2)).isEqualTo("-0,01");

        ChangeWording en = ChangeWording.forLocale(Locale.ENGLISH);
        assertThat(en.label(added)).isEqualTo("New users · Agente");
        assertThat(en.signed(added.amount(), 2)).isEqualTo("+2,580.65");
        assertThat(en.heading(b).get(1))
                .isEqualTo("Version 1 (data up to 2026-10-31 19:00 (America/Bogota)) → version 2 (data up to"
                        + " 2026-10-31 20:00 (America/Bogota))");
    }

    private static Side side(
            int version,
            LocalDate from,
            LocalDate to,
            String groupBy,
            List<EstimateLine> lines,
            List<Member> users,
            List<SeriesPoint> series) {
        return side(version, from, to, groupBy, lines, users, series, List.of());
    }

    private static Side side(
            int version,
            LocalDate from,
            LocalDate to,
            String groupBy,
            List<EstimateLine> lines,
            List<Member> users,
            List<SeriesPoint> series,
            List<RoleSeriesPoint> roleSeries) {
        return new Side(newer(version), figures(from, to, groupBy, "COP", lines, series, roleSeries), users);
    }

    private static VersionInfo newer(int version) {
        Instant asOf = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * (version - 1));
        return new VersionInfo("v" + version, version, asOf, asOf);
    }

    private static SnapshotFigures figures(
            LocalDate from,
            LocalDate to,
            String groupBy,
            String currency,
            List<EstimateLine> lines,
            List<SeriesPoint> series,
            List<RoleSeriesPoint> roleSeries) {
        BigDecimal total = lines.stream().map(EstimateLine::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
        return new SnapshotFigures(
                "t1",
                "America/Bogota",
                new PeriodBounds(from, to, null, null),
                groupBy,
                new Version("x", 1, null, null, List.of()),
                new Coverage(0, 0),
                List.of(),
                List.of(),
                List.of(),
                series,
                roleSeries,
                new Estimate(currency, 2, null, lines, total),
                List.of());
    }

    private static EstimateLine seat(String role, long users, String price, String amount) {
        return new EstimateLine("seat", role, users, new BigDecimal(price), new BigDecimal(amount), true);
    }

    private static EstimateLine service(String key, long units, String price, String amount) {
        return new EstimateLine("service", key, units, new BigDecimal(price), new BigDecimal(amount), true);
    }
}
