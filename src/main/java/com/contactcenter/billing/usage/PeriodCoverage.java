package com.contactcenter.billing.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tenant's synced days tell of a period as of an instant: the units so far, how much of
 * each of its days is still to come, and the complete days of history before the as-of's day.
 * A day is read only when it had ended by the as-of or was synced by then, so that nothing
 * stamped after the as-of is ever used. Of a day read, the hours its sync covered are known (a
 * DST day has 23 or 25 of them); the rest of the day, and every day never synced, is to come.
 */
final class PeriodCoverage {

    /** A day of the period and the share of it still to come: 1 for a day not known at all. */
    record ToCome(LocalDate day, double share) {}

    private final LocalDate today;
    private final Map<ServiceKey, Long> soFar = new EnumMap<>(ServiceKey.class);
    private final List<ToCome> toCome = new ArrayList<>();
    private final List<DayUnits> history = new ArrayList<>();

    private PeriodCoverage(LocalDate today) {
        this.today = today;
    }

    static PeriodCoverage of(Period period, Instant asOf, List<DayUnits> days) {
        ZoneId zone = period.zone();
        Map<LocalDate, DayUnits> readable = new HashMap<>();
        for (DayUnits d : days) {
            if (!end(d.day(), zone).isAfter(asOf) || !d.syncedUpTo().isAfter(asOf)) {
                readable.put(d.day(), d);
            }
        }
        LocalDate today = LocalDate.ofInstant(asOf, zone);
        PeriodCoverage coverage = new PeriodCoverage(today);
        for (LocalDate d = today.minusDays(Forecaster.HISTORY_DAYS); d.isBefore(today); d = d.plusDays(1)) {
            DayUnits day = readable.get(d);
            if (day != null && coveredShare(day, zone) == 1) {
                coverage.history.add(day);
            }
        }
        for (LocalDate d : period.dates()) {
            DayUnits day = readable.get(d);
            double rest = 1;
            if (day != null) {
                day.units().forEach((key, units) -> coverage.soFar.merge(key, units, Long::sum));
                rest -= coveredShare(day, zone);
            }
            if (rest > 0) {
                coverage.toCome.add(new ToCome(d, rest));
            }
        }
        return coverage;
    }

    /** The share of the day's hours that its rows cover. */
    private static double coveredShare(DayUnits day, ZoneId zone) {
        Instant start = day.day().atStartOfDay(zone).toInstant();
        Instant end = end(day.day(), zone);
        Instant upTo = day.syncedUpTo().isBefore(end) ? day.syncedUpTo() : end;
        if (!upTo.isAfter(start)) {
            return 0;
        }
        return (double) Duration.between(start, upTo).toMillis()
                / Duration.between(start, end).toMillis();
    }

    private static Instant end(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    long soFar(ServiceKey key) {
        return soFar.getOrDefault(key, 0L);
    }

    /** The as-of's local day. */
    LocalDate today() {
        return today;
    }

    /** The days of the period not wholly known, in order. */
    List<ToCome> toCome() {
        return toCome;
    }

    /** Days of the period still to come, in days. */
    double daysToCome() {
        double days = 0;
        for (ToCome day : toCome) {
            days += day.share();
        }
        return days;
    }

    /** The complete days of the {@link Forecaster#HISTORY_DAYS} days before the as-of's day, oldest first. */
    List<DayUnits> history() {
        return history;
    }
}
