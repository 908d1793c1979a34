package com.contactcenter.billing.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.demo.DemoDataGenerator;
import com.contactcenter.billing.demo.DemoDataSpec;
import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.usage.Classifier;
import com.contactcenter.billing.usage.DayFacts;
import com.contactcenter.billing.usage.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reading a pass by id range gives exactly the facts of reading it by timestamp alone, on a
 * tenant whose ids do not follow time: the demo generator's invalid rows (numbered after the
 * valid ones, stamped anywhere in the months), and rows with negative and very large ids on the
 * first and last millisecond of a local day.
 */
class IdRangeReadTest {

    static final ZoneId ZONE = ZoneId.of("America/Bogota");
    static final Instant AS_OF = Instant.parse("2026-10-25T12:00:00Z");

    /** Rows whose ids are far from their neighbours in time; channel 1 is WhatsApp, 2 SMS. */
    static final List<String> OUT_OF_ORDER = List.of(
            "INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at)"
                    + " VALUES (-7, 1, 20, 'out', 1, '2026-10-15 05:00:00.000')",
            "INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at)"
                    + " VALUES (9000000000, 2, 21, 'out', 3, '2026-10-16 04:59:59.999')",
            "INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at)"
                    + " VALUES (9000000001, 1, NULL, 'in', 1, '2026-10-16 05:00:00.000')",
            "INSERT INTO calls (id, channel_id, user_id, direction, started_at, duration_seconds)"
                    + " VALUES (-1, 4, 20, 'in', '2026-10-15 04:59:59.999', 61)",
            "INSERT INTO user_sessions (id, user_id, started_at, ended_at)"
                    + " VALUES (8000000000, 20, '2026-10-15 05:00:00.000', NULL)");

    String sourceUrl() {
        return SourceDatabases.h2Url("id_range_source");
    }

    DataSource sourceDataSource() {
        return SourceDatabases.h2("id_range_source");
    }

    String user() {
        return "sa";
    }

    @Test
    void readsEveryPassByIdRangeExactlyAsByTimestamp() {
        // given
        DataSource data = sourceDataSource();
        new DemoDataGenerator(data).generate(new DemoDataSpec(30, 6_000, 7, LocalDate.of(2026, 10, 31), 2));
        OUT_OF_ORDER.forEach(new JdbcTemplate(data)::execute);
        SourceReader reader = new SourceReader();
        List<Period> passes = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 10, 1);
                !day.isAfter(LocalDate.of(2026, 10, 31));
                day = day.plusDays(1)) {
            passes.add(new Period(day, day, ZONE));
        }
        passes.add(new Period(LocalDate.of(2026, 10, 14), LocalDate.of(2026, 10, 16), ZONE));
        passes.add(new Period(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 31), ZONE));
        passes.add(new Period(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31), ZONE));
        passes.add(new Period(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 3), ZONE));

        try (SourceConnection source = new SourceConnection(new SourceProperties(
                "tenant",
                sourceUrl(),
                user(),
                "",
                ZONE,
                Map.of(),
                Duration.ofMinutes(5),
                List.of(),
                Duration.ofSeconds(10),
                null))) {
            long rowsInOctober = 0;
            for (Period pass : passes) {
                // when
                Classifier byTimestamp =
                        new Classifier(reader.readReference(source).channels());
                Classifier byIdRange =
                        new Classifier(reader.readReference(source).channels());
                reader.readFacts(source, pass.startUtc(), pass.endUtc(), AS_OF, false, byTimestamp);
                reader.readFacts(source, pass.startUtc(), pass.endUtc(), AS_OF, true, byIdRange);

                // then
                assertThat(byIdRange.days().keySet())
                        .as("%s", pass)
                        .containsExactlyElementsOf(byTimestamp.days().keySet());
                for (DayFacts expected : byTimestamp.days().values()) {
                    DayFacts actual = byIdRange.days().get(expected.day());
                    assertThat(actual.rowsRead()).as("%s", expected.day()).isEqualTo(expected.rowsRead());
                    assertThat(actual.channelFacts()).as("%s", expected.day()).isEqualTo(expected.channelFacts());
                    assertThat(actual.findingFacts()).as("%s", expected.day()).isEqualTo(expected.findingFacts());
                    assertThat(actual.userFacts()).as("%s", expected.day()).isEqualTo(expected.userFacts());
                }
                long read = byIdRange.days().values().stream()
                        .mapToLong(DayFacts::rowsRead)
                        .sum();
                assertThat(read).as("%s", pass).isEqualTo(rowsStamped(data, pass));
                if (pass.days() == 1) {
                    rowsInOctober += read;
                }
            }
            assertThat(rowsInOctober)
                    .isEqualTo(
                            rowsStamped(data, new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), ZONE)))
                    .isGreaterThan(3_000);
        }
    }

    /** Rows of the four event tables stamped in the pass, counted in the database. */
    private static long rowsStamped(DataSource data, Period pass) {
        JdbcTemplate jdbc = new JdbcTemplate(data);
        String from = Utc.of(pass.startUtc());
        String to = Utc.of(pass.endUtc());
        return jdbc.queryForObject(
                "SELECT (SELECT COUNT(*) FROM messages WHERE created_at >= ? AND created_at < ?)"
                        + " + (SELECT COUNT(*) FROM calls WHERE started_at >= ? AND started_at < ?)"
                        + " + (SELECT COUNT(*) FROM bot_sessions WHERE started_at >= ? AND started_at < ?)"
                        + " + (SELECT COUNT(*) FROM user_sessions WHERE started_at >= ? AND started_at < ?)",
                Long.class,
                from,
                to,
                from,
                to,
                from,
                to,
                from,
                to);
    }

    @Test
    void readsATableWhoseQueryIsOverriddenWithThatQueryEvenWhenPassesGoByIdRange() {
        // given: messages overridden to skip user 20; calls overridden with their id-range query too
        DataSource data = sourceDataSource();
        new DemoDataGenerator(data).generate(new DemoDataSpec(30, 600, 7, LocalDate.of(2026, 10, 31), 1));
        OUT_OF_ORDER.forEach(new JdbcTemplate(data)::execute);
        Map<String, String> overrides = Map.of(
                "messages",
                        "SELECT created_at, channel_id, user_id, direction, segments FROM messages"
                                + " WHERE created_at >= :fromUtc AND created_at < :toUtc AND (user_id IS NULL OR user_id <> 20)",
                "calls",
                        "SELECT started_at, channel_id, user_id, direction, duration_seconds FROM calls"
                                + " WHERE started_at >= :fromUtc AND started_at < :toUtc",
                "calls-in-id-range",
                        "SELECT started_at, channel_id, user_id, direction, duration_seconds FROM calls"
                                + " WHERE started_at >= :fromUtc AND started_at < :toUtc AND id BETWEEN :minId AND :maxId"
                                + " AND duration_seconds <> 61");
        Period day = new Period(LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 15), ZONE);
        JdbcTemplate jdbc = new JdbcTemplate(data);
        String from = Utc.of(day.startUtc());
        String to = Utc.of(day.endUtc());
        long expected = rowsStamped(data, day)
                - jdbc.queryForObject(
                        "SELECT COUNT(*) FROM messages WHERE created_at >= ? AND created_at < ?" + " AND user_id = 20",
                        Long.class,
                        from,
                        to)
                - jdbc.queryForObject(
                        "SELECT COUNT(*) FROM calls WHERE started_at >= ? AND started_at < ?"
                                + " AND duration_seconds = 61",
                        Long.class,
                        from,
                        to);

        try (SourceConnection source = new SourceConnection(new SourceProperties(
                "tenant",
                sourceUrl(),
                user(),
                "",
                ZONE,
                overrides,
                Duration.ofMinutes(5),
                List.of(),
                Duration.ofSeconds(10),
                null))) {
            // when
            Classifier byIdRange =
                    new Classifier(new SourceReader().readReference(source).channels());
            new SourceReader().readFacts(source, day.startUtc(), day.endUtc(), AS_OF, true, byIdRange);

            // then: message -7 (user 20) at least is stamped that day and left out by the override
            assertThat(expected).isLessThanOrEqualTo(rowsStamped(data, day) - 1);
            assertThat(byIdRange.days().values().stream()
                            .mapToLong(DayFacts::rowsRead)
                            .sum())
                    .isEqualTo(expected);
        }
    }
}
