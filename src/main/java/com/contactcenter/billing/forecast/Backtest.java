package com.contactcenter.billing.forecast;

import com.contactcenter.billing.usage.ServiceKey;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The forecast replayed as of the end of given days of past months, each month against what it
 * came to, beside the straight line replayed the same way.
 *
 * @param months     the months replayed
 * @param incomplete months left out: some of their days were never synced, so what they came to is not known
 */
public record Backtest(
        String source, ZoneId zone, List<YearMonth> months, List<YearMonth> incomplete, List<CutOff> cutOffs) {

    public Backtest {
        months = List.copyOf(months);
        incomplete = List.copyOf(incomplete);
        cutOffs = List.copyOf(cutOffs);
    }

    /**
     * One cut-off day over the months replayed.
     *
     * @param inside       months whose actual total fell inside the forecast's 80 % interval
     * @param shortHistory months whose forecast had fewer than {@code Forecaster.MIN_HISTORY_DAYS} days of history
     */
    public record CutOff(int day, Errors forecast, Errors straightLine, int inside, int shortHistory, int months) {

        public double insideShare() {
            return months == 0 ? 0 : (double) inside / months;
        }
    }

    /**
     * Mean absolute percentage errors, in %: of the total, and of each service's units over the
     * months in which it had any (absent: none had).
     */
    public record Errors(Double total, Map<ServiceKey, Double> units) {

        public Errors {
            units = Map.copyOf(units);
        }
    }
}
