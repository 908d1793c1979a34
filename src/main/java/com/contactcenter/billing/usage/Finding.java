package com.contactcenter.billing.usage;

import java.util.Optional;

/**
 * Data-quality findings. The row reasons come first, in the order that decides which one a row
 * is counted under; the user findings follow.
 */
public enum Finding {
    UNKNOWN_CHANNEL("unknown_channel"),
    UNKNOWN_CHANNEL_TYPE("unknown_channel_type"),
    BAD_DIRECTION("bad_direction"),
    NEGATIVE_DURATION("negative_duration"),
    BAD_SEGMENTS("bad_segments"),
    FUTURE_TIMESTAMP("future_timestamp"),
    DEACTIVATED_BEFORE_CREATED("deactivated_before_created"),
    UNKNOWN_ROLE("unknown_role");

    private final String code;

    Finding(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Finding> ofCode(String code) {
        for (Finding f : values()) {
            if (f.code.equals(code)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
