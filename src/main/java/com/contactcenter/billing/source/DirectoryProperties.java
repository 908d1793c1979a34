package com.contactcenter.billing.source;

import java.time.Duration;

/**
 * The platform's control database, where tenants are listed besides {@code billing.sources}
 * (README, "Tenant directory"). It is only ever read, in a read-only transaction.
 *
 * @param url JDBC url of the control database; blank: no directory
 * @param username account of the control database (read-only is enough)
 * @param password its password, from the environment
 * @param query returns one row per tenant: {@code name, url, time_zone}, optionally
 *     {@code username} and {@code enabled}
 * @param sourceUsername the shared read-only account of the tenants' databases, unless a row
 *     names its own
 * @param sourcePassword its password (also with a row's own username), from the environment
 * @param queryTimeout how long the query may take
 * @param connectTimeout how long connecting to the control database may take
 */
public record DirectoryProperties(
        String url,
        String username,
        String password,
        String query,
        String sourceUsername,
        String sourcePassword,
        Duration queryTimeout,
        Duration connectTimeout) {

    public static final String DEFAULT_QUERY = "SELECT name, url, time_zone FROM tenants ORDER BY name";

    public DirectoryProperties {
        query = query == null || query.isBlank() ? DEFAULT_QUERY : query;
        queryTimeout = queryTimeout == null ? Duration.ofSeconds(30) : queryTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        if (queryTimeout.isNegative() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("billing.directory timeouts must not be negative");
        }
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }

    /** Never the url (it may hold credentials) nor a password. */
    @Override
    public String toString() {
        return configured() ? "tenant directory" : "no tenant directory";
    }
}
