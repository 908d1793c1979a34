package com.contactcenter.billing.source;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A tenant's operational database. {@code password} comes from the environment
 * (for example {@code password: ${ACME_DB_PASSWORD}}); {@code queries} overrides any of the
 * default extraction queries by name (roles, users, channels, user-channels, user-sessions,
 * messages, calls, bot-sessions), returning the same columns. {@code plan} names the tenant's
 * plan in {@code billing.pricing.plans}; absent, the default plan.
 */
public record SourceProperties(
        String name,
        String url,
        String username,
        String password,
        @DefaultValue("America/Bogota") ZoneId timeZone,
        Map<String, String> queries,
        @DefaultValue("30m") Duration queryTimeout,
        List<String> initSql,
        @DefaultValue("10s") Duration connectTimeout,
        String plan) {

    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,59}");

    /** What {@link #isSourceName} accepts, for messages. */
    public static final String SOURCE_NAME_RULE = "1-60 letters, digits, '.', '_' or '-'";

    public SourceProperties {
        plan = plan == null || plan.isBlank() ? null : plan.strip();
        queries = queries == null ? Map.of() : Map.copyOf(queries);
        initSql = initSql == null ? List.of() : List.copyOf(initSql);
    }

    /** Whether {@code name} may name a source, from YAML or the directory: it is used in file names. */
    public static boolean isSourceName(String name) {
        return name != null && SOURCE_NAME.matcher(name).matches();
    }

    @Override
    public String toString() {
        return "source '" + name + "' (" + url + ")";
    }
}
