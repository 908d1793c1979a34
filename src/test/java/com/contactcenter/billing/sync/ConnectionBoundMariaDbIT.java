package com.contactcenter.billing.sync;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.MariaDb;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncService.SourceOutcome;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.usage.Period;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * 200 tenants on one MariaDB server whose {@code max_connections} is 50: synced 16 at a time, they
 * share 8 connections to it, so every one of them syncs and the server never sees more than those
 * 8 plus the warehouse's pool. A server with too many connections is waited for, not failed.
 */
@ExtendWith(MariaDb.class)
@SpringBootTest(
        properties = {
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.sync.concurrency=16",
            "billing.sync.max-connections-per-server=" + ConnectionBoundMariaDbIT.PER_SERVER,
            // a worker holds a warehouse connection for its step and takes a second for its writes
            "spring.datasource.hikari.maximum-pool-size=" + ConnectionBoundMariaDbIT.WAREHOUSE_POOL,
            // the pool kept full: the server that refuses new connections later still serves the warehouse
            "spring.datasource.hikari.minimum-idle=" + ConnectionBoundMariaDbIT.WAREHOUSE_POOL,
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
@ExtendWith(OutputCaptureExtension.class)
class ConnectionBoundMariaDbIT {

    static final int TENANTS = 200;
    static final int PER_SERVER = 8;
    static final int WAREHOUSE_POOL = 34;
    /** Rows of the edge tenant stamped on these days (Bogota): 4, 7 and 4. */
    static final SyncWindow WINDOW = new SyncWindow(LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-12"));

    static final long EDGE_ROWS_IN_WINDOW = 15;
    static final String EXTRA_MESSAGE = "messages (id, channel_id, user_id, direction, segments, created_at)"
            + " VALUES (%d, 1, 1, 'out', 1, '2026-10-11 15:00:00.000')";

    private static int maxConnectionsBefore;

    @Autowired
    JobRunner jobs;

    @Autowired
    JdbcTemplate warehouse;

    @Autowired
    DataSource warehousePool;

    /** Starts a sync of {@code sources} over the window and waits for its end: the one place that knows how. */
    private SyncOutcome syncAndWait(List<String> sources) {
        return jobs.sync(sources, WINDOW, Requester.cli());
    }

    private static String tenant(int i) {
        return String.format("cb_t%03d", i);
    }

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        String url = MariaDb.recreateWarehouse("cb_wh");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MariaDb.USER);
        registry.add("spring.datasource.password", () -> MariaDb.PASSWORD);
        for (int i = 0; i < TENANTS; i++) {
            String source = "billing.sources[" + i + "].";
            String name = tenant(i);
            registry.add(source + "name", () -> name);
            registry.add(source + "url", () -> MariaDb.url(name));
            registry.add(source + "username", () -> MariaDb.USER);
            registry.add(source + "password", () -> MariaDb.PASSWORD);
            registry.add(source + "time-zone", () -> "America/Bogota");
            // each connection lingers a little, so that the readers really queue for the server's 8
            registry.add(source + "init-sql[0]", () -> "DO SLEEP(0.05)");
        }
    }

    /**
     * Tenant i is the edge tenant plus i % 7 messages on 2026-10-11, copied from cb_t000. A tenant
     * left by an earlier run is kept when its fingerprint (schema, fixture, extra messages) is
     * this run's: the sync only ever reads it, and two hundred databases take long to make.
     */
    @BeforeAll
    static void tenants() throws Exception {
        try (Connection server = server();
                Statement statement = server.createStatement()) {
            maxConnectionsBefore = maxConnections(statement);
        }
        if (!intact(0)) {
            MariaDb.loadSource(tenant(0), EdgeTenantFixture.SQL);
            try (Connection server = server();
                    Statement statement = server.createStatement()) {
                statement.execute("CREATE TABLE cb_t000.cb_fixture (fingerprint VARCHAR(60) NOT NULL)");
                statement.execute("INSERT INTO cb_t000.cb_fixture VALUES ('" + fingerprint(0) + "')");
            }
        }
        List<Integer> missing =
                IntStream.range(1, TENANTS).filter(i -> !intact(i)).boxed().toList();
        List<CompletableFuture<Void>> copies = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            int w = worker;
            List<Integer> mine = IntStream.range(0, missing.size())
                    .filter(k -> k % 4 == w)
                    .mapToObj(missing::get)
                    .toList();
            copies.add(CompletableFuture.runAsync(() -> mine.forEach(ConnectionBoundMariaDbIT::copyTemplate)));
        }
        copies.forEach(CompletableFuture::join);
    }

    private static String fingerprint(int tenant) {
        return Integer.toHexString((SourceDatabases.read(SourceDatabases.SCHEMA)
                                + SourceDatabases.read(EdgeTenantFixture.SQL)
                                + EXTRA_MESSAGE)
                        .hashCode())
                + "+" + tenant % 7;
    }

    private static boolean intact(int tenant) {
        try (Connection server = server();
                Statement statement = server.createStatement();
                ResultSet rs = statement.executeQuery("SELECT fingerprint FROM " + tenant(tenant) + ".cb_fixture")) {
            return rs.next() && rs.getString(1).equals(fingerprint(tenant));
        } catch (SQLException e) {
            return false;
        }
    }

    private static void copyTemplate(int tenant) {
        String name = tenant(tenant);
        try (Connection server = server();
                Statement statement = server.createStatement()) {
            List<String> tables = new JdbcTemplate(new SingleConnectionDataSource(server, true))
                    .queryForList(
                            "SELECT table_name FROM information_schema.TABLES WHERE table_schema = 'cb_t000'",
                            String.class);
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
            for (String table : tables) {
                statement.execute("CREATE TABLE " + name + "." + table + " LIKE cb_t000." + table);
            }
            server.setAutoCommit(false);
            for (String table : tables) {
                if (!table.equals("cb_fixture")) {
                    statement.execute("INSERT INTO " + name + "." + table + " SELECT * FROM cb_t000." + table);
                }
            }
            for (int extra = 0; extra < tenant % 7; extra++) {
                statement.execute("INSERT INTO " + name + "." + EXTRA_MESSAGE.formatted(1000 + extra));
            }
            statement.execute("INSERT INTO " + name + ".cb_fixture VALUES ('" + fingerprint(tenant) + "')");
            server.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not make " + name + ": " + e.getMessage(), e);
        }
    }

    @AfterAll
    static void restoreTheServer() throws SQLException {
        try (Connection server = server();
                Statement statement = server.createStatement()) {
            setMaxConnections(statement, maxConnectionsBefore);
        }
    }

    @Test
    void twoHundredTenantsOnOneServerAllSyncWithinItsConnections() throws Exception {
        // given a server that takes 50 connections, watched from a connection of its own
        List<String> sources = IntStream.range(0, TENANTS)
                .mapToObj(ConnectionBoundMariaDbIT::tenant)
                .toList();
        SyncOutcome outcome;
        Monitor monitor;
        try (Connection server = server();
                Statement admin = server.createStatement()) {
            setMaxConnections(admin, 50);
            admin.execute("FLUSH STATUS");
            monitor = Monitor.start();
            try {
                // when
                long started = System.nanoTime();
                outcome = syncAndWait(sources);
                System.out.printf("200 tenants synced in %.1f s%n", (System.nanoTime() - started) / 1e9);
            } finally {
                monitor.stop();
                setMaxConnections(admin, maxConnectionsBefore);
            }
            monitor.maxUsed = status(admin, "Max_used_connections");
        }
        System.out.println("connections seen: " + monitor);

        // then every tenant synced its three days
        assertThat(outcome.failureSummary()).isEmpty();
        assertThat(outcome.sources()).hasSize(TENANTS).allMatch(SourceOutcome::succeeded);
        assertThat(warehouse.queryForObject(
                        "SELECT COUNT(*) FROM sync_run WHERE status = 'COMPLETED' AND days_done = 3"
                                + " AND job_execution_id IN (SELECT job_execution_id FROM job_request_tenant WHERE request_id = ?)",
                        Integer.class,
                        outcome.requestId()))
                .isEqualTo(TENANTS);
        for (int i : List.of(0, 1, 6, 99, 137, 199)) {
            long inSource = rowsInWindow(tenant(i));
            assertThat(inSource).as(tenant(i)).isEqualTo(EDGE_ROWS_IN_WINDOW + i % 7);
            assertThat(warehouse.queryForObject(
                            "SELECT rows_read FROM sync_run WHERE source = ? AND job_execution_id IN"
                                    + " (SELECT job_execution_id FROM job_request_tenant WHERE request_id = ?)",
                            Long.class,
                            tenant(i),
                            outcome.requestId()))
                    .as(tenant(i))
                    .isEqualTo(inSource);
        }

        // and the server saw at most the 8 source connections, all used, plus the warehouse's pool
        assertThat(monitor.sources.get()).isEqualTo(PER_SERVER);
        assertThat(monitor.ours.get()).isLessThanOrEqualTo(PER_SERVER + WAREHOUSE_POOL);
        // and no source connection outlives the sync
        assertThat(openSourceConnections()).isZero();
    }

    @Test
    void aServerWithTooManyConnectionsIsWaitedForAndTheTenantSynced(CapturedOutput output) throws Exception {
        // given a server holding more connections than its max_connections allows
        awaitFullWarehousePool();
        List<Connection> held = new ArrayList<>();
        SyncOutcome outcome;
        try (Connection server = server();
                Statement admin = server.createStatement()) {
            try {
                for (int i = 0; i < 5; i++) {
                    held.add(server());
                }
                setMaxConnections(admin, 10);
                assertThat(refusal()).contains("Too many connections");

                // when a tenant is synced, and the server takes connections again 3 s later
                var sync = CompletableFuture.supplyAsync(() -> syncAndWait(List.of(tenant(3))));
                Thread.sleep(3_000);
                setMaxConnections(admin, maxConnectionsBefore);
                for (Connection connection : held) {
                    connection.close();
                }
                outcome = sync.join();
            } finally {
                setMaxConnections(admin, maxConnectionsBefore);
                for (Connection connection : held) {
                    connection.close();
                }
            }
        }

        // then it waited, without using up its attempts, and synced in full
        assertThat(output.getAll())
                .contains("cb_t003: its server 127.0.0.1:3306 has too many connections; trying"
                        + " again in 1000 ms (0 s of at most 600 s waited for it)")
                .doesNotContain("cb_t003: attempt 1 of");
        assertThat(outcome.failureSummary()).isEmpty();
        assertThat(outcome.sources())
                .extracting(
                        SourceOutcome::source,
                        SourceOutcome::succeeded,
                        SourceOutcome::daysDone,
                        SourceOutcome::rowsRead)
                .containsExactly(tuple("cb_t003", true, 3, EDGE_ROWS_IN_WINDOW + 3));
    }

    private void awaitFullWarehousePool() throws SQLException, InterruptedException {
        HikariDataSource pool = warehousePool.unwrap(HikariDataSource.class);
        for (int i = 0; i < 200 && pool.getHikariPoolMXBean().getTotalConnections() < WAREHOUSE_POOL; i++) {
            Thread.sleep(50);
        }
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(WAREHOUSE_POOL);
    }

    /** What the server answers a new connection now. */
    private static String refusal() {
        try (Connection refused = server()) {
            return "accepted " + refused;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static long rowsInWindow(String tenant) {
        Period window = new Period(WINDOW.from(), WINDOW.to(), ZoneId.of("America/Bogota"));
        String from = Utc.of(window.startUtc());
        String to = Utc.of(window.endUtc());
        return new JdbcTemplate(MariaDb.dataSource(tenant))
                .queryForObject(
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

    private static long openSourceConnections() throws SQLException {
        try (Connection server = server()) {
            return new JdbcTemplate(new SingleConnectionDataSource(server, true))
                    .queryForObject(
                            "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB LIKE ?",
                            Long.class,
                            "cb\\_t%");
        }
    }

    private static Connection server() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mysql://" + MariaDb.HOST + ":" + MariaDb.PORT + "/?useSSL=false&allowPublicKeyRetrieval=true",
                MariaDb.USER,
                MariaDb.PASSWORD);
    }

    private static int maxConnections(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT @@GLOBAL.max_connections")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void setMaxConnections(Statement statement, int value) throws SQLException {
        statement.execute("SET GLOBAL max_connections = " + value);
    }

    private static int status(Statement statement, String name) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            rs.next();
            return rs.getInt(2);
        }
    }

    /**
     * Samples, every few milliseconds, the connections the server holds: to the tenants'
     * databases, to any of this test's databases (tenants and warehouse), and in all
     * ({@code Threads_connected}, other clients of the server included).
     */
    private static final class Monitor {

        final AtomicInteger sources = new AtomicInteger();
        final AtomicInteger ours = new AtomicInteger();
        final AtomicInteger all = new AtomicInteger();
        final AtomicInteger samples = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        int maxUsed;
        private CompletableFuture<Void> sampling;

        static Monitor start() throws SQLException {
            Monitor monitor = new Monitor();
            Connection connection = server();
            monitor.sampling = CompletableFuture.runAsync(() -> {
                try (connection;
                        Statement statement = connection.createStatement()) {
                    while (monitor.running.get()) {
                        try (ResultSet rs = statement.executeQuery("SELECT SUM(DB LIKE 'cb\\_t%'), SUM(DB LIKE"
                                + " 'cb\\_%'), (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE"
                                + " VARIABLE_NAME = 'THREADS_CONNECTED') FROM information_schema.PROCESSLIST")) {
                            rs.next();
                            monitor.sources.accumulateAndGet(rs.getInt(1), Math::max);
                            monitor.ours.accumulateAndGet(rs.getInt(2), Math::max);
                            monitor.all.accumulateAndGet(rs.getInt(3), Math::max);
                        }
                        monitor.samples.incrementAndGet();
                        Thread.sleep(5);
                    }
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException("the monitor stopped: " + e.getMessage(), e);
                }
            });
            return monitor;
        }

        void stop() {
            running.set(false);
            sampling.join();
        }

        @Override
        public String toString() {
            return "at most " + sources + " to the tenants, " + ours + " to this test's databases, " + all
                    + " Threads_connected (" + samples + " samples); Max_used_connections " + maxUsed;
        }
    }
}
