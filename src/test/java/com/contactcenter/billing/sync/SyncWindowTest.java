package com.contactcenter.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncWindowTest {

    @ParameterizedTest
    @CsvSource({
        // clock (UTC),            zone,             trailing, from,       to
        "2026-11-25T07:00:00Z, America/Bogota,    3, 2026-11-21, 2026-11-25",
        // 03:00 UTC is still the 24th in Bogota: the window follows the tenant's day, not UTC's
        "2026-11-25T03:00:00Z, America/Bogota,    3, 2026-11-20, 2026-11-24",
        "2026-11-25T03:00:00Z, Asia/Tokyo,        0, 2026-11-24, 2026-11-25",
        "2026-03-01T12:00:00Z, America/Santiago,  1, 2026-02-27, 2026-03-01"
    })
    void nightlyWindowIsTodayYesterdayAndTheTrailingDaysInTheSourceZone(
            Instant now, ZoneId zone, int trailing, LocalDate from, LocalDate to) {
        SyncWindow window = SyncWindow.nightly(Clock.fixed(now, ZoneOffset.UTC), zone, trailing);

        assertThat(window).isEqualTo(new SyncWindow(from, to));
    }

    @Test
    void aWindowCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new SyncWindow(LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-01")))
                .hasMessage("from 2026-10-02 is after to 2026-10-01");
    }
}
