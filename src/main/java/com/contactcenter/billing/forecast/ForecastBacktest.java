package com.contactcenter.billing.forecast;

import com.contactcenter.billing.forecast.Backtest.CutOff;
import com.contactcenter.billing.forecast.Backtest.Errors;
import com.contactcenter.billing.forecast.ForecastService.Staff;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.usage.DayUnits;
import com.contactcenter.billing.usage.Forecast;
import com.contactcenter.billing.usage.Forecaster;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.ServiceKey;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Replays the forecast as of the end of days 3, 7, 10, 14 and 21 of each of the last complete
 * months (in the tenant's zone, by the clock), from the warehouse's facts alone: each replay reads
 * only the days up to its cut-off ({@link ForecastService#days}). What a month came to is its
 * figures with every day known, priced as its estimate.
 */
@Service
public class ForecastBacktest {

    public static final List<Integer> CUT_OFF_DAYS = List.of(3, 7, 10, 14, 21);

    private final ForecastService forecasts;
    private final SourceRegistry sources;
    private final Clock clock;

    ForecastBacktest(ForecastService forecasts, SourceRegistry sources, Clock clock) {
        this.forecasts = forecasts;
        this.sources = sources;
        this.clock = clock;
    }

    public Backtest run(String source, int months) {
        ZoneId zone = sources.require(source).timeZone();
        Staff staff = forecasts.staff(source);
        Forecaster forecaster = forecasts.forecaster(source);
        YearMonth current = YearMonth.now(clock.withZone(zone));
        List<YearMonth> replayed = new ArrayList<>();
        List<YearMonth> incomplete = new ArrayList<>();
        List<Tally> tallies = CUT_OFF_DAYS.stream().map(Tally::new).toList();
        for (YearMonth month = current.minusMonths(months); month.isBefore(current); month = month.plusMonths(1)) {
            Period period = new Period(month.atDay(1), month.atEndOfMonth(), zone);
            Forecast actual = forecast(forecaster, staff, source, period, period.endUtc(), false);
            if (actual.open()) {
                incomplete.add(month);
                continue;
            }
            replayed.add(month);
            for (Tally tally : tallies) {
                Instant asOf =
                        month.atDay(tally.day).plusDays(1).atStartOfDay(zone).toInstant();
                tally.add(
                        actual,
                        forecast(forecaster, staff, source, period, asOf, false),
                        forecast(forecaster, staff, source, period, asOf, true));
            }
        }
        return new Backtest(
                source,
                zone,
                replayed,
                incomplete,
                tallies.stream().map(Tally::cutOff).toList());
    }

    private Forecast forecast(
            Forecaster forecaster, Staff staff, String source, Period period, Instant asOf, boolean straightLine) {
        List<DayUnits> days = forecasts.days(source, period, asOf);
        return straightLine
                ? forecaster.straightLine(period, asOf, days, staff.roles(), staff.users())
                : forecaster.forecast(period, asOf, days, staff.roles(), staff.users());
    }

    /** One cut-off day's errors summed over the months. */
    private static final class Tally {

        private final int day;
        private final ErrorSums forecast = new ErrorSums();
        private final ErrorSums straightLine = new ErrorSums();
        private int inside;
        private int shortHistory;
        private int months;

        Tally(int day) {
            this.day = day;
        }

        void add(Forecast actual, Forecast forecast, Forecast line) {
            months++;
            this.forecast.add(actual, forecast);
            straightLine.add(actual, line);
            BigDecimal total = actual.point().total();
            if (forecast.high() != null
                    && forecast.low().total().compareTo(total) <= 0
                    && total.compareTo(forecast.high().total()) <= 0) {
                inside++;
            }
            if (forecast.method() != Forecast.Method.WEEKDAY_TREND) {
                shortHistory++;
            }
        }

        CutOff cutOff() {
            return new CutOff(day, forecast.errors(), straightLine.errors(), inside, shortHistory, months);
        }
    }

    /** Sums of absolute percentage errors and how many months each was taken over. */
    private static final class ErrorSums {

        private final double[] units = new double[ServiceKey.values().length];
        private final int[] unitMonths = new int[ServiceKey.values().length];
        private double total;
        private int totalMonths;

        void add(Forecast actual, Forecast forecast) {
            BigDecimal actualTotal = actual.point().total();
            if (actualTotal.signum() > 0) {
                total += percent(
                        forecast.point().total().subtract(actualTotal).abs().doubleValue(), actualTotal.doubleValue());
                totalMonths++;
            }
            for (ServiceKey key : ServiceKey.values()) {
                long came = actual.services().get(key.ordinal()).point();
                if (came > 0) {
                    units[key.ordinal()] += percent(
                            Math.abs(forecast.services().get(key.ordinal()).point() - came), came);
                    unitMonths[key.ordinal()]++;
                }
            }
        }

        Errors errors() {
            Map<ServiceKey, Double> byService = new EnumMap<>(ServiceKey.class);
            for (ServiceKey key : ServiceKey.values()) {
                if (unitMonths[key.ordinal()] > 0) {
                    byService.put(key, units[key.ordinal()] / unitMonths[key.ordinal()]);
                }
            }
            return new Errors(totalMonths == 0 ? null : total / totalMonths, byService);
        }

        private static double percent(double error, double actual) {
            return 100 * error / actual;
        }
    }
}
