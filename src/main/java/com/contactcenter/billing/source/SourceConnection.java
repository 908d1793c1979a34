package com.contactcenter.billing.source;

import com.contactcenter.billing.config.BillingProperties.SourceProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open, read-only connection pool to one source. Every read runs in a read-only transaction
 * with a query timeout: nothing is ever written to a source.
 */
public final class SourceConnection implements AutoCloseable {

    private final SourceProperties properties;
    private final SourceDialect dialect;
    private final HikariDataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ExtractionQueries queries;

    SourceConnection(SourceProperties properties) {
        this.properties = properties;
        this.dialect = SourceDialect.of(properties.url());
        this.queries = new ExtractionQueries(properties.queries());
        HikariConfig config = new HikariConfig();
        config.setPoolName("source-" + properties.name());
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.username());
        config.setPassword(properties.password());
        dialect.driverProperties().forEach((name, value) -> {
            if (!properties.url().contains(name + "=")) {
                config.addDataSourceProperty(name, value);
            }
        });
        config.setReadOnly(true);
        config.setAutoCommit(false);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, properties.connectTimeout().toMillis()));
        config.setInitializationFailTimeout(-1);
        if (!properties.initSql().isEmpty()) {
            config.setConnectionInitSql(String.join("; ", properties.initSql()));
        }
        this.dataSource = new HikariDataSource(config);
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(dialect.streamingFetchSize());
        template.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, properties.queryTimeout().toSeconds()));
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
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

    NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    TransactionTemplate readOnly() {
        return readOnly;
    }

    ExtractionQueries queries() {
        return queries;
    }

    /** Turns any failure into one message naming the source and host, with the password masked. */
    SourceException failure(String what, Throwable e) {
        Throwable root = e;
        boolean unreachable = isConnectionFailure(e);
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            unreachable |= isConnectionFailure(root);
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String password = properties.password();
        if (password != null && !password.isEmpty()) {
            reason = reason.replace(password, "****");
        }
        reason = reason.lines().findFirst().orElse(reason);
        // The cause is left out: its message could hold what the masking above removed.
        return new SourceException("source '" + name() + "' at " + location() + ": " + what + " failed: " + reason, null,
                unreachable);
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

    @Override
    public void close() {
        dataSource.close();
    }
}
