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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forecast of outgoing SMS (50 COP a segment) and one agent's seat (80,000 COP a month), each
 * case computed by hand in its comment. Histories are complete days (synced after they ended).
 */
class ForecasterTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    private static final Pricing PRICING = new Pricing("COP", 2, Map.of("Agente", new BigDecimal("80000")),
            Map.of(ServiceKey.SMS_OUT, new BigDecimal("50")));
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

    /** As {@link #weekly}, the Saturdays from 2026-10-17 on alternating 30 and 50 (mean 40, s² = 8 × 10² / 7). */
    private static long weeklyWithSaturdaySpread(LocalDate day) {
        if (day.getDayOfWeek() != DayOfWeek.SATURDAY) {
            return weekly(day);
        }
        return ChronoUnit.WEEKS.between(LocalDate.parse("2026-10-17"), day) % 2 == 0 ? 30 : 50;
    }

    /** 100 a day, the Sundays from 2026-07-12 on alternating 80 and 120 (mean 100, s² = 8 × 20² / 7). */
    private static long flatWithSundaySpread(LocalDate day) {
        if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            return 100;
        }
        return ChronoUnit.WEEKS.between(LocalDate.parse("2026-07-12"), day) % 2 == 0 ? 80 : 120;
    }

    record Case(String name, Period period, String asOf, List<DayUnits> days, long soFar, long point, long low,
            Long high, Method method, int daysOfHistory, double daysToCome, String totalPoint, String totalLow,
            String totalHigh) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // 56 days of 100 before Nov 15; Nov 1-14 so far 1,400, Nov 15-30 to come 16 x 100: 3,000, no spread.
                // Nov 15, synced after the as-of, is not read (999 would show).
                new Case("flat history, a month of 30 days", month(2026, 11, BOGOTA), "2026-11-15T05:00:00Z",
                        with(days("2026-09-20", "2026-11-14", BOGOTA, d -> 100),
                                new DayUnits(LocalDate.parse("2026-11-15"), Instant.parse("2026-11-16T05:00:00Z"),
                                        Map.of(ServiceKey.SMS_OUT, 999L))),
                        1_400, 3_000, 3_000, 3_000L, Method.WEEKDAY_MEAN, 56, 16,
                        "230000.00", "230000.00", "230000.00"),
                // Dec 1-9 so far: Tue-Fri 400, Sat 5th 50, Sun 10, Mon-Wed 300 = 760. Dec 10-31 to come: 16 weekdays
                // 1,600, 3 Saturdays x 40 = 120, 3 Sundays x 10 = 30: 1,750; point 2,510. Only Saturdays vary:
                // variance (800/7)(3 + 3²/8) = 3300/7, sd 21.712, x 1.28155 = 27.83: 2,482.17 .. 2,537.83.
                new Case("a weekly pattern, a month of 31 days", month(2026, 12, BOGOTA), "2026-12-10T05:00:00Z",
                        days("2026-10-15", "2026-12-09", BOGOTA, ForecasterTest::weeklyWithSaturdaySpread),
                        760, 2_510, 2_482, 2_538L, Method.WEEKDAY_MEAN, 56, 22,
                        "205500.00", "204100.00", "206900.00"),
                // Feb 2027 is four whole weeks from Monday the 1st: Mon-Tue so far 200, to come 18 x 100 + 4 x 40 + 4 x 10.
                new Case("a month of 28 days", month(2027, 2, BOGOTA), "2027-02-03T05:00:00Z",
                        days("2026-12-09", "2027-02-02", BOGOTA, ForecasterTest::weekly),
                        200, 2_200, 2_200, 2_200L, Method.WEEKDAY_MEAN, 56, 26,
                        "190000.00", "190000.00", "190000.00"),
                // Sep 6 in Santiago runs 04:00Z to 03:00Z next day, 23 hours: at 15:30Z, 11.5 of them are gone, half
                // the day. 40 so far + 0.5 x the Sundays' mean 100 = 90; variance (3200/7)(0.5² + 0.5²/8) = 900/7,
                // sd 11.339, x 1.28155 = 14.53. Seat: 80,000 x 1/30. (Hours as 12.5 of 24 would make 88.)
                new Case("a DST day of 23 hours, a period starting today", day("2026-09-06", SANTIAGO),
                        "2026-09-06T15:30:00Z",
                        with(days("2026-07-12", "2026-09-05", SANTIAGO, ForecasterTest::flatWithSundaySpread),
                                new DayUnits(LocalDate.parse("2026-09-06"), Instant.parse("2026-09-06T15:30:00Z"),
                                        Map.of(ServiceKey.SMS_OUT, 40L))),
                        40, 90, 75, 105L, Method.WEEKDAY_MEAN, 56, 0.5,
                        "7166.67", "6416.67", "7916.67"),
                // Apr 4 in Santiago runs 03:00Z to 04:00Z next day, 25 hours: at 13:00Z, 10 are gone, 0.6 to come.
                new Case("a DST day of 25 hours", day("2026-04-04", SANTIAGO), "2026-04-04T13:00:00Z",
                        with(days("2026-02-07", "2026-04-03", SANTIAGO, d -> 100),
                                new DayUnits(LocalDate.parse("2026-04-04"), Instant.parse("2026-04-04T13:00:00Z"),
                                        Map.of(ServiceKey.SMS_OUT, 30L))),
                        30, 90, 90, 90L, Method.WEEKDAY_MEAN, 56, 0.6,
                        "7166.67", "7166.67", "7166.67"),
                // The week from Monday Nov 30, noon: 30 so far, half of Monday 50, Tue-Fri 400, Sat 40, Sun 10.
                // Seat across two months: 80,000 x 1/30 + 80,000 x 6/31 = 18,150.5376.
                new Case("a week starting today, across two months", new Period(LocalDate.parse("2026-11-30"),
                        LocalDate.parse("2026-12-06"), BOGOTA), "2026-11-30T17:00:00Z",
                        with(days("2026-10-05", "2026-11-29", BOGOTA, ForecasterTest::weekly),
                                new DayUnits(LocalDate.parse("2026-11-30"), Instant.parse("2026-11-30T17:00:00Z"),
                                        Map.of(ServiceKey.SMS_OUT, 30L))),
                        30, 530, 530, 530L, Method.WEEKDAY_MEAN, 56, 6.5,
                        "44650.54", "44650.54", "44650.54"),
                // Ten days synced (Nov 5-14): the mean day 100 for the 20 days to come (Nov 1-4 never synced, and
                // Nov 15-30), and a range of half to one and a half times those 2,000.
                new Case("too little history", month(2026, 11, BOGOTA), "2026-11-15T05:00:00Z",
                        days("2026-11-05", "2026-11-14", BOGOTA, d -> 100),
                        1_000, 3_000, 2_000, 4_000L, Method.SHORT_HISTORY, 10, 20,
                        "230000.00", "180000.00", "280000.00"),
                // Only today, synced at noon: what is used so far, and nothing bounds the rest (to come: Nov 1-14,
                // never synced, half of the 15th and the 15 days after).
                new Case("no history", month(2026, 11, BOGOTA), "2026-11-15T17:00:00Z",
                        List.of(new DayUnits(LocalDate.parse("2026-11-15"), Instant.parse("2026-11-15T17:00:00Z"),
                                Map.of(ServiceKey.SMS_OUT, 25L))),
                        25, 25, 25, null, Method.NO_HISTORY, 0, 29.5,
                        "81250.00", "81250.00", null))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void projectsThePeriodToItsEnd(Case c) {
        // when
        Forecast forecast = new Forecaster(PRICING).forecast(c.period(), Instant.parse(c.asOf()), c.days(), ROLES,
                ONE_AGENT);

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
        assertThat(forecast.services().get(ServiceKey.VOICE_MINUTES.ordinal()).point()).isZero();
    }

    @Test
    void theStraightLineStretchesTheUnitsSoFarOverThePeriod() {
        // given: Feb 2027 as of the end of Monday 1st and Tuesday 2nd, 200 so far
        List<DayUnits> days = days("2026-12-09", "2027-02-02", BOGOTA, ForecasterTest::weekly);

        // when
        Forecast line = new Forecaster(PRICING).straightLine(month(2027, 2, BOGOTA),
                Instant.parse("2027-02-03T05:00:00Z"), days, ROLES, ONE_AGENT);

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
        Forecast forecast = new Forecaster(PRICING).forecast(month(2026, 11, BOGOTA),
                Instant.parse("2026-11-15T05:00:00Z"), days("2026-09-20", "2026-11-14", BOGOTA, d -> 0), ROLES, users);

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
        List<DayFacts.ChannelFact> facts = days.stream().map(d -> new DayFacts.ChannelFact(d.day(), 1,
                ServiceKey.SMS_OUT, d.units(ServiceKey.SMS_OUT), d.units(ServiceKey.SMS_OUT))).toList();
        ReferenceData reference = new ReferenceData(ROLES, ONE_AGENT, Map.of(1, new Channel(1, "sms", "SMS", null)),
                List.of());

        // when
        Forecast forecast = new Forecaster(PRICING).forecast(october, Instant.parse("2026-11-01T05:00:00Z"), days,
                ROLES, ONE_AGENT);

        // then: 22 weekdays, 5 Saturdays, 4 Sundays = 2,440, priced as the estimate prices them
        Estimate estimate = new UsageCalculator(PRICING).compute(october, GroupBy.MONTH, reference, facts, List.of(),
                List.of()).estimate();
        assertThat(sms(forecast).point()).isEqualTo(2_440);
        assertThat(List.of(sms(forecast).low(), sms(forecast).high())).containsExactly(2_440L, 2_440L);
        assertThat(forecast.open()).isFalse();
        assertThat(forecast.point()).isEqualTo(estimate);
        assertThat(forecast.low()).isEqualTo(estimate);
        assertThat(forecast.high()).isEqualTo(estimate);
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
            days.add(new DayUnits(d, d.plusDays(1).atStartOfDay(zone).toInstant(),
                    Map.of(ServiceKey.SMS_OUT, sms.applyAsLong(d))));
        }
        return days;
    }

    private static List<DayUnits> with(List<DayUnits> days, DayUnits day) {
        List<DayUnits> all = new ArrayList<>(days);
        all.add(day);
        return all;
    }

    private static UserRecord user(long id, String createdAt, String deactivatedAt) {
        return new UserRecord(id, "User " + id, "u" + id + "@example.com", 1, Instant.parse(createdAt),
                deactivatedAt == null ? null : Instant.parse(deactivatedAt), null);
    }
}
