package com.contactcenter.billing.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a request's dates are refused, in Spanish and English, at 2026-11-15 23:30 in Bogota
 * (already the 16th in UTC): tomorrow is the 16th in Bogota and the 17th in Tokyo.
 */
class DateLimitsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-16T04:30:00Z"), ZoneOffset.UTC);
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final DateLimits SPANISH =
            new DateLimits(LocalDate.of(2000, 1, 1), 400, Locale.forLanguageTag("es"), CLOCK);
    private static final DateLimits ENGLISH = new DateLimits(LocalDate.of(2000, 1, 1), 400, Locale.ENGLISH, CLOCK);

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "null              | 2026-10-01        | from es obligatorio (AAAA-MM-DD)                                | from is required (YYYY-MM-DD)",
                "2026-10-01        | ' '               | to es obligatorio (AAAA-MM-DD)                                  | to is required (YYYY-MM-DD)",
                "2026-02-30        | 2026-03-01        | from '2026-02-30' no es una fecha (AAAA-MM-DD)                  | from '2026-02-30' is not a date (YYYY-MM-DD)",
                "+999999999-12-31  | 2026-03-01        | from '+999999999-12-31' no es una fecha (AAAA-MM-DD)            | from '+999999999-12-31' is not a date (YYYY-MM-DD)",
                "2026-01-01        | -999999999-01-01  | to '-999999999-01-01' no es una fecha (AAAA-MM-DD)              | to '-999999999-01-01' is not a date (YYYY-MM-DD)",
                "20261001          | 2026-10-02        | from '20261001' no es una fecha (AAAA-MM-DD)                    | from '20261001' is not a date (YYYY-MM-DD)",
                "２０２６-10-01    | 2026-10-02        | from '２０２６-10-01' no es una fecha (AAAA-MM-DD)              | from '２０２６-10-01' is not a date (YYYY-MM-DD)",
                "2026-10-05        | 2026-10-01        | from 2026-10-05 es posterior a to 2026-10-01                    | from 2026-10-05 is after to 2026-10-01",
                "0000-01-01        | 2026-01-01        | from 0000-01-01 es anterior a 2000-01-01, el primer día admitido | from 0000-01-01 is before 2000-01-01, the earliest day allowed",
                "1999-12-31        | 2000-01-01        | from 1999-12-31 es anterior a 2000-01-01, el primer día admitido | from 1999-12-31 is before 2000-01-01, the earliest day allowed",
                "2026-11-15        | 2026-11-17        | to 2026-11-17 es posterior a 2026-11-16, mañana en America/Bogota | to 2026-11-17 is after 2026-11-16, tomorrow in America/Bogota",
                "9999-12-31        | 9999-12-31        | to 9999-12-31 es posterior a 2026-11-16, mañana en America/Bogota | to 9999-12-31 is after 2026-11-16, tomorrow in America/Bogota",
                "2025-10-12        | 2026-11-16        | el periodo abarca 401 días; como máximo 400                      | the period covers 401 days; at most 400"
            })
    void refusesABadRangeSayingWhyInTheConfiguredLanguage(String from, String to, String spanish, String english) {
        assertThatThrownBy(() -> SPANISH.range("from", from, "to", to, BOGOTA, 400))
                .isInstanceOf(InvalidDateException.class)
                .hasMessage(spanish);
        assertThatThrownBy(() -> ENGLISH.range("from", from, "to", to, BOGOTA, 400))
                .isInstanceOf(InvalidDateException.class)
                .hasMessage(english);
    }

    @Test
    void takesARangeUpToTomorrowInTheSourcesZoneAndOfTheDaysAllowed() {
        assertThat(SPANISH.range("from", "2025-10-13", "to", " 2026-11-16 ", BOGOTA, 400))
                .isEqualTo(new DateLimits.DateRange(LocalDate.of(2025, 10, 13), LocalDate.of(2026, 11, 16)));
        assertThat(SPANISH.range("from", "2000-01-01", "to", "2000-01-01", BOGOTA, 1)
                        .days())
                .isEqualTo(1);
        assertThat(SPANISH.range("from", "2026-11-17", "to", "2026-11-17", ZoneId.of("Asia/Tokyo"), 1)
                        .to())
                .isEqualTo(LocalDate.of(2026, 11, 17));
    }

    @Test
    void echoesAtMostFortyCharactersOfWhatWasSent() {
        assertThatThrownBy(() -> ENGLISH.parse("--from", "x".repeat(10_000)))
                .hasMessage("--from '" + "x".repeat(40) + "…' is not a date (YYYY-MM-DD)");
    }
}
