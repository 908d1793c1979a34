package com.contactcenter.billing.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What a period is compared with, for a given as-of: the days of the period that have begun
 * ({@code current}) against the same stretch of the previous period ({@code previous}).
 * <ul>
 * <li>The previous period is the previous calendar unit for a calendar preset (day, ISO week,
 * month: "last month" November is compared with October, not with the 30 days before it), and the
 * same number of days just before it for a custom range.</li>
 * <li>A period the as-of falls in is cut: both sides keep as many local days as have begun, and
 * {@code cut} is the as-of's local time of day (both sides "up to 02:07").</li>
 * <li>When the previous period is shorter than the elapsed days (as-of March 31 against a 28-day
 * February) the previous side is its whole period and has no cut: it never spills past its own end.</li>
 * </ul>
 * Days are local dates in the period's zone, so a DST day counts as one day whatever its hours.
 *
 * @param cut the as-of's local time when the period is under way; empty for a period already over
 * @param previousCut true when the previous side is cut at the same time of day as the current one
 */
public record LikeForLike(Period current, Period previous, Optional<LocalTime> cut, boolean previousCut) {

    public LikeForLike {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(cut, "cut");
    }

    /** How the previous period of a period is found. */
    public enum Unit {
        DAY,
        WEEK,
        MONTH,
        /** A custom range: the same number of days just before it. */
        DAYS;

        public static Unit of(Preset preset) {
            return switch (preset) {
                case TODAY -> DAY;
                case THIS_WEEK -> WEEK;
                case THIS_MONTH, LAST_MONTH -> MONTH;
            };
        }

        /** The whole previous period of {@code period}. */
        public Period previous(Period period) {
            return switch (this) {
                case DAY -> new Period(period.from().minusDays(1), period.to().minusDays(1), period.zone());
                case WEEK -> new Period(period.from().minusWeeks(1), period.to().minusWeeks(1), period.zone());
                case MONTH -> {
                    YearMonth month = YearMonth.from(period.from()).minusMonths(1);
                    yield new Period(month.atDay(1), month.atEndOfMonth(), period.zone());
                }
                case DAYS -> period.previous();
            };
        }
    }

    /**
     * The comparison of {@code period} at {@code asOf}; empty when the period has not begun at the
     * as-of (nothing of it can have been synced).
     */
    public static Optional<LikeForLike> of(Period period, Unit unit, Instant asOf) {
        Period previous = unit.previous(period);
        if (asOf.isBefore(period.startUtc())) {
            return Optional.empty();
        }
        if (!asOf.isBefore(period.endUtc())) {
            return Optional.of(new LikeForLike(period, previous, Optional.empty(), false));
        }
        LocalDate today = LocalDate.ofInstant(asOf, period.zone());
        long elapsed = ChronoUnit.DAYS.between(period.from(), today) + 1;
        LocalTime time = LocalTime.ofInstant(asOf, period.zone()).truncatedTo(ChronoUnit.MINUTES);
        boolean previousCut = elapsed <= previous.days();
        LocalDate previousTo = previousCut ? previous.from().plusDays(elapsed - 1) : previous.to();
        return Optional.of(new LikeForLike(
                new Period(period.from(), today, period.zone()),
                new Period(previous.from(), previousTo, period.zone()),
                Optional.of(time),
                previousCut));
    }

    /** The exclusive end instant of the current side: the as-of's minute, or the period's end. */
    public Instant currentEndUtc() {
        return cut.map(t -> current.to().atTime(t).atZone(current.zone()).toInstant())
                .orElse(current.endUtc());
    }

    /**
     * The exclusive end instant of the previous side: the same local time on its last day (a time a
     * DST gap skips moves forward by the gap, as {@link java.time.ZonedDateTime} resolves it), or its end.
     */
    public Instant previousEndUtc() {
        return previousCut
                ? previous.to()
                        .atTime(cut.orElseThrow())
                        .atZone(previous.zone())
                        .toInstant()
                : previous.endUtc();
    }
}
