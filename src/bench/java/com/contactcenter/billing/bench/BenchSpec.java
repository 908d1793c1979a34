package com.contactcenter.billing.bench;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one benchmark run measures: a tenant of {@code users} users and {@code messages} messages
 * in {@code month}, generated into the database {@code <database>_src} of the server and synced into
 * {@code <database>_wh}, both (re)created on every run.
 *
 * @param server      JDBC URL of the server, without a database ({@code jdbc:mysql://host:port})
 * @param options     the URL's query string ({@code ?a=b...}), or empty
 * @param reuseTenant keep the source tenant when an earlier run generated the same one
 * @param manyUsers   after this tenant, measure {@link #manyUsersSpec()} too and print both side by
 *                    side (the default run: neither {@code --users} nor {@code --messages} given)
 */
record BenchSpec(
        long messages,
        int users,
        String server,
        String database,
        String options,
        String user,
        String password,
        YearMonth month,
        Path outDir,
        boolean reuseTenant,
        boolean manyUsers)
        implements BenchRequest {

    public static final long DEFAULT_MESSAGES = 10_000_000;
    public static final int DEFAULT_USERS = 5_000;
    public static final String DEFAULT_DATABASE = "billing_bench";
    public static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/" + DEFAULT_DATABASE;
    /** The default run's second column: 100,000 users, 1,000,000 messages. */
    public static final int MANY_USERS = 100_000;

    public static final long MANY_USERS_MESSAGES = 1_000_000;

    private static final Pattern URL = Pattern.compile("(jdbc:mysql://[^/?]+)/?([^?]*)(\\?.*)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,60}");

    public BenchSpec {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(outDir, "outDir");
        options = options == null ? "" : options;
    }

    /**
     * Splits {@code jdbc:mysql://host:port[/database][?options]} into server, database (default
     * {@value #DEFAULT_DATABASE}) and options.
     *
     * @throws IllegalArgumentException when it is not such a URL, or the database name is not a plain name
     */
    public static String[] parseUrl(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "--db must be a MySQL/MariaDB JDBC url (jdbc:mysql://host:port[/database]), not '" + url + "'");
        }
        String database = m.group(2).isEmpty() ? DEFAULT_DATABASE : m.group(2);
        if (!NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("--db database name '" + database
                    + "' must be letters, digits or _ (up to 60): the bench creates " + database + "_src and "
                    + database + "_wh");
        }
        return new String[] {m.group(1), database, m.group(3) == null ? "" : m.group(3)};
    }

    /**
     * The default run's second tenant: {@value #MANY_USERS} users and {@value #MANY_USERS_MESSAGES}
     * messages in the same month, in the databases {@code <database>_100k_src} and
     * {@code <database>_100k_wh}, its results in {@code <out>/100k}.
     */
    public BenchSpec manyUsersSpec() {
        return new BenchSpec(
                MANY_USERS_MESSAGES,
                MANY_USERS,
                server,
                database + "_100k",
                options,
                user,
                password,
                month,
                outDir.resolve("100k"),
                reuseTenant,
                false);
    }

    public String sourceDatabase() {
        return database + "_src";
    }

    public String warehouseDatabase() {
        return database + "_wh";
    }

    public String serverUrl() {
        return server + "/" + options;
    }

    public String sourceUrl() {
        return server + "/" + sourceDatabase() + options;
    }

    /**
     * The warehouse as README advises for production: facts bulk-loaded from memory
     * ({@code allowLoadLocalInfile}), other writes rewritten into multi-row INSERTs; either is
     * left as the url sets it.
     */
    public String warehouseUrl() {
        return bulkLoading(server + "/" + warehouseDatabase() + options);
    }

    /** {@code url} with {@code rewriteBatchedStatements} and {@code allowLoadLocalInfile} on, unless it sets them. */
    static String bulkLoading(String url) {
        for (String setting : List.of("rewriteBatchedStatements", "allowLoadLocalInfile")) {
            if (!url.contains(setting)) {
                url += (url.contains("?") ? "&" : "?") + setting + "=true";
            }
        }
        return url;
    }
}
