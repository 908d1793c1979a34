package com.contactcenter.billing.usage;

import com.contactcenter.billing.usage.SourceGroups.BotSessionGroup;
import com.contactcenter.billing.usage.SourceGroups.CallGroup;
import com.contactcenter.billing.usage.SourceGroups.MessageGroup;
import com.contactcenter.billing.usage.SourceGroups.UserSessionGroup;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides, for each source row or group of rows, the service it bills, the user figures it feeds,
 * or the first invalid-row reason it falls under, and folds the result into per-day facts.
 *
 * <p>A sync calls the {@code ...Row} methods once per source row, tens of millions of times a
 * month, so they take the row's columns as primitives and allocate nothing (see README,
 * Performance); the group methods fold rows already grouped, with the same rules.
 */
public final class Classifier implements RowSink {

    /** Direction codes: a stored value that is neither, then {@link Direction}'s ordinal plus one. */
    private static final int BAD_DIRECTION = 0;
    private static final int IN = Direction.IN.ordinal() + 1;
    private static final int OUT = Direction.OUT.ordinal() + 1;

    private static final ChannelType[] TYPES = ChannelType.values();
    /** Per channel type ordinal and direction code, the service a valid message bills, or null. */
    private static final ServiceKey[][] MESSAGE_SERVICE = new ServiceKey[TYPES.length][3];

    static {
        MESSAGE_SERVICE[ChannelType.SMS.ordinal()][OUT] = ServiceKey.SMS_OUT;
        MESSAGE_SERVICE[ChannelType.EMAIL.ordinal()][OUT] = ServiceKey.EMAIL_OUT;
        MESSAGE_SERVICE[ChannelType.WHATSAPP.ordinal()][OUT] = ServiceKey.WHATSAPP_OUT;
        MESSAGE_SERVICE[ChannelType.WHATSAPP.ordinal()][IN] = ServiceKey.WHATSAPP_IN;
    }

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
    public void messageRow(LocalDate day, boolean future, boolean hasChannel, int channelId, boolean hasUser,
            long userId, String direction, int segments) {
        message(day, future, hasChannel, channelId, hasUser, userId, direction, segments < 1, 1, segments);
    }

    public void message(MessageGroup g) {
        message(g.day(), g.future(), g.channelId() != null, g.channelId() == null ? 0 : g.channelId(),
                g.userId() != null, g.userId() == null ? 0 : g.userId(), g.direction(), g.badSegments(), g.rows(),
                g.segments());
    }

    private void message(LocalDate day, boolean future, boolean hasChannel, int channelId, boolean hasUser,
            long userId, String direction, boolean badSegments, long rows, long segments) {
        DayFacts facts = day(day);
        facts.read(rows);
        int type = typeOf(hasChannel, channelId);
        int dir = direction(direction);
        Finding reason = firstReason(type, dir == BAD_DIRECTION, false,
                badSegments && type == ChannelType.SMS.ordinal(), future);
        if (reason != null) {
            facts.addFinding(reason, rows);
            return;
        }
        ServiceKey key = MESSAGE_SERVICE[type][dir];
        if (key != null) {
            facts.addService(channelId, key, rows, key == ServiceKey.SMS_OUT ? segments : rows);
        }
        if (dir == OUT && hasUser) {
            facts.addUser(userId, DayFacts.MESSAGES_SENT, rows);
        }
    }

    /** One call row; minutes are rounded up per call: {@code ceil(duration_seconds / 60)}. */
    @Override
    public void callRow(LocalDate day, boolean future, boolean hasChannel, int channelId, boolean hasUser,
            long userId, String direction, long durationSeconds) {
        long minutes = durationSeconds > 0 ? durationSeconds / 60 + (durationSeconds % 60 == 0 ? 0 : 1) : 0;
        call(day, future, hasChannel, channelId, hasUser, userId, direction, Long.signum(durationSeconds), 1,
                minutes);
    }

    public void call(CallGroup g) {
        call(g.day(), g.future(), g.channelId() != null, g.channelId() == null ? 0 : g.channelId(),
                g.userId() != null, g.userId() == null ? 0 : g.userId(), g.direction(), g.durationSign(), g.rows(),
                g.minutes());
    }

    private void call(LocalDate day, boolean future, boolean hasChannel, int channelId, boolean hasUser, long userId,
            String direction, int durationSign, long rows, long minutes) {
        DayFacts facts = day(day);
        facts.read(rows);
        int type = typeOf(hasChannel, channelId);
        Finding reason = firstReason(type, direction(direction) == BAD_DIRECTION, durationSign < 0, false, future);
        if (reason != null) {
            facts.addFinding(reason, rows);
            return;
        }
        ServiceKey key = type == ChannelType.VOICE.ordinal() ? ServiceKey.VOICE_MINUTES
                : type == ChannelType.VIDEO.ordinal() ? ServiceKey.VIDEO_MINUTES : null;
        // Unanswered calls (duration 0) and calls on other channel types are valid rows of no service.
        if (key == null || durationSign == 0) {
            return;
        }
        facts.addService(channelId, key, rows, minutes);
        if (hasUser) {
            facts.addUserCalls(userId, rows, minutes);
        }
    }

    @Override
    public void botSessionRow(LocalDate day, boolean future, boolean hasChannel, int channelId) {
        botSession(day, future, hasChannel, channelId, 1);
    }

    public void botSession(BotSessionGroup g) {
        botSession(g.day(), g.future(), g.channelId() != null, g.channelId() == null ? 0 : g.channelId(), g.rows());
    }

    private void botSession(LocalDate day, boolean future, boolean hasChannel, int channelId, long rows) {
        DayFacts facts = day(day);
        facts.read(rows);
        Finding reason = firstReason(typeOf(hasChannel, channelId), false, false, false, future);
        if (reason != null) {
            facts.addFinding(reason, rows);
        } else {
            facts.addService(channelId, ServiceKey.BOT_SESSIONS, rows, rows);
        }
    }

    @Override
    public void userSessionRow(LocalDate day, long userId) {
        DayFacts facts = day(day);
        facts.read(1);
        facts.addUser(userId, DayFacts.SESSIONS, 1);
    }

    public void userSession(UserSessionGroup g) {
        DayFacts facts = day(g.day());
        facts.read(g.rows());
        facts.addUser(g.userId(), DayFacts.SESSIONS, g.rows());
    }

    private int typeOf(boolean hasChannel, int channelId) {
        return hasChannel ? channelTypes.of(channelId) : ChannelTypes.NO_SUCH_CHANNEL;
    }

    private static int direction(String stored) {
        Direction direction = Direction.parse(stored);
        return direction == null ? BAD_DIRECTION : direction.ordinal() + 1;
    }

    /** The first reason, in the rules' order, that makes a row invalid; null when it is valid. */
    private static Finding firstReason(int type, boolean badDirection, boolean negativeDuration,
            boolean smsSegmentsBelowOne, boolean future) {
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
        if (smsSegmentsBelowOne) {
            return Finding.BAD_SEGMENTS;
        }
        return future ? Finding.FUTURE_TIMESTAMP : null;
    }
}
