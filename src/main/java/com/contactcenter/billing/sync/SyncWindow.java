package com.contactcenter.billing.sync;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The days a sync reads: an explicit range, or the nightly window in the source's zone. */
public record SyncWindow(LocalDate from, LocalDate to) {

    public SyncWindow {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** Today and yesterday plus {@code trailingDays} days before them, for rows that arrive late. */
    public static SyncWindow nightly(Clock clock, ZoneId zone, int trailingDays) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new SyncWindow(today.minusDays(1L + trailingDays), today);
    }
}
