package com.contactcenter.billing.snapshot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

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
            return planChanged() ? "plan " + older.plan() + " -> " + newer.plan() + (pricesChanged()
                    ? ", prices changed" : ", same prices") : "plan " + newer.plan() + ": prices changed";
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
        return between(older, newer, SnapshotService.outline(newer));
    }

    /**
     * As {@link #between(Snapshot, Snapshot)}, when the newer document has been read already:
     * {@code newerOutline} holds its top-level values but the users.
     */
    public static SnapshotDiff between(Snapshot older, Snapshot newer, JsonNode newerOutline) {
        // Users are no part of the comparison: skipped while reading, whatever their number.
        JsonNode a = SnapshotService.outline(older);
        JsonNode b = newerOutline;
        List<Line> lines = new ArrayList<>();
        compare(lines, "role", "users", index(a.get("usersByRole"), "role", "users"),
                index(b.get("usersByRole"), "role", "users"));
        compare(lines, "service", "count", index(a.get("services"), "key", "count"),
                index(b.get("services"), "key", "count"));
        compare(lines, "service", "units", index(a.get("services"), "key", "units"),
                index(b.get("services"), "key", "units"));
        compare(lines, "estimate", "amount", lineIndex(a), lineIndex(b));
        lines.add(new Line("total", "total", "amount", new BigDecimal(a.get("estimate").get("total").asString()),
                new BigDecimal(b.get("estimate").get("total").asString())));
        return new SnapshotDiff(older, newer, lines, planChange(older.plan(), newer.plan()));
    }

    /** Only when both versions know their plan (versions stored before plans do not). */
    private static Optional<PlanChange> planChange(PlanStamp older, PlanStamp newer) {
        return older == null || newer == null || older.equals(newer) ? Optional.empty()
                : Optional.of(new PlanChange(older, newer));
    }

    private static Map<String, BigDecimal> index(JsonNode array, String key, String value) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        array.forEach(n -> map.put(n.get(key).asString(), n.get(value).decimalValue()));
        return map;
    }

    private static Map<String, BigDecimal> lineIndex(JsonNode doc) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        doc.get("estimate").get("lines").forEach(n -> map.put(n.get("kind").asString() + ":" + n.get("key").asString(),
                new BigDecimal(n.get("amount").asString())));
        return map;
    }

    private static void compare(List<Line> lines, String section, String measure, Map<String, BigDecimal> older,
            Map<String, BigDecimal> newer) {
        Map<String, BigDecimal[]> both = new LinkedHashMap<>();
        older.forEach((k, v) -> both.computeIfAbsent(k, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] = v);
        newer.forEach((k, v) -> both.computeIfAbsent(k, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[1] = v);
        both.forEach((k, v) -> lines.add(new Line(section, k, measure, v[0], v[1])));
    }
}
