package com.contactcenter.billing.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private record ChannelKey(int channelId, ServiceKey key) {
    }

    private final LocalDate day;
    private final Map<ChannelKey, long[]> channels = new HashMap<>();
    private final Map<Finding, Long> findings = new EnumMap<>(Finding.class);
    private final Map<Long, long[]> users = new HashMap<>();
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
        long[] sums = channels.computeIfAbsent(new ChannelKey(channelId, key), k -> new long[2]);
        sums[0] += count;
        sums[1] += units;
    }

    void addFinding(Finding reason, long count) {
        findings.merge(reason, count, Long::sum);
    }

    void addUser(long userId, int field, long value) {
        users.computeIfAbsent(userId, k -> new long[4])[field] += value;
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
        return findings.size();
    }

    public int userFactCount() {
        return users.size();
    }

    public List<ChannelFact> channelFacts() {
        List<ChannelFact> facts = new ArrayList<>(channels.size());
        channels.forEach((k, v) -> facts.add(new ChannelFact(day, k.channelId(), k.key(), v[0], v[1])));
        facts.sort((a, b) -> a.channelId() != b.channelId()
                ? Integer.compare(a.channelId(), b.channelId()) : a.key().compareTo(b.key()));
        return facts;
    }

    public List<FindingFact> findingFacts() {
        List<FindingFact> facts = new ArrayList<>(findings.size());
        findings.forEach((reason, count) -> facts.add(new FindingFact(day, reason, count)));
        return facts;
    }

    public List<UserFact> userFacts() {
        List<UserFact> facts = new ArrayList<>(users.size());
        users.forEach((id, v) -> facts.add(new UserFact(day, id, v[SESSIONS], v[MESSAGES_SENT], v[CALLS], v[CALL_MINUTES])));
        facts.sort((a, b) -> Long.compare(a.userId(), b.userId()));
        return facts;
    }
}
