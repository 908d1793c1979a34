package com.contactcenter.billing.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param users     number of users, at least {@link #MIN_USERS} (the special users take the first ids)
 * @param messages  number of valid messages; calls are {@code messages / 20}, bot sessions {@code messages / 50}
 * @param seed      same seed, same rows, on every database
 * @param endDate   last day of data (UTC): valid rows are stamped from {@code endDate - months} 00:00 UTC
 *                  up to {@link #end()}
 * @param months    how many months back from {@code endDate} the data starts
 * @param endMillis how much of {@code endDate} the data covers, in milliseconds from 00:00 UTC:
 *                  {@link #DAY_MILLIS} (the whole day, up to 24:00 UTC) or less, when the data runs up
 *                  to the instant it is made ({@link #upTo})
 */
public record DemoDataSpec(int users, long messages, long seed, LocalDate endDate, int months, long endMillis) {

    public static final int MIN_USERS = 25;
    public static final int MAX_USERS = 100_000;
    /** The numbers helper gives 10^8 row numbers; the invalid rows are numbered after the valid ones. */
    public static final long MAX_MESSAGES = 99_000_000L;

    public static final int MAX_MONTHS = 24;

    public static final long DAY_MILLIS = 86_400_000L;

    public DemoDataSpec {
        Objects.requireNonNull(endDate, "endDate");
        // The special users take ids 1-18. Above 100,000 users the hash keys (user id x 10 + slot)
        // and the weekly pool slots (week x 10^6 + rank) would leave the ranges the SQL assumes.
        if (users < MIN_USERS || users > MAX_USERS) {
            throw new IllegalArgumentException("users must be in " + MIN_USERS + ".." + MAX_USERS + ": " + users);
        }
        if (messages < 0 || messages > MAX_MESSAGES) {
            throw new IllegalArgumentException("messages must be in 0.." + MAX_MESSAGES + ": " + messages);
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months must be in 1.." + MAX_MONTHS + ": " + months);
        }
        if (endMillis < 1 || endMillis > DAY_MILLIS) {
            throw new IllegalArgumentException("endMillis must be in 1.." + DAY_MILLIS + ": " + endMillis);
        }
    }

    /**
     * Data over whole days, up to the end of {@code endDate} (24:00 UTC); the future_timestamp rows
     * come in the second half of the day after.
     */
    public DemoDataSpec(int users, long messages, long seed, LocalDate endDate, int months) {
        this(users, messages, seed, endDate, months, DAY_MILLIS);
    }

    /**
     * Data up to {@code now}, as a tenant's database holds it at that instant: up to its whole
     * second (exclusive), which every database binds alike (Connector/J may drop a parameter's
     * fraction); the future_timestamp rows come 10 to 70 minutes after it.
     */
    public static DemoDataSpec upTo(int users, long messages, long seed, Instant now, int months) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        long millis = ChronoUnit.MILLIS.between(at.toLocalDate().atStartOfDay(), at);
        // 00:00 exactly: the data ends with the whole day before
        return millis == 0
                ? new DemoDataSpec(users, messages, seed, at.toLocalDate().minusDays(1), months, DAY_MILLIS)
                : new DemoDataSpec(users, messages, seed, at.toLocalDate(), months, millis);
    }

    /** The first instant (UTC) after the data: no valid row is stamped at or after it. */
    public LocalDateTime end() {
        return endDate.atStartOfDay().plus(endMillis, ChronoUnit.MILLIS);
    }

    /** Whether the data covers {@code endDate} whole. */
    public boolean wholeDays() {
        return endMillis == DAY_MILLIS;
    }
}
