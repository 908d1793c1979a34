package com.contactcenter.billing.usage;

import java.util.Optional;

/** {@code in} or {@code out}, compared exactly: {@code IN}, {@code Out} or {@code "in "} are neither. */
public enum Direction {
    IN, OUT;

    public static Optional<Direction> of(String stored) {
        if ("in".equals(stored)) {
            return Optional.of(IN);
        }
        if ("out".equals(stored)) {
            return Optional.of(OUT);
        }
        return Optional.empty();
    }
}
