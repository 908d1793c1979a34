package com.contactcenter.billing.source;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads one source. Every read runs in a read-only transaction with a query timeout: nothing is
 * ever written to a source. Each read opens its own connection, within its server's bound
 * ({@link ServerConnections}), and closes it when it ends: no connection idles between reads.
 */
public final class SourceConnection implements AutoCloseable {

    /** MySQL's and MariaDB's "Too many connections" (ER_CON_COUNT_ERROR). */
    private static final int TOO_MANY_CONNECTIONS = 1040;

    private final SourceProperties properties;
    private final SourceDialect dialect;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ExtractionQueries queries;
    private final DataSource probes;

    /** A source read on its own: its server's connections bounded to one. */
    SourceConnection(SourceProperties properties) {
        this(properties, new ServerConnections(1));
    }

    SourceConnection(SourceProperties properties, ServerConnections servers) {
        this.properties = properties;
        this.dialect = SourceDialect.of(properties.url());
        this.queries = new ExtractionQueries(properties.queries());
        DataSource dataSource = servers.dataSource(properties.url(), connectTimeout(), () -> open(properties.url()));
        // a probe must not create an empty H2 database where a file is missing
        String url = properties.url();
        String probeUrl = url.startsWith("jdbc:h2:")
                        && !url.startsWith("jdbc:h2:mem:")
                        && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")
                ? url + ";IFEXISTS=TRUE"
                : url;
        this.probes = servers.dataSource(url, connectTimeout(), () -> open(probeUrl));
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(dialect.streamingFetchSize());
        template.setQueryTimeout(
                (int) Math.min(Integer.MAX_VALUE, properties.queryTimeout().toSeconds()));
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * A new physical connection: read-only (Connector/J sends {@code SET SESSION TRANSACTION READ
     * ONLY}), autocommit off, after the source's {@code init-sql}.
     */
    private Connection open(String url) throws SQLException {
        Properties driver = new Properties();
        if (properties.username() != null) {
            driver.setProperty("user", properties.username());
        }
        if (properties.password() != null) {
            driver.setProperty("password", properties.password());
        }
        dialect.driverProperties(connectTimeout()).forEach((name, value) -> {
            if (!url.contains(name + "=")) {
                driver.setProperty(name, value);
            }
        });
        Connection connection = DriverManager.getConnection(url, driver);
        try {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            if (!properties.initSql().isEmpty()) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : properties.initSql()) {
                        statement.execute(sql);
                    }
                }
                connection.commit();
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private Duration connectTimeout() {
        return Duration.ofMillis(Math.max(250, properties.connectTimeout().toMillis()));
    }

    public String name() {
        return properties.name();
    }

    public ZoneId zone() {
        return properties.timeZone();
    }

    /** Where the source lives, for messages: host and port or file, never credentials. */
    public String location() {
        return SourceLocations.describe(properties.url());
    }

    /**
     * Whether a connection opens and answers within {@code timeoutSeconds}, through the same bound
     * on the server's connections as every read: empty when it does, else why not (the password
     * masked).
     */
    public Optional<String> probe(int timeoutSeconds) {
        try (Connection connection = probes.getConnection()) {
            return connection.isValid(timeoutSeconds)
                    ? Optional.empty()
                    : Optional.of("the connection did not answer within " + timeoutSeconds + " s");
        } catch (SQLException | RuntimeException e) {
            String message = failure("connecting", e).getMessage();
            String prefix = "source '" + name() + "' at " + location() + ": connecting failed: ";
            return Optional.of(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

    NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    TransactionTemplate readOnly() {
        return readOnly;
    }

    ExtractionQueries queries() {
        return queries;
    }

    /**
     * Turns any failure into one message naming the source and host, with the password masked.
     * A server that refused the connection because it has too many is said to be saturated.
     */
    SourceException failure(String what, Throwable e) {
        boolean unreachable = false;
        boolean saturated = false;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            unreachable |= isConnectionFailure(t);
            saturated |= isTooManyConnections(t);
            root = t;
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String password = properties.password();
        if (password != null && !password.isEmpty()) {
            reason = reason.replace(password, "****");
        }
        reason = reason.lines().findFirst().orElse(reason);
        // The cause is left out: its message could hold what the masking above removed.
        return new SourceException(
                "source '" + name() + "' at " + location() + ": " + what + " failed: " + reason,
                null,
                unreachable || saturated,
                saturated);
    }

    private static boolean isConnectionFailure(Throwable e) {
        return e instanceof java.sql.SQLTransientConnectionException
                || e instanceof java.sql.SQLNonTransientConnectionException
                || e instanceof java.sql.SQLRecoverableException
                || e instanceof java.net.ConnectException
                || e instanceof java.net.UnknownHostException
                || e instanceof java.net.SocketTimeoutException
                || e instanceof org.springframework.jdbc.CannotGetJdbcConnectionException;
    }

    /** Error 1040, SQLState 08004 (Connector/J) or HY000 (the server's own), or its message. */
    private static boolean isTooManyConnections(Throwable e) {
        return e instanceof SQLException sql && sql.getErrorCode() == TOO_MANY_CONNECTIONS
                || e.getMessage() != null && e.getMessage().contains("Too many connections");
    }

    /** Nothing to release: each read closed the connection it opened. */
    @Override
    public void close() {}
}
