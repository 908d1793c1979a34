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
    void writesInstantsAsStoredAndLastLoginsInTheTenantsZone() {
        Figures figures = Figures.of(Locale.forLanguageTag("es-CO"), "COP", 2, "America/Bogota");
        Instant instant = Instant.parse("2026-11-02T03:04:05.678Z");

        assertThat(figures.instant(instant)).isEqualTo("2026-11-02T03:04:05.678Z");
        assertThat(figures.localTime(instant)).contains("2026-11-01 22:04:05");
        assertThat(figures.lastLogin(instant)).isEqualTo("2026-11-01 22:04");
        assertThat(figures.lastLogin(null)).isEqualTo("—");
    }

    @Test
    void fallsBackToUtcForAnUnknownZone() {
        Figures figures = Figures.of(Locale.forLanguageTag("es-CO"), "COP", 2, "Mars/Olympus");

        assertThat(figures.localTime(Instant.EPOCH)).isEmpty();
        assertThat(figures.lastLogin(Instant.EPOCH)).isEqualTo("1970-01-01 00:00");
    }
}
