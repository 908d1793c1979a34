package com.contactcenter.billing.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The freshness line the reports and the dashboard show, from a snapshot's as-of. */
class FreshnessTest {

    @ParameterizedTest(name = "{0} in {1}, {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-29T19:30:59.999Z | America/Bogota   | es    | Datos sincronizados hasta 29/11/2026 14:30
            2026-11-29T19:30:00Z     | America/Bogota   | es-CO | Datos sincronizados hasta 29/11/2026 14:30
            2026-11-29T19:30:00Z     | America/Bogota   | en    | Data synced up to 2026-11-29 14:30
            2026-11-29T19:30:00Z     | Asia/Tokyo       | es    | Datos sincronizados hasta 30/11/2026 04:30
            2026-09-06T03:59:00Z     | America/Santiago | es    | Datos sincronizados hasta 05/09/2026 23:59
            2026-09-06T04:00:00Z     | America/Santiago | es    | Datos sincronizados hasta 06/09/2026 01:00
            """)
    void givesTheAsOfInTheZoneToTheMinuteNeverRoundedUp(String asOf, String zone, String locale, String expected) {
        assertThat(Freshness.text(Instant.parse(asOf), ZoneId.of(zone), Locale.forLanguageTag(locale)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1}, {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-29T19:30:05Z | 2026-11-29 | es | Datos sincronizados hasta las 14:30
            2026-11-29T19:30:05Z | 2026-11-29 | en | Data synced up to 14:30 today
            2026-11-30T04:59:00Z | 2026-11-30 | es | Datos sincronizados hasta 29/11/2026 23:59
            2026-11-30T04:59:00Z | 2026-11-30 | en | Data synced up to 2026-11-29 23:59
            """)
    void givesOnlyTheTimeWhenTheAsOfIsTodayInTheZone(String asOf, String today, String locale, String expected) {
        assertThat(Freshness.text(
                        Instant.parse(asOf),
                        ZoneId.of("America/Bogota"),
                        Locale.forLanguageTag(locale),
                        LocalDate.parse(today)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            America/Bogota | Datos sincronizados hasta 29/11/2026 14:30 (America/Bogota)
            Mars/Olympus   | Datos sincronizados hasta 29/11/2026 19:30 (UTC)
            """)
    void theReportsLineNamesTheZoneAndReadsAnUnknownOneAsUtc(String zone, String expected) {
        assertThat(Freshness.withZone(Instant.parse("2026-11-29T19:30:00Z"), zone, Locale.forLanguageTag("es")))
                .isEqualTo(expected);
    }
}
