package com.contactcenter.billing.usage;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named price list a tenant is billed by. Its prices hash identifies the prices themselves
 * (currency, scale, every seat and unit price, whatever the order or the trailing zeros config
 * wrote them with), so a snapshot can tell that the prices it was computed with have changed.
 */
public record Plan(String name, Pricing pricing) {

    public Plan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pricing, "pricing");
    }

    /** SHA-256, hex, of the prices written as a canonical text. */
    public String pricesHash() {
        StringBuilder text = new StringBuilder();
        text.append("currency=").append(pricing.currency()).append('\n');
        text.append("scale=").append(pricing.scale()).append('\n');
        new TreeMap<>(pricing.seatPrices())
                .forEach((role, price) -> text.append("seat ")
                        .append(role.length())
                        .append(':')
                        .append(role)
                        .append('=')
                        .append(plain(price))
                        .append('\n'));
        for (Map.Entry<ServiceKey, BigDecimal> service : pricing.unitPrices().entrySet()) {
            text.append("service ")
                    .append(service.getKey().key())
                    .append('=')
                    .append(plain(service.getValue()))
                    .append('\n');
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // UTF-16 code units, high byte first (java.nio is no part of the rules package)
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                digest.update((byte) (c >> 8));
                digest.update((byte) c);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal price) {
        return price.stripTrailingZeros().toPlainString();
    }
}
