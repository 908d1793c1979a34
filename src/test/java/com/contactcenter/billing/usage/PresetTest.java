package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresetTest {

    @ParameterizedTest(name = "{0} at {1} in {2} -> {3}..{4}")
    @CsvSource({
        // 2026-11-01T03:00Z is already Sunday 2026-11-01 in UTC but still Saturday 2026-10-31 22:00 in Bogota
        "TODAY,      2026-11-01T03:00:00Z, America/Bogota, 2026-10-31, 2026-10-31",
        "THIS_WEEK,  2026-11-01T03:00:00Z, America/Bogota, 2026-10-26, 2026-11-01",
        "THIS_MONTH, 2026-11-01T03:00:00Z, America/Bogota, 2026-10-01, 2026-10-31",
        "LAST_MONTH, 2026-11-01T03:00:00Z, America/Bogota, 2026-09-01, 2026-09-30",
        "TODAY,      2026-11-01T03:00:00Z, UTC,            2026-11-01, 2026-11-01",
        "THIS_WEEK,  2026-11-01T03:00:00Z, UTC,            2026-10-26, 2026-11-01",
        "THIS_MONTH, 2026-11-01T03:00:00Z, UTC,            2026-11-01, 2026-11-30",
        "LAST_MONTH, 2026-11-01T03:00:00Z, UTC,            2026-10-01, 2026-10-31",
        // Monday 2026-10-05 00:00 in Bogota, and the last millisecond of the Sunday before
        "TODAY,      2026-10-05T05:00:00Z, America/Bogota, 2026-10-05, 2026-10-05",
        "THIS_WEEK,  2026-10-05T05:00:00Z, America/Bogota, 2026-10-05, 2026-10-11",
        "TODAY,      2026-10-05T04:59:59.999Z, America/Bogota, 2026-10-04, 2026-10-04",
        "THIS_WEEK,  2026-10-05T04:59:59.999Z, America/Bogota, 2026-09-28, 2026-10-04",
        // a week across months and across years
        "THIS_WEEK,  2026-10-01T12:00:00Z, America/Bogota, 2026-09-28, 2026-10-04",
        "THIS_WEEK,  2027-01-01T12:00:00Z, America/Bogota, 2026-12-28, 2027-01-03",
        // last month across the new year, and month lengths
        "LAST_MONTH, 2026-01-15T12:00:00Z, America/Bogota, 2025-12-01, 2025-12-31",
        "LAST_MONTH, 2026-03-01T05:00:00Z, America/Bogota, 2026-02-01, 2026-02-28",
        "LAST_MONTH, 2026-03-01T04:59:59Z, America/Bogota, 2026-01-01, 2026-01-31",
        "THIS_MONTH, 2028-02-10T12:00:00Z, America/Bogota, 2028-02-01, 2028-02-29",
        // Santiago's 23-hour day: 2026-09-06T03:30Z is 2026-09-05 23:30 -04
        "TODAY,      2026-09-06T03:30:00Z, America/Santiago, 2026-09-05, 2026-09-05",
        "TODAY,      2026-09-06T04:00:00Z, America/Santiago, 2026-09-06, 2026-09-06",
    })
    void resolvesAPresetFromTheClockInTheTenantsZone(
            Preset preset, Instant now, String zone, LocalDate expectedFrom, LocalDate expectedTo) {
        // given
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);

        // when
        Period period = preset.resolve(clock, ZoneId.of(zone));

        // then
        assertThat(period).isEqualTo(new Period(expectedFrom, expectedTo, ZoneId.of(zone)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TODAY", "THIS_WEEK", "THIS_MONTH", "LAST_MONTH"})
    void ignoresTheZoneTheClockCarries(Preset preset) {
        // given: the same instant seen by a clock in Tokyo and by one in UTC
        Instant now = Instant.parse("2026-11-01T03:00:00Z");
        ZoneId bogota = ZoneId.of("America/Bogota");

        // when
        Period fromTokyoClock = preset.resolve(Clock.fixed(now, ZoneId.of("Asia/Tokyo")), bogota);
        Period fromUtcClock = preset.resolve(Clock.fixed(now, ZoneOffset.UTC), bogota);

        // then
        assertThat(fromTokyoClock).isEqualTo(fromUtcClock);
    }

    @ParameterizedTest(name = "{0} -> [{1}, {2})")
    @CsvSource({
        "TODAY,      2026-10-31T05:00:00Z, 2026-11-01T05:00:00Z",
        "THIS_MONTH, 2026-10-01T05:00:00Z, 2026-11-01T05:00:00Z",
        "LAST_MONTH, 2026-09-01T05:00:00Z, 2026-10-01T05:00:00Z",
    })
    void holdsTheClocksInstantInTodaysAndThisMonthsUtcBounds(
            Preset preset, Instant expectedStart, Instant expectedEnd) {
        // given
        Instant now = Instant.parse("2026-11-01T03:00:00Z");

        // when
        Period period = preset.resolve(Clock.fixed(now, ZoneOffset.UTC), ZoneId.of("America/Bogota"));

        // then
        assertThat(period.startUtc()).isEqualTo(expectedStart);
        assertThat(period.endUtc()).isEqualTo(expectedEnd);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"TODAY, today", "THIS_WEEK, this-week", "THIS_MONTH, this-month", "LAST_MONTH, last-month"})
    void namesEachPresetWithItsCode(Preset preset, String expectedCode) {
        assertThat(preset.code()).isEqualTo(expectedCode);
    }
}
