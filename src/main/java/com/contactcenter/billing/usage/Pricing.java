package com.contactcenter.billing.usage;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Prices from config: a currency, a scale, a monthly price per role, a unit price per service. */
public record Pricing(
        String currency, int scale, Map<String, BigDecimal> seatPrices, Map<ServiceKey, BigDecimal> unitPrices) {

    public Pricing {
        Objects.requireNonNull(currency, "currency");
        if (scale < 0) {
            throw new IllegalArgumentException("pricing scale must be 0 or more, not " + scale);
        }
        seatPrices = new LinkedHashMap<>(seatPrices);
        unitPrices = unitPrices.isEmpty() ? new EnumMap<>(ServiceKey.class) : new EnumMap<>(unitPrices);
        seatPrices.forEach((role, price) -> requireNotNegative("role '" + role + "'", price));
        unitPrices.forEach((key, price) -> requireNotNegative("service '" + key.key() + "'", price));
    }

    private static void requireNotNegative(String what, BigDecimal price) {
        if (price == null || price.signum() < 0) {
            throw new IllegalArgumentException("price of " + what + " must be 0 or more, not " + price);
        }
    }
}
