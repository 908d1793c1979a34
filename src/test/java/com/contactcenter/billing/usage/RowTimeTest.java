package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowTimeTest {

    private static final RowTime TIME =
            new RowTime(ZoneId.of("America/Bogota"), Instant.parse("2026-11-15T17:00:00.250Z"));

    @ParameterizedTest(name = "{0} is future: {1}")
    @CsvSource({
        "2026-11-15T17:00:00.250Z, false",
        "2026-11-15T17:00:00.249999999Z, false",
        "2026-11-15T17:00:00.250000001Z, true",
        "2026-11-15T17:00:00.251Z, true",
        "2026-11-15T17:00:00Z, false",
        "2026-11-15T17:00:01Z, true",
        "2026-11-15T16:59:59.999Z, false",
        "1969-12-31T23:59:59.500Z, false",
        "2400-01-01T00:00:00Z, true",
    })
    void countsARowAsFutureOnlyWhenStrictlyAfterTheAsOf(Instant stamp, boolean expected) {
        assertThat(TIME.future(stamp)).isEqualTo(expected);
        assertThat(TIME.future(stamp.getEpochSecond(), stamp.getNano())).isEqualTo(expected);
    }
}
