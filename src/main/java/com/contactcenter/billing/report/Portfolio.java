package com.contactcenter.billing.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every tenant's month side by side, from each one's newest snapshot of the month: what the
 * portfolio workbook and its CSV show. {@code roles} are the role names seen across tenants,
 * sorted. Amounts of different currencies are never added together.
 */
public record Portfolio(YearMonth month, List<String> roles, List<Tenant> tenants) {

    public Portfolio {
        roles = List.copyOf(roles);
        tenants = List.copyOf(tenants);
    }

    /** How far a tenant's figures can be trusted. */
    public enum Status {
        OK,
        /** Some days of the month were never synced (they count as zero). */
        INCOMPLETE,
        /**
         * The newest sync that read days of the month failed: the figures, when there are any, are
         * those of the syncs before it. Outranks the others.
         */
        FAILED_SYNC,
        /** Never synced: no figures. */
        NO_DATA;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One tenant's row. Without figures (never synced) only its name, zone, configured plan, currency
     * and status are known; the rest is null. {@code change} is the total less the previous month's
     * total (its newest snapshot), when there is one in the same currency.
     */
    public record Tenant(
            String name,
            String zone,
            String plan,
            String currency,
            int scale,
            Map<String, Long> usersByRole,
            Map<String, Long> unitsByService,
            BigDecimal seatAmount,
            BigDecimal serviceAmount,
            BigDecimal total,
            BigDecimal change,
            Long daysSynced,
            long days,
            Instant asOf,
            Integer version,
            Status status) {

        public boolean hasFigures() {
            return total != null;
        }
    }

    /** A currency's sums over its tenants with figures; {@code scale} is the widest of theirs. */
    public record CurrencyTotals(
            String currency,
            int scale,
            long tenants,
            BigDecimal seatAmount,
            BigDecimal serviceAmount,
            BigDecimal total,
            BigDecimal change) {}

    /** Per currency, sorted by its code. */
    public List<CurrencyTotals> totals() {
        Map<String, List<Tenant>> byCurrency = new TreeMap<>();
        tenants.stream()
                .filter(Tenant::hasFigures)
                .forEach(t -> byCurrency
                        .computeIfAbsent(t.currency(), c -> new ArrayList<>())
                        .add(t));
        List<CurrencyTotals> totals = new ArrayList<>();
        byCurrency.forEach((currency, list) -> totals.add(new CurrencyTotals(
                currency,
                list.stream().mapToInt(Tenant::scale).max().orElse(0),
                list.size(),
                sum(list, Tenant::seatAmount),
                sum(list, Tenant::serviceAmount),
                sum(list, Tenant::total),
                sum(list, Tenant::change))));
        return totals;
    }

    /** Tenants of each status, in the order of {@link Status}. */
    public Map<Status, Long> byStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, tenants.stream().filter(t -> t.status() == s).count());
        }
        return counts;
    }

    /** The tenants of {@code currency} with the largest totals, largest first. */
    public List<Tenant> largestTotals(String currency, int limit) {
        return tenants.stream()
                .filter(t -> t.hasFigures() && t.currency().equals(currency))
                .sorted(Comparator.comparing(Tenant::total).reversed().thenComparing(Tenant::name))
                .limit(limit)
                .toList();
    }

    /** The tenants of {@code currency} whose total changed most against the previous month, either way. */
    public List<Tenant> largestChanges(String currency, int limit) {
        return tenants.stream()
                .filter(t -> t.change() != null && t.currency().equals(currency))
                .sorted(Comparator.comparing((Tenant t) -> t.change().abs())
                        .reversed()
                        .thenComparing(Tenant::name))
                .limit(limit)
                .toList();
    }

    private static BigDecimal sum(List<Tenant> tenants, java.util.function.Function<Tenant, BigDecimal> amount) {
        return tenants.stream()
                .map(amount)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal::add)
                .orElse(null);
    }
}
