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
    public record ChannelFact(LocalDate day, int channelId, ServiceKey key, long count, long units) {
    }

    /** One reason on one day. */
    public record FindingFact(LocalDate day, Finding reason, long count) {
    }

    /** One user on one day. */
    public record UserFact(LocalDate day, long userId, long sessions, long messagesSent, long calls,
            long callMinutes) {
    }

    private final LocalDate day;
    private static final ServiceKey[] KEYS = ServiceKey.values();

    /** The fields of a channel's sums. */
    private static final int COUNT = 0;
    private static final int UNITS = 1;
    /** Per channel id and service (key {@code channelId * KEYS.length + ordinal}): count, units. */
    private final LongSums channels = new LongSums(2);
    /** Per reason (by ordinal): the rows counted under it. */
    private final long[] findings = new long[Finding.values().length];
    /** Per user id: sessions, messages sent, calls, call minutes. */
    private final LongSums users = new LongSums(4);
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

    void read(long rows) {
        rowsRead += rows;
    }

    void addService(int channelId, ServiceKey key, long count, long units) {
        channels.add((long) channelId * KEYS.length + key.ordinal(), COUNT, count, UNITS, units);
    }

    void addFinding(Finding reason, long count) {
        findings[reason.ordinal()] += count;
    }

    void addUser(long userId, int field, long value) {
        users.add(userId, field, value);
    }

    void addUserCalls(long userId, long calls, long minutes) {
        users.add(userId, CALLS, calls, CALL_MINUTES, minutes);
    }

    static final int SESSIONS = 0;
    static final int MESSAGES_SENT = 1;
    static final int CALLS = 2;
    static final int CALL_MINUTES = 3;

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
            facts.add(new ChannelFact(day, (int) Math.floorDiv(channelKey, KEYS.length),
                    KEYS[(int) Math.floorMod(channelKey, KEYS.length)], channels.sum(i, COUNT), channels.sum(i, UNITS)));
        }
        facts.sort((a, b) -> a.channelId() != b.channelId()
                ? Integer.compare(a.channelId(), b.channelId()) : a.key().compareTo(b.key()));
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
            facts.add(new UserFact(day, users.key(i), users.sum(i, SESSIONS), users.sum(i, MESSAGES_SENT),
                    users.sum(i, CALLS), users.sum(i, CALL_MINUTES)));
        }
        facts.sort((a, b) -> Long.compare(a.userId(), b.userId()));
        return facts;
    }
}
