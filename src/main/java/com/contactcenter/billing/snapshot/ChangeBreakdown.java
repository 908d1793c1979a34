package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.snapshot.SnapshotFigures.EstimateLine;
import com.contactcenter.billing.snapshot.SnapshotFigures.SeriesPoint;
import com.contactcenter.billing.usage.UsageReport.RoleSeriesPoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Why the estimate of one period moved between two versions: the money difference split into
 * parts that add up exactly to {@code newTotal - oldTotal}.
 *
 * <p>Each estimate line is split the one standard way (docs/design.md, "Why it moved"): first the
 * price effect at the old volume, {@code round(newPrice x oldVolume) - oldAmount}, then the volume
 * effect at the new price, {@code newAmount - round(newPrice x oldVolume)}; both rounded HALF_UP to
 * the estimate's scale exactly as the estimate rounds its lines, so per line the two add up to the
 * line's change. A seat line's volume is its seat-months ({@code sum of users(m) x days(m) /
 * days_in_month(m)}); its volume effect is split further into the users added and the users ended
 * (each user's share priced and rounded), and what those roundings leave is the visible rounding
 * part. Plain Java: the two versions' figures and users in, the parts out.
 */
public record ChangeBreakdown(
        String source,
        LocalDate from,
        LocalDate to,
        String groupBy,
        String timeZone,
        VersionInfo older,
        VersionInfo newer,
        String oldCurrency,
        String currency,
        int scale,
        boolean comparable,
        BigDecimal oldTotal,
        BigDecimal newTotal,
        List<Part> parts) {

    public ChangeBreakdown {
        parts = List.copyOf(parts);
    }

    /** A version as the explanation names it. */
    public record VersionInfo(String id, int number, Instant asOf, Instant computedAt) {}

    /** A billable user as both versions list it: its id, name (as stored) and role. */
    public record Member(long id, String name, String role) {}

    /** A bucket whose units changed, with the units before and after. */
    public record BucketChange(LocalDate bucket, long oldUnits, long newUnits) {

        public long difference() {
            return newUnits - oldUnits;
        }
    }

    public enum Kind {
        /** A role's monthly price changed: the old seats at the new price less the old amount. */
        SEAT_PRICE,
        /** Users of a role billable in the newer version only, at the new price. */
        SEATS_ADDED,
        /** Users of a role billable in the older version only, at the new price (negative). */
        SEATS_ENDED,
        /**
         * A period over several calendar months: the role's seat-months changed (users added, ended,
         * or billable in fewer or more of its months); one part, as the users' shares are not recorded.
         */
        SEATS_CHANGED,
        /** A service's unit price changed: the old units at the new price less the old amount. */
        SERVICE_PRICE,
        /** A service's units changed, at the new price; with the buckets whose units changed. */
        SERVICE_VOLUME,
        /** What rounding each part on its own leaves, so that the parts add up to the difference. */
        ROUNDING;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One part of the difference. {@code key} is the role or the service key (null for rounding);
     * quantities are users or units (0 for rounding); prices are null where they do not apply.
     */
    public record Part(
            Kind kind,
            String key,
            long oldQuantity,
            long newQuantity,
            BigDecimal oldPrice,
            BigDecimal newPrice,
            BigDecimal amount,
            List<Member> added,
            List<Member> ended,
            List<BucketChange> buckets) {

        public Part {
            added = List.copyOf(added);
            ended = List.copyOf(ended);
            buckets = List.copyOf(buckets);
        }
    }

    /** The total difference, new minus old. */
    public BigDecimal difference() {
        return newTotal.subtract(oldTotal);
    }

    /** The parts' amounts added up: equal to {@link #difference()} whenever the versions are comparable. */
    public BigDecimal sum() {
        return parts.stream().map(Part::amount).reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
    }

    /** One version's figures and its billable users. */
    public record Side(VersionInfo version, SnapshotFigures figures, List<Member> users) {}

    /** As {@link #explain}, when the newer version's figures and users have been read already. */
    public static ChangeBreakdown between(
            Snapshot older, Snapshot newer, SnapshotFigures newerFigures, List<SnapshotUser> newerUsers) {
        return explain(
                side(older),
                new Side(
                        info(newer),
                        newerFigures,
                        newerUsers.stream()
                                .map(u -> new Member(u.id(), u.name(), u.role()))
                                .toList()));
    }

    /** A version read streamed, each user's id, name and role kept. */
    static Side side(Snapshot snapshot) {
        List<Member> users = new ArrayList<>();
        SnapshotFigures figures = SnapshotReader.read(snapshot, u -> users.add(new Member(u.id(), u.name(), u.role())));
        return new Side(info(snapshot), figures, users);
    }

    private static VersionInfo info(Snapshot snapshot) {
        return new VersionInfo(snapshot.id(), snapshot.version(), snapshot.asOf(), snapshot.computedAt());
    }

    /** The parts that explain {@code newer}'s total against {@code older}'s. */
    public static ChangeBreakdown explain(Side older, Side newer) {
        SnapshotFigures.Estimate a = older.figures().estimate();
        SnapshotFigures.Estimate b = newer.figures().estimate();
        int scale = b.scale();
        if (!Objects.equals(a.currency(), b.currency())) {
            // amounts in two currencies are never set against each other
            return of(older, newer, false, List.of());
        }
        List<Part> parts = new ArrayList<>();
        Map<String, List<Member>> oldByRole = byRole(older.users());
        Map<String, List<Member>> newByRole = byRole(newer.users());
        for (String role : keys(a.seats(), b.seats())) {
            seatParts(parts, role, older.figures(), newer.figures(), oldByRole, newByRole, scale);
        }
        List<EstimateLine> oldOthers = a.lines().stream().filter(l -> !l.seat()).toList();
        List<EstimateLine> newOthers = b.lines().stream().filter(l -> !l.seat()).toList();
        for (String key : keys(oldOthers, newOthers)) {
            serviceParts(parts, key, older.figures(), newer.figures(), scale);
        }
        BigDecimal explained = parts.stream().map(Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rest = b.total().subtract(a.total()).subtract(explained);
        if (rest.signum() != 0) {
            parts.add(new Part(Kind.ROUNDING, null, 0, 0, null, null, rest, List.of(), List.of(), List.of()));
        }
        return of(older, newer, true, parts);
    }

    private static ChangeBreakdown of(Side older, Side newer, boolean comparable, List<Part> parts) {
        SnapshotFigures f = newer.figures();
        return new ChangeBreakdown(
                f.source(),
                f.period().from(),
                f.period().to(),
                f.groupBy(),
                f.timeZone(),
                older.version(),
                newer.version(),
                older.figures().estimate().currency(),
                f.estimate().currency(),
                f.estimate().scale(),
                comparable,
                older.figures().estimate().total(),
                f.estimate().total(),
                parts);
    }

    private static void seatParts(
            List<Part> parts,
            String role,
            SnapshotFigures older,
            SnapshotFigures newer,
            Map<String, List<Member>> oldByRole,
            Map<String, List<Member>> newByRole,
            int scale) {
        EstimateLine l0 = older.estimate().seat(role).orElse(null);
        EstimateLine l1 = newer.estimate().seat(role).orElse(null);
        // a role without users on one side has no line there: its price is known from the other only
        BigDecimal p0 = l0 != null ? l0.unitPrice() : l1.unitPrice();
        BigDecimal p1 = l1 != null ? l1.unitPrice() : l0.unitPrice();
        long n0 = l0 == null ? 0 : l0.quantity();
        long n1 = l1 == null ? 0 : l1.quantity();
        BigDecimal a0 = l0 == null ? zero(scale) : l0.amount();
        BigDecimal a1 = l1 == null ? zero(scale) : l1.amount();
        Fraction s0 = l0 == null ? Fraction.ZERO : seatMonths(older, role, n0);
        BigDecimal oldAtNewPrice;
        if (p0.compareTo(p1) == 0) {
            oldAtNewPrice = a0;
        } else if (s0 != null) {
            oldAtNewPrice = s0.times(p1, scale);
        } else if (p0.signum() != 0) {
            // seat-months not recorded (several months, not grouped by month): the old amount rescaled
            oldAtNewPrice = a0.multiply(p1).divide(p0, scale, RoundingMode.HALF_UP);
        } else {
            oldAtNewPrice = n1 == 0
                    ? zero(scale)
                    : a1.multiply(BigDecimal.valueOf(n0)).divide(BigDecimal.valueOf(n1), scale, RoundingMode.HALF_UP);
        }
        if (p0.compareTo(p1) != 0) {
            parts.add(new Part(
                    Kind.SEAT_PRICE,
                    role,
                    n0,
                    n0,
                    p0,
                    p1,
                    oldAtNewPrice.subtract(a0),
                    List.of(),
                    List.of(),
                    List.of()));
        }
        BigDecimal users = a1.subtract(oldAtNewPrice);
        List<Member> before = oldByRole.getOrDefault(role, List.of());
        List<Member> after = newByRole.getOrDefault(role, List.of());
        Set<Long> beforeIds = ids(before);
        Set<Long> afterIds = ids(after);
        List<Member> added =
                after.stream().filter(m -> !beforeIds.contains(m.id())).toList();
        List<Member> ended =
                before.stream().filter(m -> !afterIds.contains(m.id())).toList();
        Fraction share = userShare(newer);
        if (share == null) {
            if (users.signum() != 0 || !added.isEmpty() || !ended.isEmpty() || n0 != n1) {
                parts.add(new Part(Kind.SEATS_CHANGED, role, n0, n1, p1, p1, users, added, ended, List.of()));
            }
            return;
        }
        if (!added.isEmpty()) {
            parts.add(new Part(
                    Kind.SEATS_ADDED,
                    role,
                    n0,
                    n0 + added.size(),
                    p1,
                    p1,
                    share.times(added.size()).times(p1, scale),
                    added,
                    List.of(),
                    List.of()));
        }
        if (!ended.isEmpty()) {
            parts.add(new Part(
                    Kind.SEATS_ENDED,
                    role,
                    n0 + added.size(),
                    n1,
                    p1,
                    p1,
                    share.times(ended.size()).times(p1, scale).negate(),
                    List.of(),
                    ended,
                    List.of()));
        }
    }

    private static void serviceParts(
            List<Part> parts, String key, SnapshotFigures older, SnapshotFigures newer, int scale) {
        EstimateLine l0 = other(older, key);
        EstimateLine l1 = other(newer, key);
        BigDecimal p0 = l0 != null ? l0.unitPrice() : l1.unitPrice();
        BigDecimal p1 = l1 != null ? l1.unitPrice() : l0.unitPrice();
        long u0 = l0 == null ? 0 : l0.quantity();
        long u1 = l1 == null ? 0 : l1.quantity();
        BigDecimal a0 = l0 == null ? zero(scale) : l0.amount();
        BigDecimal a1 = l1 == null ? zero(scale) : l1.amount();
        BigDecimal oldAtNewPrice =
                p0.compareTo(p1) == 0 ? a0 : p1.multiply(BigDecimal.valueOf(u0)).setScale(scale, RoundingMode.HALF_UP);
        if (p0.compareTo(p1) != 0) {
            parts.add(new Part(
                    Kind.SERVICE_PRICE,
                    key,
                    u0,
                    u0,
                    p0,
                    p1,
                    oldAtNewPrice.subtract(a0),
                    List.of(),
                    List.of(),
                    List.of()));
        }
        BigDecimal volume = a1.subtract(oldAtNewPrice);
        if (u0 != u1 || volume.signum() != 0) {
            parts.add(new Part(
                    Kind.SERVICE_VOLUME,
                    key,
                    u0,
                    u1,
                    p1,
                    p1,
                    volume,
                    List.of(),
                    List.of(),
                    buckets(older, newer, key)));
        }
    }

    /** The buckets of the series whose units of {@code key} changed, in order. */
    private static List<BucketChange> buckets(SnapshotFigures older, SnapshotFigures newer, String key) {
        Map<LocalDate, long[]> both = new TreeMap<>();
        for (SeriesPoint p : older.series()) {
            if (p.key().equals(key)) {
                both.computeIfAbsent(p.bucket(), b -> new long[2])[0] += p.units();
            }
        }
        for (SeriesPoint p : newer.series()) {
            if (p.key().equals(key)) {
                both.computeIfAbsent(p.bucket(), b -> new long[2])[1] += p.units();
            }
        }
        List<BucketChange> changed = new ArrayList<>();
        both.forEach((bucket, units) -> {
            if (units[0] != units[1]) {
                changed.add(new BucketChange(bucket, units[0], units[1]));
            }
        });
        return changed;
    }

    /**
     * A role's seat-months, exactly as the estimate summed them: known when the period lies in one
     * calendar month (every billable user counts its days), or when it is grouped by month (the
     * users per role of each month's bucket); null otherwise.
     */
    static Fraction seatMonths(SnapshotFigures figures, String role, long users) {
        Fraction share = userShare(figures);
        if (share != null) {
            return share.times(users);
        }
        if (!"month".equals(figures.groupBy())) {
            return null;
        }
        LocalDate to = figures.period().to();
        Fraction sum = Fraction.ZERO;
        boolean any = false;
        for (RoleSeriesPoint p : figures.usersByRoleSeries()) {
            if (p.role().equals(role)) {
                YearMonth month = YearMonth.from(p.bucket());
                LocalDate last = month.atEndOfMonth().isBefore(to) ? month.atEndOfMonth() : to;
                long days = ChronoUnit.DAYS.between(p.bucket(), last) + 1;
                sum = sum.plus(
                        new Fraction(BigInteger.valueOf(p.users() * days), BigInteger.valueOf(month.lengthOfMonth())));
                any = true;
            }
        }
        return any ? sum : null;
    }

    /** A user's seat-months when the period lies in one calendar month ({@code days / days_in_month}), else null. */
    static Fraction userShare(SnapshotFigures figures) {
        LocalDate from = figures.period().from();
        LocalDate to = figures.period().to();
        YearMonth month = YearMonth.from(from);
        if (!month.equals(YearMonth.from(to))) {
            return null;
        }
        return new Fraction(
                BigInteger.valueOf(ChronoUnit.DAYS.between(from, to) + 1), BigInteger.valueOf(month.lengthOfMonth()));
    }

    /** An exact non-negative fraction; priced as the estimate prices seats: one division, HALF_UP. */
    record Fraction(BigInteger numerator, BigInteger denominator) {

        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

        Fraction plus(Fraction other) {
            return new Fraction(
                    numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                    denominator.multiply(other.denominator));
        }

        Fraction times(long factor) {
            return new Fraction(numerator.multiply(BigInteger.valueOf(factor)), denominator);
        }

        BigDecimal times(BigDecimal price, int scale) {
            return new BigDecimal(price.unscaledValue().multiply(numerator), price.scale())
                    .divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
        }
    }

    private static EstimateLine other(SnapshotFigures figures, String key) {
        return figures.estimate().lines().stream()
                .filter(l -> !l.seat() && l.key().equals(key))
                .findFirst()
                .orElse(null);
    }

    private static List<String> keys(List<EstimateLine> older, List<EstimateLine> newer) {
        Set<String> keys = new LinkedHashSet<>();
        older.forEach(l -> keys.add(l.key()));
        newer.forEach(l -> keys.add(l.key()));
        return List.copyOf(keys);
    }

    private static Map<String, List<Member>> byRole(List<Member> users) {
        Map<String, List<Member>> map = new LinkedHashMap<>();
        users.forEach(u -> map.computeIfAbsent(u.role(), r -> new ArrayList<>()).add(u));
        return map;
    }

    private static Set<Long> ids(List<Member> members) {
        Map<Long, Boolean> set = new HashMap<>(members.size() * 2);
        members.forEach(m -> set.put(m.id(), Boolean.TRUE));
        return set.keySet();
    }

    private static BigDecimal zero(int scale) {
        return BigDecimal.ZERO.setScale(scale);
    }
}
