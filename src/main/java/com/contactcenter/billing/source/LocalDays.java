package com.contactcenter.billing.source;

import com.contactcenter.billing.usage.RowTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * {@link RowTime#day(Instant)} for rows that come mostly in time order: the bounds of the last
 * local day found are kept, so most rows are placed with two comparisons instead of a zone-rules
 * lookup and a new date each, and the rows of one day share one {@link LocalDate}.
 */
final class LocalDays {

    private final RowTime time;
    private final ZoneId zone;
    private LocalDate day;
    private long startSecond = Long.MAX_VALUE;
    private long endSecond = Long.MIN_VALUE;

    LocalDays(RowTime time) {
        this.time = time;
        this.zone = time.zone();
    }

    LocalDate of(Instant at) {
        return of(at.getEpochSecond());
    }

    /** The local day of the instant {@code epochSecond} (plus any fraction of that second). */
    LocalDate of(long epochSecond) {
        if (epochSecond >= startSecond && epochSecond < endSecond) {
            return day;
        }
        day = time.day(Instant.ofEpochSecond(epochSecond));
        // [first instant of the day, first instant of the next): a day that DST shortens or lengthens included
        startSecond = day.atStartOfDay(zone).toEpochSecond();
        endSecond = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
        return day;
    }
}
