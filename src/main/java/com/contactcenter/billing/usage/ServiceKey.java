package com.contactcenter.billing.usage;

import java.util.Optional;

/**
 * The seven billable services, in the order reports list them: the rules' table of services,
 * each declared once with its key, its names, what it counts and its unit. The fold's lookup
 * tables are derived from it (see {@link Classifier}).
 */
public enum ServiceKey {
    SMS_OUT("sms_out", "SMS salientes", "Outgoing SMS", Unit.SEGMENTS, ChannelType.SMS, Direction.OUT),
    EMAIL_OUT("email_out", "Correo saliente", "Outgoing email", Unit.MESSAGES, ChannelType.EMAIL, Direction.OUT),
    WHATSAPP_OUT(
            "whatsapp_out",
            "WhatsApp salientes",
            "Outgoing WhatsApp",
            Unit.MESSAGES,
            ChannelType.WHATSAPP,
            Direction.OUT),
    WHATSAPP_IN(
            "whatsapp_in",
            "WhatsApp entrantes",
            "Incoming WhatsApp",
            Unit.MESSAGES,
            ChannelType.WHATSAPP,
            Direction.IN),
    VOICE_MINUTES("voice_minutes", "Llamadas", "Calls", Unit.MINUTES, ChannelType.VOICE),
    VIDEO_MINUTES("video_minutes", "Videollamadas", "Video calls", Unit.MINUTES, ChannelType.VIDEO),
    BOT_SESSIONS("bot_sessions", "Bot", "Bot", Unit.SESSIONS);

    private final String key;
    private final String spanishLabel;
    private final String englishLabel;
    private final Unit unit;
    /** The channel type whose rows it counts; null for every known type. */
    private final ChannelType channelType;
    /** The direction of the rows it counts; null for either, or for an event with no direction. */
    private final Direction direction;

    ServiceKey(String key, String spanishLabel, String englishLabel, Unit unit) {
        this(key, spanishLabel, englishLabel, unit, null, null);
    }

    ServiceKey(String key, String spanishLabel, String englishLabel, Unit unit, ChannelType channelType) {
        this(key, spanishLabel, englishLabel, unit, channelType, null);
    }

    ServiceKey(
            String key,
            String spanishLabel,
            String englishLabel,
            Unit unit,
            ChannelType channelType,
            Direction direction) {
        this.key = key;
        this.spanishLabel = spanishLabel;
        this.englishLabel = englishLabel;
        this.unit = unit;
        this.channelType = channelType;
        this.direction = direction;
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

    public Unit unit() {
        return unit;
    }

    /**
     * Whether a valid row of {@code event}, on a channel of {@code type} and in {@code direction}
     * (null for an event with none), counts for this service.
     */
    public boolean counts(Unit.Event event, ChannelType type, Direction direction) {
        return unit.event() == event
                && (channelType == null || channelType == type)
                && (this.direction == null || this.direction == direction);
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
