package com.contactcenter.billing.ops;

import com.contactcenter.billing.config.BillingProperties.SourceProperties;
import com.contactcenter.billing.source.SourceLocations;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.warehouse.SyncRunStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of each source ({@code sources} in /actuator/health): reachable or not, where (host and
 * port or file, never credentials), its zone and its last completed sync. An unreachable tenant
 * does not make the service down (it still serves and syncs the others): the status is then
 * {@code DEGRADED}, which answers HTTP 200. The warehouse is Boot's own {@code db} indicator.
 */
@Component("sources")
class SourcesHealthIndicator implements HealthIndicator {

    static final String DEGRADED = "DEGRADED";

    private static final int TIMEOUT_SECONDS = 3;

    private final SourceRegistry sources;
    private final SyncRunStore runs;

    SourcesHealthIndicator(SourceRegistry sources, SyncRunStore runs) {
        this.sources = sources;
        this.runs = runs;
    }

    @Override
    public Health health() {
        boolean allUp = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String name : sources.names()) {
            SourceProperties source = sources.require(name);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("location", SourceLocations.describe(source.url()));
            d.put("timeZone", source.timeZone().getId());
            String problem = probe(source);
            d.put("reachable", problem == null);
            if (problem != null) {
                allUp = false;
                d.put("error", problem);
            }
            try {
                runs.latestCompleted(name).ifPresent(r -> d.put("lastSuccessfulSync", r.asOf().toString()));
            } catch (RuntimeException e) {
                d.put("lastSuccessfulSync", "unknown (warehouse unreachable)");
            }
            details.put(name, d);
        }
        return (allUp ? Health.up() : Health.status(DEGRADED)).withDetails(details).build();
    }

    /** Null when a connection opens and answers; else the reason, without the password. */
    private static String probe(SourceProperties source) {
        String url = source.url();
        if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.toUpperCase().contains("IFEXISTS")) {
            url = url + ";IFEXISTS=TRUE"; // a probe must not create an empty database
        }
        Properties props = new Properties();
        if (source.username() != null) {
            props.setProperty("user", source.username());
        }
        if (source.password() != null) {
            props.setProperty("password", source.password());
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            props.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS * 1000));
            props.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS * 1000));
        }
        try (Connection c = DriverManager.getConnection(url, props)) {
            return c.isValid(TIMEOUT_SECONDS) ? null : "the connection did not answer within " + TIMEOUT_SECONDS + " s";
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            if (source.password() != null && !source.password().isEmpty()) {
                reason = reason.replace(source.password(), "****");
            }
            return reason.lines().findFirst().orElse(reason);
        }
    }
}
