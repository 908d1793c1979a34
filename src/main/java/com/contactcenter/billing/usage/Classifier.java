package com.contactcenter.billing.usage;

import com.contactcenter.billing.usage.SourceGroups.BotSessionGroup;
import com.contactcenter.billing.usage.SourceGroups.CallGroup;
import com.contactcenter.billing.usage.SourceGroups.MessageGroup;
import com.contactcenter.billing.usage.SourceGroups.UserSessionGroup;
import java.time.LocalDate;
import java.util.HashMap;
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
        Optional<ChannelType> type = g.channelId() == null ? null : channelTypes.get(g.channelId());
        if (type == null) {
            facts.addFinding(Finding.UNKNOWN_CHANNEL, g.rows());
            return;
        }
        if (type.isEmpty()) {
            facts.addFinding(Finding.UNKNOWN_CHANNEL_TYPE, g.rows());
            return;
        }
        Optional<Direction> direction = Direction.of(g.direction());
        if (direction.isEmpty()) {
            facts.addFinding(Finding.BAD_DIRECTION, g.rows());
            return;
        }
        if (type.get() == ChannelType.SMS && g.badSegments()) {
            facts.addFinding(Finding.BAD_SEGMENTS, g.rows());
            return;
        }
        if (g.future()) {
            facts.addFinding(Finding.FUTURE_TIMESTAMP, g.rows());
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
        Optional<ChannelType> type = g.channelId() == null ? null : channelTypes.get(g.channelId());
        if (type == null) {
            facts.addFinding(Finding.UNKNOWN_CHANNEL, g.rows());
            return;
        }
        if (type.isEmpty()) {
            facts.addFinding(Finding.UNKNOWN_CHANNEL_TYPE, g.rows());
            return;
        }
        if (Direction.of(g.direction()).isEmpty()) {
            facts.addFinding(Finding.BAD_DIRECTION, g.rows());
            return;
        }
        if (g.durationSign() < 0) {
            facts.addFinding(Finding.NEGATIVE_DURATION, g.rows());
            return;
        }
        if (g.future()) {
            facts.addFinding(Finding.FUTURE_TIMESTAMP, g.rows());
            return;
        }
        if (g.durationSign() == 0) {
            return;
        }
        ServiceKey key = switch (type.get()) {
            case VOICE -> ServiceKey.VOICE_MINUTES;
            case VIDEO -> ServiceKey.VIDEO_MINUTES;
            default -> null;
        };
        if (key == null) {
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
        Optional<ChannelType> type = g.channelId() == null ? null : channelTypes.get(g.channelId());
        if (type == null) {
            facts.addFinding(Finding.UNKNOWN_CHANNEL, g.rows());
        } else if (type.isEmpty()) {
            facts.addFinding(Finding.UNKNOWN_CHANNEL_TYPE, g.rows());
        } else if (g.future()) {
            facts.addFinding(Finding.FUTURE_TIMESTAMP, g.rows());
        } else {
            facts.addService(g.channelId(), ServiceKey.BOT_SESSIONS, g.rows(), g.rows());
        }
    }

    public void userSession(UserSessionGroup g) {
        DayFacts facts = day(g.day());
        facts.read(g.rows());
        facts.addUser(g.userId(), DayFacts.SESSIONS, g.rows());
    }

    static Optional<ServiceKey> messageService(ChannelType type, Direction direction) {
        return Optional.ofNullable(switch (type) {
            case SMS -> direction == Direction.OUT ? ServiceKey.SMS_OUT : null;
            case EMAIL -> direction == Direction.OUT ? ServiceKey.EMAIL_OUT : null;
            case WHATSAPP -> direction == Direction.OUT ? ServiceKey.WHATSAPP_OUT : ServiceKey.WHATSAPP_IN;
            default -> null;
        });
    }
}
