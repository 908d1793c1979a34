package com.contactcenter.billing.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresTest {

    @ParameterizedTest(name = "{0} {1} scale {2}: {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            es-CO | COP | 2 | 1234567.50  | $ 1.234.567,50
            es    | COP | 2 | 0           | $ 0,00
            es-CO | COP | 0 | 1234567.50  | $ 1.234.568
            es-CO | COP | 3 | 2.5         | $ 2,500
            es-CO | USD | 2 | 1234.5      | US$ 1.234,50
            fr-FR | COP | 2 | 1234567.50  | $ 1.234.567,50
            en    | COP | 2 | 1234567.50  | COP 1,234,567.50
            en-US | USD | 2 | 1234567.50  | $1,234,567.50
            en-GB | COP | 2 | 99.99       | COP 99.99
            es-CO | XYZ | 2 | 1234.5      | XYZ 1.234,50
            """)
    void writesMoneyAtThePricingScale(String locale, String currency, int scale, BigDecimal amount, String expected) {
        Figures figures = Figures.of(Locale.forLanguageTag(locale), currency, scale, "America/Bogota");

        assertThat(figures.money(amount).replace('\u00a0', ' ')).isEqualTo(expected);
    }

    @Test
    void groupsCountsColombianStyleUnlessEnglish() {
        assertThat(Figures.of(Locale.forLanguageTag("es-CO"), "COP", 2, "UTC").count(1234567))
                .isEqualTo("1.234.567");
        assertThat(Figures.of(Locale.ENGLISH, "COP", 2, "UTC").count(1234567)).isEqualTo("1,234,567");
    }

    @Test
    void writesInstantsInTheTenantsZoneAndTheLanguagesLocalFormat() {
        Figures spanish = Figures.of(Locale.forLanguageTag("es-CO"), "COP", 2, "America/Bogota");
        Figures english = Figures.of(Locale.ENGLISH, "COP", 2, "America/Bogota");
        Instant instant = Instant.parse("2026-11-02T03:04:05.678Z");

        // Bogota is UTC-5 all year: the evening before, in Bogota
        assertThat(spanish.instant(instant)).isEqualTo("01/11/2026 22:04:05");
        assertThat(english.instant(instant)).isEqualTo("2026-11-01 22:04:05");
        assertThat(spanish.lastLogin(instant)).isEqualTo("01/11/2026 22:04");
        assertThat(english.lastLogin(instant)).isEqualTo("2026-11-01 22:04");
        assertThat(spanish.lastLogin(null)).isEqualTo("—");
        assertThat(spanish.date(java.time.LocalDate.of(2026, 11, 30))).isEqualTo("30/11/2026");
        assertThat(english.date(java.time.LocalDate.of(2026, 11, 30))).isEqualTo("2026-11-30");
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-10-24T23:59:00Z | Europe/Madrid  | 25/10/2026 01:59:00
            2026-10-25T00:30:00Z | Europe/Madrid  | 25/10/2026 02:30:00
            2026-10-25T01:30:00Z | Europe/Madrid  | 25/10/2026 02:30:00
            2026-10-25T02:00:00Z | Europe/Madrid  | 25/10/2026 03:00:00
            2026-10-25T01:30:00Z | America/Bogota | 24/10/2026 20:30:00
            2026-03-29T00:59:00Z | Europe/Madrid  | 29/03/2026 01:59:00
            2026-03-29T01:00:00Z | Europe/Madrid  | 29/03/2026 03:00:00
            """)
    void followsTheZonesOffsetAcrossADstDay(String instant, String zone, String expected) {
        // Madrid leaves summer time on 2026-10-25 at 03:00 CEST (01:00 UTC): 02:30 comes twice, an hour
        // apart; it enters it on 2026-03-29 at 02:00 CET (01:00 UTC): 02:xx never happens. Bogota has no DST.
        Figures figures = Figures.of(Locale.forLanguageTag("es-CO"), "COP", 2, zone);

        assertThat(figures.instant(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void fallsBackToUtcForAnUnknownZone() {
        Figures figures = Figures.of(Locale.forLanguageTag("es-CO"), "COP", 2, "Mars/Olympus");

        assertThat(figures.zoneOrUtc().getId()).isEqualTo("UTC");
        assertThat(figures.lastLogin(Instant.EPOCH)).isEqualTo("01/01/1970 00:00");
    }

    @Test
    void writesAPercentWithItsSignAndOneDecimal() {
        Figures spanish = Figures.of(Locale.forLanguageTag("es-CO"), "COP", 2, "UTC");

        assertThat(spanish.percent(new BigDecimal("12.3")).replace('\u00a0', ' '))
                .isEqualTo("+12,3 %");
        assertThat(spanish.percent(new BigDecimal("-4.0")).replace('\u00a0', ' '))
                .isEqualTo("-4,0 %");
        assertThat(Figures.of(Locale.ENGLISH, "COP", 2, "UTC")
                        .percent(new BigDecimal("0.0"))
                        .replace('\u00a0', ' '))
                .isEqualTo("0.0 %");
    }
}
