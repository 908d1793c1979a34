package com.contactcenter.billing.usage;

import java.time.LocalDate;

/** A bucket of a period, already clipped to it: both dates inclusive. */
public record Bucket(LocalDate first, LocalDate last) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /** Whether the bucket has begun on {@code today}: a bucket still to come has no figures, not zeros. */
    public boolean begun(LocalDate today) {
        return !first.isAfter(today);
    }

    /**
     * Whether its figures cover less than its whole calendar unit: it is under way on {@code today}
     * (its last day is not over), or the period clips it (a custom range ending on a Monday by week).
     */
    public boolean partial(GroupBy groupBy, LocalDate today) {
        boolean clipped = !groupBy.bucketStart(first).equals(first)
                || !groupBy.nextBucketStart(groupBy.bucketStart(first))
                        .minusDays(1)
                        .equals(last);
        return clipped || !last.isBefore(today);
    }
}
