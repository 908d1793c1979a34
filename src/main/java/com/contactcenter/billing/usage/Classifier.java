package com.contactcenter.billing.usage;

import com.contactcenter.billing.usage.SourceGroups.BotSessionGroup;
import com.contactcenter.billing.usage.SourceGroups.CallGroup;
import com.contactcenter.billing.usage.SourceGroups.MessageGroup;
import com.contactcenter.billing.usage.SourceGroups.UserSessionGroup;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides, for each group of source rows, the service it bills, the user figures it feeds, or the
 * first invalid-row reason it falls under, and folds the result into per-day facts.
 */
public final class Classifier {

    /** Per channel id, its known type, or empty for a type outside the eight; absent: no such channel. */
    private final Map<Integer, Optional<ChannelType>> channelTypes = new HashMap<>();
    private final Map<LocalDate, DayFacts> days = new TreeMap<>();
    private DayFacts lastDay;

    public Classifier(Map<Integer, Channel> channels) {
        channels.forEach((id, channel) -> channelTypes.put(id, channel.knownType()));
    }

    /** Facts per day, in day order. */
    public Map<LocalDate, DayFacts> days() {
        return days;
    }

    /** Makes a day appear, with no facts, so that syncing it replaces what an earlier sync left. */
    public DayFacts day(LocalDate day) {
        if (lastDay == null || !lastDay.day().equals(day)) {
            lastDay = days.computeIfAbsent(day, DayFacts::new);
        }
        return lastDay;
    }

    public void message(MessageGroup g) {
        DayFacts facts = day(g.day());
        facts.read(g.rows());
        Optional<ChannelType> type = typeOf(g.channelId());
        Optional<Direction> direction = Direction.of(g.direction());
        if (invalid(facts, g.rows(), firstReason(type, direction.isEmpty(), false, g.badSegments(), g.future()))) {
            return;
        }
        messageService(type.get(), direction.get()).ifPresent(key -> facts.addService(g.channelId(), key, g.rows(),
                key == ServiceKey.SMS_OUT ? g.segments() : g.rows()));
        if (direction.get() == Direction.OUT && g.userId() != null) {
            facts.addUser(g.userId(), DayFacts.MESSAGES_SENT, g.rows());
        }
    }

    public void call(CallGroup g) {
        DayFacts facts = day(g.day());
        facts.read(g.rows());
        Optional<ChannelType> type = typeOf(g.channelId());
        boolean badDirection = Direction.of(g.direction()).isEmpty();
        if (invalid(facts, g.rows(), firstReason(type, badDirection, g.durationSign() < 0, false, g.future()))) {
            return;
        }
        ServiceKey key = switch (type.get()) {
            case VOICE -> ServiceKey.VOICE_MINUTES;
            case VIDEO -> ServiceKey.VIDEO_MINUTES;
            default -> null;
        };
        // Unanswered calls (duration 0) and calls on other channel types are valid rows of no service.
        if (key == null || g.durationSign() == 0) {
            return;
        }
        facts.addService(g.channelId(), key, g.rows(), g.minutes());
        if (g.userId() != null) {
            facts.addUser(g.userId(), DayFacts.CALLS, g.rows());
            facts.addUser(g.userId(), DayFacts.CALL_MINUTES, g.minutes());
        }
    }

    public void botSession(BotSessionGroup g) {
        DayFacts facts = day(g.day());
        facts.read(g.rows());
        if (!invalid(facts, g.rows(), firstReason(typeOf(g.channelId()), false, false, false, g.future()))) {
            facts.addService(g.channelId(), ServiceKey.BOT_SESSIONS, g.rows(), g.rows());
        }
    }

    /** Null when there is no such channel; empty when its type is none of the eight. */
    private Optional<ChannelType> typeOf(Integer channelId) {
        return channelId == null ? null : channelTypes.get(channelId);
    }

    /** The first reason, in the rules' order, that makes a row invalid; null when it is valid. */
    private static Finding firstReason(Optional<ChannelType> type, boolean badDirection, boolean negativeDuration,
            boolean segmentsBelowOne, boolean future) {
        if (type == null) {
            return Finding.UNKNOWN_CHANNEL;
        }
        if (type.isEmpty()) {
            return Finding.UNKNOWN_CHANNEL_TYPE;
        }
        if (badDirection) {
            return Finding.BAD_DIRECTION;
        }
        if (negativeDuration) {
            return Finding.NEGATIVE_DURATION;
        }
        if (segmentsBelowOne && type.get() == ChannelType.SMS) {
            return Finding.BAD_SEGMENTS;
        }
        return future ? Finding.FUTURE_TIMESTAMP : null;
    }

    private static boolean invalid(DayFacts facts, long rows, Finding reason) {
        if (reason == null) {
            return false;
        }
        facts.addFinding(reason, rows);
        return true;
    }

    public void userSession(UserSessionGroup g) {
        DayFacts facts = day(g.day());
        facts.read(g.rows());
        facts.addUser(g.userId(), DayFacts.SESSIONS, g.rows());
    }

    /** Per service key, made once: the lookup below runs for every message a sync reads. */
    private static final List<Optional<ServiceKey>> SERVICES = Arrays.stream(ServiceKey.values()).map(Optional::of)
            .toList();

    static Optional<ServiceKey> messageService(ChannelType type, Direction direction) {
        ServiceKey key = switch (type) {
            case SMS -> direction == Direction.OUT ? ServiceKey.SMS_OUT : null;
            case EMAIL -> direction == Direction.OUT ? ServiceKey.EMAIL_OUT : null;
            case WHATSAPP -> direction == Direction.OUT ? ServiceKey.WHATSAPP_OUT : ServiceKey.WHATSAPP_IN;
            default -> null;
        };
        return key == null ? Optional.empty() : SERVICES.get(key.ordinal());
    }
}
