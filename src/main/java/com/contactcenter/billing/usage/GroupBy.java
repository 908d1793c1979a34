package com.contactcenter.billing.usage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How a period is cut into buckets: local day, ISO week (Monday first) or calendar month. */
public enum GroupBy {
    DAY,
    WEEK,
    MONTH;

    /** The first local date of the unclipped bucket that holds {@code date}. */
    public LocalDate bucketStart(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    LocalDate nextBucketStart(LocalDate bucketStart) {
        return switch (this) {
            case DAY -> bucketStart.plusDays(1);
            case WEEK -> bucketStart.plusWeeks(1);
            case MONTH -> bucketStart.plusMonths(1);
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupBy parse(String text) {
        for (GroupBy g : values()) {
            if (g.code().equals(text)) {
                return g;
            }
        }
        throw new IllegalArgumentException("group-by must be day, week or month, not '" + text + "'");
    }
}
