package com.contactcenter.billing.usage;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides, for each source row, the service it bills, the user figures it feeds, or the first
 * invalid-row reason it falls under, and folds the result into per-day facts.
 *
 * <p>A sync calls it once per source row, tens of millions of times a month, so it takes the
 * row's columns as primitives and allocates nothing (see docs/performance.md); which service a
 * row bills is looked up in arrays laid out once from {@link ServiceKey}'s table.
 */
public final class Classifier implements RowSink {

    /** Direction codes: none (a bot session, or a value that is neither), then {@link Direction}'s ordinal + 1. */
    private static final int NO_DIRECTION = 0;

    private static final int OUT = Direction.OUT.ordinal() + 1;
    private static final Direction[] DIRECTIONS = {null, Direction.IN, Direction.OUT};

    private static final ChannelType[] TYPES = ChannelType.values();
    /** Per event, channel type ordinal and direction code: the service a valid row bills, or null. */
    private static final ServiceKey[][] MESSAGE_SERVICE = services(Unit.Event.MESSAGE);

    private static final ServiceKey[][] CALL_SERVICE = services(Unit.Event.CALL);
    private static final ServiceKey[][] BOT_SESSION_SERVICE = services(Unit.Event.BOT_SESSION);
    /** Per channel type ordinal: whether its messages are billed by segments, so need at least one. */
    private static final boolean[] SEGMENTED = segmented();

    private final ChannelTypes channelTypes;
    private final Map<LocalDate, DayFacts> days = new TreeMap<>();
    private DayFacts lastDay;

    public Classifier(Map<Integer, Channel> channels) {
        this.channelTypes = new ChannelTypes(channels);
    }

    /** Facts per day, in day order. */
    public Map<LocalDate, DayFacts> days() {
        return days;
    }

    /** Makes a day appear, with no facts, so that syncing it replaces what an earlier sync left. */
    public DayFacts day(LocalDate day) {
        // rows come mostly in time order, and the reader hands the same LocalDate for a day's rows
        if (lastDay == null || (lastDay.day() != day && !lastDay.day().equals(day))) {
            lastDay = days.computeIfAbsent(day, DayFacts::new);
        }
        return lastDay;
    }

    /** One message row; {@code hasChannel} and {@code hasUser} are false for a NULL column. */
    @Override
    public void messageRow(
            LocalDate day,
            boolean future,
            boolean hasChannel,
            int channelId,
            boolean hasUser,
            long userId,
            String direction,
            int segments) {
        DayFacts facts = day(day);
        facts.read();
        int type = typeOf(hasChannel, channelId);
        int dir = direction(direction);
        Finding reason =
                firstReason(type, dir == NO_DIRECTION, false, segments < 1 && type >= 0 && SEGMENTED[type], future);
        if (reason != null) {
            facts.addFinding(reason);
            return;
        }
        ServiceKey key = MESSAGE_SERVICE[type][dir];
        if (key != null) {
            facts.addService(channelId, key, key.unit() == Unit.SEGMENTS ? segments : 1);
        }
        if (dir == OUT && hasUser) {
            facts.addMessageSent(userId);
        }
    }

    /** One call row; minutes are rounded up per call: {@code ceil(duration_seconds / 60)}. */
    @Override
    public void callRow(
            LocalDate day,
            boolean future,
            boolean hasChannel,
            int channelId,
            boolean hasUser,
            long userId,
            String direction,
            long durationSeconds) {
        DayFacts facts = day(day);
        facts.read();
        int type = typeOf(hasChannel, channelId);
        int dir = direction(direction);
        Finding reason = firstReason(type, dir == NO_DIRECTION, durationSeconds < 0, false, future);
        if (reason != null) {
            facts.addFinding(reason);
            return;
        }
        ServiceKey key = CALL_SERVICE[type][dir];
        // Unanswered calls (duration 0) and calls on other channel types are valid rows of no service.
        if (key == null || durationSeconds == 0) {
            return;
        }
        long minutes = durationSeconds / 60 + (durationSeconds % 60 == 0 ? 0 : 1);
        facts.addService(channelId, key, minutes);
        if (hasUser) {
            facts.addCall(userId, minutes);
        }
    }

    @Override
    public void botSessionRow(LocalDate day, boolean future, boolean hasChannel, int channelId) {
        DayFacts facts = day(day);
        facts.read();
        int type = typeOf(hasChannel, channelId);
        Finding reason = firstReason(type, false, false, false, future);
        if (reason != null) {
            facts.addFinding(reason);
            return;
        }
        ServiceKey key = BOT_SESSION_SERVICE[type][NO_DIRECTION];
        if (key != null) {
            facts.addService(channelId, key, 1);
        }
    }

    @Override
    public void userSessionRow(LocalDate day, long userId) {
        DayFacts facts = day(day);
        facts.read();
        facts.addSession(userId);
    }

    private int typeOf(boolean hasChannel, int channelId) {
        return hasChannel ? channelTypes.of(channelId) : ChannelTypes.NO_SUCH_CHANNEL;
    }

    private static int direction(String stored) {
        Direction direction = Direction.parse(stored);
        return direction == null ? NO_DIRECTION : direction.ordinal() + 1;
    }

    /** The first reason, in the rules' order, that makes a row invalid; null when it is valid. */
    private static Finding firstReason(
            int type, boolean badDirection, boolean negativeDuration, boolean segmentsBelowOne, boolean future) {
        if (type == ChannelTypes.NO_SUCH_CHANNEL) {
            return Finding.UNKNOWN_CHANNEL;
        }
        if (type == ChannelTypes.UNKNOWN_TYPE) {
            return Finding.UNKNOWN_CHANNEL_TYPE;
        }
        if (badDirection) {
            return Finding.BAD_DIRECTION;
        }
        if (negativeDuration) {
            return Finding.NEGATIVE_DURATION;
        }
        if (segmentsBelowOne) {
            return Finding.BAD_SEGMENTS;
        }
        return future ? Finding.FUTURE_TIMESTAMP : null;
    }

    /** The service of each (channel type, direction code) of an event; two services counting one row is a mistake. */
    private static ServiceKey[][] services(Unit.Event event) {
        ServiceKey[][] services = new ServiceKey[TYPES.length][DIRECTIONS.length];
        for (ChannelType type : TYPES) {
            for (int dir = 0; dir < DIRECTIONS.length; dir++) {
                for (ServiceKey key : ServiceKey.values()) {
                    if (key.counts(event, type, DIRECTIONS[dir])) {
                        if (services[type.ordinal()][dir] != null) {
                            throw new IllegalStateException(services[type.ordinal()][dir] + " and " + key
                                    + " both count " + event + " rows on " + type + " " + DIRECTIONS[dir]);
                        }
                        services[type.ordinal()][dir] = key;
                    }
                }
            }
        }
        return services;
    }

    private static boolean[] segmented() {
        boolean[] segmented = new boolean[TYPES.length];
        for (ChannelType type : TYPES) {
            for (ServiceKey key : MESSAGE_SERVICE[type.ordinal()]) {
                segmented[type.ordinal()] |= key != null && key.unit() == Unit.SEGMENTS;
            }
        }
        return segmented;
    }
}
