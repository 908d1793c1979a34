package com.contactcenter.billing.source;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.stereotype.Component;

/**
 * This node's connections to each database server, bounded: the sources on one server (host and
 * port; each H2 database its own) share {@code billing.sync.max-connections-per-server} physical
 * connections, given out in turn (a fair semaphore). Many tenants on one MySQL/MariaDB server
 * would otherwise hold a pool each and exhaust its {@code max_connections}.
 */
@Component
class ServerConnections {

    /** Opens one physical connection, ready for reading. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(ServerConnections.class);

    private final int perServer;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    @Autowired
    ServerConnections(ServerConnectionsProperties properties) {
        this(properties.maxConnectionsPerServer());
    }

    ServerConnections(int perServer) {
        if (perServer < 1) {
            throw new IllegalArgumentException("at least one connection per server, not " + perServer);
        }
        this.perServer = perServer;
    }

    /**
     * The server a JDBC url points at: host and port as {@link SourceLocations#describe} gives
     * them, lower case, with MySQL's default port when the url has none; an H2 url, its database.
     */
    static String server(String url) {
        String server = SourceLocations.describe(url).toLowerCase(Locale.ROOT);
        boolean mysql = url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
        return mysql && !server.contains(":") ? server + ":3306" : server;
    }

    /**
     * Connections to {@code url}'s server: each one opened by {@code opener} when asked for, after
     * waiting for one of the server's permits, and closed (its permit given back) when the caller
     * closes it. Nothing is pooled, so no connection outlives the read that asked for it. Opening
     * fails after {@code connectTimeout}, whatever the driver does; a connection that still opens
     * later is closed at once, and only then gives its permit back.
     */
    DataSource dataSource(String url, Duration connectTimeout, Opener opener) {
        return new Bounded(server(url), permits(server(url)), connectTimeout, opener);
    }

    /** Connections open now to {@code url}'s server. */
    int inUse(String url) {
        return perServer - permits(server(url)).availablePermits();
    }

    private Semaphore permits(String server) {
        return permits.computeIfAbsent(server, s -> new Semaphore(perServer, true));
    }

    private static final class Bounded extends AbstractDataSource {

        /** Opens connections, so that a driver that keeps trying (H2's does, 16 times) cannot hold a read up. */
        private static final ExecutorService CONNECTING = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "source-connect");
            thread.setDaemon(true);
            return thread;
        });

        private final String server;
        private final Semaphore permits;
        private final long connectTimeoutMillis;
        private final Opener opener;

        Bounded(String server, Semaphore permits, Duration connectTimeout, Opener opener) {
            this.server = server;
            this.permits = permits;
            this.connectTimeoutMillis = connectTimeout.toMillis();
            this.opener = opener;
        }

        @Override
        public Connection getConnection() throws SQLException {
            acquire();
            CompletableFuture<Connection> opening;
            try {
                opening = CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return opener.open();
                            } catch (SQLException e) {
                                throw new CompletionException(e);
                            }
                        },
                        CONNECTING);
            } catch (RuntimeException e) {
                permits.release();
                throw e;
            }
            try {
                return releasingOnClose(opening.get(connectTimeoutMillis, TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                permits.release();
                throw rethrown(e.getCause());
            } catch (TimeoutException | InterruptedException e) {
                opening.whenComplete((late, failed) -> {
                    try {
                        if (late != null) {
                            late.close();
                        }
                    } catch (SQLException ignored) {
                        // it was never used
                    } finally {
                        permits.release();
                    }
                });
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new SQLTransientConnectionException(
                        "no connection to " + server + " within " + connectTimeoutMillis + " ms");
            }
        }

        private static SQLException rethrown(Throwable failure) {
            if (failure instanceof SQLException sql) {
                return sql;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return new SQLException(failure);
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException("a source's credentials are its own");
        }

        private void acquire() throws SQLException {
            try {
                // tryAcquire with a timeout, unlike without, keeps the queue's order
                if (!permits.tryAcquire(0, TimeUnit.SECONDS)) {
                    log.debug(
                            "waiting for one of the connections to {} ({} readers waiting)",
                            server,
                            permits.getQueueLength() + 1);
                    permits.acquire();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientConnectionException("interrupted while waiting for a connection to " + server);
            }
        }

        private Connection releasingOnClose(Connection physical) {
            AtomicBoolean closed = new AtomicBoolean();
            InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
                case "close" -> {
                    if (closed.compareAndSet(false, true)) {
                        try {
                            physical.close();
                        } finally {
                            permits.release();
                        }
                    }
                    yield null;
                }
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> invoke(physical, method, args);
            };
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }

        private static Object invoke(Connection target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
