package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    @ParameterizedTest(name = "{0} {1}..{2} -> [{3}, {4}) = {5} h")
    @CsvSource({
        // a Bogota month: UTC-5 all year
        "America/Bogota,   2026-10-01, 2026-10-31, 2026-10-01T05:00:00Z, 2026-11-01T05:00:00Z, 744",
        "America/Bogota,   2026-10-31, 2026-10-31, 2026-10-31T05:00:00Z, 2026-11-01T05:00:00Z, 24",
        // Santiago falls back at 2026-04-05 00:00 -03 -> 2026-04-04 23:00 -04: 2026-04-04 has 25 hours
        "America/Santiago, 2026-04-04, 2026-04-04, 2026-04-04T03:00:00Z, 2026-04-05T04:00:00Z, 25",
        "America/Santiago, 2026-04-05, 2026-04-05, 2026-04-05T04:00:00Z, 2026-04-06T04:00:00Z, 24",
        // Santiago springs forward at 2026-09-06 00:00 -04 -> 01:00 -03: 2026-09-06 has 23 hours
        "America/Santiago, 2026-09-06, 2026-09-06, 2026-09-06T04:00:00Z, 2026-09-07T03:00:00Z, 23",
        "America/Santiago, 2026-09-05, 2026-09-05, 2026-09-05T04:00:00Z, 2026-09-06T04:00:00Z, 24",
        // a Santiago month holding the 23-hour day: 30 x 24 - 1
        "America/Santiago, 2026-09-01, 2026-09-30, 2026-09-01T04:00:00Z, 2026-10-01T03:00:00Z, 719",
        // a Santiago month holding the 25-hour day: 30 x 24 + 1
        "America/Santiago, 2026-04-01, 2026-04-30, 2026-04-01T03:00:00Z, 2026-05-01T04:00:00Z, 721",
        // Beirut also skips midnight: 2026-03-29 00:00 +02 -> 01:00 +03
        "Asia/Beirut,      2026-03-29, 2026-03-29, 2026-03-28T22:00:00Z, 2026-03-29T21:00:00Z, 23",
        // Havana skips midnight on 2026-03-08 (00:00 -05 -> 01:00 -04) and repeats it on 2026-11-01
        // (01:00 -04 -> 00:00 -05): the day starts at the first of the two midnights
        "America/Havana,   2026-03-08, 2026-03-08, 2026-03-08T05:00:00Z, 2026-03-09T04:00:00Z, 23",
        "America/Havana,   2026-11-01, 2026-11-01, 2026-11-01T04:00:00Z, 2026-11-02T05:00:00Z, 25",
        "America/Havana,   2026-10-31, 2026-10-31, 2026-10-31T04:00:00Z, 2026-11-01T04:00:00Z, 24",
        "UTC,              2026-10-01, 2026-10-31, 2026-10-01T00:00:00Z, 2026-11-01T00:00:00Z, 744",
    })
    void coversFromMidnightToTheMidnightAfterToInTheTenantsZone(
            String zone, LocalDate from, LocalDate to, Instant expectedStart, Instant expectedEnd, long expectedHours) {
        // given
        Period period = new Period(from, to, ZoneId.of(zone));

        // when
        Instant start = period.startUtc();
        Instant end = period.endUtc();

        // then
        assertThat(start).isEqualTo(expectedStart);
        assertThat(end).isEqualTo(expectedEnd);
        assertThat(Duration.between(start, end).toHours()).isEqualTo(expectedHours);
    }

    @Test
    void findsSantiagos2026DstDaysInTheZoneRules() {
        // given
        ZoneRules rules = SANTIAGO.getRules();

        // when
        ZoneOffsetTransition fallBack = rules.nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
        ZoneOffsetTransition springForward = rules.nextTransition(fallBack.getInstant());
        LocalDate longDay = fallBack.getDateTimeAfter().toLocalDate();
        LocalDate shortDay = springForward.getDateTimeAfter().toLocalDate();

        // then: the fall-back hour repeats the last hour of 2026-04-04, the spring-forward skips 2026-09-06 00:00
        assertThat(fallBack.isOverlap()).isTrue();
        assertThat(fallBack.getInstant()).isEqualTo(Instant.parse("2026-04-05T03:00:00Z"));
        assertThat(longDay).isEqualTo(LocalDate.of(2026, 4, 4));
        assertThat(springForward.isGap()).isTrue();
        assertThat(springForward.getInstant()).isEqualTo(Instant.parse("2026-09-06T04:00:00Z"));
        assertThat(shortDay).isEqualTo(LocalDate.of(2026, 9, 6));
        assertThat(hours(new Period(longDay, longDay, SANTIAGO))).isEqualTo(25);
        assertThat(hours(new Period(shortDay, shortDay, SANTIAGO))).isEqualTo(23);
    }

    @ParameterizedTest(name = "{0} {1} starts at {2} local")
    @CsvSource({
        "America/Santiago, 2026-09-06, 01:00",
        "Asia/Beirut,      2026-03-29, 01:00",
        "America/Havana,   2026-03-08, 01:00",
        "America/Havana,   2026-11-01, 00:00",
        "America/Santiago, 2026-04-05, 00:00",
        "America/Bogota,   2026-10-01, 00:00",
    })
    void startsADayWhoseMidnightDstSkipsAtItsFirstInstant(String zone, LocalDate day, LocalTime expectedLocalStart) {
        // given
        Period period = new Period(day, day, ZoneId.of(zone));

        // when
        LocalTime localStart = period.startUtc().atZone(ZoneId.of(zone)).toLocalTime();

        // then
        assertThat(localStart).isEqualTo(expectedLocalStart);
        assertThat(period.startUtc().atZone(ZoneId.of(zone)).toLocalDate()).isEqualTo(day);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"America/Santiago", "America/Bogota", "America/Havana", "Asia/Beirut", "Europe/London"})
    void tilesAYearOfDaysWithNoInstantLostOrCountedTwice(String zone) {
        // given
        ZoneId zoneId = ZoneId.of(zone);
        Period year = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), zoneId);

        // when
        Duration sumOfDays = Duration.ZERO;
        Instant previousEnd = year.startUtc();
        for (LocalDate day : year.dates()) {
            Period oneDay = new Period(day, day, zoneId);
            assertThat(oneDay.startUtc()).as("start of %s", day).isEqualTo(previousEnd);
            sumOfDays = sumOfDays.plus(Duration.between(oneDay.startUtc(), oneDay.endUtc()));
            previousEnd = oneDay.endUtc();
        }

        // then
        assertThat(previousEnd).isEqualTo(year.endUtc());
        assertThat(sumOfDays).isEqualTo(Duration.between(year.startUtc(), year.endUtc()));
        assertThat(year.dates()).hasSize(365);
    }

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({
        "2026-10-02, 2026-10-01",
        "2026-11-01, 2026-10-31",
        "2027-01-01, 2026-12-31",
    })
    void rejectsAPeriodThatEndsBeforeItStarts(LocalDate from, LocalDate to) {
        assertThatThrownBy(() -> new Period(from, to, BOGOTA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period ends (" + to + ") before it starts (" + from + ")");
    }

    @Test
    void acceptsAOneDayPeriod() {
        // when
        Period period = new Period(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 31), BOGOTA);

        // then
        assertThat(period.days()).isEqualTo(1);
        assertThat(period.dates()).containsExactly(LocalDate.of(2026, 10, 31));
    }

    @ParameterizedTest(name = "{0}..{1} has {2} days")
    @CsvSource({
        "2026-10-01, 2026-10-31, 31",
        "2026-10-20, 2026-11-10, 22",
        "2028-02-01, 2028-02-29, 29",
        "2026-12-28, 2027-01-05, 9",
    })
    void countsBothEndDatesAsDaysOfThePeriod(LocalDate from, LocalDate to, long expectedDays) {
        assertThat(new Period(from, to, BOGOTA).days()).isEqualTo(expectedDays);
        assertThat(new Period(from, to, BOGOTA).dates()).hasSize((int) expectedDays);
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({
        // 2026-10-01 is a Thursday: the first week is clipped to it, the last to 2026-10-31
        "WEEK,  2026-10-01, 2026-10-31, 2026-10-01/2026-10-04 2026-10-05/2026-10-11 2026-10-12/2026-10-18 2026-10-19/2026-10-25 2026-10-26/2026-10-31",
        "WEEK,  2026-10-06, 2026-10-08, 2026-10-06/2026-10-08",
        // an ISO week across the new year is one bucket
        "WEEK,  2026-12-28, 2027-01-05, 2026-12-28/2027-01-03 2027-01-04/2027-01-05",
        "MONTH, 2026-10-20, 2026-11-10, 2026-10-20/2026-10-31 2026-11-01/2026-11-10",
        "MONTH, 2026-10-01, 2026-10-31, 2026-10-01/2026-10-31",
        "MONTH, 2026-10-05, 2026-10-07, 2026-10-05/2026-10-07",
        "MONTH, 2026-10-31, 2026-12-01, 2026-10-31/2026-10-31 2026-11-01/2026-11-30 2026-12-01/2026-12-01",
        "DAY,   2026-10-30, 2026-11-02, 2026-10-30/2026-10-30 2026-10-31/2026-10-31 2026-11-01/2026-11-01 2026-11-02/2026-11-02",
    })
    void cutsThePeriodIntoBucketsClippedAtBothEdges(GroupBy groupBy, LocalDate from, LocalDate to, String expected) {
        // given
        Period period = new Period(from, to, BOGOTA);

        // when
        List<Bucket> buckets = period.buckets(groupBy);

        // then
        assertThat(buckets).containsExactlyElementsOf(buckets(expected));
    }

    @ParameterizedTest(name = "{0} {1}..{2}: {3} -> {4}")
    @CsvSource({
        "WEEK,  2026-10-01, 2026-10-31, 2026-10-01, 2026-10-01",
        "WEEK,  2026-10-01, 2026-10-31, 2026-10-04, 2026-10-01",
        "WEEK,  2026-10-01, 2026-10-31, 2026-10-05, 2026-10-05",
        "WEEK,  2026-10-01, 2026-10-31, 2026-10-11, 2026-10-05",
        "WEEK,  2026-10-01, 2026-10-31, 2026-10-31, 2026-10-26",
        "WEEK,  2026-12-28, 2027-01-05, 2027-01-03, 2026-12-28",
        "MONTH, 2026-10-20, 2026-11-10, 2026-10-25, 2026-10-20",
        "MONTH, 2026-10-20, 2026-11-10, 2026-11-10, 2026-11-01",
        "DAY,   2026-10-01, 2026-10-31, 2026-10-17, 2026-10-17",
    })
    void findsTheClippedBucketOfADay(
            GroupBy groupBy, LocalDate from, LocalDate to, LocalDate day, LocalDate expectedBucket) {
        // given
        Period period = new Period(from, to, BOGOTA);

        // when
        LocalDate bucket = period.bucketOf(day, groupBy);

        // then
        assertThat(bucket).isEqualTo(expectedBucket);
        assertThat(period.buckets(groupBy))
                .filteredOn(b -> b.contains(day))
                .extracting(Bucket::first)
                .containsExactly(expectedBucket);
    }

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource({
        "DAY,   2026-10-01, 2026-10-01",
        "WEEK,  2026-10-01, 2026-09-28",
        "WEEK,  2026-10-05, 2026-10-05",
        "WEEK,  2026-11-01, 2026-10-26",
        "WEEK,  2027-01-01, 2026-12-28",
        "MONTH, 2026-10-31, 2026-10-01",
    })
    void startsUnclippedBucketsOnMondayOrTheFirstOfTheMonth(GroupBy groupBy, LocalDate date, LocalDate expected) {
        assertThat(groupBy.bucketStart(date)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"day, DAY", "week, WEEK", "month, MONTH"})
    void parsesTheGroupByCode(String code, GroupBy expected) {
        assertThat(GroupBy.parse(code)).isEqualTo(expected);
        assertThat(expected.code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"Month", "DAY", "'week '", "year", "''"})
    void rejectsAnUnknownGroupBy(String code) {
        assertThatThrownBy(() -> GroupBy.parse(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group-by must be day, week or month, not '" + code + "'");
    }

    @Test
    void splitsAPeriodIntoTheCalendarMonthsItOverlaps() {
        // given
        Period period = new Period(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 10), BOGOTA);

        // when
        List<YearMonth> months = period.months();

        // then
        assertThat(months).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11));
        assertThat(period.within(YearMonth.of(2026, 10)))
                .contains(new Period(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 31), BOGOTA));
        assertThat(period.within(YearMonth.of(2026, 11)))
                .contains(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 10), BOGOTA));
        assertThat(period.within(YearMonth.of(2026, 9))).isEmpty();
        assertThat(period.within(YearMonth.of(2026, 12))).isEmpty();
    }

    @Test
    void previousPeriodHasTheSameLengthAndEndsTheDayBefore() {
        // given
        Period period = new Period(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 10), BOGOTA);

        // when
        Period previous = period.previous();

        // then
        assertThat(previous).isEqualTo(new Period(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 19), BOGOTA));
        assertThat(previous.endUtc()).isEqualTo(period.startUtc());
    }

    private static long hours(Period period) {
        return Duration.between(period.startUtc(), period.endUtc()).toHours();
    }

    private static List<Bucket> buckets(String spec) {
        List<Bucket> buckets = new ArrayList<>();
        Arrays.stream(spec.trim().split("\\s+")).forEach(pair -> {
            String[] dates = pair.split("/");
            buckets.add(new Bucket(LocalDate.parse(dates[0]), LocalDate.parse(dates[1])));
        });
        return buckets;
    }
}
