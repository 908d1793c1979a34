package com.contactcenter.billing.usage;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** Named periods, resolved in the tenant's zone from a clock. */
public enum Preset {
    TODAY,
    THIS_WEEK,
    THIS_MONTH,
    LAST_MONTH;

    public Period resolve(Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return switch (this) {
            case TODAY -> new Period(today, today, zone);
            case THIS_WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(monday, monday.plusDays(6), zone);
            }
            case THIS_MONTH -> {
                YearMonth month = YearMonth.from(today);
                yield new Period(month.atDay(1), month.atEndOfMonth(), zone);
            }
            case LAST_MONTH -> {
                YearMonth month = YearMonth.from(today).minusMonths(1);
                yield new Period(month.atDay(1), month.atEndOfMonth(), zone);
            }
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
