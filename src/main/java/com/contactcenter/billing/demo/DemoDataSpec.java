package com.contactcenter.billing.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param users    number of users, at least {@link #MIN_USERS} (the special users take the first ids)
 * @param messages number of valid messages; calls are {@code messages / 20}, bot sessions {@code messages / 50}
 * @param seed     same seed, same rows, on every database
 * @param endDate  last day of data, typically today: valid rows are stamped from
 *                 {@code endDate - months} 00:00 UTC up to the end of {@code endDate} (24:00 UTC);
 *                 the future_timestamp rows come the day after
 * @param months   how many months back from {@code endDate} the data starts
 */
public record DemoDataSpec(int users, long messages, long seed, LocalDate endDate, int months) {

    public static final int MIN_USERS = 25;
    public static final int MAX_USERS = 100_000;
    /** The numbers helper gives 10^8 row numbers; the invalid rows are numbered after the valid ones. */
    public static final long MAX_MESSAGES = 99_000_000L;

    public static final int MAX_MONTHS = 24;

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
    }
}
