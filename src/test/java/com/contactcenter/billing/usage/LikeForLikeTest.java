package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.SantiagoDst;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikeForLikeTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    @ParameterizedTest(name = "{0} {1}..{2} at {3} -> {4}..{5} vs {6}..{7} cut {8}")
    @CsvSource({
        // this month on the 2nd at 02:07 Bogota: Dec 1-2 up to 02:07 against Nov 1-2 up to 02:07
        "MONTH, 2026-12-01, 2026-12-31, 2026-12-02T07:07:21Z, 2026-12-01, 2026-12-02, 2026-11-01, 2026-11-02, 02:07, true",
        // last month, over: the whole of November against the whole of October (31 days, not 30)
        "MONTH, 2026-11-01, 2026-11-30, 2026-12-02T07:07:21Z, 2026-11-01, 2026-11-30, 2026-10-01, 2026-10-31, '', false",
        // as-of March 31: February has 28 days, so the previous side is all of it, uncut
        "MONTH, 2026-03-01, 2026-03-31, 2026-03-31T20:00:00Z, 2026-03-01, 2026-03-31, 2026-02-01, 2026-02-28, 15:00, false",
        // as-of March 28: the 28th of February is the same elapsed day, cut at the same time
        "MONTH, 2026-03-01, 2026-03-31, 2026-03-28T20:00:00Z, 2026-03-01, 2026-03-28, 2026-02-01, 2026-02-28, 15:00, true",
        // as-of May 31 against April's 30 days; a leap February against January's 31
        "MONTH, 2026-05-01, 2026-05-31, 2026-05-31T12:00:00Z, 2026-05-01, 2026-05-31, 2026-04-01, 2026-04-30, 07:00, false",
        "MONTH, 2028-02-01, 2028-02-29, 2028-02-29T12:00:00Z, 2028-02-01, 2028-02-29, 2028-01-01, 2028-01-29, 07:00, true",
        // today at 02:00 against yesterday up to 02:00, not all of yesterday
        "DAY,   2026-12-02, 2026-12-02, 2026-12-02T07:00:00Z, 2026-12-02, 2026-12-02, 2026-12-01, 2026-12-01, 02:00, true",
        // this week on Wednesday against Monday-Wednesday of the week before
        "WEEK,  2026-11-30, 2026-12-06, 2026-12-02T15:30:00Z, 2026-11-30, 2026-12-02, 2026-11-23, 2026-11-25, 10:30, true",
        // a custom range under way: the same number of days before it, cut at the same elapsed point
        "DAYS,  2026-11-25, 2026-12-04, 2026-12-02T15:30:00Z, 2026-11-25, 2026-12-02, 2026-11-15, 2026-11-22, 10:30, true",
        // a custom range over: the same number of days just before it
        "DAYS,  2026-10-01, 2026-10-31, 2026-12-02T15:30:00Z, 2026-10-01, 2026-10-31, 2026-08-31, 2026-09-30, '', false",
        // a period that starts today, one minute in
        "MONTH, 2026-12-01, 2026-12-31, 2026-12-01T05:01:00Z, 2026-12-01, 2026-12-01, 2026-11-01, 2026-11-01, 00:01, true",
    })
    void comparesLikeForLike(
            LikeForLike.Unit unit,
            LocalDate from,
            LocalDate to,
            Instant asOf,
            LocalDate currentFrom,
            LocalDate currentTo,
            LocalDate previousFrom,
            LocalDate previousTo,
            String cut,
            boolean previousCut) {
        LikeForLike comparison =
                LikeForLike.of(new Period(from, to, BOGOTA), unit, asOf).orElseThrow();

        assertThat(comparison.current()).isEqualTo(new Period(currentFrom, currentTo, BOGOTA));
        assertThat(comparison.previous()).isEqualTo(new Period(previousFrom, previousTo, BOGOTA));
        assertThat(comparison.cut().map(Object::toString).orElse("")).isEqualTo(cut == null ? "" : cut);
        assertThat(comparison.previousCut()).isEqualTo(previousCut);
    }

    @Test
    void aPeriodNotBegunAtTheAsOfHasNothingToCompare() {
        Period tomorrow = new Period(LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-03"), BOGOTA);

        assertThat(LikeForLike.of(tomorrow, LikeForLike.Unit.DAY, Instant.parse("2026-12-03T04:59:59Z")))
                .isEmpty();
        assertThat(LikeForLike.of(tomorrow, LikeForLike.Unit.DAY, Instant.parse("2026-12-03T05:00:00Z"))
                        .orElseThrow()
                        .cut())
                .hasValue(java.time.LocalTime.MIDNIGHT);
    }

    @Test
    void theCutIsTheSameLocalTimeOnBothSidesOfSantiagosDstChanges() {
        ZoneId santiago = SantiagoDst.ZONE;
        // 2026-09-06 has 23 hours (00:00 is skipped to 01:00); 10:00 local is 13:00Z, the day before's 14:00Z
        Period gapDay = new Period(LocalDate.parse("2026-09-06"), LocalDate.parse("2026-09-06"), santiago);
        LikeForLike afterGap = LikeForLike.of(gapDay, LikeForLike.Unit.DAY, Instant.parse("2026-09-06T13:00:00Z"))
                .orElseThrow();
        assertThat(afterGap.cut()).hasValue(java.time.LocalTime.of(10, 0));
        assertThat(afterGap.currentEndUtc()).isEqualTo(Instant.parse("2026-09-06T13:00:00Z"));
        assertThat(afterGap.previousEndUtc()).isEqualTo(Instant.parse("2026-09-05T14:00:00Z"));

        // the day after: the previous side is the 23-hour day, cut at 00:30 local, which it skipped
        Period nextDay = new Period(LocalDate.parse("2026-09-07"), LocalDate.parse("2026-09-07"), santiago);
        LikeForLike afterNext = LikeForLike.of(nextDay, LikeForLike.Unit.DAY, Instant.parse("2026-09-07T03:30:00Z"))
                .orElseThrow();
        assertThat(afterNext.cut()).hasValue(java.time.LocalTime.of(0, 30));
        assertThat(afterNext.previous().from()).isEqualTo(LocalDate.parse("2026-09-06"));
        assertThat(afterNext.previousEndUtc()).isEqualTo(Instant.parse("2026-09-06T04:30:00Z"));

        // after the April change Santiago is at -04: 02:30Z on the 6th is still 22:30 on the 5th, the second local day
        Period overlapDay = new Period(LocalDate.parse("2026-04-05"), LocalDate.parse("2026-04-06"), santiago);
        LikeForLike overlap = LikeForLike.of(overlapDay, LikeForLike.Unit.DAYS, Instant.parse("2026-04-06T02:30:00Z"))
                .orElseThrow();
        assertThat(overlap.current().to()).isEqualTo(LocalDate.parse("2026-04-05"));
        assertThat(overlap.previous())
                .isEqualTo(new Period(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-03"), santiago));
        assertThat(overlap.cut()).hasValue(java.time.LocalTime.of(22, 30));
    }
}
