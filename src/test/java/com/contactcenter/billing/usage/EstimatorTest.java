package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.usage.EstimateLine.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EstimatorTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final Period OCTOBER = period("2026-10-01", "2026-10-31");

    @ParameterizedTest(name = "{0} x {1} at scale {2} = {3}")
    @CsvSource({
        // units, unit price, scale, amount (HALF_UP; HALF_EVEN would differ on the .5 rows)
        "3,       0.125,  2, 0.38",
        "3,       0.005,  2, 0.02",
        "1,       0.005,  2, 0.01",
        "1,       0.004,  2, 0.00",
        "5,       0.125,  2, 0.63",
        "1530,    50,     2, 76500.00",
        "1234567, 0.0125, 2, 15432.09",
        "0,       50,     2, 0.00",
        "3,       0.125,  0, 0",
        "5,       0.5,    0, 3",
        "7,       0.5,    0, 4",
        "1530,    50,     0, 76500",
        "3,       0.125,  3, 0.375",
    })
    void roundsAServiceLineHalfUpToTheScale(long units, BigDecimal unitPrice, int scale, BigDecimal expectedAmount) {
        // given
        Estimator estimator = new Estimator(pricing(scale, Map.of(), Map.of(ServiceKey.SMS_OUT, unitPrice)));

        // when
        Estimate estimate = estimator.estimate(OCTOBER, Map.of(), noSeats(), Map.of(ServiceKey.SMS_OUT, units));

        // then
        EstimateLine sms = line(estimate, "sms_out");
        assertThat(sms.amount()).isEqualTo(expectedAmount);
        assertThat(sms.quantity()).isEqualTo(units);
        assertThat(sms.priced()).isTrue();
        assertThat(estimate.total()).isEqualTo(expectedAmount);
    }

    @ParameterizedTest(name = "{0} at scale {1} shows as {2}")
    @CsvSource({
        "80000,     2, 80000.00",
        "80000.000, 2, 80000.00",
        "0.0125,    2, 0.0125",
        "0.0125,    0, 0.0125",
        "80000,     0, 80000",
        "80000.00,  0, 80000",
        "50,        2, 50.00",
        "0.5,       2, 0.50",
        "0,         2, 0.00",
        "0.000,     2, 0.00",
    })
    void showsAUnitPriceAtTheScaleOrWithItsOwnDecimalsWhenItHasMore(BigDecimal price, int scale, String expected) {
        // given
        Estimator estimator =
                new Estimator(pricing(scale, Map.of("Agente", price), Map.of(ServiceKey.EMAIL_OUT, price)));

        // when
        Estimate estimate = estimator.estimate(OCTOBER, Map.of("Agente", 1L), (role, part) -> 1L, Map.of());

        // then
        assertThat(line(estimate, "Agente").unitPrice().toPlainString()).isEqualTo(expected);
        assertThat(line(estimate, "email_out").unitPrice().toPlainString()).isEqualTo(expected);
    }

    static Stream<Arguments> seatProrations() {
        return Stream.of(
                // A whole month is the monthly price per user: 41 x 80000 = 3280000
                Arguments.of("2026-10-01", "2026-10-31", "80000", Map.of("2026-10-01", 41L), 2, "3280000.00"),
                // 2026-10-20..2026-11-10: October part 12 of 31 days with 4 users, November part 10 of 30 days
                // with 1 user: 4 x 80000 x 12/31 + 1 x 80000 x 10/30 = 3840000/31 + 80000/3 = 14000000/93
                // = 150537.634408... -> 150537.63 (rounding each month first would give 123870.97 + 26666.67 =
                // 150537.64)
                Arguments.of(
                        "2026-10-20",
                        "2026-11-10",
                        "80000",
                        Map.of("2026-10-20", 4L, "2026-11-01", 1L),
                        2,
                        "150537.63"),
                Arguments.of(
                        "2026-10-20", "2026-11-10", "80000", Map.of("2026-10-20", 4L, "2026-11-01", 1L), 0, "150538"),
                // same range, 4 then 2 users: 3840000/31 + 160000/3 = 16480000/93 = 177204.301075... -> 177204.30
                Arguments.of(
                        "2026-10-20",
                        "2026-11-10",
                        "80000",
                        Map.of("2026-10-20", 4L, "2026-11-01", 2L),
                        2,
                        "177204.30"),
                // three months: 1/31 + 30/30 + 1/31 of 31000 = 1000 + 31000 + 1000
                Arguments.of(
                        "2026-10-31",
                        "2026-12-01",
                        "31000",
                        Map.of("2026-10-31", 1L, "2026-11-01", 1L, "2026-12-01", 1L),
                        2,
                        "33000.00"),
                // a leap February: 15 of 29 days of 29000 = 15000
                Arguments.of("2028-02-15", "2028-02-29", "29000", Map.of("2028-02-15", 1L), 2, "15000.00"),
                // a price with decimals: 99.99 x 12/31 = 1199.88/31 = 38.70580... -> 38.71
                Arguments.of("2026-10-20", "2026-10-31", "99.99", Map.of("2026-10-20", 1L), 2, "38.71"),
                // one day of a 31-day month, 3 users of 100: 300/31 = 9.677... -> 9.68; at scale 0 -> 10
                Arguments.of("2026-10-15", "2026-10-15", "100", Map.of("2026-10-15", 3L), 2, "9.68"),
                Arguments.of("2026-10-15", "2026-10-15", "100", Map.of("2026-10-15", 3L), 0, "10"),
                // exactly half a cent rounds up: 1 x 0.155 x 1/31 = 0.005 -> 0.01
                Arguments.of("2026-10-15", "2026-10-15", "0.155", Map.of("2026-10-15", 1L), 2, "0.01"),
                // a month part with no billable users adds nothing: 0 x ... + 2 x 80000 x 10/30 = 53333.33...
                Arguments.of(
                        "2026-10-20",
                        "2026-11-10",
                        "80000",
                        Map.of("2026-10-20", 0L, "2026-11-01", 2L),
                        2,
                        "53333.33"));
    }

    @ParameterizedTest(name = "{0}..{1} at {2}/month, users {3}, scale {4} -> {5}")
    @MethodSource("seatProrations")
    void proratesASeatLinePerCalendarMonthAndRoundsOnce(
            String from,
            String to,
            String monthlyPrice,
            Map<String, Long> usersByPartStart,
            int scale,
            String expectedAmount) {
        // given
        Period period = period(from, to);
        Estimator estimator = new Estimator(pricing(scale, Map.of("Agente", new BigDecimal(monthlyPrice)), Map.of()));
        List<Period> askedParts = new ArrayList<>();
        BiFunction<String, Period, Long> billableInPart = (role, part) -> {
            askedParts.add(part);
            return usersByPartStart.get(part.from().toString());
        };

        // when
        Estimate estimate = estimator.estimate(period, Map.of("Agente", 5L), billableInPart, Map.of());

        // then
        EstimateLine seat = line(estimate, "Agente");
        assertThat(seat.kind()).isEqualTo(Kind.SEAT);
        assertThat(seat.amount()).isEqualTo(new BigDecimal(expectedAmount));
        assertThat(seat.quantity()).isEqualTo(5);
        assertThat(seat.priced()).isTrue();
        assertThat(askedParts)
                .extracting(p -> p.from().toString())
                .containsExactlyInAnyOrderElementsOf(usersByPartStart.keySet());
    }

    @Test
    void asksForTheBillableUsersOfEachMonthPartOfThePeriod() {
        // given
        Period period = period("2026-10-20", "2026-11-10");
        List<String> asked = new ArrayList<>();
        Estimator estimator = new Estimator(pricing(2, Map.of("Agente", new BigDecimal("80000")), Map.of()));

        // when
        estimator.estimate(
                period,
                Map.of("Agente", 1L),
                (role, part) -> {
                    asked.add(role + " " + part.from() + ".." + part.to() + " " + part.zone());
                    return 1L;
                },
                Map.of());

        // then
        assertThat(asked)
                .containsExactly(
                        "Agente 2026-10-20..2026-10-31 America/Bogota", "Agente 2026-11-01..2026-11-10 America/Bogota");
    }

    @Test
    void pricesARoleWithoutAPriceAtZeroAndFlagsIt() {
        // given
        Estimator estimator = new Estimator(pricing(2, Map.of("Agente", new BigDecimal("80000")), Map.of()));
        Map<String, Long> seats = new LinkedHashMap<>();
        seats.put("Agente", 2L);
        seats.put("Sin rol", 3L);

        // when
        Estimate estimate = estimator.estimate(OCTOBER, seats, (role, part) -> seats.get(role), Map.of());

        // then
        assertThat(line(estimate, "Sin rol"))
                .isEqualTo(new EstimateLine(
                        Kind.SEAT, "Sin rol", 3, new BigDecimal("0.00"), new BigDecimal("0.00"), false));
        assertThat(line(estimate, "Agente"))
                .isEqualTo(new EstimateLine(
                        Kind.SEAT, "Agente", 2, new BigDecimal("80000.00"), new BigDecimal("160000.00"), true));
        assertThat(estimate.total()).isEqualTo(new BigDecimal("160000.00"));
    }

    @Test
    void pricesAServiceWithoutAPriceAtZeroAndFlagsIt() {
        // given
        Estimator estimator = new Estimator(pricing(2, Map.of(), Map.of(ServiceKey.SMS_OUT, new BigDecimal("50"))));

        // when
        Estimate estimate = estimator.estimate(
                OCTOBER, Map.of(), noSeats(), Map.of(ServiceKey.SMS_OUT, 10L, ServiceKey.VOICE_MINUTES, 512L));

        // then
        assertThat(line(estimate, "voice_minutes"))
                .isEqualTo(new EstimateLine(
                        Kind.SERVICE, "voice_minutes", 512, new BigDecimal("0.00"), new BigDecimal("0.00"), false));
        assertThat(line(estimate, "sms_out"))
                .isEqualTo(new EstimateLine(
                        Kind.SERVICE, "sms_out", 10, new BigDecimal("50.00"), new BigDecimal("500.00"), true));
        assertThat(estimate.total()).isEqualTo(new BigDecimal("500.00"));
    }

    @Test
    void listsASeatLinePerRoleWithUsersThenEverySevenServices() {
        // given
        Estimator estimator = new Estimator(pricing(2, Map.of("Agente", new BigDecimal("80000")), Map.of()));
        Map<String, Long> seats = new LinkedHashMap<>();
        seats.put("Administrador", 0L);
        seats.put("Agente", 2L);
        seats.put("Supervisor", 1L);

        // when
        Estimate estimate = estimator.estimate(OCTOBER, seats, (role, part) -> seats.get(role), Map.of());

        // then
        assertThat(estimate.lines())
                .extracting(l -> l.kind().code() + ":" + l.key() + ":" + l.quantity())
                .containsExactly(
                        "seat:Agente:2",
                        "seat:Supervisor:1",
                        "service:sms_out:0",
                        "service:email_out:0",
                        "service:whatsapp_out:0",
                        "service:whatsapp_in:0",
                        "service:voice_minutes:0",
                        "service:video_minutes:0",
                        "service:bot_sessions:0");
        assertThat(estimate.currency()).isEqualTo("COP");
        assertThat(estimate.scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "scale {0}: total {1}")
    @CsvSource({
        // seat 14000000/93 = 150537.634..., sms 3 x 0.125 = 0.375, email 3 x 0.005 = 0.015,
        // whatsapp_out 1 x 0.005 = 0.005, voice 7 x 0.5 = 3.5; unrounded sum 150541.529...
        "2, 150537.63, 0.38, 0.02, 0.01, 3.50, 150541.54",
        "0, 150538,    0,    0,    0,    4,    150542",
    })
    void totalsTheRoundedLines(
            int scale,
            BigDecimal seat,
            BigDecimal sms,
            BigDecimal email,
            BigDecimal whatsapp,
            BigDecimal voice,
            BigDecimal expectedTotal) {
        // given
        Map<ServiceKey, BigDecimal> prices = new EnumMap<>(ServiceKey.class);
        prices.put(ServiceKey.SMS_OUT, new BigDecimal("0.125"));
        prices.put(ServiceKey.EMAIL_OUT, new BigDecimal("0.005"));
        prices.put(ServiceKey.WHATSAPP_OUT, new BigDecimal("0.005"));
        prices.put(ServiceKey.VOICE_MINUTES, new BigDecimal("0.5"));
        Estimator estimator = new Estimator(pricing(scale, Map.of("Agente", new BigDecimal("80000")), prices));
        Map<ServiceKey, Long> units = Map.of(
                ServiceKey.SMS_OUT,
                3L,
                ServiceKey.EMAIL_OUT,
                3L,
                ServiceKey.WHATSAPP_OUT,
                1L,
                ServiceKey.VOICE_MINUTES,
                7L);

        // when
        Estimate estimate = estimator.estimate(
                period("2026-10-20", "2026-11-10"),
                Map.of("Agente", 4L),
                (role, part) -> part.from().getMonthValue() == 10 ? 4L : 1L,
                units);

        // then
        assertThat(line(estimate, "Agente").amount()).isEqualTo(seat);
        assertThat(line(estimate, "sms_out").amount()).isEqualTo(sms);
        assertThat(line(estimate, "email_out").amount()).isEqualTo(email);
        assertThat(line(estimate, "whatsapp_out").amount()).isEqualTo(whatsapp);
        assertThat(line(estimate, "voice_minutes").amount()).isEqualTo(voice);
        assertThat(estimate.total()).isEqualTo(expectedTotal);
        assertThat(estimate.total())
                .isEqualTo(
                        estimate.lines().stream().map(EstimateLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void totalsZeroAtTheScaleWhenNothingIsPriced() {
        // when
        Estimate estimate =
                new Estimator(pricing(2, Map.of(), Map.of())).estimate(OCTOBER, Map.of(), noSeats(), Map.of());

        // then
        assertThat(estimate.total()).isEqualTo(new BigDecimal("0.00"));
        assertThat(estimate.lines()).hasSize(7).allSatisfy(l -> {
            assertThat(l.amount()).isEqualTo(new BigDecimal("0.00"));
            assertThat(l.priced()).isFalse();
        });
    }

    @ParameterizedTest(name = "scale {0}, price {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "-1 | 10    | pricing scale must be 0 or more, not -1",
                "2  | -0.01 | price of role 'Agente' must be 0 or more, not -0.01",
            })
    void rejectsANegativeScaleOrPrice(int scale, BigDecimal price, String expectedMessage) {
        assertThatThrownBy(() -> pricing(scale, Map.of("Agente", price), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expectedMessage);
    }

    /** Two plans in two currencies: the same usage, each priced by its own plan, at its own scale. */
    private static final Plan BASIC_COP = new Plan(
            "basic",
            new Pricing(
                    "COP",
                    0,
                    Map.of("Agente", new BigDecimal("80000")),
                    Map.of(ServiceKey.SMS_OUT, new BigDecimal("50"), ServiceKey.VOICE_MINUTES, new BigDecimal("180"))));

    private static final Plan PRO_USD = new Plan(
            "pro",
            new Pricing(
                    "USD",
                    2,
                    Map.of("Agente", new BigDecimal("25.50")),
                    Map.of(
                            ServiceKey.SMS_OUT,
                            new BigDecimal("0.0125"),
                            ServiceKey.VOICE_MINUTES,
                            new BigDecimal("0.04"))));

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // plan  | currency | seat line (10 agents, all October) | sms (1,530 segments) | voice (63 min) | total
                "basic   | COP      | 800000                             | 76500                | 11340          | 887840",
                "pro     | USD      | 255.00                             | 19.13                | 2.52           | 276.65",
            })
    void pricesTheSameUsageWithEachPlansOwnCurrencyScaleAndPrices(
            String plan, String currency, BigDecimal seats, BigDecimal sms, BigDecimal voice, BigDecimal total) {
        // given
        Plan priced = plan.equals("basic") ? BASIC_COP : PRO_USD;

        // when
        Estimate estimate = new Estimator(priced.pricing())
                .estimate(
                        OCTOBER,
                        Map.of("Agente", 10L),
                        (role, part) -> 10L,
                        Map.of(ServiceKey.SMS_OUT, 1530L, ServiceKey.VOICE_MINUTES, 63L));

        // then
        assertThat(estimate.currency()).isEqualTo(currency);
        assertThat(line(estimate, "Agente").amount()).isEqualTo(seats);
        assertThat(line(estimate, "sms_out").amount()).isEqualTo(sms);
        assertThat(line(estimate, "voice_minutes").amount()).isEqualTo(voice);
        assertThat(estimate.total()).isEqualTo(total);
    }

    /**
     * A tenant moved from basic (COP) to pro (USD) on October 16: the month is priced whole with the
     * plan it has at the as-of, never part in each (that would add two currencies).
     */
    @Test
    void pricesAMonthWithThePlanAtTheAsOfWhenTheTenantMovedMidMonth() {
        // given: 10 agents all month; the snapshot's as-of is after the move
        Map<String, Long> seats = Map.of("Agente", 10L);
        BiFunction<String, Period, Long> allMonth = (role, part) -> 10L;
        Map<ServiceKey, Long> units = Map.of(ServiceKey.SMS_OUT, 1530L);

        // when
        Estimate beforeTheMove = new Estimator(BASIC_COP.pricing()).estimate(OCTOBER, seats, allMonth, units);
        Estimate atTheAsOf = new Estimator(PRO_USD.pricing()).estimate(OCTOBER, seats, allMonth, units);

        // then
        assertThat(beforeTheMove.currency()).isEqualTo("COP");
        assertThat(beforeTheMove.total()).isEqualTo(new BigDecimal("876500"));
        assertThat(atTheAsOf.currency()).isEqualTo("USD");
        assertThat(line(atTheAsOf, "Agente").amount()).isEqualTo(new BigDecimal("255.00"));
        assertThat(atTheAsOf.total()).isEqualTo(new BigDecimal("274.13"));
    }

    @Test
    void aPlansPricesHashFollowsItsPricesNotHowConfigWroteThem() {
        // given
        Plan same = new Plan(
                "pro",
                new Pricing(
                        "USD",
                        2,
                        Map.of("Agente", new BigDecimal("25.5000")),
                        Map.of(
                                ServiceKey.VOICE_MINUTES,
                                new BigDecimal("0.040"),
                                ServiceKey.SMS_OUT,
                                new BigDecimal("0.0125"))));
        Plan dearer = new Plan(
                "pro",
                new Pricing(
                        "USD",
                        2,
                        Map.of("Agente", new BigDecimal("25.51")),
                        PRO_USD.pricing().unitPrices()));
        Plan otherCurrency = new Plan(
                "pro",
                new Pricing(
                        "EUR",
                        2,
                        PRO_USD.pricing().seatPrices(),
                        PRO_USD.pricing().unitPrices()));

        // then
        assertThat(same.pricesHash()).isEqualTo(PRO_USD.pricesHash()).hasSize(64);
        assertThat(dearer.pricesHash()).isNotEqualTo(PRO_USD.pricesHash());
        assertThat(otherCurrency.pricesHash()).isNotEqualTo(PRO_USD.pricesHash());
    }

    private static Pricing pricing(int scale, Map<String, BigDecimal> seats, Map<ServiceKey, BigDecimal> services) {
        return new Pricing("COP", scale, seats, services);
    }

    private static BiFunction<String, Period, Long> noSeats() {
        return (role, part) -> {
            throw new AssertionError("no seat line expected, asked for " + role);
        };
    }

    private static EstimateLine line(Estimate estimate, String key) {
        return estimate.lines().stream()
                .filter(l -> l.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + key + " in " + estimate.lines()));
    }

    private static Period period(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to), BOGOTA);
    }
}
