package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketTest {

    @ParameterizedTest(name = "{0} {1}..{2} on {3}: begun {4}, partial {5}")
    @CsvSource({
        // a whole ISO week, over; under way on its Wednesday; still to come
        "WEEK,  2026-11-09, 2026-11-15, 2026-11-20, true,  false",
        "WEEK,  2026-11-16, 2026-11-22, 2026-11-18, true,  true",
        "WEEK,  2026-11-23, 2026-11-29, 2026-11-18, false, true",
        // a custom range by week ending on a Monday: a one-day bucket, clipped, so partial though over
        "WEEK,  2026-11-30, 2026-11-30, 2026-12-10, true,  true",
        // the first week of a month by week, clipped to Sunday the 1st
        "WEEK,  2026-11-01, 2026-11-01, 2026-12-10, true,  true",
        // a day: over the day after, under way on the day itself
        "DAY,   2026-11-15, 2026-11-15, 2026-11-16, true,  false",
        "DAY,   2026-11-15, 2026-11-15, 2026-11-15, true,  true",
        // a whole month, over; February of 28 days; a month clipped by the period
        "MONTH, 2026-10-01, 2026-10-31, 2026-11-15, true,  false",
        "MONTH, 2026-02-01, 2026-02-28, 2026-03-01, true,  false",
        "MONTH, 2026-10-02, 2026-10-31, 2026-11-15, true,  true",
    })
    void saysWhetherABucketHasBegunAndWhetherItIsPartial(
            GroupBy groupBy, LocalDate first, LocalDate last, LocalDate today, boolean begun, boolean partial) {
        Bucket bucket = new Bucket(first, last);

        assertThat(bucket.begun(today)).isEqualTo(begun);
        assertThat(bucket.partial(groupBy, today)).isEqualTo(partial);
    }
}
