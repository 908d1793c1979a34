package com.contactcenter.billing.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Two local dates, both inclusive, in a tenant's zone. It covers the instants
 * {@code [from 00:00 local, (to + 1 day) 00:00 local)}; a midnight that DST skips starts at the
 * first instant of that day, so no instant is lost or counted twice.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public Instant startUtc() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Exclusive end. */
    public Instant endUtc() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    public List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            dates.add(d);
        }
        return dates;
    }

    /** The part of this period inside a calendar month, if any. */
    public Optional<Period> within(YearMonth month) {
        LocalDate first = month.atDay(1).isAfter(from) ? month.atDay(1) : from;
        LocalDate last = month.atEndOfMonth().isBefore(to) ? month.atEndOfMonth() : to;
        return last.isBefore(first) ? Optional.empty() : Optional.of(new Period(first, last, zone));
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** Buckets in order, the first and last clipped to the period. */
    public List<Bucket> buckets(GroupBy groupBy) {
        List<Bucket> buckets = new ArrayList<>();
        LocalDate start = groupBy.bucketStart(from);
        while (!start.isAfter(to)) {
            LocalDate next = groupBy.nextBucketStart(start);
            LocalDate first = start.isBefore(from) ? from : start;
            LocalDate last = next.minusDays(1).isAfter(to) ? to : next.minusDays(1);
            buckets.add(new Bucket(first, last));
            start = next;
        }
        return buckets;
    }

    /** The clipped bucket's first date for a day of this period. */
    public LocalDate bucketOf(LocalDate day, GroupBy groupBy) {
        LocalDate start = groupBy.bucketStart(day);
        return start.isBefore(from) ? from : start;
    }

    /** The same length immediately before this period. */
    public Period previous() {
        long days = days();
        return new Period(from.minusDays(days), from.minusDays(1), zone);
    }

    @Override
    public String toString() {
        return from + ".." + to + " (" + zone + ")";
    }
}
