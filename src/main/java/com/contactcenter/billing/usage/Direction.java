package com.contactcenter.billing.usage;

/** {@code in} or {@code out}, compared exactly: {@code IN}, {@code Out} or {@code "in "} are neither. */
public enum Direction {
    IN,
    OUT;

    /** The direction stored, or null for any other value (a data-quality finding). */
    public static Direction parse(String stored) {
        if ("out".equals(stored)) {
            return OUT;
        }
        return "in".equals(stored) ? IN : null;
    }
}
