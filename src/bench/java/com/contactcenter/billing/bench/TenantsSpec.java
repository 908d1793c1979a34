package com.contactcenter.billing.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a many-tenant benchmark run measures: {@code tenants} small tenants of {@code messages}
 * messages each, in the databases {@code <database>_t0000}.. of one server, read through one shared
 * SELECT-only account {@code <database>_ro}, synced into {@code <database>_tenants_wh} by
 * {@code nodes} nodes, all (re)created on every run. Their data ends on {@code lastDay}, so that
 * the nightly window falls on days that hold data.
 *
 * @param server  JDBC URL of the server, without a database ({@code jdbc:mysql://host:port})
 * @param options the URL's query string ({@code ?a=b...}), or empty
 */
record TenantsSpec(
        int tenants,
        int messages,
        int nodes,
        String server,
        String database,
        String options,
        String user,
        String password,
        LocalDate lastDay,
        Path outDir)
        implements BenchRequest {

    public static final int DEFAULT_MESSAGES = 2_000;
    public static final int MAX_TENANTS = 9_999;
    public static final int MAX_MESSAGES = 1_000_000;
    public static final int MAX_NODES = 4;
    /** The smallest tenant the demo generator makes. */
    static final int USERS = 25;

    public TenantsSpec {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(outDir, "outDir");
        options = options == null ? "" : options;
        if (tenants < 1
                || tenants > MAX_TENANTS
                || messages < 0
                || messages > MAX_MESSAGES
                || nodes < 1
                || nodes > MAX_NODES) {
            throw new IllegalArgumentException(
                    "tenants 1.." + MAX_TENANTS + ", messages 0.." + MAX_MESSAGES + ", nodes 1.." + MAX_NODES);
        }
    }

    /** The source name of tenant {@code i}: {@code t0000}.. */
    static String tenant(int i) {
        return String.format("t%04d", i);
    }

    String tenantDatabase(int i) {
        return database + "_" + tenant(i);
    }

    /** A LIKE pattern matching every tenant database, and only those. */
    String tenantDatabasePattern() {
        return (database + "_t").replace("_", "\\_") + "%";
    }

    String warehouseDatabase() {
        return database + "_tenants_wh";
    }

    /** The tenants' shared read-only account. */
    String readOnlyUser() {
        return database + "_ro";
    }

    String serverUrl() {
        return server + "/" + options;
    }

    String tenantUrl(int i) {
        return server + "/" + tenantDatabase(i) + options;
    }

    String warehouseUrl() {
        return BenchSpec.bulkLoading(server + "/" + warehouseDatabase() + options);
    }
}
