package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.usage.Forecast.Method;
import com.contactcenter.billing.usage.Forecast.ServiceForecast;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forecast of outgoing SMS (50 COP a segment) and one agent's seat (80,000 COP a month), each
 * case computed by hand in its comment. Histories are complete days (synced after they ended).
 */
class ForecasterTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    private static final Pricing PRICING = new Pricing(
            "COP", 2, Map.of("Agente", new BigDecimal("80000")), Map.of(ServiceKey.SMS_OUT, new BigDecimal("50")));
    private static final Roles ROLES = new Roles(Map.of(1, "Agente"));
    private static final List<UserRecord> ONE_AGENT = List.of(user(1, "2025-01-01T00:00:00Z", null));

    /** Weekdays 100, Saturday 40, Sunday 10. */
    private static long weekly(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> 40;
            case SUNDAY -> 10;
            default -> 100;
        };
    }

    /**
     * As {@link #weekly}, the twelve Saturdays from 2026-09-19 on 30, 50, 50, 30, 30, 50, ... (mean 40):
     * the same read backwards, so the fitted trend is zero and only the scatter is left.
     */
    private static long weeklyWithSaturdaySpread(LocalDate day) {
        if (day.getDayOfWeek() != DayOfWeek.SATURDAY) {
            return weekly(day);
        }
        return palindromic(LocalDate.parse("2026-09-19"), day) ? 50 : 30;
    }

    /** 100 a day, the twelve Sundays from 2026-06-14 on 80, 120, 120, 80, 80, 120, ... (mean 100). */
    private static long flatWithSundaySpread(LocalDate day) {
        if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            return 100;
        }
        return palindromic(LocalDate.parse("2026-06-14"), day) ? 120 : 80;
    }

    /** Whether the weekday's week from {@code first} is the second or third of each four. */
    private static boolean palindromic(LocalDate first, LocalDate day) {
        long week = ChronoUnit.WEEKS.between(first, day) % 4;
        return week == 1 || week == 2;
    }

    record Case(
            String name,
            Period period,
            String asOf,
            List<DayUnits> days,
            long soFar,
            long point,
            long low,
            Long high,
            Method method,
            int daysOfHistory,
            double daysToCome,
            String totalPoint,
            String totalLow,
            String totalHigh) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                        // 84 days of 100 before Nov 15; Nov 1-14 so far 1,400, Nov 15-30 to come 16 x 100: 3,000, no
                        // scatter.
                        // Nov 15, synced after the as-of, is not read (999 would show).
                        new Case(
                                "flat history, a month of 30 days",
                                month(2026, 11, BOGOTA),
                                "2026-11-15T05:00:00Z",
                                with(
                                        days("2026-08-23", "2026-11-14", BOGOTA, d -> 100),
                                        new DayUnits(
                                                LocalDate.parse("2026-11-15"),
                                                Instant.parse("2026-11-16T05:00:00Z"),
                                                Map.of(ServiceKey.SMS_OUT, 999L))),
                                1_400,
                                3_000,
                                3_000,
                                3_000L,
                                Method.WEEKDAY_TREND,
                                84,
                                16,
                                "230000.00",
                                "230000.00",
                                "230000.00"),
                        // Dec 1-9 so far: Tue-Fri 400, Sat 5th 30, Sun 10, Mon-Wed 300 = 740. Dec 10-31 to come: 16
                        // weekdays
                        // 1,600, 3 Saturdays x 40 = 120, 3 Sundays x 10 = 30: 1,750; point 2,490. Trend 0; scatter: the
                        // Saturdays 0.25 off their mean, 12 x 0.25² / (84 days - 7 means - 1 trend) = 0.75/76. Variance
                        // = 0.75/76 x (own: 16 x 100² + 3 x 40² + 3 x 10² = 165,100; means: (3 x 100)² x 4 weekdays
                        // + 400² + 120² + 30², / 12 days each = 44,608.33; trend: (Σ mean x days from its weekday's
                        // middle = 93,275)² / Σ (days from the middle)² 49,049 = 177,378.25) = 3,819.93; sd 61.81,
                        // x 1.28155 = 79.21: 2,410.79 .. 2,569.21.
                        new Case(
                                "a weekly pattern, a month of 31 days",
                                month(2026, 12, BOGOTA),
                                "2026-12-10T05:00:00Z",
                                days("2026-09-17", "2026-12-09", BOGOTA, ForecasterTest::weeklyWithSaturdaySpread),
                                740,
                                2_490,
                                2_411,
                                2_569L,
                                Method.WEEKDAY_TREND,
                                84,
                                22,
                                "204500.00",
                                "200550.00",
                                "208450.00"),
                        // Feb 2027 is four whole weeks from Monday the 1st: Mon-Tue so far 200, to come 18 x 100 + 4 x
                        // 40 + 4 x 10.
                        new Case(
                                "a month of 28 days",
                                month(2027, 2, BOGOTA),
                                "2027-02-03T05:00:00Z",
                                days("2026-11-11", "2027-02-02", BOGOTA, ForecasterTest::weekly),
                                200,
                                2_200,
                                2_200,
                                2_200L,
                                Method.WEEKDAY_TREND,
                                84,
                                26,
                                "190000.00",
                                "190000.00",
                                "190000.00"),
                        // Sep 6 in Santiago runs 04:00Z to 03:00Z next day, 23 hours: at 15:30Z, 11.5 of them are gone,
                        // half
                        // the day. 40 so far + 0.5 x the Sundays' mean 100 = 90. Scatter 12 x 0.2² / 76 = 0.48/76;
                        // variance
                        // = 0.48/76 x (50² + 50²/12 + (50 x 45.5 days from the Sundays' middle)² / 49,049) = 17.77, sd
                        // 4.216,
                        // x 1.28155 = 5.40. Seat: 80,000 x 1/30. (Hours as 12.5 of 24 would make 88.)
                        new Case(
                                "a DST day of 23 hours, a period starting today",
                                day("2026-09-06", SANTIAGO),
                                "2026-09-06T15:30:00Z",
                                with(
                                        days(
                                                "2026-06-14",
                                                "2026-09-05",
                                                SANTIAGO,
                                                ForecasterTest::flatWithSundaySpread),
                                        new DayUnits(
                                                LocalDate.parse("2026-09-06"),
                                                Instant.parse("2026-09-06T15:30:00Z"),
                                                Map.of(ServiceKey.SMS_OUT, 40L))),
                                40,
                                90,
                                85,
                                95L,
                                Method.WEEKDAY_TREND,
                                84,
                                0.5,
                                "7166.67",
                                "6916.67",
                                "7416.67"),
                        // Apr 4 in Santiago runs 03:00Z to 04:00Z next day, 25 hours: at 13:00Z, 10 are gone, 0.6 to
                        // come.
                        new Case(
                                "a DST day of 25 hours",
                                day("2026-04-04", SANTIAGO),
                                "2026-04-04T13:00:00Z",
                                with(
                                        days("2026-01-10", "2026-04-03", SANTIAGO, d -> 100),
                                        new DayUnits(
                                                LocalDate.parse("2026-04-04"),
                                                Instant.parse("2026-04-04T13:00:00Z"),
                                                Map.of(ServiceKey.SMS_OUT, 30L))),
                                30,
                                90,
                                90,
                                90L,
                                Method.WEEKDAY_TREND,
                                84,
                                0.6,
                                "7166.67",
                                "7166.67",
                                "7166.67"),
                        // The week from Monday Nov 30, noon: 30 so far, half of Monday 50, Tue-Fri 400, Sat 40, Sun 10.
                        // Seat across two months: 80,000 x 1/30 + 80,000 x 6/31 = 18,150.5376.
                        new Case(
                                "a week starting today, across two months",
                                new Period(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"), BOGOTA),
                                "2026-11-30T17:00:00Z",
                                with(
                                        days("2026-09-07", "2026-11-29", BOGOTA, ForecasterTest::weekly),
                                        new DayUnits(
                                                LocalDate.parse("2026-11-30"),
                                                Instant.parse("2026-11-30T17:00:00Z"),
                                                Map.of(ServiceKey.SMS_OUT, 30L))),
                                30,
                                530,
                                530,
                                530L,
                                Method.WEEKDAY_TREND,
                                84,
                                6.5,
                                "44650.54",
                                "44650.54",
                                "44650.54"),
                        // Each weekday grows by 14 a week: 123 twelve weeks before, 277 the last week (mean 200, 2 a
                        // day,
                        // 1 % of the mean). The week to come is each weekday's next step, 291: 7 x 291, no scatter; the
                        // weekdays' means alone would say 1,400. Seat as above.
                        new Case(
                                "a growing tenant",
                                new Period(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"), BOGOTA),
                                "2026-11-30T05:00:00Z",
                                days(
                                        "2026-09-07",
                                        "2026-11-29",
                                        BOGOTA,
                                        d -> 277 - 14 * ChronoUnit.WEEKS.between(d, LocalDate.parse("2026-11-29"))),
                                0,
                                2_037,
                                2_037,
                                2_037L,
                                Method.WEEKDAY_TREND,
                                84,
                                7,
                                "120000.54",
                                "120000.54",
                                "120000.54"),
                        // Two weeks synced, SMS on the two Mondays only (100 each): one mean and the trend take both
                        // days,
                        // leaving no scatter to measure, so the range is the short history's: the three Mondays to come
                        // 300, and half to one and a half times them.
                        new Case(
                                "a service used on one weekday, two weeks of history",
                                month(2026, 11, BOGOTA),
                                "2026-11-15T05:00:00Z",
                                days(
                                        "2026-11-01",
                                        "2026-11-14",
                                        BOGOTA,
                                        d -> d.getDayOfWeek() == DayOfWeek.MONDAY ? 100 : 0),
                                200,
                                500,
                                350,
                                650L,
                                Method.WEEKDAY_TREND,
                                14,
                                16,
                                "105000.00",
                                "97500.00",
                                "112500.00"),
                        // Ten days synced (Nov 5-14): the mean day 100 for the 20 days to come (Nov 1-4 never synced,
                        // and
                        // Nov 15-30), and a range of half to one and a half times those 2,000.
                        new Case(
                                "too little history",
                                month(2026, 11, BOGOTA),
                                "2026-11-15T05:00:00Z",
                                days("2026-11-05", "2026-11-14", BOGOTA, d -> 100),
                                1_000,
                                3_000,
                                2_000,
                                4_000L,
                                Method.SHORT_HISTORY,
                                10,
                                20,
                                "230000.00",
                                "180000.00",
                                "280000.00"),
                        // Only today, synced at noon: what is used so far, and nothing bounds the rest (to come: Nov
                        // 1-14,
                        // never synced, half of the 15th and the 15 days after).
                        new Case(
                                "no history",
                                month(2026, 11, BOGOTA),
                                "2026-11-15T17:00:00Z",
                                List.of(new DayUnits(
                                        LocalDate.parse("2026-11-15"),
                                        Instant.parse("2026-11-15T17:00:00Z"),
                                        Map.of(ServiceKey.SMS_OUT, 25L))),
                                25,
                                25,
                                25,
                                null,
                                Method.NO_HISTORY,
                                0,
                                29.5,
                                "81250.00",
                                "81250.00",
                                null))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void projectsThePeriodToItsEnd(Case c) {
        // when
        Forecast forecast =
                new Forecaster(PRICING).forecast(c.period(), Instant.parse(c.asOf()), c.days(), ROLES, ONE_AGENT);

        // then
        ServiceForecast sms = sms(forecast);
        assertThat(List.of(sms.soFar(), sms.point(), sms.low())).containsExactly(c.soFar(), c.point(), c.low());
        assertThat(sms.high()).isEqualTo(c.high());
        assertThat(forecast.method()).isEqualTo(c.method());
        assertThat(forecast.daysOfHistory()).isEqualTo(c.daysOfHistory());
        assertThat(forecast.daysToCome()).isCloseTo(c.daysToCome(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(forecast.point().total()).isEqualByComparingTo(c.totalPoint());
        assertThat(forecast.point().total().scale()).isEqualTo(2);
        assertThat(forecast.low().total()).isEqualByComparingTo(c.totalLow());
        if (c.totalHigh() == null) {
            assertThat(forecast.high()).isNull();
        } else {
            assertThat(forecast.high().total()).isEqualByComparingTo(c.totalHigh());
        }
        // services without history project zero, never missing
        assertThat(forecast.services()).extracting(ServiceForecast::key).containsExactly(ServiceKey.values());
        assertThat(forecast.services().get(ServiceKey.VOICE_MINUTES.ordinal()).point())
                .isZero();
    }

    @Test
    void theStraightLineStretchesTheUnitsSoFarOverThePeriod() {
        // given: Feb 2027 as of the end of Monday 1st and Tuesday 2nd, 200 so far
        List<DayUnits> days = days("2026-11-11", "2027-02-02", BOGOTA, ForecasterTest::weekly);

        // when
        Forecast line = new Forecaster(PRICING)
                .straightLine(month(2027, 2, BOGOTA), Instant.parse("2027-02-03T05:00:00Z"), days, ROLES, ONE_AGENT);

        // then: 200 x 28 / 2, where the weekdays say 2,200
        assertThat(sms(line).point()).isEqualTo(2_800);
        assertThat(line.method()).isEqualTo(Method.STRAIGHT_LINE);
        assertThat(line.point().total()).isEqualByComparingTo("220000.00");
    }

    @Test
    void seatsAreTheUsersKnownAtTheAsOfEachStayingToThePeriodsEnd() {
        // given: November as of Nov 15
        List<UserRecord> users = List.of(
                user(1, "2025-01-01T00:00:00Z", null),
                // deactivated after the as-of: not known then, so a seat as any other
                user(2, "2025-01-01T00:00:00Z", "2026-11-20T00:00:00Z"),
                // created after the as-of: not known yet
                user(3, "2026-11-16T00:00:00Z", null),
                // deactivated before November: no seat
                user(4, "2025-01-01T00:00:00Z", "2026-10-31T00:00:00Z"),
                // created mid-period, before the as-of: the whole month, as the contract prices it
                user(5, "2026-11-10T00:00:00Z", null));

        // when
        Forecast forecast = new Forecaster(PRICING)
                .forecast(
                        month(2026, 11, BOGOTA),
                        Instant.parse("2026-11-15T05:00:00Z"),
                        days("2026-08-23", "2026-11-14", BOGOTA, d -> 0),
                        ROLES,
                        users);

        // then
        EstimateLine seats = forecast.point().lines().get(0);
        assertThat(seats.kind()).isEqualTo(EstimateLine.Kind.SEAT);
        assertThat(seats.quantity()).isEqualTo(3);
        assertThat(seats.amount()).isEqualByComparingTo("240000.00");
        assertThat(forecast.low().lines().get(0)).isEqualTo(seats);
        assertThat(forecast.high().lines().get(0)).isEqualTo(seats);
    }

    @Test
    void aPeriodOverAtTheAsOfIsItsEstimate() {
        // given: October synced whole with a weekly pattern, as of November 1st 00:00 in Bogota
        Period october = month(2026, 10, BOGOTA);
        List<DayUnits> days = days("2026-08-01", "2026-10-31", BOGOTA, ForecasterTest::weekly);
        List<DayFacts.ChannelFact> facts = days.stream()
                .map(d -> new DayFacts.ChannelFact(
                        d.day(), 1, ServiceKey.SMS_OUT, d.units(ServiceKey.SMS_OUT), d.units(ServiceKey.SMS_OUT)))
                .toList();
        ReferenceData reference =
                new ReferenceData(ROLES, ONE_AGENT, Map.of(1, new Channel(1, "sms", "SMS", null)), List.of());

        // when
        Forecast forecast = new Forecaster(PRICING)
                .forecast(october, Instant.parse("2026-11-01T05:00:00Z"), days, ROLES, ONE_AGENT);

        // then: 22 weekdays, 5 Saturdays, 4 Sundays = 2,440, priced as the estimate prices them
        Estimate estimate = new UsageCalculator(PRICING)
                .compute(october, GroupBy.MONTH, reference, facts, List.of(), List.of())
                .estimate();
        assertThat(sms(forecast).point()).isEqualTo(2_440);
        assertThat(List.of(sms(forecast).low(), sms(forecast).high())).containsExactly(2_440L, 2_440L);
        assertThat(forecast.open()).isFalse();
        assertThat(forecast.point()).isEqualTo(estimate);
        assertThat(forecast.low()).isEqualTo(estimate);
        assertThat(forecast.high()).isEqualTo(estimate);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // twelve weeks of 100 a weekday, 40 a Saturday, 10 a Sunday, as of Sunday Nov 15 00:00: the
                // week ending today has begun (it is the charts' own); the next two are 5 x 100 + 40 + 10,
                // Monday Nov 30 alone 100
                "weekly history, by week | 2026-08-23 | 2026-11-14 | 2026-11-15T05:00:00Z | WEEK"
                        + " | 2026-11-16..2026-11-22=550; 2026-11-23..2026-11-29=550; 2026-11-30..2026-11-30=100",
                // by day: each day from its own weekday
                "weekly history, by day, first days | 2026-08-23 | 2026-11-14 | 2026-11-15T05:00:00Z | DAY"
                        + " | 2026-11-16..2026-11-16=100; 2026-11-17..2026-11-17=100; 2026-11-18..2026-11-18=100;"
                        + " 2026-11-19..2026-11-19=100; 2026-11-20..2026-11-20=100; 2026-11-21..2026-11-21=40;"
                        + " 2026-11-22..2026-11-22=10",
                // one week of history (short): the mean day, 550 / 7; a whole week 550, Monday Nov 30 78.57 -> 79
                "short history, by week | 2026-11-08 | 2026-11-14 | 2026-11-15T05:00:00Z | WEEK"
                        + " | 2026-11-16..2026-11-22=550; 2026-11-23..2026-11-29=550; 2026-11-30..2026-11-30=79",
                // the month has begun: no bucket of it is still to come
                "by month | 2026-08-23 | 2026-11-14 | 2026-11-15T05:00:00Z | MONTH | ",
                // on Monday Nov 30 at noon the last bucket has begun too
                "the last day, by day | 2026-09-06 | 2026-11-29 | 2026-11-30T17:00:00Z | DAY | ",
                // no history: nothing to draw
                "no history | 2026-07-01 | 2026-07-01 | 2026-11-15T05:00:00Z | WEEK | "
            })
    void projectsEachBucketStillToComeForTheCharts(
            String name, String from, String to, String asOf, GroupBy groupBy, String expected) {
        // when
        List<Forecaster.BucketForecast> buckets = new Forecaster(PRICING)
                .byBucket(
                        month(2026, 11, BOGOTA),
                        groupBy,
                        Instant.parse(asOf),
                        days(from, to, BOGOTA, ForecasterTest::weekly),
                        ROLES,
                        ONE_AGENT);

        // then
        List<String> shown = buckets.stream()
                .map(b -> b.bucket().first() + ".." + b.bucket().last() + "="
                        + b.units().get(ServiceKey.SMS_OUT))
                .toList();
        if (expected == null) {
            assertThat(shown).isEmpty();
        } else if (name.endsWith("first days")) {
            assertThat(shown.subList(0, 7)).containsExactly(expected.split("; "));
            assertThat(shown).hasSize(15);
        } else {
            assertThat(shown).containsExactly(expected.split("; "));
        }
        buckets.forEach(b -> assertThat(b.units().get(ServiceKey.EMAIL_OUT)).isZero());
    }

    @Test
    void eachBucketStillToComeHasTheUsersKnownAtTheAsOf() {
        // given: as of Nov 15 one agent stays, one deactivated later is not known to go, one created
        // later is not known yet, one left in October
        List<UserRecord> users = List.of(
                user(1, "2025-01-01T00:00:00Z", null),
                user(2, "2025-01-01T00:00:00Z", "2026-11-20T00:00:00Z"),
                user(3, "2026-11-16T00:00:00Z", null),
                user(4, "2025-01-01T00:00:00Z", "2026-10-31T00:00:00Z"));

        // when
        List<Forecaster.BucketForecast> buckets = new Forecaster(PRICING)
                .byBucket(
                        month(2026, 11, BOGOTA),
                        GroupBy.WEEK,
                        Instant.parse("2026-11-15T05:00:00Z"),
                        days("2026-08-23", "2026-11-14", BOGOTA, ForecasterTest::weekly),
                        ROLES,
                        users);

        // then
        assertThat(buckets).hasSize(3);
        buckets.forEach(b -> assertThat(b.usersByRole()).isEqualTo(Map.of("Agente", 2L)));
    }

    private static ServiceForecast sms(Forecast forecast) {
        return forecast.services().get(ServiceKey.SMS_OUT.ordinal());
    }

    private static Period month(int year, int month, ZoneId zone) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new Period(first, first.withDayOfMonth(first.lengthOfMonth()), zone);
    }

    private static Period day(String day, ZoneId zone) {
        return new Period(LocalDate.parse(day), LocalDate.parse(day), zone);
    }

    /** Complete days {@code from..to}: each synced when it had ended, with its SMS units. */
    private static List<DayUnits> days(String from, String to, ZoneId zone, ToLongFunction<LocalDate> sms) {
        List<DayUnits> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            days.add(new DayUnits(
                    d, d.plusDays(1).atStartOfDay(zone).toInstant(), Map.of(ServiceKey.SMS_OUT, sms.applyAsLong(d))));
        }
        return days;
    }

    private static List<DayUnits> with(List<DayUnits> days, DayUnits day) {
        List<DayUnits> all = new ArrayList<>(days);
        all.add(day);
        return all;
    }

    private static UserRecord user(long id, String createdAt, String deactivatedAt) {
        return new UserRecord(
                id,
                "User " + id,
                "u" + id + "@example.com",
                1,
                Instant.parse(createdAt),
                deactivatedAt == null ? null : Instant.parse(deactivatedAt),
                null);
    }
}
