package com.contactcenter.billing.usage;

import java.util.Optional;

/** The seven billable services, in the order reports list them. */
public enum ServiceKey {
    SMS_OUT("sms_out", "SMS salientes", "Outgoing SMS"),
    EMAIL_OUT("email_out", "Correo saliente", "Outgoing email"),
    WHATSAPP_OUT("whatsapp_out", "WhatsApp salientes", "Outgoing WhatsApp"),
    WHATSAPP_IN("whatsapp_in", "WhatsApp entrantes", "Incoming WhatsApp"),
    VOICE_MINUTES("voice_minutes", "Llamadas", "Calls"),
    VIDEO_MINUTES("video_minutes", "Videollamadas", "Video calls"),
    BOT_SESSIONS("bot_sessions", "Bot", "Bot");

    private final String key;
    private final String spanishLabel;
    private final String englishLabel;

    ServiceKey(String key, String spanishLabel, String englishLabel) {
        this.key = key;
        this.spanishLabel = spanishLabel;
        this.englishLabel = englishLabel;
    }

    public String key() {
        return key;
    }

    public String spanishLabel() {
        return spanishLabel;
    }

    public String englishLabel() {
        return englishLabel;
    }

    public static Optional<ServiceKey> ofKey(String key) {
        for (ServiceKey s : values()) {
            if (s.key.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
