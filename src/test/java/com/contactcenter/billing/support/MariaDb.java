package com.contactcenter.billing.support;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The MariaDB server of this machine ({@code 127.0.0.1:3306}, root, empty password) and test
 * databases on it. As a JUnit condition ({@code @ExtendWith(MariaDb.class)}, declared before the
 * Spring extension) it skips a test class when no server answers, unless the environment variable
 * {@code CI} is set: on CI an unreachable server fails the class instead.
 */
public final class MariaDb implements ExecutionCondition {

    public static final String HOST = "127.0.0.1";
    /** 3306; {@code -Dmariadb.port=N} points the tests elsewhere (for example to check the skip). */
    public static final int PORT = Integer.getInteger("mariadb.port", 3306);

    public static final String USER = "root";
    public static final String PASSWORD = "";

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable()) {
            return ConditionEvaluationResult.enabled("MariaDB answers at " + HOST + ":" + PORT);
        }
        String why = "no MariaDB server answers at " + HOST + ":" + PORT
                + " (start it: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd)";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(why + "; CI is set, so this integration test fails instead of skipping");
        }
        return ConditionEvaluationResult.disabled("skipped: " + why + "; CI is unset");
    }

    public static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public static String url(String database) {
        return "jdbc:mysql://" + HOST + ":" + PORT + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
    }

    /**
     * {@link #url} for a warehouse, as README advises for production: rows are bulk-loaded with
     * LOAD DATA LOCAL from memory.
     */
    public static String warehouseUrl(String database) {
        return url(database) + "&allowLoadLocalInfile=true";
    }

    /** {@link #recreate} for a warehouse; returns its {@link #warehouseUrl}. */
    public static String recreateWarehouse(String database) {
        recreate(database);
        return warehouseUrl(database);
    }

    public static DataSource dataSource(String database) {
        return new DriverManagerDataSource(url(database), USER, PASSWORD);
    }

    /** Drops the database if it exists and creates it empty, utf8mb4. Returns its url. */
    public static String recreate(String database) {
        if (!NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a test database name: " + database);
        }
        DataSource server = new DriverManagerDataSource(
                "jdbc:mysql://" + HOST + ":" + PORT + "/?useSSL=false&allowPublicKeyRetrieval=true", USER, PASSWORD);
        SourceDatabases.execute(
                server,
                List.of(
                        "DROP DATABASE IF EXISTS " + database,
                        "CREATE DATABASE IF NOT EXISTS " + database + " CHARACTER SET utf8mb4"));
        return url(database);
    }

    /** A new, empty source database holding the operational schema and the fixture scripts. */
    public static String loadSource(String database, String... fixtures) {
        String url = recreate(database);
        SourceDatabases.load(dataSource(database), fixtures);
        return url;
    }
}
