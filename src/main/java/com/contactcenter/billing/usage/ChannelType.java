package com.contactcenter.billing.usage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The eight known channel types. Any other stored value, including another case, is unknown. */
public enum ChannelType {
    WHATSAPP,
    SMS,
    EMAIL,
    VOICE,
    VIDEO,
    WEBCHAT,
    FACEBOOK,
    INSTAGRAM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final Map<String, ChannelType> BY_CODE = new HashMap<>();

    static {
        for (ChannelType t : values()) {
            BY_CODE.put(t.code(), t);
        }
    }

    public static Optional<ChannelType> of(String stored) {
        return stored == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(stored));
    }
}
