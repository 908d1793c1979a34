package com.contactcenter.billing.demo;

import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link DemoDataSpec} makes, worked out in Java before any statement runs: the range of
 * days, the seed's hash keys, which row numbers of each event table fall on each day, and the
 * named parameters the statements of {@code sql/demo/generate.sql} take.
 */
final class DemoPlan {

    /** Rows of the numbers table {@code gen_numbers}: two of them make 10^8 row numbers. */
    static final int NUMBERS = 10_000;
    // Above 2^31 so that H2 types the value, and so MOD and the hash, as BIGINT; below 3.03e9 so
    // that the square of a residue stays inside BIGINT. The statements write it as a literal too.
    private static final long PRIME = 2_147_483_659L;
    // Odd multipliers below 3.3e9; HASH keys stay below 1.1e6, so key x multiplier + salt < 4e15.
    private static final long[] MULTIPLIERS = {
        2_654_435_761L, 2_246_822_519L, 3_266_489_917L, 668_265_263L,
        374_761_393L, 1_181_783_497L, 2_869_860_233L, 1_597_334_677L
    };
    /** Hash indexes the statements may use: HASH(key, 0) .. HASH(key, 99). */
    static final int HASHES = 100;

    private static final long CHUNK_ROWS = 100_000;
    private static final long NIGHT_MS = 11 * 3_600_000L;
    private static final long OFFICE_MS = 13 * 3_600_000L;

    private final DemoDataSpec spec;
    private final LocalDateTime start;
    private final LocalDateTime end;
    private final int days;
    /** Days covered whole: all of them, or all but the last when the data ends inside it. */
    private final int fullDays;
    /** How much of the last day the data covers, in ms from its 00:00 UTC. */
    private final long lastDayMillis;

    private final long[] salts = new long[HASHES];

    DemoPlan(DemoDataSpec spec) {
        this.spec = spec;
        this.start = spec.endDate().minusMonths(spec.months()).atStartOfDay();
        this.end = spec.end();
        this.days =
                (int) ChronoUnit.DAYS.between(start, spec.endDate().plusDays(1).atStartOfDay());
        this.fullDays = spec.wholeDays() ? days : days - 1;
        this.lastDayMillis = spec.endMillis();
        long mixedSeed = mix(spec.seed());
        for (int i = 0; i < HASHES; i++) {
            salts[i] = Math.floorMod(mix(mixedSeed + i), PRIME);
        }
    }

    /** 00:00 UTC of the first day of data. */
    LocalDateTime start() {
        return start;
    }

    int days() {
        return days;
    }

    long validMessages() {
        return spec.messages();
    }

    long validCalls() {
        return spec.messages() / 20;
    }

    long validBotSessions() {
        return spec.messages() / 50;
    }

    /** The parameters every statement may take: the range, the users and the keys of HASH. */
    Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        int recentUsers = Math.max(3, spec.users() / 25);
        parameters.put("start", start);
        parameters.put("end", end);
        parameters.put("lastDay", end.minusDays(1));
        parameters.put("days", (long) days);
        parameters.put("fullDays", (long) fullDays);
        LocalDateTime[] invalidDays = invalidDays();
        parameters.put("invalidStart", invalidDays[0]);
        parameters.put("invalidDays", ChronoUnit.DAYS.between(invalidDays[0], invalidDays[1]));
        parameters.put("futureFrom", spec.wholeDays() ? 43_200L : 600L);
        parameters.put("futureSpan", spec.wholeDays() ? 43_200L : 3_600L);
        parameters.put("weeks", (long) (days + 6) / 7);
        parameters.put("users", (long) spec.users());
        parameters.put("hiCount", (long) (spec.users() + NUMBERS - 1) / NUMBERS);
        parameters.put("recentAfterId", (long) (spec.users() - recentUsers));
        parameters.put("recentFrom", start.plusDays(days / 2));
        parameters.put("recentSpanDays", (long) (days - days / 2 - 3));
        parameters.put("midSpanDays", (long) (days - 6));
        parameters.put("firstNames", (long) DemoTenant.FIRST_NAMES.size());
        parameters.put("lastNames", (long) DemoTenant.LAST_NAMES.size());
        parameters.put("unknownTypeChannel", (long) DemoTenant.UNKNOWN_TYPE_CHANNEL_ID);
        parameters.put("missingChannel", (long) DemoTenant.MISSING_CHANNEL_ID);
        for (int i = 0; i < HASHES; i++) {
            parameters.put(DemoStatements.hashFactor(i), MULTIPLIERS[i % MULTIPLIERS.length]);
            parameters.put(DemoStatements.hashSalt(i), salts[i]);
        }
        return parameters;
    }

    /**
     * The days the invalid rows not stamped after the end fall in, as [from, to) at 00:00 UTC: the
     * whole range when the data covers its last day whole; when it runs up to an instant, the 2nd
     * to the second-to-last day of the month before (so that the previous calendar month, which a
     * demo shows, holds every one of them in any zone), or the whole days of the range when those
     * days are not in it.
     */
    LocalDateTime[] invalidDays() {
        if (spec.wholeDays()) {
            return new LocalDateTime[] {start, end};
        }
        LocalDate previousMonth = spec.endDate().withDayOfMonth(1).minusMonths(1);
        LocalDateTime from = previousMonth.plusDays(1).atStartOfDay();
        LocalDateTime to =
                previousMonth.withDayOfMonth(previousMonth.lengthOfMonth()).atStartOfDay();
        if (from.isBefore(start)) {
            from = start;
        }
        if (!from.isBefore(to)) {
            return new LocalDateTime[] {start, start.plusDays(Math.max(1, fullDays))};
        }
        return new LocalDateTime[] {from, to};
    }

    /**
     * Splits {@code total} rows over the days by weight: day d gets row numbers bounds[d] ..
     * bounds[d+1]-1. Weekends are quiet, days differ a little (seeded), and the business grows
     * about 15% over the range, as the charts of a real tenant would show. A last day that the data
     * covers in part weighs the share of its rows that come before its end ({@link #blocks}:
     * {@code nightPercent} of a day's rows at night, the others in office hours).
     */
    long[] rowsPerDay(long total, int nightPercent) {
        long[] weights = new long[days];
        LocalDate first = start.toLocalDate();
        long sum = 0;
        for (int d = 0; d < days; d++) {
            DayOfWeek dow = first.plusDays(d).getDayOfWeek();
            long base = dow == DayOfWeek.SATURDAY ? 55 : dow == DayOfWeek.SUNDAY ? 30 : 100;
            long noise = 85 + Math.floorMod(mix(salts[0] + d), 31);
            long trend = 1000 + 150L * d / Math.max(1, days - 1);
            weights[d] = base * noise * trend / 1000;
            if (d == fullDays) {
                weights[d] = weights[d] * lastDayShare(nightPercent) / 1_000_000;
            }
            sum += weights[d];
        }
        long[] bounds = new long[days + 1];
        long cumulative = 0;
        for (int d = 0; d < days; d++) {
            cumulative += weights[d];
            // total <= 1e8 and cumulative <= ~1e7: the product fits in a long.
            bounds[d + 1] = Math.multiplyExact(total, cumulative) / sum;
        }
        return bounds;
    }

    /**
     * The rows of {@code gen_blocks} for one event table: per day, its row numbers and how they
     * are spread over its night (00:00-11:00 UTC) and office hours (11:00-24:00 UTC).
     */
    List<Object[]> blocks(String table, long[] bounds, int nightPercent) {
        List<Object[]> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            long first = bounds[d];
            long next = bounds[d + 1];
            long last = next - 1;
            boolean partial = d == fullDays;
            long night = partial ? lastDayNightRows(next - first, nightPercent) : (next - first) * nightPercent / 100;
            long split = first + night;
            // the last day, covered in part: its night and office hours end at the data's end
            long nightMs = partial ? Math.min(NIGHT_MS, lastDayMillis) : NIGHT_MS;
            long officeMs = partial ? Math.max(0, lastDayMillis - NIGHT_MS) : OFFICE_MS;
            rows.add(new Object[] {
                table,
                (long) d,
                (long) d / 7,
                first,
                split,
                first / NUMBERS,
                first % NUMBERS,
                // An empty day gets an empty block range (from > to), so it joins no numbers.
                next == first ? -1L : last / NUMBERS,
                next == first ? -1L : last % NUMBERS,
                Math.max(1, nightMs / Math.max(1, night)),
                Math.max(1, officeMs / Math.max(1, next - split))
            });
        }
        return rows;
    }

    /**
     * The days an event table is inserted in, as {first, last} day indexes: whole days of up to
     * {@value #CHUNK_ROWS} rows (or one day). Few statements, as each costs a parse and plan, yet
     * transactions small enough for a file H2 to keep their undo log in its cache (500,000-row
     * chunks cost ~20% more CPU) and for MariaDB's undo log to stay small.
     */
    List<int[]> chunks(long[] bounds) {
        List<int[]> chunks = new ArrayList<>();
        int from = 0;
        while (from < days) {
            int to = from;
            while (to + 1 < days && bounds[to + 2] - bounds[from] <= CHUNK_ROWS) {
                to++;
            }
            chunks.add(new int[] {from, to});
            from = to + 1;
        }
        return chunks;
    }

    /**
     * The share, in millionths, of a whole day's rows that come before the end of a last day the
     * data covers in part: the night's share times the part of the night covered, plus the office
     * hours' share times the part of them covered.
     */
    private long lastDayShare(int nightPercent) {
        long nightCovered = Math.min(NIGHT_MS, lastDayMillis);
        long officeCovered = Math.max(0, lastDayMillis - NIGHT_MS);
        return (nightPercent * 1_000_000L * nightCovered / NIGHT_MS
                        + (100 - nightPercent) * 1_000_000L * officeCovered / OFFICE_MS)
                / 100;
    }

    /** Of the {@code rows} of a last day covered in part, those at night, in the same proportion as on a whole day. */
    private long lastDayNightRows(long rows, int nightPercent) {
        long nightCovered = Math.min(NIGHT_MS, lastDayMillis);
        long officeCovered = Math.max(0, lastDayMillis - NIGHT_MS);
        // rows x weight leaves a long
        BigInteger nightWeight =
                BigInteger.valueOf(nightPercent * nightCovered).multiply(BigInteger.valueOf(OFFICE_MS));
        BigInteger officeWeight =
                BigInteger.valueOf((100 - nightPercent) * officeCovered).multiply(BigInteger.valueOf(NIGHT_MS));
        BigInteger both = nightWeight.add(officeWeight);
        return both.signum() == 0
                ? rows
                : BigInteger.valueOf(rows).multiply(nightWeight).divide(both).longValueExact();
    }

    /** SplitMix64 finaliser: spreads a seed over all 64 bits, so that seeds 1 and 2 give unrelated salts. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
