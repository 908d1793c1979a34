package com.contactcenter.billing.usage;

import java.util.Optional;

/** {@code in} or {@code out}, compared exactly: {@code IN}, {@code Out} or {@code "in "} are neither. */
public enum Direction {
    IN, OUT;

    // Made once: of() runs for every message and call a sync reads.
    private static final Optional<Direction> IN_ = Optional.of(IN);
    private static final Optional<Direction> OUT_ = Optional.of(OUT);

    public static Optional<Direction> of(String stored) {
        if ("in".equals(stored)) {
            return IN_;
        }
        if ("out".equals(stored)) {
            return OUT_;
        }
        return Optional.empty();
    }
}
