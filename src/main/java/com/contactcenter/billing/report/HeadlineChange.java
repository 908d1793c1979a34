package com.contactcenter.billing.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The headline's like-for-like change of the estimated total: the period's days begun at the
 * snapshot's as-of against the same stretch of the previous period ({@link ComparisonLabel} says
 * which). A side with no synced day has no figure ({@code null}): "sin datos", never 0 %.
 *
 * @param label    what is compared, "1–2 dic. hasta 02:07 frente a 1–2 nov. (días completos)"
 * @param current  the estimated total of the current side; null when none of its days is synced
 * @param previous the estimated total of the previous side; null when none of its days is synced
 */
public record HeadlineChange(String label, BigDecimal current, BigDecimal previous) {

    /** The change in percent, one decimal, half up; empty for a side without data or a previous total of 0. */
    public Optional<BigDecimal> percent() {
        if (current == null || previous == null || previous.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(
                current.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 1, RoundingMode.HALF_UP));
    }
}
