package com.contactcenter.billing.usage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Prices a period's usage exactly as the rules say: seats prorated per month, services per unit. */
public final class Estimator {

    private final Pricing pricing;

    public Estimator(Pricing pricing) {
        this.pricing = pricing;
    }

    /**
     * @param seatsByRole billable users per role over the whole period, in the order the lines appear
     * @param billableInPart billable users of a role within a part of the period (one calendar month of it)
     * @param unitsByService units per service key
     */
    public Estimate estimate(
            Period period,
            Map<String, Long> seatsByRole,
            BiFunction<String, Period, Long> billableInPart,
            Map<ServiceKey, Long> unitsByService) {
        List<EstimateLine> lines = new ArrayList<>();
        seatsByRole.forEach((role, users) -> {
            if (users > 0) {
                lines.add(seatLine(period, role, users, billableInPart));
            }
        });
        for (ServiceKey key : ServiceKey.values()) {
            long units = unitsByService.getOrDefault(key, 0L);
            BigDecimal price = pricing.unitPrices().get(key);
            BigDecimal unitPrice = price == null ? BigDecimal.ZERO : price;
            BigDecimal amount =
                    unitPrice.multiply(BigDecimal.valueOf(units)).setScale(pricing.scale(), RoundingMode.HALF_UP);
            lines.add(new EstimateLine(
                    EstimateLine.Kind.SERVICE, key.key(), units, displayPrice(unitPrice), amount, price != null));
        }
        BigDecimal total = lines.stream()
                .map(EstimateLine::amount)
                .reduce(BigDecimal.ZERO.setScale(pricing.scale()), BigDecimal::add);
        return new Estimate(pricing.currency(), pricing.scale(), lines, total);
    }

    /**
     * Sum over the months m the period overlaps of users(m) x price x days(m) / daysInMonth(m), computed
     * as one exact fraction and rounded HALF_UP once.
     */
    private EstimateLine seatLine(
            Period period, String role, long users, BiFunction<String, Period, Long> billableInPart) {
        BigDecimal price = pricing.seatPrices().get(role);
        BigDecimal monthly = price == null ? BigDecimal.ZERO : price;
        BigInteger unscaled = monthly.unscaledValue();
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (YearMonth month : period.months()) {
            Period part = period.within(month).orElseThrow();
            long partUsers = billableInPart.apply(role, part);
            BigInteger termNumerator =
                    unscaled.multiply(BigInteger.valueOf(partUsers)).multiply(BigInteger.valueOf(part.days()));
            BigInteger termDenominator = BigInteger.valueOf(month.lengthOfMonth());
            numerator = numerator.multiply(termDenominator).add(termNumerator.multiply(denominator));
            denominator = denominator.multiply(termDenominator);
        }
        BigDecimal amount = new BigDecimal(numerator, monthly.scale())
                .divide(new BigDecimal(denominator), pricing.scale(), RoundingMode.HALF_UP);
        return new EstimateLine(EstimateLine.Kind.SEAT, role, users, displayPrice(monthly), amount, price != null);
    }

    /** A price shown at the pricing scale, or with its own decimals when it has more. */
    private BigDecimal displayPrice(BigDecimal price) {
        BigDecimal plain = price.stripTrailingZeros();
        return plain.scale() < pricing.scale() ? plain.setScale(pricing.scale()) : plain;
    }
}
