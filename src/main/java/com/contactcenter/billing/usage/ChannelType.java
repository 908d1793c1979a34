package com.contactcenter.billing.usage;

import java.util.Locale;
import java.util.Optional;

/** The eight known channel types. Any other stored value, including another case, is unknown. */
public enum ChannelType {
    WHATSAPP, SMS, EMAIL, VOICE, VIDEO, WEBCHAT, FACEBOOK, INSTAGRAM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChannelType> of(String stored) {
        for (ChannelType t : values()) {
            if (t.code().equals(stored)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
