package com.contactcenter.billing.usage;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * One service's complete days of history by weekday, each weekday a sample of its own: its mean
 * and its spread (sample variance). A weekday with fewer than two days of its own is read from
 * every day of the history, weekdays pooled, whose spread is wider: never a made-up precision.
 */
final class WeekdayHistory {

    private final List<List<Long>> byWeekday = new ArrayList<>();
    private final List<Long> all = new ArrayList<>();

    WeekdayHistory(List<DayUnits> days, ServiceKey key) {
        for (int i = 0; i < 7; i++) {
            byWeekday.add(new ArrayList<>());
        }
        for (DayUnits day : days) {
            byWeekday.get(day.day().getDayOfWeek().ordinal()).add(day.units(key));
            all.add(day.units(key));
        }
    }

    double mean(DayOfWeek day) {
        return mean(sample(day));
    }

    double variance(DayOfWeek day) {
        List<Long> sample = sample(day);
        double mean = mean(sample);
        double squares = 0;
        for (long units : sample) {
            squares += (units - mean) * (units - mean);
        }
        return sample.size() < 2 ? 0 : squares / (sample.size() - 1);
    }

    /** How many days the weekday's mean is taken from. */
    int size(DayOfWeek day) {
        return sample(day).size();
    }

    /** The mean day, weekdays pooled. */
    double meanDay() {
        return mean(all);
    }

    private List<Long> sample(DayOfWeek day) {
        List<Long> own = byWeekday.get(day.ordinal());
        return own.size() >= 2 ? own : all;
    }

    private static double mean(List<Long> sample) {
        long sum = 0;
        for (long units : sample) {
            sum += units;
        }
        return sample.isEmpty() ? 0 : (double) sum / sample.size();
    }
}
