package com.contactcenter.billing.source;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The platform's control database, read for its list of tenants: one connection per read, in a
 * read-only session and transaction (rolled back at the end), with a connect and a query timeout.
 * Nothing is ever written to it.
 */
final class TenantDirectory {

    /**
     * A row as the query returned it, before any check; {@code number} counts from 1;
     * {@code monthlyBudget} the optional column's value as read (a number or text), or null.
     */
    record Row(
            int number,
            String name,
            String url,
            String timeZone,
            String username,
            boolean enabled,
            String plan,
            Object monthlyBudget) {

        Row(int number, String name, String url, String timeZone, String username, boolean enabled, String plan) {
            this(number, name, url, timeZone, username, enabled, plan, null);
        }
    }

    /** The directory could not be read; the message names its host, never a password. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private static final List<String> REQUIRED = List.of("name", "url", "time_zone");

    private final DirectoryProperties properties;

    TenantDirectory(DirectoryProperties properties) {
        this.properties = properties;
    }

    /** Host and port (or file) of the control database, for messages. */
    String location() {
        return SourceLocations.describe(properties.url());
    }

    List<Row> read() {
        try (Connection connection = DriverManager.getConnection(properties.url(), driverProperties())) {
            connection.setReadOnly(true);
            if (mysql()) {
                // Connector/J takes MariaDB 10 (version 5.5.5-10.x) for a server too old to be told
                // setReadOnly, so the session is made read-only in so many words
                try (Statement session = connection.createStatement()) {
                    session.execute("SET SESSION TRANSACTION READ ONLY");
                }
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) Math.max(
                        1, Math.min(Integer.MAX_VALUE, properties.queryTimeout().toSeconds())));
                try (ResultSet rs = statement.executeQuery(properties.query())) {
                    return rows(rs);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            throw new Unavailable("tenant directory at " + location() + " could not be read: " + reason(e));
        }
    }

    private boolean mysql() {
        return properties.url().startsWith("jdbc:mysql:") || properties.url().startsWith("jdbc:mariadb:");
    }

    private Properties driverProperties() {
        Properties driver = new Properties();
        if (properties.username() != null) {
            driver.setProperty("user", properties.username());
        }
        if (properties.password() != null) {
            driver.setProperty("password", properties.password());
        }
        if (mysql() && !properties.url().contains("connectTimeout=")) {
            driver.setProperty(
                    "connectTimeout",
                    String.valueOf(Math.max(1, properties.connectTimeout().toMillis())));
        }
        return driver;
    }

    private static List<Row> rows(ResultSet rs) throws SQLException {
        Map<String, Integer> columns = columns(rs.getMetaData());
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new IllegalStateException(
                        "the directory query returns no column '" + required
                                + "' (it must return name, url, time_zone, optionally username, enabled, plan and monthly_budget)");
            }
        }
        Integer username = columns.get("username");
        Integer enabled = columns.get("enabled");
        Integer plan = columns.get("plan");
        Integer budget = columns.get("monthly_budget");
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(new Row(
                    rows.size() + 1,
                    rs.getString(columns.get("name")),
                    rs.getString(columns.get("url")),
                    rs.getString(columns.get("time_zone")),
                    username == null ? null : rs.getString(username),
                    enabled == null || enabled(rs.getObject(enabled)),
                    plan == null ? null : rs.getString(plan),
                    budget == null ? null : rs.getObject(budget)));
        }
        return rows;
    }

    private static Map<String, Integer> columns(ResultSetMetaData meta) throws SQLException {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = meta.getColumnCount(); i >= 1; i--) {
            columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    /** False, 0, 'false', 'no' and 'n' turn a tenant off; anything else (NULL too) leaves it on. */
    private static boolean enabled(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        return value == null
                || !List.of("0", "false", "no", "n", "f")
                        .contains(value.toString().strip().toLowerCase(Locale.ROOT));
    }

    /** The first line of the deepest cause, with the directory's and the tenants' passwords masked. */
    private String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        for (String secret : new String[] {properties.password(), properties.sourcePassword()}) {
            if (secret != null && !secret.isEmpty()) {
                reason = reason.replace(secret, "****");
            }
        }
        return reason.lines().findFirst().orElse(reason);
    }
}
