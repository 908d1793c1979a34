package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.usage.Forecast.Method;
import com.contactcenter.billing.usage.Forecast.ServiceForecast;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetRuleTest {

    private static final Period NOVEMBER =
            new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), ZoneId.of("America/Bogota"));

    @ParameterizedTest(name = "budget {0}, so far {1}, point {2}, high {3}: {4}")
    @CsvSource(
            nullValues = "null",
            value = {
                // budget,  so far,   point,    high,     state
                // equal to the budget is not over, at every level
                "1000.00,  1000.00,  1000.00,  1000.00,  OK",
                "1000.00,  999.99,   999.99,   1000.00,  OK",
                // one cent beyond, at each level
                "1000.00,  999.99,   1000.00,  1000.01,  AT_RISK",
                "1000.00,  999.99,   1000.01,  1000.01,  PROJECTED_OVER",
                "1000.00,  1000.01,  1000.01,  1000.01,  OVER",
                // the most serious state wins; the scale does not matter, only the value
                "1000,     1000.01,  1200,     1500,     OVER",
                "1000.000, 1000.000, 1000.001, 1000.002, PROJECTED_OVER",
                // no high end (no history): never at risk from it; the point still counts
                "1000.00,  500.00,   900.00,   null,     OK",
                "1000.00,  500.00,   1000.00,  null,     OK",
                "1000.00,  500.00,   1000.01,  null,     PROJECTED_OVER",
                // a budget of zero: anything billed passes it, nothing billed does not
                "0,        0.00,     0.00,     0.00,     OK",
                "0,        0.00,     0.00,     0.01,     AT_RISK",
                "0,        0.01,     0.01,     0.01,     OVER",
            })
    void theMostSeriousStateWhoseFigureIsStrictlyAboveTheBudget(
            BigDecimal budget, BigDecimal soFar, BigDecimal point, BigDecimal high, BudgetState expected) {
        assertThat(BudgetRule.state(budget, soFar, point, high)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "day {0}: {5}")
    @CsvSource(
            nullValues = "null",
            value = {
                // a month as it goes on, budget 300,000: the state moves up as the figures do
                // day, budget, so far, point, high, state
                "3,  300000, 40000.00,  240000.00, 290000.00, OK",
                "7,  300000, 90000.00,  270000.00, 300000.01, AT_RISK",
                "14, 300000, 170000.00, 305000.00, 330000.00, PROJECTED_OVER",
                "21, 300000, 240000.00, 299999.99, 320000.00, AT_RISK",
                "28, 300000, 300000.01, 321000.00, 325000.00, OVER",
            })
    void aMonthMovesBetweenStatesAsItsFiguresMove(
            int day, BigDecimal budget, BigDecimal soFar, BigDecimal point, BigDecimal high, BudgetState expected) {
        assertThat(BudgetRule.state(budget, soFar, point, high))
                .as("day %d", day)
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "budget {0}: {1}")
    @CsvSource({
        // 3 agents x 80,000 = 240,000.00 of seats; so far 113 SMS x 50 + 52 WhatsApp x 120 = 11,890.00:
        // 251,890.00; point 264,880.00, low 264,160.00, high 265,600.00
        "265600,    OK",
        "265599.99, AT_RISK",
        "264880,    AT_RISK",
        "264879.99, PROJECTED_OVER",
        "251890,    PROJECTED_OVER",
        "251889.99, OVER",
    })
    void readsTheMonthsForecastAndItsEstimateSoFar(BigDecimal budget, BudgetState expected) {
        // given
        Pricing pricing = new Pricing(
                "COP",
                2,
                Map.of("Agente", new BigDecimal("80000")),
                Map.of(ServiceKey.SMS_OUT, new BigDecimal("50"), ServiceKey.WHATSAPP_OUT, new BigDecimal("120")));
        Forecast forecast = forecast(
                pricing,
                3,
                List.of(
                        new ServiceForecast(ServiceKey.SMS_OUT, 113, 236, 236, 236L),
                        new ServiceForecast(ServiceKey.WHATSAPP_OUT, 52, 109, 103, 115L)),
                true);

        // when
        BudgetRule.Standing standing = BudgetRule.standing(budget, forecast, pricing);

        // then
        assertThat(standing.currency()).isEqualTo("COP");
        assertThat(standing.estimateSoFar()).isEqualTo(new BigDecimal("251890.00"));
        assertThat(standing.forecastPoint()).isEqualTo(new BigDecimal("264880.00"));
        assertThat(standing.forecastLow()).isEqualTo(new BigDecimal("264160.00"));
        assertThat(standing.forecastHigh()).isEqualTo(new BigDecimal("265600.00"));
        assertThat(standing.budget().toPlainString())
                .isEqualTo(budget.setScale(2).toPlainString());
        assertThat(standing.state()).isEqualTo(expected);
    }

    @Test
    void pricesTheUnitsSoFarLineByLineAsTheEstimateDoes() {
        // given: 3 SMS x 0.125 = 0.375, rounded half up to 0.38; 5 WhatsApp x 0.125 = 0.625 to 0.63;
        // so far 1.01, where rounding the sum (1.000) would give 1.00
        Pricing pricing = new Pricing(
                "COP",
                2,
                Map.of(),
                Map.of(ServiceKey.SMS_OUT, new BigDecimal("0.125"), ServiceKey.WHATSAPP_OUT, new BigDecimal("0.125")));
        Forecast forecast = forecast(
                pricing,
                0,
                List.of(
                        new ServiceForecast(ServiceKey.SMS_OUT, 3, 3, 3, null),
                        new ServiceForecast(ServiceKey.WHATSAPP_OUT, 5, 5, 5, null)),
                false);

        // when
        BudgetRule.Standing standing = BudgetRule.standing(new BigDecimal("1.00"), forecast, pricing);

        // then
        assertThat(standing.estimateSoFar()).isEqualTo(new BigDecimal("1.01"));
        assertThat(standing.forecastHigh()).isNull();
        assertThat(standing.state()).isEqualTo(BudgetState.OVER);
    }

    @Test
    void refusesANegativeBudget() {
        Pricing pricing = new Pricing("COP", 2, Map.of(), Map.of());
        Forecast forecast = forecast(pricing, 0, List.of(), true);
        assertThatThrownBy(() -> BudgetRule.standing(new BigDecimal("-1"), forecast, pricing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a budget must be 0 or more, not -1");
    }

    @Test
    void namesEachStateInLowerCase() {
        assertThat(List.of(BudgetState.values()).stream().map(BudgetState::code))
                .containsExactly("ok", "at_risk", "projected_over", "over");
        assertThat(BudgetState.parse("projected_over")).isEqualTo(BudgetState.PROJECTED_OVER);
    }

    /** A November forecast priced by the Estimator at its point, low and high units, with {@code agents} seats. */
    private static Forecast forecast(Pricing pricing, long agents, List<ServiceForecast> services, boolean bounded) {
        Estimator estimator = new Estimator(pricing);
        Map<String, Long> seats = new LinkedHashMap<>();
        if (agents > 0) {
            seats.put("Agente", agents);
        }
        List<Estimate> ends = new ArrayList<>();
        for (int end = 0; end < 3; end++) {
            Map<ServiceKey, Long> units = new EnumMap<>(ServiceKey.class);
            for (ServiceForecast s : services) {
                units.put(s.key(), end == 0 ? s.point() : end == 1 ? s.low() : s.high() == null ? 0 : s.high());
            }
            ends.add(estimator.estimate(NOVEMBER, seats, (role, part) -> agents, units));
        }
        return new Forecast(
                NOVEMBER,
                Instant.parse("2026-11-15T17:00:00Z"),
                bounded ? Method.WEEKDAY_TREND : Method.NO_HISTORY,
                bounded ? 56 : 0,
                15.5,
                services,
                ends.get(0),
                ends.get(1),
                bounded ? ends.get(2) : null);
    }
}
