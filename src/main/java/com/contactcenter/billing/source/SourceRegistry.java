package com.contactcenter.billing.source;

import com.contactcenter.billing.pricing.PricingProperties;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The tenants: the YAML sources ({@code billing.sources}) and, when {@code billing.directory} is
 * set, those the platform's control database lists, read at start and again on {@link #reload()}.
 * Reads see one immutable listing, swapped whole by a reload. A tenant's {@link SourceConnection}
 * is made on first use and closed with the application, or forgotten (and closed) when its tenant
 * leaves the listing or changes its url or account, so that the next use reads the new database.
 */
@Component
public class SourceRegistry implements DisposableBean {

    /** Where a tenant is listed. */
    public enum Origin {
        YAML,
        DIRECTORY;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code monthlyBudget}: the directory row's {@code monthly_budget}, or null (a YAML source: always null). */
    public record Tenant(SourceProperties source, Origin origin, BigDecimal monthlyBudget) {

        public Tenant(SourceProperties source, Origin origin) {
            this(source, origin, null);
        }

        public String name() {
            return source.name();
        }
    }

    /** A directory row left out, with why; {@code row} counts the query's rows from 1. */
    public record SkippedRow(int row, String name, String reason) {}

    /**
     * What a reload did: the tenants now listed (of them, from the directory), names added, removed
     * and changed (url, zone or account) since the listing before, the rows skipped, and why the
     * directory could not be read (null when it was, or there is none; then the directory's
     * tenants read before are kept).
     */
    public record ReloadResult(
            int tenants,
            int directoryTenants,
            List<String> added,
            List<String> removed,
            List<String> changed,
            List<SkippedRow> skipped,
            String directoryError) {}

    /** One reload's view; {@code skipped} is the last successful read's. */
    private record Listing(Map<String, Tenant> tenants, List<SkippedRow> skipped, String directoryError) {}

    private record Open(SourceProperties source, SourceConnection connection) {}

    private static final Logger log = LoggerFactory.getLogger(SourceRegistry.class);

    private final List<SourceProperties> yaml;
    private final DirectoryProperties directoryProperties;
    private final Set<String> plans;
    private final TenantDirectory directory;
    /** Before the first read: the first listing is not news worth a log line of what was added. */
    private static final Listing NOTHING_YET = new Listing(Map.of(), List.of(), null);

    private final AtomicReference<Listing> listing = new AtomicReference<>(NOTHING_YET);
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    private final ServerConnections servers;

    /** Refuses to start when a YAML source names a plan that is not in {@code billing.pricing.plans}. */
    public SourceRegistry(TenantsProperties properties, PricingProperties pricing, ServerConnections servers) {
        this.servers = servers;
        this.yaml = properties.sources();
        this.directoryProperties = properties.directory();
        this.plans = pricing.allPlans().keySet();
        properties.requirePlans(plans);
        this.directory = directoryProperties.configured() ? new TenantDirectory(directoryProperties) : null;
        // a directory that cannot be read now leaves the YAML sources working: reload never throws for it
        ReloadResult first = reload();
        if (directory != null) {
            log.info(
                    "{} tenant(s), {} of them from the tenant directory at {}",
                    first.tenants(),
                    first.directoryTenants(),
                    directory.location());
        }
    }

    public List<String> names() {
        return List.copyOf(listing.get().tenants().keySet());
    }

    /** Every tenant with its origin: the YAML sources first, then the directory's in its query's order. */
    public List<Tenant> tenants() {
        return List.copyOf(listing.get().tenants().values());
    }

    public Optional<Tenant> tenant(String name) {
        return Optional.ofNullable(listing.get().tenants().get(name));
    }

    public Optional<SourceProperties> find(String name) {
        return tenant(name).map(Tenant::source);
    }

    public SourceProperties require(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown source '" + name + "'; configured: " + String.join(", ", names())));
    }

    public boolean hasDirectory() {
        return directory != null;
    }

    /** The directory rows the last successful read skipped, with their reasons. */
    public List<SkippedRow> skippedRows() {
        return listing.get().skipped();
    }

    /** Why the last read of the directory failed; empty when it succeeded or there is no directory. */
    public Optional<String> directoryError() {
        return Optional.ofNullable(listing.get().directoryError());
    }

    public SourceConnection connection(String name) {
        SourceProperties source = require(name);
        Open o = open.computeIfAbsent(name, n -> new Open(source, new SourceConnection(source, servers)));
        if (!o.source().equals(source)) {
            // opened from the listing a reload has just replaced
            if (open.remove(name, o)) {
                o.connection().close();
            }
            return connection(name);
        }
        return o.connection();
    }

    /**
     * Reads the directory again and swaps the listing: one query to the control database (none
     * without a directory). A tenant no longer listed is no longer synced; its warehouse data stays.
     * When the directory cannot be read, the directory tenants read before stay listed and the
     * result says why. Never throws for the directory.
     */
    public synchronized ReloadResult reload() {
        Listing before = listing.get();
        Map<String, Tenant> tenants = new LinkedHashMap<>();
        yaml.forEach(s -> tenants.put(s.name(), new Tenant(s, Origin.YAML)));
        List<SkippedRow> skipped = List.of();
        String error = null;
        if (directory != null) {
            try {
                DirectoryRows.Accepted accepted = DirectoryRows.accept(
                        directory.read(),
                        yaml.stream().map(SourceProperties::name).toList(),
                        directoryProperties,
                        plans);
                accepted.sources()
                        .forEach(s -> tenants.put(
                                s.name(),
                                new Tenant(
                                        s, Origin.DIRECTORY, accepted.budgets().get(s.name()))));
                skipped = accepted.skipped();
                logSkipped(skipped, before.skipped());
            } catch (TenantDirectory.Unavailable e) {
                error = e.getMessage();
                before.tenants().values().stream()
                        .filter(t -> t.origin() == Origin.DIRECTORY)
                        .forEach(t -> tenants.put(t.name(), t));
                skipped = before.skipped();
                log.warn(
                        "{}; the YAML sources and the {} directory tenant(s) read before stay listed",
                        error,
                        tenants.size() - yaml.size());
            }
        }
        Listing after = new Listing(Collections.unmodifiableMap(tenants), skipped, error);
        listing.set(after);
        closeStale(after);
        return result(before, after, error == null ? skipped : List.of());
    }

    /** Forgets (and closes) the connections of tenants gone or changed; a later {@link #connection} makes a new one. */
    private void closeStale(Listing after) {
        for (Map.Entry<String, Open> entry : open.entrySet()) {
            Tenant now = after.tenants().get(entry.getKey());
            boolean stale = now == null || !now.source().equals(entry.getValue().source());
            if (stale && open.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().connection().close();
            }
        }
    }

    private ReloadResult result(Listing before, Listing after, List<SkippedRow> skipped) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        after.tenants().forEach((name, t) -> {
            Tenant old = before.tenants().get(name);
            if (old == null) {
                added.add(name);
            } else if (!old.source().equals(t.source())) {
                changed.add(name);
            }
        });
        List<String> removed = before.tenants().keySet().stream()
                .filter(n -> !after.tenants().containsKey(n))
                .toList();
        long fromDirectory = after.tenants().values().stream()
                .filter(t -> t.origin() == Origin.DIRECTORY)
                .count();
        if (before != NOTHING_YET && (!added.isEmpty() || !removed.isEmpty() || !changed.isEmpty())) {
            log.info(
                    "tenants: {} ({} from the directory); added {}, removed {}, changed {}",
                    after.tenants().size(),
                    fromDirectory,
                    added,
                    removed,
                    changed);
        }
        return new ReloadResult(
                after.tenants().size(),
                (int) fromDirectory,
                List.copyOf(added),
                removed,
                List.copyOf(changed),
                skipped,
                after.directoryError());
    }

    /** A row skipped for a reason it was already skipped for is not logged again at every reload. */
    private static void logSkipped(List<SkippedRow> skipped, List<SkippedRow> before) {
        for (SkippedRow row : skipped) {
            boolean again = before.stream()
                    .anyMatch(b ->
                            Objects.equals(b.name(), row.name()) && b.reason().equals(row.reason()));
            if (again) {
                log.debug("directory row {} ('{}') skipped: {}", row.row(), row.name(), row.reason());
            } else {
                log.warn("directory row {} ('{}') skipped: {}", row.row(), row.name(), row.reason());
            }
        }
    }

    @Override
    public void destroy() {
        open.values().forEach(o -> o.connection().close());
        open.clear();
    }
}
