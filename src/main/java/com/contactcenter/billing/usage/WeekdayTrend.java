package com.contactcenter.billing.usage;

import java.time.LocalDate;
import java.util.List;

/**
 * One service's complete days of history, each measured against its own weekday's mean (a Monday
 * against the Mondays, so a quiet Sunday is no dip), and one relative trend common to the
 * weekdays, fitted by least squares with each weekday about the middle of its own days (so the
 * trend is not mistaken for a weekday's place in the week). A day to come is its weekday's mean
 * times {@code 1 + trend × days from that middle}, never below zero.
 *
 * <p>The scatter of the days about that line, relative to their weekday's mean, gives the
 * variance of a sum of days to come: each day's own scatter, plus the error of each weekday's mean
 * (shared by all its days), plus the error of the trend (shared by all days, growing with their
 * distance). Days of a weekday whose mean is zero are projected as zero and take no part in the
 * fit; a weekday without a day of history is read from every day, weekdays pooled.
 */
final class WeekdayTrend {

    /** Units to come and their variance; the variance is NaN when the fit left no day to measure scatter by. */
    record Projection(double units, double variance) {}

    private final LocalDate today;
    private final double[] mean = new double[7];
    /** The middle of each weekday's days, in days from today. */
    private final double[] centre = new double[7];

    private final int[] size = new int[7];
    private final double trend;
    private final double squares;
    private final double scatter;

    WeekdayTrend(List<DayUnits> history, ServiceKey key, LocalDate today) {
        this.today = today;
        double[] sum = new double[7];
        double[] daySum = new double[7];
        double allSum = 0;
        double allDaySum = 0;
        for (DayUnits d : history) {
            int w = d.day().getDayOfWeek().ordinal();
            sum[w] += d.units(key);
            daySum[w] += daysFromToday(d.day());
            size[w]++;
            allSum += d.units(key);
            allDaySum += daysFromToday(d.day());
        }
        int fittedWeekdays = 0;
        for (int w = 0; w < 7; w++) {
            boolean seen = size[w] > 0;
            mean[w] = seen ? sum[w] / size[w] : allSum / history.size();
            centre[w] = seen ? daySum[w] / size[w] : allDaySum / history.size();
            size[w] = seen ? size[w] : history.size();
            fittedWeekdays += seen && mean[w] > 0 ? 1 : 0;
        }
        double products = 0;
        double squares = 0;
        int fitted = 0;
        for (DayUnits d : history) {
            int w = d.day().getDayOfWeek().ordinal();
            if (mean[w] > 0) {
                double x = daysFromToday(d.day()) - centre[w];
                products += x * (d.units(key) / mean[w] - 1);
                squares += x * x;
                fitted++;
            }
        }
        this.trend = squares > 0 ? products / squares : 0;
        this.squares = squares;
        double residuals = 0;
        for (DayUnits d : history) {
            int w = d.day().getDayOfWeek().ordinal();
            if (mean[w] > 0) {
                double residual = d.units(key) / mean[w] - 1 - trend * (daysFromToday(d.day()) - centre[w]);
                residuals += residual * residual;
            }
        }
        int freedom = fitted - fittedWeekdays - (squares > 0 ? 1 : 0);
        this.scatter = freedom > 0 ? residuals / freedom : Double.NaN;
    }

    /** The units to come of {@code days}, each day counting for its share still to come. */
    Projection project(List<PeriodCoverage.ToCome> days) {
        double units = 0;
        double own = 0;
        double trendTerm = 0;
        double[] byWeekday = new double[7];
        for (PeriodCoverage.ToCome day : days) {
            int w = day.day().getDayOfWeek().ordinal();
            double x = daysFromToday(day.day()) - centre[w];
            double part = day.share() * Math.max(0, mean[w] * (1 + trend * x));
            units += part;
            own += part * part;
            byWeekday[w] += part;
            trendTerm += day.share() * mean[w] * x;
        }
        double means = 0;
        for (int w = 0; w < 7; w++) {
            means += byWeekday[w] * byWeekday[w] / size[w];
        }
        double trendError = squares > 0 ? trendTerm * trendTerm / squares : 0;
        return new Projection(units, scatter * (own + means + trendError));
    }

    private long daysFromToday(LocalDate day) {
        return day.toEpochDay() - today.toEpochDay();
    }
}
