package com.contactcenter.billing.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Fills a database with the reference operational schema and deterministic demo data: the same
 * {@link DemoDataSpec} gives the same rows (ids, values, timestamps) on H2 (MODE=MySQL), MariaDB
 * and MySQL 8.
 *
 * <p>Rows are made inside the database by INSERT ... SELECT over a numbers table (one statement
 * per table and chunk of days of about 100,000 rows), so time and memory do not depend on JDBC
 * round trips. Values come from integer hashes of the row number and the seed rather than
 * RAND(), whose sequence differs per database; the portability rules are in
 * {@code sql/demo/generate.sql}. Invalid rows are fixed in number: see {@link #invalidRowsByReason()}.
 *
 * <p>It DROPS and recreates the operational tables ({@code roles}, {@code users}, ...): point it
 * only at a demo or test database.
 */
public final class DemoDataGenerator {

    /** Channel whose type ({@code telegram}) is none of the eight known ones. */
    static final int UNKNOWN_TYPE_CHANNEL_ID = 11;
    /** Channel id that no {@code channels} row has. */
    static final int MISSING_CHANNEL_ID = 999;
    /** Role id that no {@code roles} row has. */
    static final int MISSING_ROLE_ID = 99;
    /** User whose {@code deactivated_at} is before {@code created_at}. */
    static final long DEACTIVATED_BEFORE_CREATED_USER_ID = 14;
    /** User enabled and disabled before the data range starts. */
    static final long GONE_BEFORE_RANGE_USER_ID = 18;

    private static final String SCHEMA_SQL = "sql/demo/operational-schema.sql";
    private static final String GENERATE_SQL = "sql/demo/generate.sql";

    // Children first, for databases that would enforce references.
    private static final List<String> SOURCE_TABLES = List.of(
            "bot_sessions", "calls", "messages", "user_sessions", "user_channels", "channels", "users", "roles");
    private static final List<String> HELPER_TABLES = List.of(
            "gen_last_login", "gen_users", "gen_pool", "gen_blocks", "gen_weeks", "gen_names", "gen_numbers");

    private static final int NUMBERS = 10_000;
    // Above 2^31 so that H2 types the literal, and so MOD and the hash, as BIGINT; below 3.03e9
    // so that the square of a residue stays inside BIGINT.
    private static final long PRIME = 2_147_483_659L;
    // Odd multipliers below 3.3e9; HASH keys stay below 1.1e6, so key x multiplier + salt < 4e15.
    private static final long[] MULTIPLIERS = {
        2_654_435_761L, 2_246_822_519L, 3_266_489_917L, 668_265_263L,
        374_761_393L, 1_181_783_497L, 2_869_860_233L, 1_597_334_677L};
    private static final int SALTS = 100;
    private static final long CHUNK_ROWS = 100_000;
    private static final long NIGHT_MS = 11 * 3_600_000L;
    private static final long OFFICE_MS = 13 * 3_600_000L;

    private static final Pattern HASH = Pattern.compile("HASH\\(([^,()]+),\\s*(\\d+)\\)");
    private static final Pattern IN_RANGE = Pattern.compile("IN_RANGE\\(([^,()]+)\\)");
    private static final Pattern AFTER_END = Pattern.compile("AFTER_END\\(([^,()]+)\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![\\w:]):([A-Za-z]\\w*)");
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private static final List<Role> ROLES = List.of(
            new Role(1, "Administrador"), new Role(2, "Supervisor"),
            new Role(3, "Agente"), new Role(4, "Analista de calidad"));

    private static final List<ChannelRow> CHANNELS = List.of(
            new ChannelRow(1, "whatsapp", "WhatsApp Ventas", "+57 601 555 0101"),
            new ChannelRow(2, "whatsapp", "WhatsApp Soporte", "+57 601 555 0102"),
            new ChannelRow(3, "whatsapp", "WhatsApp Cobranza", "+57 601 555 0103"),
            new ChannelRow(4, "sms", "SMS Notificaciones", "+57 300 555 0104"),
            new ChannelRow(5, "email", "Correo Soporte", "soporte@demo.contactcenter.example"),
            new ChannelRow(6, "voice", "Línea de atención", "+57 601 555 0200"),
            new ChannelRow(7, "video", "Videollamadas Asesoría", null),
            new ChannelRow(8, "webchat", "Chat web", null),
            new ChannelRow(9, "facebook", "Facebook Messenger", null),
            new ChannelRow(10, "instagram", "Instagram Direct", "@demo.contactcenter"),
            new ChannelRow(UNKNOWN_TYPE_CHANNEL_ID, "telegram", "Telegram Bot", "@demo_cc_bot"));

    private static final List<String> FIRST_NAMES = List.of(
            "María", "José", "Andrés", "Sofía", "Camilo", "Valentina", "Juan Pablo", "Lucía", "Sebastián", "Ana",
            "Nicolás", "Daniela", "Julián", "Mónica", "Germán", "Ángela", "Íñigo", "Yolanda", "Óscar", "Catalina");
    private static final List<String> LAST_NAMES = List.of(
            "Peña", "Gómez", "Rodríguez", "Muñoz", "Martínez", "Pérez", "Castaño", "Núñez", "Ibáñez", "López",
            "Hernández", "Díaz", "Ospina", "Zúñiga", "Londoño", "Gutiérrez", "Ordóñez", "Beltrán", "Cañas", "Álvarez");

    // Users 1-13 are created long before the range and never deactivated, so they are billable in
    // every period; 4-10 are agents whose names a report must render as text, never as markup or
    // a formula. The generic users keep their generated dates.
    private static final List<SpecialUser> SPECIAL_USERS = List.of(
            new SpecialUser(1, "María Peña", 1),
            new SpecialUser(2, "Andrés Muñoz Ibáñez", 2),
            new SpecialUser(3, "Sofía Castaño Núñez", 4),
            new SpecialUser(4, "=HYPERLINK(\"http://x\",\"y\")", 3),
            new SpecialUser(5, "+57 300 123", 3),
            new SpecialUser(6, "@SUM(A1)", 3),
            new SpecialUser(7, "-2+3", 3),
            new SpecialUser(8, "<script>alert(1)</script>", 3),
            new SpecialUser(9, "<img src=x onerror=alert(1)>", 3),
            new SpecialUser(10, "Camila \uD83D\uDE80 Ríos \uD83D\uDE00", 3),
            new SpecialUser(11, "Luis Ángel Zúñiga", null),
            new SpecialUser(12, "Paula Niño O'Brien", null),
            new SpecialUser(13, "Óscar Jiménez Peñaloza", MISSING_ROLE_ID),
            new SpecialUser(DEACTIVATED_BEFORE_CREATED_USER_ID, "Nicolás Ordóñez", 3));

    // Counts are fixed, whatever the spec, so that tests and demos can assert them exactly.
    private static final List<InvalidBatch> INVALID_BATCHES = List.of(
            new InvalidBatch("messages", "unknown_channel", 7),
            new InvalidBatch("messages", "unknown_channel_type", 9),
            new InvalidBatch("messages", "bad_direction", 12),
            new InvalidBatch("messages", "bad_segments", 6),
            new InvalidBatch("messages", "future_timestamp", 8),
            new InvalidBatch("calls", "unknown_channel", 5),
            new InvalidBatch("calls", "unknown_channel_type", 5),
            new InvalidBatch("calls", "bad_direction", 8),
            new InvalidBatch("calls", "negative_duration", 6),
            new InvalidBatch("calls", "future_timestamp", 5),
            new InvalidBatch("bot_sessions", "unknown_channel", 5),
            new InvalidBatch("bot_sessions", "unknown_channel_type", 6),
            new InvalidBatch("bot_sessions", "future_timestamp", 5));

    private final DataSource dataSource;
    private final List<String> schemaStatements;
    private final Map<String, List<String>> templates;

    public DemoDataGenerator(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.schemaStatements = splitStatements(readResource(SCHEMA_SQL));
        this.templates = namedStatements(readResource(GENERATE_SQL));
    }

    /**
     * Drops and recreates the operational tables and fills them as {@code spec} says.
     *
     * @return the row counts, read back from the database
     */
    public DemoDataSummary generate(DemoDataSpec spec) {
        return generate(spec, step -> { });
    }

    /**
     * {@link #generate(DemoDataSpec)}, telling {@code progress} what it starts: "reference data and
     * users", "messages: days 1-12 of 92", ..., "indexes".
     */
    public DemoDataSummary generate(DemoDataSpec spec, Consumer<String> progress) {
        Objects.requireNonNull(spec, "spec");
        // One connection for the whole run: the helper tables must be visible to every statement,
        // and each statement commits on its own so no transaction grows with the data.
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                try {
                    return new Run(jdbc, spec, progress).execute();
                } finally {
                    dropTables(jdbc, HELPER_TABLES);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Demo data generation could not use its connection", e);
        }
    }

    /** Invalid rows inserted per reason (the first reason of each row), over messages, calls and bot sessions. */
    public static Map<String, Long> invalidRowsByReason() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (String reason : List.of("unknown_channel", "unknown_channel_type", "bad_direction",
                "negative_duration", "bad_segments", "future_timestamp")) {
            byReason.put(reason, 0L);
        }
        INVALID_BATCHES.forEach(b -> byReason.merge(b.reason(), (long) b.rows(), Long::sum));
        return byReason;
    }

    /** Invalid rows inserted into one table for one reason. */
    static long invalidRows(String table, String reason) {
        return INVALID_BATCHES.stream()
                .filter(b -> b.table().equals(table) && b.reason().equals(reason))
                .mapToLong(InvalidBatch::rows)
                .sum();
    }

    /** One generation: the spec's derived figures and the statements run against one connection. */
    private final class Run {

        private final JdbcTemplate jdbc;
        private final DemoDataSpec spec;
        private final Consumer<String> progress;
        private final LocalDateTime start;
        private final LocalDateTime end;
        private final int days;
        private final long[] salts = new long[SALTS];
        private final Map<String, Object> common = new HashMap<>();

        Run(JdbcTemplate jdbc, DemoDataSpec spec, Consumer<String> progress) {
            this.jdbc = jdbc;
            this.spec = spec;
            this.progress = progress;
            this.start = spec.endDate().minusMonths(spec.months()).atStartOfDay();
            this.end = spec.endDate().plusDays(1).atStartOfDay();
            this.days = (int) ChronoUnit.DAYS.between(start, end);
            long mixedSeed = mix(spec.seed());
            for (int i = 0; i < SALTS; i++) {
                salts[i] = Math.floorMod(mix(mixedSeed + i), PRIME);
            }
            int recentUsers = Math.max(3, spec.users() / 25);
            common.put("start", start);
            common.put("end", end);
            common.put("lastDay", end.minusDays(1));
            common.put("days", (long) days);
            common.put("weeks", (long) (days + 6) / 7);
            common.put("users", (long) spec.users());
            common.put("hiCount", (long) (spec.users() + NUMBERS - 1) / NUMBERS);
            common.put("recentAfterId", (long) (spec.users() - recentUsers));
            common.put("recentFrom", start.plusDays(days / 2));
            common.put("recentSpanDays", (long) (days - days / 2 - 3));
            common.put("midSpanDays", (long) (days - 6));
            common.put("firstNames", (long) FIRST_NAMES.size());
            common.put("lastNames", (long) LAST_NAMES.size());
            common.put("unknownTypeChannel", (long) UNKNOWN_TYPE_CHANNEL_ID);
            common.put("missingChannel", (long) MISSING_CHANNEL_ID);
        }

        DemoDataSummary execute() {
            progress.accept("reference data and users");
            dropTables(jdbc, HELPER_TABLES);
            dropTables(jdbc, SOURCE_TABLES);
            // Secondary indexes are built once the rows are in: a sorted build is cheaper on H2 and
            // InnoDB than maintaining them row by row.
            schemaStatements.stream().filter(sql -> !isIndex(sql)).forEach(jdbc::execute);
            run("helper_tables", Map.of());
            insertNumbers();
            run("numbers_hashes", Map.of());
            insertReferenceData();
            insertUsers();
            run("user_channels", Map.of());
            run("user_channels_odd", Map.of());
            run("user_sessions", Map.of());
            run("last_login", Map.of());

            long[] weights = dayWeights();
            long validMessages = spec.messages();
            long validCalls = spec.messages() / 20;
            long validBots = spec.messages() / 50;
            long[] messageBounds = apportion(validMessages, weights);
            long[] callBounds = apportion(validCalls, weights);
            long[] botBounds = apportion(validBots, weights);
            // Bots work around the clock; people mostly in office hours.
            insertBlocks("messages", messageBounds, 15);
            insertBlocks("calls", callBounds, 15);
            insertBlocks("bot_sessions", botBounds, 40);
            run("pool", Map.of());
            checkPools();
            insertEvents("messages", messageBounds);
            insertEvents("calls", callBounds);
            insertEvents("bot_sessions", botBounds);
            long expectedInvalid = insertInvalidRows(Map.of(
                    "messages", validMessages, "calls", validCalls, "bot_sessions", validBots));

            progress.accept("indexes");
            schemaStatements.stream().filter(DemoDataGenerator::isIndex).forEach(jdbc::execute);

            long invalid = count("messages WHERE id > " + validMessages)
                    + count("calls WHERE id > " + validCalls)
                    + count("bot_sessions WHERE id > " + validBots);
            if (invalid != expectedInvalid) {
                throw new IllegalStateException("Inserted " + invalid + " invalid rows, expected " + expectedInvalid);
            }
            return new DemoDataSummary(count("roles"), count("users"), count("channels"), count("user_channels"),
                    count("user_sessions"), count("messages"), count("calls"), count("bot_sessions"), invalid);
        }

        private void insertNumbers() {
            jdbc.batchUpdate("INSERT INTO gen_numbers (n) VALUES (?)", new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    ps.setLong(1, i);
                }

                @Override
                public int getBatchSize() {
                    return NUMBERS;
                }
            });
        }

        private void insertReferenceData() {
            jdbc.batchUpdate("INSERT INTO roles (id, name) VALUES (?, ?)",
                    ROLES.stream().map(r -> new Object[] {r.id(), r.name()}).toList());
            jdbc.batchUpdate("INSERT INTO channels (id, type, name, address) VALUES (?, ?, ?, ?)",
                    CHANNELS.stream().map(c -> new Object[] {c.id(), c.type(), c.name(), c.address()}).toList(),
                    new int[] {Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
            List<Object[]> names = new ArrayList<>();
            for (int i = 0; i < FIRST_NAMES.size(); i++) {
                names.add(new Object[] {100 + i, FIRST_NAMES.get(i)});
            }
            for (int i = 0; i < LAST_NAMES.size(); i++) {
                names.add(new Object[] {200 + i, LAST_NAMES.get(i)});
            }
            jdbc.batchUpdate("INSERT INTO gen_names (id, name) VALUES (?, ?)", names);
        }

        private void insertUsers() {
            run("users", Map.of());
            jdbc.batchUpdate("UPDATE users SET full_name = ?, role_id = ? WHERE id = ?",
                    SPECIAL_USERS.stream().map(u -> new Object[] {u.fullName(), u.roleId(), u.id()}).toList(),
                    new int[] {Types.VARCHAR, Types.INTEGER, Types.BIGINT});
            LocalDateTime created = start.minusDays(20).plusHours(9).plusMinutes(30);
            LocalDateTime deactivated = start.minusDays(40).plusHours(16);
            run("user_dates", Map.of("id", DEACTIVATED_BEFORE_CREATED_USER_ID,
                    "createdAt", created, "deactivatedAt", deactivated, "updatedAt", created));
            created = start.minusDays(400).plusHours(14);
            deactivated = start.minusDays(60).plusHours(18).plusMinutes(15);
            run("user_dates", Map.of("id", GONE_BEFORE_RANGE_USER_ID,
                    "createdAt", created, "deactivatedAt", deactivated, "updatedAt", deactivated));
        }

        /**
         * The day plan of one event table: which row numbers fall on each day, and how they are
         * spread over its night (00:00-11:00 UTC) and office hours (11:00-24:00 UTC).
         */
        private void insertBlocks(String table, long[] bounds, int nightPercent) {
            List<Object[]> rows = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                long first = bounds[d];
                long next = bounds[d + 1];
                long last = next - 1;
                long night = (next - first) * nightPercent / 100;
                long split = first + night;
                rows.add(new Object[] {table, (long) d, (long) d / 7, first, split,
                    first / NUMBERS, first % NUMBERS,
                    // An empty day gets an empty block range (from > to), so it joins no numbers.
                    next == first ? -1L : last / NUMBERS, next == first ? -1L : last % NUMBERS,
                    Math.max(1, NIGHT_MS / Math.max(1, night)),
                    Math.max(1, OFFICE_MS / Math.max(1, next - split))});
            }
            jdbc.batchUpdate("INSERT INTO gen_blocks (event_table, d, w, first_n, split_n, hi_from, lo_from,"
                    + " hi_to, lo_to, night_step, day_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }

        private void checkPools() {
            Long smallest = jdbc.queryForObject("SELECT MIN(pool_size) FROM gen_weeks", Long.class);
            // Users 2 and 4-10 are enabled throughout, so an empty pool means a broken statement.
            if (smallest == null || smallest < 1) {
                throw new IllegalStateException("Some week has no user who can handle conversations");
            }
        }

        /**
         * Relative volume per day: weekends are quiet, days differ a little (seeded), and the
         * business grows about 15% over the range, as the charts of a real tenant would show.
         */
        private long[] dayWeights() {
            long[] weights = new long[days];
            LocalDate first = start.toLocalDate();
            for (int d = 0; d < days; d++) {
                DayOfWeek dow = first.plusDays(d).getDayOfWeek();
                long base = dow == DayOfWeek.SATURDAY ? 55 : dow == DayOfWeek.SUNDAY ? 30 : 100;
                long noise = 85 + Math.floorMod(mix(salts[0] + d), 31);
                long trend = 1000 + 150L * d / Math.max(1, days - 1);
                weights[d] = base * noise * trend / 1000;
            }
            return weights;
        }

        /** Splits {@code total} rows over the days by weight: day d gets numbers bounds[d] .. bounds[d+1]-1. */
        private long[] apportion(long total, long[] weights) {
            long sum = 0;
            for (long w : weights) {
                sum += w;
            }
            long[] bounds = new long[weights.length + 1];
            long cumulative = 0;
            for (int d = 0; d < weights.length; d++) {
                cumulative += weights[d];
                // total <= 1e8 and cumulative <= ~1e7: the product fits in a long.
                bounds[d + 1] = Math.multiplyExact(total, cumulative) / sum;
            }
            return bounds;
        }

        /**
         * Inserts an event table in chunks of whole days of up to {@link #CHUNK_ROWS} rows (or one
         * day): few statements, as each costs a parse and plan, yet transactions small enough for
         * a file H2 to keep their undo log in its cache (500,000-row chunks cost ~20% more CPU)
         * and for MariaDB's undo log to stay small.
         */
        private void insertEvents(String template, long[] bounds) {
            int from = 0;
            while (from < days) {
                int to = from;
                while (to + 1 < days && bounds[to + 2] - bounds[from] <= CHUNK_ROWS) {
                    to++;
                }
                progress.accept(String.format("%s: days %d-%d of %d", template.replace('_', ' '), from + 1, to + 1,
                        days));
                run(template, Map.of("dFrom", (long) from, "dTo", (long) to));
                from = to + 1;
            }
        }

        private long insertInvalidRows(Map<String, Long> validRows) {
            Map<String, Long> nextId = new HashMap<>();
            validRows.forEach((table, rows) -> nextId.put(table, rows + 1));
            long inserted = 0;
            for (int i = 0; i < INVALID_BATCHES.size(); i++) {
                InvalidBatch batch = INVALID_BATCHES.get(i);
                long firstId = nextId.get(batch.table());
                run("invalid_" + batch.table() + "_" + batch.reason(), Map.of(
                        "firstId", firstId,
                        "count", (long) batch.rows(),
                        "keyBase", 1000L * (i + 1)));
                nextId.put(batch.table(), firstId + batch.rows());
                inserted += batch.rows();
            }
            return inserted;
        }

        private long count(String tableAndFilter) {
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + tableAndFilter, Long.class);
            return n == null ? 0 : n;
        }

        private void run(String name, Map<String, Object> params) {
            List<String> statements = templates.get(name);
            if (statements == null) {
                throw new IllegalArgumentException("No statement named " + name + " in " + GENERATE_SQL);
            }
            Map<String, Object> all = new HashMap<>(common);
            all.putAll(params);
            for (String template : statements) {
                jdbc.update(render(template, all));
            }
        }

        private String render(String template, Map<String, Object> params) {
            String sql = replace(IN_RANGE, template, m -> timestamp(m.group(1),
                    "MOD(HASH(" + m.group(1) + ", 91), 86400)",
                    "TIMESTAMPADD(DAY, MOD(HASH(" + m.group(1) + ", 90), :days), :start)"));
            sql = replace(AFTER_END, sql, m -> timestamp(m.group(1),
                    "43200 + MOD(HASH(" + m.group(1) + ", 91), 43200)", ":end"));
            sql = replace(HASH, sql, m -> {
                int i = Integer.parseInt(m.group(2));
                String x = "MOD((" + m.group(1).trim() + ") * " + MULTIPLIERS[i % MULTIPLIERS.length]
                        + " + " + salts[i] + ", " + PRIME + ")";
                return "MOD(" + x + " * " + x + ", " + PRIME + ")";
            });
            return replace(PLACEHOLDER, sql, m -> literal(m.group(1), params));
        }
    }

    /** {@code base} + {@code seconds} + a hashed millisecond, in steps small enough for INT on H2. */
    private static String timestamp(String key, String seconds, String base) {
        return "TIMESTAMPADD(MICROSECOND, MOD(HASH(" + key + ", 93), 1000) * 1000, TIMESTAMPADD(SECOND, "
                + seconds + ", " + base + "))";
    }

    /**
     * The SQL text of a value computed from the spec: a number or a UTC timestamp. Never called
     * with user text, which goes through JDBC parameters.
     */
    private static String literal(String name, Map<String, Object> params) {
        Object value = params.get(name);
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof LocalDateTime ts) {
            return "TIMESTAMP '" + ts.format(LITERAL) + "'";
        }
        throw new IllegalArgumentException("No numeric or timestamp value for :" + name + " (" + value + ")");
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isIndex(String statement) {
        return statement.regionMatches(true, 0, "CREATE INDEX", 0, "CREATE INDEX".length());
    }

    private static void dropTables(JdbcTemplate jdbc, List<String> tables) {
        tables.forEach(t -> jdbc.execute("DROP TABLE IF EXISTS " + t));
    }

    /** SplitMix64 finaliser: spreads a seed over all 64 bits, so that seeds 1 and 2 give unrelated salts. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String readResource(String path) {
        try (InputStream in = DemoDataGenerator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statements of a script whose statements end with a line holding only ";"; "--" lines are dropped. */
    static List<String> splitStatements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.equals(";")) {
                if (!current.toString().isBlank()) {
                    statements.add(current.toString().trim());
                }
                current.setLength(0);
            } else if (!trimmed.startsWith("--") && !trimmed.isEmpty()) {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("Statement without a closing \";\" line: " + current);
        }
        return statements;
    }

    private static Map<String, List<String>> namedStatements(String script) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        String name = null;
        StringBuilder block = new StringBuilder();
        for (String line : (script + "\n-- name: \n").split("\\R")) {
            if (line.startsWith("-- name:")) {
                if (name != null) {
                    byName.put(name, splitStatements(block.toString()));
                }
                name = line.substring("-- name:".length()).trim();
                block.setLength(0);
            } else if (name != null) {
                block.append(line).append('\n');
            }
        }
        return Map.copyOf(byName);
    }

    private record Role(int id, String name) {
    }

    private record ChannelRow(int id, String type, String name, String address) {
    }

    private record SpecialUser(long id, String fullName, Integer roleId) {
    }

    private record InvalidBatch(String table, String reason, int rows) {
    }
}
