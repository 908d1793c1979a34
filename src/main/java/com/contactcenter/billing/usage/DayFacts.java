package com.contactcenter.billing.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classified facts of one local day of one source: what the warehouse keeps. Built by
 * {@link Classifier}; memory grows with the day's channels and users, never with its rows.
 */
public final class DayFacts {

    /** One service on one channel on one day. */
    public record ChannelFact(LocalDate day, int channelId, ServiceKey key, long count, long units) {}

    /** One reason on one day. */
    public record FindingFact(LocalDate day, Finding reason, long count) {}

    /** One user on one day. */
    public record UserFact(
            LocalDate day, long userId, long sessions, long messagesSent, long calls, long callMinutes) {}

    /** A channel's sums for one service. */
    private enum ServiceSum {
        COUNT,
        UNITS
    }

    /** A user's sums. */
    private enum UserSum {
        SESSIONS,
        MESSAGES_SENT,
        CALLS,
        CALL_MINUTES
    }

    private static final ServiceKey[] KEYS = ServiceKey.values();

    private final LocalDate day;
    /** Per channel id and service (key {@code channelId * KEYS.length + ordinal}). */
    private final LongSums<ServiceSum> channels = new LongSums<>(ServiceSum.class);
    /** Per reason (by ordinal): the rows counted under it. */
    private final long[] findings = new long[Finding.values().length];
    /** Per user id. */
    private final LongSums<UserSum> users = new LongSums<>(UserSum.class);

    private long rowsRead;

    public DayFacts(LocalDate day) {
        this.day = day;
    }

    public LocalDate day() {
        return day;
    }

    public long rowsRead() {
        return rowsRead;
    }

    /** One row read, whatever it counts for. */
    void read() {
        rowsRead++;
    }

    /** One row billed to a service on a channel. */
    void addService(int channelId, ServiceKey key, long units) {
        channels.add((long) channelId * KEYS.length + key.ordinal(), ServiceSum.COUNT, 1, ServiceSum.UNITS, units);
    }

    /** One invalid row. */
    void addFinding(Finding reason) {
        findings[reason.ordinal()]++;
    }

    void addSession(long userId) {
        users.add(userId, UserSum.SESSIONS, 1);
    }

    void addMessageSent(long userId) {
        users.add(userId, UserSum.MESSAGES_SENT, 1);
    }

    /** One answered call of the user's, billed for {@code minutes}. */
    void addCall(long userId, long minutes) {
        users.add(userId, UserSum.CALLS, 1, UserSum.CALL_MINUTES, minutes);
    }

    /** How many facts of each kind the day holds, without building them. */
    public int channelFactCount() {
        return channels.size();
    }

    public int findingFactCount() {
        return (int) Arrays.stream(findings).filter(count -> count != 0).count();
    }

    public int userFactCount() {
        return users.size();
    }

    public List<ChannelFact> channelFacts() {
        List<ChannelFact> facts = new ArrayList<>(channels.size());
        for (int i = 0; i < channels.size(); i++) {
            long channelKey = channels.key(i);
            facts.add(new ChannelFact(
                    day,
                    (int) Math.floorDiv(channelKey, KEYS.length),
                    KEYS[(int) Math.floorMod(channelKey, KEYS.length)],
                    channels.sum(i, ServiceSum.COUNT),
                    channels.sum(i, ServiceSum.UNITS)));
        }
        facts.sort((a, b) -> a.channelId() != b.channelId()
                ? Integer.compare(a.channelId(), b.channelId())
                : a.key().compareTo(b.key()));
        return facts;
    }

    public List<FindingFact> findingFacts() {
        List<FindingFact> facts = new ArrayList<>();
        for (Finding reason : Finding.values()) {
            if (findings[reason.ordinal()] != 0) {
                facts.add(new FindingFact(day, reason, findings[reason.ordinal()]));
            }
        }
        return facts;
    }

    public List<UserFact> userFacts() {
        List<UserFact> facts = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            facts.add(new UserFact(
                    day,
                    users.key(i),
                    users.sum(i, UserSum.SESSIONS),
                    users.sum(i, UserSum.MESSAGES_SENT),
                    users.sum(i, UserSum.CALLS),
                    users.sum(i, UserSum.CALL_MINUTES)));
        }
        facts.sort((a, b) -> Long.compare(a.userId(), b.userId()));
        return facts;
    }
}
