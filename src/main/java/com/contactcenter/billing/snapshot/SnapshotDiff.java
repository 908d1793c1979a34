package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.snapshot.SnapshotFigures.ServiceUsage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The differences between two versions of a snapshot: users per role, each service's count and
 * units, each estimate line's amount, and the total; old, new and new minus old. When the two
 * were priced with another plan, or the same plan with other prices, {@code planChange} says so.
 */
public record SnapshotDiff(Snapshot older, Snapshot newer, List<Line> lines, Optional<PlanChange> planChange) {

    /** The plans of two versions that differ in name or prices. */
    public record PlanChange(PlanStamp older, PlanStamp newer) {

        public boolean planChanged() {
            return !older.plan().equals(newer.plan());
        }

        public boolean pricesChanged() {
            return !older.pricesHash().equals(newer.pricesHash());
        }

        /** "plan default -> gold, prices changed", or "plan gold: prices changed". */
        public String describe() {
            return planChanged()
                    ? "plan " + older.plan() + " -> " + newer.plan()
                            + (pricesChanged() ? ", prices changed" : ", same prices")
                    : "plan " + newer.plan() + ": prices changed";
        }
    }

    /** {@code section} is role, service, estimate or total. */
    public record Line(String section, String key, String measure, BigDecimal oldValue, BigDecimal newValue) {

        public BigDecimal difference() {
            return newValue.subtract(oldValue);
        }

        public boolean changed() {
            return oldValue.compareTo(newValue) != 0;
        }
    }

    public static SnapshotDiff between(Snapshot older, Snapshot newer) {
        return between(older, newer, SnapshotReader.figures(newer));
    }

    /** As {@link #between(Snapshot, Snapshot)}, when the newer version's figures have been read already. */
    public static SnapshotDiff between(Snapshot older, Snapshot newer, SnapshotFigures newerFigures) {
        // Users are no part of the comparison: skipped while reading, whatever their number.
        SnapshotFigures a = SnapshotReader.figures(older);
        SnapshotFigures b = newerFigures;
        List<Line> lines = new ArrayList<>();
        compare(lines, "role", "users", roles(a), roles(b));
        compare(lines, "service", "count", services(a, ServiceUsage::count), services(b, ServiceUsage::count));
        compare(lines, "service", "units", services(a, ServiceUsage::units), services(b, ServiceUsage::units));
        compare(lines, "estimate", "amount", estimateLines(a), estimateLines(b));
        lines.add(new Line(
                "total", "total", "amount", a.estimate().total(), b.estimate().total()));
        return new SnapshotDiff(older, newer, lines, planChange(older.plan(), newer.plan()));
    }

    /** Only when both versions know their plan (versions stored before plans do not). */
    private static Optional<PlanChange> planChange(PlanStamp older, PlanStamp newer) {
        return older == null || newer == null || older.equals(newer)
                ? Optional.empty()
                : Optional.of(new PlanChange(older, newer));
    }

    private static Map<String, BigDecimal> roles(SnapshotFigures figures) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        figures.usersByRole().forEach(r -> map.put(r.role(), BigDecimal.valueOf(r.users())));
        return map;
    }

    private static Map<String, BigDecimal> services(SnapshotFigures figures, ToLongFunction<ServiceUsage> measure) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        figures.services().forEach(s -> map.put(s.key(), BigDecimal.valueOf(measure.applyAsLong(s))));
        return map;
    }

    private static Map<String, BigDecimal> estimateLines(SnapshotFigures figures) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        figures.estimate().lines().forEach(l -> map.put(l.kind() + ":" + l.key(), l.amount()));
        return map;
    }

    private static void compare(
            List<Line> lines,
            String section,
            String measure,
            Map<String, BigDecimal> older,
            Map<String, BigDecimal> newer) {
        Map<String, BigDecimal[]> both = new LinkedHashMap<>();
        older.forEach((k, v) ->
                both.computeIfAbsent(k, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] = v);
        newer.forEach((k, v) ->
                both.computeIfAbsent(k, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[1] = v);
        both.forEach((k, v) -> lines.add(new Line(section, k, measure, v[0], v[1])));
    }
}
