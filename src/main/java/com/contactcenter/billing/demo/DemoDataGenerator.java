package com.contactcenter.billing.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
 * {@code sql/demo/generate.sql} ({@link DemoStatements}). The fixed rows, among them the invalid
 * ones, are the {@link DemoTenant}'s; what a spec makes of the days is its {@link DemoPlan}.
 *
 * <p>It DROPS and recreates the operational tables ({@code roles}, {@code users}, ...): point it
 * only at a demo or test database.
 */
public final class DemoDataGenerator {

    // Children first, for databases that would enforce references.
    private static final List<String> SOURCE_TABLES = List.of(
            "bot_sessions", "calls", "messages", "user_sessions", "user_channels", "channels", "users", "roles");
    private static final List<String> HELPER_TABLES =
            List.of("gen_last_login", "gen_users", "gen_pool", "gen_blocks", "gen_weeks", "gen_names", "gen_numbers");

    private static final int PEOPLE_NIGHT_PERCENT = 15;
    private static final int BOTS_NIGHT_PERCENT = 40;

    private final DataSource dataSource;
    private final DemoStatements statements = new DemoStatements();

    public DemoDataGenerator(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Drops and recreates the operational tables and fills them as {@code spec} says.
     *
     * @return the row counts, read back from the database
     */
    public DemoDataSummary generate(DemoDataSpec spec) {
        return generate(spec, step -> {});
    }

    /**
     * {@link #generate(DemoDataSpec)}, telling {@code progress} what it starts: the reference data
     * and users, each chunk of event rows (with how many are made already), the indexes.
     */
    public DemoDataSummary generate(DemoDataSpec spec, Consumer<Progress> progress) {
        Objects.requireNonNull(spec, "spec");
        // One connection for the whole run: the helper tables must be visible to every statement,
        // and each statement commits on its own so no transaction grows with the data.
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                try {
                    return new Run(jdbc, new DemoPlan(spec), progress).execute();
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

    /** The steps of a generation, in order. */
    public enum Step {
        /** Reference data, users, their channels and sessions. */
        USERS,
        /** Messages, calls and bot sessions, chunk by chunk. */
        EVENTS,
        /** The secondary indexes, once the rows are in. */
        INDEXES
    }

    /**
     * What a generation is doing: its step, and how many of the valid event rows (messages, calls
     * and bot sessions) it will make are made already.
     */
    public record Progress(Step step, long eventRowsDone, long eventRows) {

        /** The event rows made, in whole percent (0-100). */
        public int percent() {
            return eventRows == 0 ? 100 : (int) (100 * eventRowsDone / eventRows);
        }
    }

    /** Invalid rows inserted per reason (the first reason of each row), over messages, calls and bot sessions. */
    public static Map<String, Long> invalidRowsByReason() {
        return DemoTenant.invalidRowsByReason();
    }

    /** Invalid rows inserted into one table for one reason. */
    static long invalidRows(String table, String reason) {
        return DemoTenant.invalidRows(table, reason);
    }

    static List<String> splitStatements(String script) {
        return DemoStatements.splitStatements(script);
    }

    /** One generation: the plan's statements, in order, against one connection. */
    private final class Run {

        private final JdbcTemplate jdbc;
        private final NamedParameterJdbcTemplate named;
        private final DemoPlan plan;
        private final Consumer<Progress> progress;
        private final Map<String, Object> parameters;
        private final long eventRows;
        private long eventRowsDone;

        Run(JdbcTemplate jdbc, DemoPlan plan, Consumer<Progress> progress) {
            this.jdbc = jdbc;
            this.named = new NamedParameterJdbcTemplate(jdbc);
            this.plan = plan;
            this.progress = progress;
            this.parameters = plan.parameters();
            this.eventRows = plan.validMessages() + plan.validCalls() + plan.validBotSessions();
        }

        DemoDataSummary execute() {
            progress.accept(new Progress(Step.USERS, 0, eventRows));
            dropTables(jdbc, HELPER_TABLES);
            dropTables(jdbc, SOURCE_TABLES);
            statements.tables().forEach(jdbc::execute);
            run("helper_tables");
            jdbc.batchUpdate(
                    "INSERT INTO gen_numbers (n) VALUES (?)",
                    IntStream.range(0, DemoPlan.NUMBERS)
                            .mapToObj(n -> new Object[] {(long) n})
                            .toList());
            run("numbers_hashes");
            insertReferenceData();
            insertUsers();
            run("user_channels");
            run("user_channels_odd");
            run("user_sessions");
            run("last_login");

            // Bots work around the clock; people mostly in office hours.
            long[] messages = plan.rowsPerDay(plan.validMessages(), PEOPLE_NIGHT_PERCENT);
            long[] calls = plan.rowsPerDay(plan.validCalls(), PEOPLE_NIGHT_PERCENT);
            long[] botSessions = plan.rowsPerDay(plan.validBotSessions(), BOTS_NIGHT_PERCENT);
            insertBlocks("messages", messages, PEOPLE_NIGHT_PERCENT);
            insertBlocks("calls", calls, PEOPLE_NIGHT_PERCENT);
            insertBlocks("bot_sessions", botSessions, BOTS_NIGHT_PERCENT);
            run("pool");
            checkPools();
            insertEvents("messages", messages);
            insertEvents("calls", calls);
            insertEvents("bot_sessions", botSessions);
            Map<String, Long> validRows = Map.of(
                    "messages",
                    plan.validMessages(),
                    "calls",
                    plan.validCalls(),
                    "bot_sessions",
                    plan.validBotSessions());
            long expectedInvalid = insertInvalidRows(validRows);

            progress.accept(new Progress(Step.INDEXES, eventRowsDone, eventRows));
            statements.indexes().forEach(jdbc::execute);

            long invalid = 0;
            for (Map.Entry<String, Long> table : validRows.entrySet()) {
                invalid += jdbc.queryForObject(
                        "SELECT COUNT(*) FROM " + table.getKey() + " WHERE id > ?", Long.class, table.getValue());
            }
            if (invalid != expectedInvalid) {
                throw new IllegalStateException("Inserted " + invalid + " invalid rows, expected " + expectedInvalid);
            }
            return new DemoDataSummary(
                    count("roles"),
                    count("users"),
                    count("channels"),
                    count("user_channels"),
                    count("user_sessions"),
                    count("messages"),
                    count("calls"),
                    count("bot_sessions"),
                    invalid);
        }

        private void insertReferenceData() {
            jdbc.batchUpdate(
                    "INSERT INTO roles (id, name) VALUES (?, ?)",
                    DemoTenant.ROLES.stream()
                            .map(r -> new Object[] {r.id(), r.name()})
                            .toList());
            jdbc.batchUpdate(
                    "INSERT INTO channels (id, type, name, address) VALUES (?, ?, ?, ?)",
                    DemoTenant.CHANNELS.stream()
                            .map(c -> new Object[] {c.id(), c.type(), c.name(), c.address()})
                            .toList(),
                    new int[] {Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
            List<Object[]> names = new ArrayList<>();
            for (int i = 0; i < DemoTenant.FIRST_NAMES.size(); i++) {
                names.add(new Object[] {100 + i, DemoTenant.FIRST_NAMES.get(i)});
            }
            for (int i = 0; i < DemoTenant.LAST_NAMES.size(); i++) {
                names.add(new Object[] {200 + i, DemoTenant.LAST_NAMES.get(i)});
            }
            jdbc.batchUpdate("INSERT INTO gen_names (id, name) VALUES (?, ?)", names);
        }

        /** The generic users, then the special ones overwritten by id. */
        private void insertUsers() {
            run("users");
            jdbc.batchUpdate(
                    "UPDATE users SET full_name = ?, role_id = ? WHERE id = ?",
                    DemoTenant.SPECIAL_USERS.stream()
                            .map(u -> new Object[] {u.fullName(), u.roleId(), u.id()})
                            .toList(),
                    new int[] {Types.VARCHAR, Types.INTEGER, Types.BIGINT});
            LocalDateTime start = plan.start();
            for (DemoTenant.Lifecycle user : DemoTenant.LIFECYCLES) {
                run(
                        "user_dates",
                        Map.of(
                                "id",
                                user.userId(),
                                "createdAt",
                                user.createdAt(start),
                                "deactivatedAt",
                                user.deactivatedAt(start),
                                "updatedAt",
                                user.updatedAt(start)));
            }
        }

        /** The day plan of one event table ({@link DemoPlan#blocks}). */
        private void insertBlocks(String table, long[] bounds, int nightPercent) {
            jdbc.batchUpdate(
                    "INSERT INTO gen_blocks (event_table, d, w, first_n, split_n, hi_from, lo_from,"
                            + " hi_to, lo_to, night_step, day_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    plan.blocks(table, bounds, nightPercent));
        }

        private void checkPools() {
            Long smallest = jdbc.queryForObject("SELECT MIN(pool_size) FROM gen_weeks", Long.class);
            // Users 2 and 4-10 are enabled throughout, so an empty pool means a broken statement.
            if (smallest == null || smallest < 1) {
                throw new IllegalStateException("Some week has no user who can handle conversations");
            }
        }

        /** An event table, in the plan's chunks of days. */
        private void insertEvents(String table, long[] bounds) {
            for (int[] chunk : plan.chunks(bounds)) {
                progress.accept(new Progress(Step.EVENTS, eventRowsDone, eventRows));
                run(table, Map.of("dFrom", (long) chunk[0], "dTo", (long) chunk[1]));
                eventRowsDone += bounds[chunk[1] + 1] - bounds[chunk[0]];
            }
        }

        /** The tenant's invalid rows, numbered after each table's valid ones; returns how many. */
        private long insertInvalidRows(Map<String, Long> validRows) {
            Map<String, Long> nextId = new HashMap<>();
            validRows.forEach((table, rows) -> nextId.put(table, rows + 1));
            long inserted = 0;
            for (int i = 0; i < DemoTenant.INVALID_BATCHES.size(); i++) {
                DemoTenant.InvalidBatch batch = DemoTenant.INVALID_BATCHES.get(i);
                long firstId = nextId.get(batch.table());
                run(
                        batch.block(),
                        Map.of("firstId", firstId, "count", (long) batch.rows(), "keyBase", 1000L * (i + 1)));
                nextId.put(batch.table(), firstId + batch.rows());
                inserted += batch.rows();
            }
            return inserted;
        }

        private long count(String table) {
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
            return n == null ? 0 : n;
        }

        private void run(String block) {
            statements.run(named, block, parameters);
        }

        private void run(String block, Map<String, Object> blockParameters) {
            Map<String, Object> all = new HashMap<>(parameters);
            all.putAll(blockParameters);
            statements.run(named, block, all);
        }
    }

    private static void dropTables(JdbcTemplate jdbc, List<String> tables) {
        tables.forEach(t -> jdbc.execute("DROP TABLE IF EXISTS " + t));
    }
}
