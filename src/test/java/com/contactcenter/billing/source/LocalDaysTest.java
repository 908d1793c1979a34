package com.contactcenter.billing.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.usage.RowTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalDaysTest {

    /** Santiago's DST days in 2026 (23 and 25 hours) and Bogota's plain ones, in time order and shuffled. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-04-03T00:00:00Z", "2026-09-04T00:00:00Z"})
    void placesEveryInstantOnTheDayTheRulesGiveIt(String from) {
        List<Instant> instants = new ArrayList<>();
        for (Instant at = Instant.parse(from);
                at.isBefore(Instant.parse(from).plusSeconds(5 * 86_400));
                at = at.plusMillis(997_001)) {
            instants.add(at);
            instants.add(at.minusNanos(1));
        }
        for (String zone : List.of("America/Santiago", "America/Bogota")) {
            RowTime time = new RowTime(ZoneId.of(zone), Instant.parse("2030-01-01T00:00:00Z"));
            List<Instant> shuffled = new ArrayList<>(instants);
            Collections.shuffle(shuffled, new Random(7));
            for (List<Instant> order : List.of(instants, shuffled)) {
                LocalDays days = new LocalDays(time);
                for (Instant at : order) {
                    assertThat(days.of(at)).as("%s in %s", at, zone).isEqualTo(time.day(at));
                }
            }
        }
    }
}
