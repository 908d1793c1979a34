package com.contactcenter.billing.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where a source row falls in time: the local day of the tenant's zone that holds its UTC instant,
 * and whether it is stamped after the sync run's as-of instant.
 */
public record RowTime(ZoneId zone, Instant asOf) {

    public LocalDate day(Instant stamp) {
        return LocalDate.ofInstant(stamp, zone);
    }

    /** Strictly after: a row stamped exactly at the as-of instant is not in the future. */
    public boolean future(Instant stamp) {
        return stamp.isAfter(asOf);
    }

    /** {@link #future(Instant)} of the instant {@code epochSecond} plus {@code nano}, without making it. */
    public boolean future(long epochSecond, int nano) {
        return epochSecond > asOf.getEpochSecond() || epochSecond == asOf.getEpochSecond() && nano > asOf.getNano();
    }
}
