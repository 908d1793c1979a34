package com.contactcenter.billing.usage;

import java.math.BigDecimal;

/**
 * One line of the estimate. {@code priced} is false when config has no price for the key: the
 * line is priced 0 and reports flag it.
 */
public record EstimateLine(
        Kind kind, String key, long quantity, BigDecimal unitPrice, BigDecimal amount, boolean priced) {

    public enum Kind {
        SEAT,
        SERVICE;

        public String code() {
            return this == SEAT ? "seat" : "service";
        }
    }
}
