package com.contactcenter.billing.usage;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A month's standing against a monthly budget, from its forecast: the estimate so far (the
 * month's seats as the forecast prices them, and the units so far priced by {@link Estimator}),
 * the forecast's point and interval, and the state they give. A figure passes the budget when it
 * is strictly greater than it: equal is not over.
 */
public final class BudgetRule {

    /** The figures the state was read from, all in the plan's currency and scale. */
    public record Standing(
            String currency,
            BigDecimal budget,
            BigDecimal estimateSoFar,
            BigDecimal forecastPoint,
            BigDecimal forecastLow,
            BigDecimal forecastHigh,
            BudgetState state) {}

    private BudgetRule() {}

    /**
     * The most serious state that holds: {@code over} when the estimate so far passes the budget,
     * else {@code projected_over} when the point does, else {@code at_risk} when the interval's high
     * end does ({@code high} null: nothing bounds it, and it is not read), else {@code ok}.
     */
    public static BudgetState state(BigDecimal budget, BigDecimal soFar, BigDecimal point, BigDecimal high) {
        Objects.requireNonNull(budget, "budget");
        if (passes(soFar, budget)) {
            return BudgetState.OVER;
        }
        if (passes(point, budget)) {
            return BudgetState.PROJECTED_OVER;
        }
        if (high != null && passes(high, budget)) {
            return BudgetState.AT_RISK;
        }
        return BudgetState.OK;
    }

    /** The month's standing; {@code forecast} is the month's, priced with {@code pricing}. */
    public static Standing standing(BigDecimal budget, Forecast forecast, Pricing pricing) {
        if (budget.signum() < 0) {
            throw new IllegalArgumentException("a budget must be 0 or more, not " + budget.toPlainString());
        }
        BigDecimal soFar = estimateSoFar(forecast, pricing);
        BigDecimal high = forecast.high() == null ? null : forecast.high().total();
        return new Standing(
                forecast.point().currency(),
                atScale(budget, pricing.scale()),
                soFar,
                forecast.point().total(),
                forecast.low().total(),
                high,
                state(budget, soFar, forecast.point().total(), high));
    }

    /**
     * The month as billed so far: the seat lines the forecast priced (the users known at the
     * as-of, for the month, as the contract prices seats whatever day it is) and the units so far,
     * each service priced and rounded by {@link Estimator} as the estimate's lines are.
     */
    static BigDecimal estimateSoFar(Forecast forecast, Pricing pricing) {
        Map<ServiceKey, Long> units = new EnumMap<>(ServiceKey.class);
        forecast.services().forEach(s -> units.put(s.key(), s.soFar()));
        Estimate services = new Estimator(pricing).estimate(forecast.period(), Map.of(), (role, part) -> 0L, units);
        BigDecimal seats = forecast.point().lines().stream()
                .filter(l -> l.kind() == EstimateLine.Kind.SEAT)
                .map(EstimateLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return services.total().add(seats).setScale(pricing.scale());
    }

    private static boolean passes(BigDecimal amount, BigDecimal budget) {
        return amount != null && amount.compareTo(budget) > 0;
    }

    /** A budget shown at the plan's scale, or with its own decimals when it has more. */
    private static BigDecimal atScale(BigDecimal budget, int scale) {
        BigDecimal plain = budget.stripTrailingZeros();
        return plain.scale() < scale ? plain.setScale(scale) : plain;
    }
}
