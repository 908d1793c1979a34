package com.contactcenter.billing.usage;

/** What a service bills, each unit measured on the rows of one event table. */
public enum Unit {
    /** One per message. */
    MESSAGES(Event.MESSAGE),
    /** The message's {@code segments}. */
    SEGMENTS(Event.MESSAGE),
    /** Each answered call's duration rounded up to a whole minute: {@code ceil(duration_seconds / 60)}. */
    MINUTES(Event.CALL),
    /** One per bot session. */
    SESSIONS(Event.BOT_SESSION);

    /** The event tables whose rows bill services. */
    public enum Event {
        MESSAGE,
        CALL,
        BOT_SESSION
    }

    private final Event event;

    Unit(Event event) {
        this.event = event;
    }

    public Event event() {
        return event;
    }
}
