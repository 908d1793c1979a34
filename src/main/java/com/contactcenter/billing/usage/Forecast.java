package com.contactcenter.billing.usage;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A period's figures projected to its end as of an instant: per service the units so far and the
 * projection (a point and an 80 % interval), and the estimate priced at the point, the low and
 * the high end. Seats are the users known at the as-of, so the three estimates share their seat
 * lines. {@code high} is null only for {@link Method#NO_HISTORY}: nothing bounds what is to come.
 *
 * @param daysOfHistory complete synced days of the {@link Forecaster#HISTORY_DAYS} before the as-of's day
 * @param daysToCome    days of the period not known at the as-of (to come, never synced, or the
 *                      rest of a day synced part way), in days
 */
public record Forecast(
        Period period,
        Instant asOf,
        Method method,
        int daysOfHistory,
        double daysToCome,
        List<ServiceForecast> services,
        Estimate point,
        Estimate low,
        Estimate high) {

    public Forecast {
        services = List.copyOf(services);
    }

    /** How the days to come were projected. */
    public enum Method {
        /** Each weekday's mean over the history, moved by the history's trend; the interval from their scatter. */
        WEEKDAY_TREND,
        /** Fewer than {@link Forecaster#MIN_HISTORY_DAYS} days of history: the mean day, and a range of ±50 %. */
        SHORT_HISTORY,
        /** No day of history: the figures so far, no upper bound. */
        NO_HISTORY,
        /** The straight line some products show, for comparison: so far × days in period ÷ days known. */
        STRAIGHT_LINE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One service: units so far and projected to the period's end; {@code high} null as {@link Forecast#high()}. */
    public record ServiceForecast(ServiceKey key, long soFar, long point, long low, Long high) {}

    /** Whether the period has days still to come (or never synced) at the as-of. */
    public boolean open() {
        return daysToCome > 0;
    }
}
