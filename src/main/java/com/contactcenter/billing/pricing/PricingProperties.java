package com.contactcenter.billing.pricing;

import com.contactcenter.billing.usage.Plan;
import com.contactcenter.billing.usage.Pricing;
import com.contactcenter.billing.usage.ServiceKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Prices ({@code billing.pricing}). The single list ({@code currency}, {@code scale}, {@code seats},
 * {@code services}) is the plan named {@code defaultPlan} unless {@code plans} defines a plan of
 * that name; each of {@code plans} is a named list of its own. A tenant without a plan is billed
 * by the default plan.
 */
@ConfigurationProperties("billing.pricing")
public record PricingProperties(
        @DefaultValue("COP") String currency,
        @DefaultValue("2") int scale,
        List<SeatPrice> seats,
        Map<String, BigDecimal> services,
        @DefaultValue(DEFAULT_PLAN) String defaultPlan,
        Map<String, PlanProperties> plans) {

    public static final String DEFAULT_PLAN = "default";

    public PricingProperties {
        seats = seats == null ? List.of() : List.copyOf(seats);
        services = services == null ? Map.of() : Map.copyOf(services);
        defaultPlan = defaultPlan == null || defaultPlan.isBlank() ? DEFAULT_PLAN : defaultPlan.strip();
        plans = plans == null ? Map.of() : Map.copyOf(plans);
        if (plans.containsKey(defaultPlan) && (!seats.isEmpty() || !services.isEmpty())) {
            throw new IllegalArgumentException("billing.pricing has prices of its own and billing.pricing.plans."
                    + defaultPlan + " is the default plan too: move those prices into a plan of their own");
        }
    }

    /** The prices of the single list, as they were before plans. */
    public Pricing toPricing() {
        return pricing("billing.pricing", currency, scale, seats, services);
    }

    /** Every plan by name: the named ones, and the single list as the default plan unless one is named so. */
    public Map<String, Plan> allPlans() {
        Map<String, Plan> all = new TreeMap<>();
        plans.forEach((name, plan) -> all.put(
                name,
                new Plan(
                        name,
                        pricing(
                                "billing.pricing.plans." + name,
                                plan.currency(),
                                plan.scale(),
                                plan.seats(),
                                plan.services()))));
        all.putIfAbsent(defaultPlan, new Plan(defaultPlan, toPricing()));
        return all;
    }

    /** The tenant's plan by name; null or blank: the default plan. */
    public Plan plan(String name) {
        String wanted = name == null || name.isBlank() ? defaultPlan : name.strip();
        Plan plan = allPlans().get(wanted);
        if (plan == null) {
            throw new IllegalArgumentException(
                    "unknown plan '" + wanted + "'; plans: " + allPlans().keySet());
        }
        return plan;
    }

    /**
     * Whether the plan is one of {@code plans}, rather than the single list: a snapshot priced
     * by the single list keeps the export document it had before plans (no plan keys).
     */
    public boolean isNamedPlan(String name) {
        return plans.containsKey(name);
    }

    /** A named price list of {@code billing.pricing.plans}. */
    public record PlanProperties(
            @DefaultValue("COP") String currency,
            @DefaultValue("2") int scale,
            List<SeatPrice> seats,
            Map<String, BigDecimal> services) {

        public PlanProperties {
            seats = seats == null ? List.of() : List.copyOf(seats);
            services = services == null ? Map.of() : Map.copyOf(services);
        }
    }

    public record SeatPrice(String role, BigDecimal monthlyPrice) {}

    private static Pricing pricing(
            String where, String currency, int scale, List<SeatPrice> seats, Map<String, BigDecimal> services) {
        Map<String, BigDecimal> seatPrices = new LinkedHashMap<>();
        for (SeatPrice seat : seats) {
            if (seat.role() == null || seat.monthlyPrice() == null) {
                throw new IllegalArgumentException(where + ".seats[] needs role and monthly-price");
            }
            seatPrices.put(seat.role(), seat.monthlyPrice());
        }
        Map<ServiceKey, BigDecimal> unitPrices = new EnumMap<>(ServiceKey.class);
        List<String> unknown = new ArrayList<>();
        services.forEach(
                (key, price) -> serviceKey(key).ifPresentOrElse(k -> unitPrices.put(k, price), () -> unknown.add(key)));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ".services has unknown service keys " + unknown);
        }
        return new Pricing(currency, scale, seatPrices, unitPrices);
    }

    /** Map keys lose their '_' in relaxed binding unless quoted, so both spellings are accepted. */
    private static Optional<ServiceKey> serviceKey(String configKey) {
        String plain = configKey.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        for (ServiceKey k : ServiceKey.values()) {
            if (k.key().replace("_", "").equals(plain)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
