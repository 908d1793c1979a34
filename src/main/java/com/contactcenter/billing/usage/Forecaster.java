package com.contactcenter.billing.usage;

import com.contactcenter.billing.usage.Forecast.Method;
import com.contactcenter.billing.usage.Forecast.ServiceForecast;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * Projects a period's units, seats and estimate to its end, as of an instant, from the tenant's
 * own synced days ({@link PeriodCoverage} says what is known and what is to come).
 *
 * <p>With at least {@link #MIN_HISTORY_DAYS} complete days among the {@link #HISTORY_DAYS} before
 * the as-of's day ({@link Method#WEEKDAY_TREND}), each service's days to come are projected from
 * its weekdays' means and its trend ({@link WeekdayTrend}): a Monday from the Mondays, a Sunday
 * from the Sundays, all moved by the growth (or decline) the twelve weeks show. What is to come
 * of a day synced part way is its share of hours (a DST day has 23 or 25): usage within a day is
 * taken as even over its hours, since the warehouse keeps days. The interval is the point ±
 * 1.2816 standard deviations of the sum (80 % of a normal), never below the units so far; a
 * service whose history leaves no scatter to measure gets the short history's range.
 *
 * <p>Seats are the users known at the as-of, each taken to stay to the period's end, priced as
 * the contract prices seats; money goes through {@link Estimator}, at the point, the low and the
 * high units. The total's range adds the services' ranges: services move together (a busy Monday
 * is busy on every channel), so their ends are added, not combined as independent.
 */
public final class Forecaster {

    /** The history read: the twelve weeks before the as-of's day. */
    public static final int HISTORY_DAYS = 84;
    /** Fewer complete days of history than this: two weeks give each weekday two days at least. */
    public static final int MIN_HISTORY_DAYS = 14;
    /** The normal's 90th percentile: ± this many standard deviations hold 80 %. */
    static final double Z_80 = 1.2815515655446004;
    /** A short history's range: from half to one and a half times what it projects, wide on purpose. */
    static final double SHORT_HISTORY_LOW = 0.5;

    static final double SHORT_HISTORY_HIGH = 1.5;

    private final Pricing pricing;

    public Forecaster(Pricing pricing) {
        this.pricing = pricing;
    }

    /**
     * @param days  the tenant's synced days: the {@link #HISTORY_DAYS} before the as-of's day and the
     *              period's days (any other day is ignored, and so is a day that is neither over nor
     *              synced by the as-of)
     * @param users the users as the warehouse's copy has them
     */
    public Forecast forecast(Period period, Instant asOf, List<DayUnits> days, Roles roles, List<UserRecord> users) {
        PeriodCoverage coverage = PeriodCoverage.of(period, asOf, days);
        int historyDays = coverage.history().size();
        Method method = historyDays == 0
                ? Method.NO_HISTORY
                : historyDays < MIN_HISTORY_DAYS ? Method.SHORT_HISTORY : Method.WEEKDAY_TREND;
        List<ServiceForecast> services = new ArrayList<>();
        for (ServiceKey key : ServiceKey.values()) {
            services.add(project(key, method, coverage));
        }
        return priced(period, asOf, method, coverage, services, roles, users);
    }

    /**
     * The straight line, for comparison: each service's units so far × days in the period ÷ the
     * days known (elapsed and synced), as some products project; the same seats.
     */
    public Forecast straightLine(
            Period period, Instant asOf, List<DayUnits> days, Roles roles, List<UserRecord> users) {
        PeriodCoverage coverage = PeriodCoverage.of(period, asOf, days);
        double known = period.days() - coverage.daysToCome();
        List<ServiceForecast> services = new ArrayList<>();
        for (ServiceKey key : ServiceKey.values()) {
            long soFar = coverage.soFar(key);
            long point = known <= 0 ? soFar : units(soFar * (double) period.days() / known);
            services.add(new ServiceForecast(key, soFar, point, point, point));
        }
        return priced(period, asOf, Method.STRAIGHT_LINE, coverage, services, roles, users);
    }

    /**
     * The point forecast bucket by bucket, for the buckets not begun on the as-of's local day: per
     * service the units projected for the bucket's days (as {@link #forecast} projects them, each
     * day from its own weekday; whole units, half up, so the buckets' sum may differ from the
     * period's point by a unit or so of rounding), and per role the users known at the as-of that
     * are billable in the bucket. Nothing for {@link Method#NO_HISTORY}: with no history there is no
     * projection to draw.
     */
    public List<BucketForecast> byBucket(
            Period period, GroupBy groupBy, Instant asOf, List<DayUnits> days, Roles roles, List<UserRecord> users) {
        PeriodCoverage coverage = PeriodCoverage.of(period, asOf, days);
        int historyDays = coverage.history().size();
        if (historyDays == 0) {
            return List.of();
        }
        Map<ServiceKey, WeekdayTrend> trends = new EnumMap<>(ServiceKey.class);
        Map<ServiceKey, Double> meanDay = new EnumMap<>(ServiceKey.class);
        for (ServiceKey key : ServiceKey.values()) {
            if (historyDays < MIN_HISTORY_DAYS) {
                meanDay.put(
                        key,
                        coverage.history().stream()
                                .mapToLong(d -> d.units(key))
                                .average()
                                .orElse(0));
            } else {
                trends.put(key, new WeekdayTrend(coverage.history(), key, coverage.today()));
            }
        }
        List<UserRecord> known = knownAt(asOf, users);
        List<BucketForecast> buckets = new ArrayList<>();
        for (Bucket bucket : period.buckets(groupBy)) {
            if (bucket.begun(coverage.today())) {
                continue;
            }
            List<PeriodCoverage.ToCome> toCome = coverage.toCome().stream()
                    .filter(d -> bucket.contains(d.day()))
                    .toList();
            Map<ServiceKey, Long> units = new EnumMap<>(ServiceKey.class);
            for (ServiceKey key : ServiceKey.values()) {
                double projected = historyDays < MIN_HISTORY_DAYS
                        ? toCome.stream()
                                        .mapToDouble(PeriodCoverage.ToCome::share)
                                        .sum()
                                * meanDay.get(key)
                        : trends.get(key).project(toCome).units();
                units.put(key, units(projected));
            }
            Period part = new Period(bucket.first(), bucket.last(), period.zone());
            Map<String, Long> seats = new TreeMap<>();
            known.stream()
                    .filter(u -> u.billableIn(part))
                    .forEach(u -> seats.merge(roles.nameOf(u.roleId()), 1L, Long::sum));
            buckets.add(new BucketForecast(bucket, units, seats));
        }
        return List.copyOf(buckets);
    }

    /** A bucket still to come as the point forecast sees it: units per service, billable users per role. */
    public record BucketForecast(Bucket bucket, Map<ServiceKey, Long> units, Map<String, Long> usersByRole) {

        public BucketForecast {
            units = Map.copyOf(units);
            usersByRole = Map.copyOf(usersByRole);
        }
    }

    private static ServiceForecast project(ServiceKey key, Method method, PeriodCoverage coverage) {
        long soFar = coverage.soFar(key);
        if (method == Method.NO_HISTORY) {
            return new ServiceForecast(key, soFar, soFar, soFar, null);
        }
        if (method == Method.SHORT_HISTORY) {
            double meanDay = coverage.history().stream()
                    .mapToLong(d -> d.units(key))
                    .average()
                    .orElse(0);
            return wide(key, soFar, coverage.daysToCome() * meanDay);
        }
        WeekdayTrend.Projection projection =
                new WeekdayTrend(coverage.history(), key, coverage.today()).project(coverage.toCome());
        if (Double.isNaN(projection.variance())) {
            return wide(key, soFar, projection.units());
        }
        double point = soFar + projection.units();
        double halfWidth = Z_80 * Math.sqrt(projection.variance());
        return new ServiceForecast(
                key, soFar, units(point), Math.max(soFar, units(point - halfWidth)), units(point + halfWidth));
    }

    /** A range of half to one and a half times what is to come, set wide on purpose. */
    private static ServiceForecast wide(ServiceKey key, long soFar, double toCome) {
        return new ServiceForecast(
                key,
                soFar,
                units(soFar + toCome),
                units(soFar + SHORT_HISTORY_LOW * toCome),
                units(soFar + SHORT_HISTORY_HIGH * toCome));
    }

    private Forecast priced(
            Period period,
            Instant asOf,
            Method method,
            PeriodCoverage coverage,
            List<ServiceForecast> services,
            Roles roles,
            List<UserRecord> users) {
        List<UserRecord> known = knownAt(asOf, users);
        Map<String, Long> seats = new TreeMap<>();
        known.stream()
                .filter(u -> u.billableIn(period))
                .forEach(u -> seats.merge(roles.nameOf(u.roleId()), 1L, Long::sum));
        BiFunction<String, Period, Long> billableInPart = (role, part) -> known.stream()
                .filter(u -> u.billableIn(part) && roles.nameOf(u.roleId()).equals(role))
                .count();
        Estimator estimator = new Estimator(pricing);
        Estimate point = estimator.estimate(period, seats, billableInPart, units(services, ServiceForecast::point));
        Estimate low = estimator.estimate(period, seats, billableInPart, units(services, ServiceForecast::low));
        Estimate high = method == Method.NO_HISTORY
                ? null
                : estimator.estimate(period, seats, billableInPart, units(services, ServiceForecast::high));
        return new Forecast(
                period, asOf, method, coverage.history().size(), coverage.daysToCome(), services, point, low, high);
    }

    /** The users as they stood at the as-of: one created later is not known yet, nor a later deactivation. */
    static List<UserRecord> knownAt(Instant asOf, List<UserRecord> users) {
        return users.stream()
                .filter(u -> !u.createdAt().isAfter(asOf))
                .map(u -> u.deactivatedAt() == null || !u.deactivatedAt().isAfter(asOf)
                        ? u
                        : new UserRecord(u.id(), u.name(), u.email(), u.roleId(), u.createdAt(), null, u.lastLoginAt()))
                .toList();
    }

    private static Map<ServiceKey, Long> units(List<ServiceForecast> services, ToLongFunction<ServiceForecast> end) {
        Map<ServiceKey, Long> units = new EnumMap<>(ServiceKey.class);
        services.forEach(s -> units.put(s.key(), end.applyAsLong(s)));
        return units;
    }

    /** Whole units, half up. */
    private static long units(double units) {
        return Math.round(units);
    }
}
