package com.contactcenter.billing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Generates a small tenant into in-memory H2 and checks it row by row. The static helpers are
 * shared with {@link DemoDataGeneratorMariaDbIT}, which checks the same on MariaDB.
 */
class DemoDataGeneratorTest {

    static final LocalDate END_DATE = LocalDate.of(2026, 5, 20);
    static final DemoDataSpec SPEC = new DemoDataSpec(40, 20_000, 7, END_DATE, 3);
    /** The instant a tenant made "now" is made: a Wednesday, 14:37:12.345 UTC. */
    static final Instant NOW = Instant.parse("2026-05-20T14:37:12.345Z");

    static final DemoDataSpec SPEC_UP_TO = DemoDataSpec.upTo(40, 20_000, 7, NOW, 3);

    /** Every table, every column, in a total order: equal dumps mean equal tables. */
    static final Map<String, String> DUMPS = dumpQueries();

    static final Set<String> KNOWN_TYPES =
            Set.of("whatsapp", "sms", "email", "voice", "video", "webchat", "facebook", "instagram");
    static final List<String> REASONS = List.of(
            "unknown_channel",
            "unknown_channel_type",
            "bad_direction",
            "negative_duration",
            "bad_segments",
            "future_timestamp");

    /** The invalid rows the generator promises, per table and first reason. */
    static final Map<String, Map<String, Integer>> EXPECTED_INVALID = Map.of(
            "messages",
                    Map.of(
                            "unknown_channel",
                            7,
                            "unknown_channel_type",
                            9,
                            "bad_direction",
                            12,
                            "bad_segments",
                            6,
                            "future_timestamp",
                            8),
            "calls",
                    Map.of(
                            "unknown_channel",
                            5,
                            "unknown_channel_type",
                            5,
                            "bad_direction",
                            8,
                            "negative_duration",
                            6,
                            "future_timestamp",
                            5),
            "bot_sessions", Map.of("unknown_channel", 5, "unknown_channel_type", 6, "future_timestamp", 5));

    static final long EXPECTED_INVALID_TOTAL = 87;

    static final Map<Long, String> SPECIAL_NAMES = Map.ofEntries(
            Map.entry(1L, "María Peña"),
            Map.entry(2L, "Andrés Muñoz Ibáñez"),
            Map.entry(3L, "Sofía Castaño Núñez"),
            Map.entry(4L, "=HYPERLINK(\"http://x\",\"y\")"),
            Map.entry(5L, "+57 300 123"),
            Map.entry(6L, "@SUM(A1)"),
            Map.entry(7L, "-2+3"),
            Map.entry(8L, "<script>alert(1)</script>"),
            Map.entry(9L, "<img src=x onerror=alert(1)>"),
            Map.entry(10L, "Camila \uD83D\uDE80 Ríos \uD83D\uDE00"),
            Map.entry(11L, "Luis Ángel Zúñiga"),
            Map.entry(12L, "Paula Niño O'Brien"),
            Map.entry(13L, "Óscar Jiménez Peñaloza"),
            Map.entry(14L, "Nicolás Ordóñez"));

    private static DataSource h2;
    private static DemoDataSummary summary;
    private static Map<String, List<List<Object>>> dump;

    @BeforeAll
    static void generate() {
        h2 = h2("demo1");
        summary = new DemoDataGenerator(h2).generate(SPEC);
        dump = dump(h2);
    }

    @Test
    void summaryHasTheExactCounts() {
        assertEquals(
                new DemoDataSummary(4, 40, 11, 117, 1085, 20_000 + 42, 1_000 + 29, 400 + 16, EXPECTED_INVALID_TOTAL),
                summary,
                "seed 7 pins these counts; a change means the data changed");
        assertSummaryMatches(SPEC, summary, dump);
    }

    @Test
    void sameSeedGivesIdenticalTables() {
        DemoDataSummary again = new DemoDataGenerator(h2).generate(SPEC);
        assertEquals(summary, again);
        assertSameDump(dump, dump(h2), "H2 first run", "H2 second run");

        // A fresh database gets the same rows as the reused one: nothing depends on leftovers.
        DataSource fresh = h2("demo1_fresh");
        assertEquals(summary, new DemoDataGenerator(fresh).generate(SPEC));
        assertSameDump(dump, dump(fresh), "H2 demo1", "H2 demo1_fresh");
    }

    @Test
    void anotherSeedGivesOtherRows() {
        DataSource other = h2("demo1_seed8");
        DemoDataSpec spec = new DemoDataSpec(40, 20_000, 8, END_DATE, 3);
        DemoDataSummary otherSummary = new DemoDataGenerator(other).generate(spec);
        Map<String, List<List<Object>>> otherDump = dump(other);

        assertEquals(summary.messages(), otherSummary.messages());
        assertEquals(summary.invalidRows(), otherSummary.invalidRows());
        assertNotEquals(dump.get("messages"), otherDump.get("messages"));
        assertNotEquals(dump.get("calls"), otherDump.get("calls"));
        assertNotEquals(dump.get("users"), otherDump.get("users"));
        long sameMessages = 0;
        for (int i = 0; i < 20_000; i++) {
            if (dump.get("messages").get(i).equals(otherDump.get("messages").get(i))) {
                sameMessages++;
            }
        }
        assertTrue(sameMessages < 200, "messages equal under both seeds: " + sameMessages);
        assertGeneratedContent(spec, otherSummary, otherDump);
    }

    @Test
    void everyInvalidReasonIsPresentInItsExactNumber() {
        assertInvalidRows(SPEC, dump);
        Map<String, Long> byReason = DemoDataGenerator.invalidRowsByReason();
        assertEquals(REASONS, List.copyOf(byReason.keySet()));
        assertEquals(
                Map.of(
                        "unknown_channel",
                        17L,
                        "unknown_channel_type",
                        20L,
                        "bad_direction",
                        20L,
                        "negative_duration",
                        6L,
                        "bad_segments",
                        6L,
                        "future_timestamp",
                        18L),
                byReason);
        for (String table : EXPECTED_INVALID.keySet()) {
            for (String reason : REASONS) {
                assertEquals(
                        EXPECTED_INVALID.get(table).getOrDefault(reason, 0).longValue(),
                        DemoDataGenerator.invalidRows(table, reason),
                        table + " " + reason);
            }
        }
    }

    @Test
    void aTenantMadeUpToAnInstantHasNoRowAfterItButItsFutureOnes() {
        DataSource upTo = h2("demo1_up_to");
        DemoDataSummary made = new DemoDataGenerator(upTo).generate(SPEC_UP_TO);
        Map<String, List<List<Object>>> rows = dump(upTo);
        // the whole second of the instant
        LocalDateTime cut = LocalDateTime.of(2026, 5, 20, 14, 37, 12);
        assertEquals(cut, SPEC_UP_TO.end());
        assertEquals(END_DATE, SPEC_UP_TO.endDate());
        assertEquals((14 * 3600 + 37 * 60 + 12) * 1000L, SPEC_UP_TO.endMillis());

        // the same promises as a tenant of whole days, with the instant as the end and the as-of
        assertGeneratedContent(SPEC_UP_TO, made, rows);

        // Stamped after the instant: the 18 future_timestamp rows and, by generate.sql's comments,
        // 7 rows invalid first for another reason (messages: unknown_channel row 2,
        // unknown_channel_type row 1, bad_direction row 3, bad_segments row 0; calls: bad_direction
        // row 1, negative_duration row 0; bot sessions: unknown_channel row 0), all 10 to 70
        // minutes after it. Every other invalid row is in April's 2nd to 29th (UTC).
        Map<String, Integer> timestampColumn = Map.of("messages", 5, "calls", 4, "bot_sessions", 2);
        Map<String, Long> valid = Map.of("messages", 20_000L, "calls", 1_000L, "bot_sessions", 400L);
        Map<String, Integer> afterCut = new TreeMap<>();
        int inApril = 0;
        for (String table : timestampColumn.keySet()) {
            for (List<Object> row : rows.get(table)) {
                LocalDateTime ts = (LocalDateTime) row.get(timestampColumn.get(table));
                boolean invalid = (Long) row.get(0) > valid.get(table);
                if (!ts.isBefore(cut)) {
                    assertTrue(invalid, table + " row after the instant: " + row);
                    assertFalse(ts.isBefore(cut.plusMinutes(10)), "too soon: " + row);
                    assertTrue(ts.isBefore(cut.plusMinutes(70)), "too late: " + row);
                    afterCut.merge(table, 1, Integer::sum);
                } else if (invalid) {
                    assertFalse(ts.isBefore(LocalDateTime.of(2026, 4, 2, 0, 0)), "before April 2nd: " + row);
                    assertTrue(ts.isBefore(LocalDateTime.of(2026, 4, 30, 0, 0)), "after April 29th: " + row);
                    inApril++;
                }
            }
        }
        assertEquals(Map.of("bot_sessions", 6, "calls", 7, "messages", 12), afterCut);
        assertEquals(87 - 25, inApril);

        // Users, their channels and sessions end before the instant too.
        for (List<Object> user : rows.get("users")) {
            for (int column : List.of(4, 5, 6, 7)) {
                LocalDateTime at = (LocalDateTime) user.get(column);
                assertTrue(at == null || at.isBefore(cut), "user " + user);
            }
        }
        rows.get("user_channels").forEach(uc -> assertTrue(((LocalDateTime) uc.get(2)).isBefore(cut), "" + uc));
        rows.get("user_sessions").forEach(us -> {
            assertTrue(((LocalDateTime) us.get(2)).isBefore(cut), "" + us);
            assertTrue(us.get(3) == null || ((LocalDateTime) us.get(3)).isBefore(cut), "" + us);
        });

        // The last day runs at a whole day's pace up to the instant: its messages of office hours
        // (11:00 UTC to the instant, 3 h 37 min) per hour are those of the Wednesday before, within
        // the days' noise (85-115 %) and the range's growth.
        LocalDateTime officeFrom = LocalDateTime.of(2026, 5, 20, 11, 0);
        double hoursToday = java.time.Duration.between(officeFrom, cut).toMillis() / 3_600_000.0;
        long today = countBetween(rows.get("messages"), 5, officeFrom, cut, 20_000);
        long weekBefore = countBetween(
                rows.get("messages"),
                5,
                officeFrom.minusDays(7),
                officeFrom.minusDays(7).plusHours(13),
                20_000);
        double ratio = (today / hoursToday) / (weekBefore / 13.0);
        assertTrue(ratio > 0.7 && ratio < 1.4, "pace of the last day against a week before: " + ratio);
        // about 20,000 x 1.15 / 92 / 0.93 messages a weekday, 85 % of them over 13 office hours:
        // some 16 an hour, so some 58 in 3.6 hours
        assertTrue(today > 40 && today < 80, "the last day's office-hours messages: " + today);
    }

    @Test
    void aTenantMadeAtMidnightEndsWithTheWholeDayBefore() {
        DemoDataSpec midnight = DemoDataSpec.upTo(40, 20_000, 7, Instant.parse("2026-05-21T00:00:00Z"), 3);
        assertEquals(SPEC, midnight);
        assertThrows(IllegalArgumentException.class, () -> new DemoDataSpec(40, 1000, 1, END_DATE, 3, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new DemoDataSpec(40, 1000, 1, END_DATE, 3, DemoDataSpec.DAY_MILLIS + 1));
    }

    /** Valid rows (id up to {@code validRows}) stamped in [from, to). */
    private static long countBetween(
            List<List<Object>> rows, int column, LocalDateTime from, LocalDateTime to, long validRows) {
        return rows.stream()
                .filter(r -> (Long) r.get(0) <= validRows)
                .map(r -> (LocalDateTime) r.get(column))
                .filter(t -> !t.isBefore(from) && t.isBefore(to))
                .count();
    }

    @Test
    void hostileAndAccentedNamesAreStoredExactly() {
        Map<Long, String> names = new HashMap<>();
        for (List<Object> user : dump.get("users")) {
            names.put((Long) user.get(0), (String) user.get(1));
        }
        SPECIAL_NAMES.forEach((id, name) -> assertEquals(name, names.get(id), "user " + id));
        assertTrue(
                names.values().stream().anyMatch(n -> n.contains("ñ") && !SPECIAL_NAMES.containsValue(n)),
                "generic names use accents and ñ too");
    }

    @Test
    void contentLooksLikeATenant() {
        assertGeneratedContent(SPEC, summary, dump);
    }

    @Test
    void everyEventTableHasItsTimestampIndex() {
        assertTimestampIndexes(h2);
    }

    @Test
    void rejectsSpecsOutsideItsLimits() {
        assertThrows(IllegalArgumentException.class, () -> new DemoDataSpec(24, 1000, 1, END_DATE, 3));
        assertThrows(IllegalArgumentException.class, () -> new DemoDataSpec(40, -1, 1, END_DATE, 3));
        assertThrows(IllegalArgumentException.class, () -> new DemoDataSpec(40, 1000, 1, END_DATE, 0));
        assertThrows(NullPointerException.class, () -> new DemoDataSpec(40, 1000, 1, null, 3));
    }

    @Test
    void schemaScriptSplitsIntoTheReferenceTables() {
        List<String> statements = DemoDataGenerator.splitStatements(
                "-- comment\nCREATE TABLE a (\n  x INT\n)\n;\n\nCREATE INDEX i ON a (x)\n;\n");
        assertEquals(List.of("CREATE TABLE a (\n  x INT\n)", "CREATE INDEX i ON a (x)"), statements);
    }

    // ---------------------------------------------------------------- shared with the MariaDB IT

    static DataSource h2(String name) {
        return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static Map<String, String> dumpQueries() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("roles", "SELECT id, name FROM roles ORDER BY id");
        q.put(
                "users",
                "SELECT id, full_name, email, role_id, created_at, deactivated_at, last_login_at, updated_at"
                        + " FROM users ORDER BY id");
        q.put("channels", "SELECT id, type, name, address FROM channels ORDER BY id");
        q.put(
                "user_channels",
                "SELECT user_id, channel_id, assigned_at FROM user_channels ORDER BY user_id, channel_id");
        q.put("user_sessions", "SELECT id, user_id, started_at, ended_at FROM user_sessions ORDER BY id");
        q.put("messages", "SELECT id, channel_id, user_id, direction, segments, created_at FROM messages ORDER BY id");
        q.put(
                "calls",
                "SELECT id, channel_id, user_id, direction, started_at, duration_seconds FROM calls ORDER BY id");
        q.put(
                "bot_sessions",
                "SELECT id, channel_id, started_at, messages, handed_to_agent FROM bot_sessions ORDER BY id");
        return q;
    }

    /** Every row of every table: integers as Long, text as String, timestamps as LocalDateTime. */
    static Map<String, List<List<Object>>> dump(DataSource dataSource) {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (Map.Entry<String, String> table : DUMPS.entrySet()) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(table.getValue())) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>(md.getColumnCount());
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.add(value(rs, i, md.getColumnType(i)));
                        }
                        rows.add(row);
                    }
                }
                tables.put(table.getKey(), rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        Object value = switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, LocalDateTime.class);
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR -> rs.getString(i);
            // Connector/J reports TINYINT(1) as BIT; H2 as TINYINT. Both read as a number.
            default -> rs.getLong(i);
        };
        return rs.wasNull() ? null : value;
    }

    /** The reference schema's index on each event table's timestamp, built after the load. */
    static void assertTimestampIndexes(DataSource dataSource) {
        Map<String, String> expected = Map.of(
                "user_sessions",
                "started_at",
                "messages",
                "created_at",
                "calls",
                "started_at",
                "bot_sessions",
                "started_at");
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, String> table : expected.entrySet()) {
                Set<String> indexed = new HashSet<>();
                for (String name : List.of(table.getKey(), table.getKey().toUpperCase())) {
                    try (ResultSet rs = c.getMetaData().getIndexInfo(c.getCatalog(), null, name, false, false)) {
                        while (rs.next()) {
                            if (rs.getString("COLUMN_NAME") != null && rs.getShort("ORDINAL_POSITION") == 1) {
                                indexed.add(rs.getString("COLUMN_NAME").toLowerCase());
                            }
                        }
                    }
                }
                assertTrue(indexed.contains(table.getValue()), table.getKey() + " indexes " + indexed);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertSameDump(
            Map<String, List<List<Object>>> expected,
            Map<String, List<List<Object>>> actual,
            String expectedName,
            String actualName) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String table : expected.keySet()) {
            List<List<Object>> e = expected.get(table);
            List<List<Object>> a = actual.get(table);
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                if (!e.get(i).equals(a.get(i))) {
                    fail(table + " row " + i + " differs: " + expectedName + " " + e.get(i) + ", " + actualName + " "
                            + a.get(i));
                }
            }
            assertEquals(e.size(), a.size(), table + " row count, " + expectedName + " vs " + actualName);
        }
    }

    static void assertSummaryMatches(DemoDataSpec spec, DemoDataSummary summary, Map<String, List<List<Object>>> dump) {
        assertEquals(4, summary.roles());
        assertEquals(spec.users(), summary.users());
        assertEquals(11, summary.channels());
        assertEquals(spec.messages() + 42, summary.messages());
        assertEquals(spec.messages() / 20 + 29, summary.calls());
        assertEquals(spec.messages() / 50 + 16, summary.botSessions());
        assertEquals(EXPECTED_INVALID_TOTAL, summary.invalidRows());
        assertEquals(
                new DemoDataSummary(
                        dump.get("roles").size(),
                        dump.get("users").size(),
                        dump.get("channels").size(),
                        dump.get("user_channels").size(),
                        dump.get("user_sessions").size(),
                        dump.get("messages").size(),
                        dump.get("calls").size(),
                        dump.get("bot_sessions").size(),
                        summary.invalidRows()),
                summary);
    }

    /** Classifies every event row by the rules (exact comparisons) and checks the counts per reason. */
    static void assertInvalidRows(DemoDataSpec spec, Map<String, List<List<Object>>> dump) {
        Map<Long, String> types = new HashMap<>();
        dump.get("channels").forEach(c -> types.put((Long) c.get(0), (String) c.get(1)));
        LocalDateTime asOf = spec.end();
        Map<String, Long> valid = Map.of(
                "messages", spec.messages(), "calls", spec.messages() / 20, "bot_sessions", spec.messages() / 50);
        for (String table : EXPECTED_INVALID.keySet()) {
            Map<String, Integer> found = new TreeMap<>();
            for (List<Object> row : dump.get(table)) {
                String reason = firstReason(table, row, types, asOf);
                long id = (Long) row.get(0);
                if (reason == null) {
                    assertTrue(id <= valid.get(table), table + " row " + row + " is valid but among the invalid ids");
                } else {
                    assertTrue(id > valid.get(table), table + " row " + row + " is " + reason + " among the valid ids");
                    found.merge(reason, 1, Integer::sum);
                }
            }
            assertEquals(new TreeMap<>(EXPECTED_INVALID.get(table)), found, table);
        }
    }

    /** The rules' first invalid reason of a row, or null when the row is valid. */
    static String firstReason(String table, List<Object> row, Map<Long, String> types, LocalDateTime asOf) {
        String type = types.get((Long) row.get(1));
        if (type == null) {
            return "unknown_channel";
        }
        if (!KNOWN_TYPES.contains(type)) {
            return "unknown_channel_type";
        }
        LocalDateTime ts;
        if (table.equals("bot_sessions")) {
            ts = (LocalDateTime) row.get(2);
        } else {
            String direction = (String) row.get(3);
            if (!direction.equals("in") && !direction.equals("out")) {
                return "bad_direction";
            }
            if (table.equals("calls") && (Long) row.get(5) < 0) {
                return "negative_duration";
            }
            if (table.equals("messages") && type.equals("sms") && (Long) row.get(4) < 1) {
                return "bad_segments";
            }
            ts = (LocalDateTime) row.get(table.equals("messages") ? 5 : 4);
        }
        return ts.isAfter(asOf) ? "future_timestamp" : null;
    }

    /** Everything the demo promises about its content, on whatever database made it. */
    static void assertGeneratedContent(
            DemoDataSpec spec, DemoDataSummary summary, Map<String, List<List<Object>>> dump) {
        assertSummaryMatches(spec, summary, dump);
        assertInvalidRows(spec, dump);
        LocalDateTime start = spec.endDate().minusMonths(spec.months()).atStartOfDay();
        LocalDateTime end = spec.end();

        assertEquals(
                List.of(
                        List.of(1L, "Administrador"),
                        List.of(2L, "Supervisor"),
                        List.of(3L, "Agente"),
                        List.of(4L, "Analista de calidad")),
                dump.get("roles"));
        Map<Long, String> types = new HashMap<>();
        dump.get("channels").forEach(c -> types.put((Long) c.get(0), (String) c.get(1)));
        assertEquals(
                KNOWN_TYPES,
                Set.copyOf(types.values().stream().filter(KNOWN_TYPES::contains).toList()));
        assertEquals(
                List.of(1L, 2L, 3L),
                types.entrySet().stream()
                        .filter(e -> e.getValue().equals("whatsapp"))
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList());
        assertEquals("telegram", types.get(11L));

        Map<Long, List<Object>> users = new HashMap<>();
        dump.get("users").forEach(u -> users.put((Long) u.get(0), u));
        assertUsers(spec, users, start, end);
        assertUserChannels(dump.get("user_channels"), users, types, start);
        assertSessions(dump.get("user_sessions"), users, end);
        assertMessages(spec, dump.get("messages"), users, types, start, end);
        assertCalls(spec, dump.get("calls"), users, start, end);
        assertBotSessions(spec, dump.get("bot_sessions"), types, start, end);
    }

    private static void assertUsers(
            DemoDataSpec spec, Map<Long, List<Object>> users, LocalDateTime start, LocalDateTime end) {
        SPECIAL_NAMES.forEach((id, name) -> assertEquals(name, users.get(id).get(1)));
        assertNull(users.get(11L).get(3));
        assertNull(users.get(12L).get(3));
        assertEquals(99L, users.get(13L).get(3));
        LocalDateTime created14 = (LocalDateTime) users.get(14L).get(4);
        assertTrue(((LocalDateTime) users.get(14L).get(5)).isBefore(created14), "user 14 deactivated before created");
        assertTrue(((LocalDateTime) users.get(18L).get(5)).isBefore(start), "user 18 gone before the range");
        int deactivatedInRange = 0;
        int createdInRange = 0;
        Map<Long, Integer> byRole = new HashMap<>();
        for (List<Object> u : users.values()) {
            long id = (Long) u.get(0);
            LocalDateTime created = (LocalDateTime) u.get(4);
            LocalDateTime deactivated = (LocalDateTime) u.get(5);
            LocalDateTime lastLogin = (LocalDateTime) u.get(6);
            LocalDateTime updated = (LocalDateTime) u.get(7);
            assertEquals("usuario" + id + "@demo.contactcenter.example", u.get(2));
            assertTrue(created.isBefore(end), "user " + id + " created before the end");
            if (id <= 13) {
                assertTrue(
                        created.isBefore(start) && deactivated == null, "special user " + id + " enabled throughout");
            }
            if (deactivated != null && !deactivated.isBefore(start) && deactivated.isBefore(end)) {
                deactivatedInRange++;
            }
            if (!created.isBefore(start)) {
                createdInRange++;
            }
            assertFalse(updated.isBefore(created), "updated_at of user " + id);
            if (deactivated != null) {
                assertFalse(updated.isBefore(deactivated), "updated_at of user " + id);
            }
            if (lastLogin != null) {
                assertFalse(updated.isBefore(lastLogin), "updated_at of user " + id);
            }
            byRole.merge(u.get(3) == null ? 0L : (Long) u.get(3), 1, Integer::sum);
        }
        assertTrue(deactivatedInRange >= 3, "deactivated inside the range: " + deactivatedInRange);
        assertTrue(createdInRange >= 3, "created inside the range: " + createdInRange);
        assertTrue(byRole.get(3L) > spec.users() / 2, "mostly agents: " + byRole);
        assertEquals(2, byRole.get(0L), "users without a role");
    }

    private static void assertUserChannels(
            List<List<Object>> userChannels,
            Map<Long, List<Object>> users,
            Map<Long, String> types,
            LocalDateTime start) {
        Map<Long, Integer> knownPerUser = new HashMap<>();
        int insideRange = 0;
        Set<List<Long>> odd = new HashSet<>();
        for (List<Object> uc : userChannels) {
            long userId = (Long) uc.get(0);
            long channelId = (Long) uc.get(1);
            LocalDateTime assigned = (LocalDateTime) uc.get(2);
            assertFalse(assigned.isBefore((LocalDateTime) users.get(userId).get(4)), "assigned before created: " + uc);
            if (channelId <= 10) {
                knownPerUser.merge(userId, 1, Integer::sum);
            } else {
                odd.add(List.of(userId, channelId));
            }
            if (!assigned.isBefore(start)) {
                insideRange++;
            }
        }
        assertEquals(users.keySet(), knownPerUser.keySet(), "every user has channels");
        knownPerUser.forEach((user, n) -> assertTrue(n >= 1 && n <= 4, "user " + user + " has " + n + " channels"));
        assertTrue(odd.contains(List.of(2L, 999L)), "user 2 holds a channel that does not exist");
        assertTrue(odd.contains(List.of(5L, 11L)), "user 5 holds the telegram channel");
        assertFalse(types.containsKey(999L));
        assertTrue(
                insideRange > 0 && insideRange < userChannels.size() / 3, "assigned inside the range: " + insideRange);
    }

    private static void assertSessions(List<List<Object>> sessions, Map<Long, List<Object>> users, LocalDateTime end) {
        Map<Long, LocalDateTime> lastStart = new HashMap<>();
        LocalDateTime previous = LocalDateTime.MIN;
        long open = 0;
        for (int i = 0; i < sessions.size(); i++) {
            List<Object> s = sessions.get(i);
            assertEquals(i + 1L, s.get(0), "session ids are 1..n");
            List<Object> user = users.get((Long) s.get(1));
            LocalDateTime started = (LocalDateTime) s.get(2);
            LocalDateTime ended = (LocalDateTime) s.get(3);
            assertFalse(started.isBefore((LocalDateTime) user.get(4)), "session before the user existed: " + s);
            assertTrue(
                    user.get(5) == null || started.isBefore((LocalDateTime) user.get(5)),
                    "session after deactivation: " + s);
            assertTrue(started.isBefore(end), "session in the future: " + s);
            assertFalse(started.isBefore(previous), "session ids follow time");
            previous = started;
            if (ended == null) {
                open++;
            } else {
                assertTrue(ended.isAfter(started) && ended.isBefore(end), "session end: " + s);
            }
            lastStart.merge((Long) s.get(1), started, (a, b) -> a.isAfter(b) ? a : b);
        }
        assertTrue(sessions.size() > users.size() * 3, "a few sessions per user per week");
        assertTrue(open > 0, "some sessions are still open");
        users.values()
                .forEach(u ->
                        assertEquals(lastStart.get((Long) u.get(0)), u.get(6), "last_login_at of user " + u.get(0)));
    }

    private static void assertMessages(
            DemoDataSpec spec,
            List<List<Object>> messages,
            Map<Long, List<Object>> users,
            Map<Long, String> types,
            LocalDateTime start,
            LocalDateTime end) {
        LocalDateTime previous = start;
        long withoutUser = 0;
        Map<String, Integer> byTypeAndDirection = new TreeMap<>();
        Set<Long> smsSegments = new HashSet<>();
        for (int i = 0; i < spec.messages(); i++) {
            List<Object> m = messages.get(i);
            assertEquals(i + 1L, m.get(0));
            LocalDateTime created = (LocalDateTime) m.get(5);
            assertFalse(created.isBefore(previous), "message ids follow time: " + m);
            assertTrue(created.isBefore(end), "message in range: " + m);
            assertEquals(0, created.getNano() % 1_000_000, "millisecond precision: " + m);
            previous = created;
            String type = types.get((Long) m.get(1));
            byTypeAndDirection.merge(type + " " + m.get(3), 1, Integer::sum);
            if (type.equals("sms")) {
                assertEquals("out", m.get(3));
                smsSegments.add((Long) m.get(4));
            } else {
                assertEquals(1L, m.get(4));
            }
            if (m.get(2) == null) {
                withoutUser++;
            } else {
                assertEnabledHandler(users.get((Long) m.get(2)), created, m);
            }
        }
        assertEquals(Set.of(1L, 2L, 3L), smsSegments);
        assertBetween(0.07, 0.13, withoutUser / (double) spec.messages(), "messages without user");
        long whatsapp = byTypeAndDirection.get("whatsapp in") + byTypeAndDirection.get("whatsapp out");
        assertBetween(0.50, 0.66, whatsapp / (double) spec.messages(), "WhatsApp share");
        for (String key : List.of(
                "email out",
                "email in",
                "webchat in",
                "webchat out",
                "facebook in",
                "facebook out",
                "instagram in",
                "instagram out",
                "sms out")) {
            assertTrue(byTypeAndDirection.getOrDefault(key, 0) > 0, "some " + key + ": " + byTypeAndDirection);
        }
        assertFalse(previous.isBefore(end.minusDays(1)), "the last day has messages");
    }

    private static void assertCalls(
            DemoDataSpec spec,
            List<List<Object>> calls,
            Map<Long, List<Object>> users,
            LocalDateTime start,
            LocalDateTime end) {
        long validCalls = spec.messages() / 20;
        long unanswered = 0;
        LocalDateTime previous = start;
        for (int i = 0; i < validCalls; i++) {
            List<Object> c = calls.get(i);
            assertTrue(Set.of(6L, 7L).contains((Long) c.get(1)), "voice or video: " + c);
            LocalDateTime started = (LocalDateTime) c.get(4);
            assertFalse(started.isBefore(previous), "call ids follow time: " + c);
            assertTrue(started.isBefore(end));
            previous = started;
            long duration = (Long) c.get(5);
            assertTrue(duration >= 0 && duration <= 1800, "duration: " + c);
            if (duration == 0) {
                unanswered++;
            }
            if (c.get(2) != null) {
                assertEnabledHandler(users.get((Long) c.get(2)), started, c);
            }
        }
        assertBetween(0.15, 0.25, unanswered / (double) validCalls, "unanswered calls");
    }

    private static void assertBotSessions(
            DemoDataSpec spec,
            List<List<Object>> bots,
            Map<Long, String> types,
            LocalDateTime start,
            LocalDateTime end) {
        LocalDateTime previous = start;
        for (int i = 0; i < spec.messages() / 50; i++) {
            List<Object> b = bots.get(i);
            assertTrue(Set.of("whatsapp", "webchat", "facebook", "instagram").contains(types.get((Long) b.get(1))));
            LocalDateTime started = (LocalDateTime) b.get(2);
            assertFalse(started.isBefore(previous));
            assertTrue(started.isBefore(end));
            previous = started;
            long messages = (Long) b.get(3);
            assertTrue(messages >= 1 && messages <= 40);
            assertTrue(Set.of(0L, 1L).contains((Long) b.get(4)));
        }
    }

    /** Agents and supervisors (or users without a known role) enabled when the event happened. */
    private static void assertEnabledHandler(List<Object> user, LocalDateTime at, List<Object> row) {
        Objects.requireNonNull(user, "event of an unknown user: " + row);
        assertTrue(user.get(3) == null || !Arrays.asList(1L, 4L).contains((Long) user.get(3)), "handler role: " + row);
        assertTrue(((LocalDateTime) user.get(4)).isBefore(at), "event before the user existed: " + row);
        assertTrue(
                user.get(5) == null || ((LocalDateTime) user.get(5)).isAfter(at), "event after deactivation: " + row);
    }

    private static void assertBetween(double low, double high, double actual, String what) {
        assertTrue(actual >= low && actual <= high, what + ": " + actual + " not in [" + low + ", " + high + "]");
    }
}
