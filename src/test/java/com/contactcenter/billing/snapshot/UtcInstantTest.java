package com.contactcenter.billing.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The last logins of a snapshot document, read as {@link Instant#parse} reads them. */
class UtcInstantTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "2026-11-20T10:00:00Z",
                "2026-11-20T10:00:00.123Z",
                "2026-11-20T10:00:00.1Z",
                "2026-11-20T10:00:00.120Z",
                "2026-11-20T10:00:00.123456Z",
                "2026-11-20T10:00:00.123456789Z",
                "2026-11-20T10:00:00.000000001Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "2024-02-29T12:00:00Z",
                "2026-03-08T02:30:00Z",
                "2026-11-20T23:59:60Z",
                "2026-11-20T24:00:00Z",
                "+12026-11-20T10:00:00Z",
                "-0001-11-20T10:00:00Z",
                "2026-11-20t10:00:00z",
                "2026-11-20T10:00:00+00:00",
                "2026-11-20T10:00:00.Z",
            })
    void readsWhatInstantParseReads(String text) {
        assertThat(UtcInstant.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "",
                "2026-11-20",
                "2026-11-20T10:00Z",
                "2026-11-20T10:00:00",
                "2026-11-20T10:00:00.1234567890Z",
                "2026-13-20T10:00:00Z",
                "2026-02-29T10:00:00Z",
                "2026-11-31T10:00:00Z",
                "2026-11-20T25:00:00Z",
                "2026-11-20T10:60:00Z",
                "2026-11-20T10:00:61Z",
                "2026-11-20T1a:00:00Z",
                "2026-11-20 10:00:00Z",
                "2026-1-20T10:00:00.5Z",
                "２026-11-20T10:00:00Z",
            })
    void refusesWhatInstantParseRefusesWithItsError(String text) {
        Throwable expected = catchThrowable(() -> Instant.parse(text));

        assertThat(expected).isNotNull();
        assertThatThrownBy(() -> UtcInstant.parse(text))
                .isInstanceOf(expected.getClass())
                .hasMessage(expected.getMessage());
    }

    @Test
    void readsBackEveryInstantAsWritten() {
        SplittableRandom random = new SplittableRandom(20261120);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });

            assertThat(UtcInstant.parse(instant.toString())).isEqualTo(instant);
        }
    }
}
