package com.contactcenter.billing.bench;

import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The connections the server saw during a run: {@code FLUSH STATUS} at the start, then its own
 * {@code Max_used_connections} (every client of the server, the machine's other work included),
 * and, sampled every {@value #SAMPLE_MS} ms on a connection of its own, {@code Threads_connected}
 * and the run's own connections: the tenants' (the shared read-only account) and the warehouse
 * pools' (those whose database is the warehouse).
 */
final class ConnectionMonitor implements AutoCloseable {

    static final long SAMPLE_MS = 100;

    /** What one run saw. */
    record Seen(long maxUsed, long threadsConnected, long own, long sources, long warehouse) {}

    private final SingleConnectionDataSource connection;
    private final JdbcTemplate jdbc;
    private final String sourceUser;
    private final String warehouse;
    private final AtomicLong threads = new AtomicLong();
    private final AtomicLong own = new AtomicLong();
    private final AtomicLong sources = new AtomicLong();
    private final AtomicLong warehouseConnections = new AtomicLong();
    private volatile Thread sampler;

    ConnectionMonitor(DataSource server, String sourceUser, String warehouse) {
        try {
            this.connection = new SingleConnectionDataSource(server.getConnection(), true);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the connection monitor cannot connect: " + e.getMessage(), e);
        }
        this.jdbc = new JdbcTemplate(connection);
        this.sourceUser = sourceUser;
        this.warehouse = warehouse;
    }

    /** Resets the server's counters and starts sampling. */
    synchronized void start() {
        stop();
        jdbc.execute("FLUSH STATUS");
        threads.set(0);
        own.set(0);
        sources.set(0);
        warehouseConnections.set(0);
        sample();
        Thread t = new Thread(this::sampleUntilStopped, "connection-monitor");
        t.setDaemon(true);
        sampler = t;
        t.start();
    }

    /** Stops sampling; returns what was seen since {@link #start}. */
    synchronized Seen stop() {
        Thread t = sampler;
        sampler = null;
        if (t == null) {
            return null;
        }
        t.interrupt();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        long maxUsed = jdbc.queryForObject(
                "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                        + " WHERE VARIABLE_NAME = 'MAX_USED_CONNECTIONS'",
                Long.class);
        return new Seen(maxUsed, threads.get(), own.get(), sources.get(), warehouseConnections.get());
    }

    private void sampleUntilStopped() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                sample();
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the server refused a sample (too many connections are open): the next one is tried
            }
        }
    }

    private void sample() {
        jdbc.query(
                "SELECT (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                        + " WHERE VARIABLE_NAME = 'THREADS_CONNECTED'), COALESCE(SUM(USER = ?), 0), COALESCE(SUM(DB = ?), 0)"
                        + " FROM information_schema.PROCESSLIST",
                rs -> {
                    threads.accumulateAndGet(rs.getLong(1), Math::max);
                    sources.accumulateAndGet(rs.getLong(2), Math::max);
                    warehouseConnections.accumulateAndGet(rs.getLong(3), Math::max);
                    own.accumulateAndGet(rs.getLong(2) + rs.getLong(3), Math::max);
                },
                sourceUser,
                warehouse);
    }

    @Override
    public void close() {
        stop();
        connection.destroy();
    }
}
