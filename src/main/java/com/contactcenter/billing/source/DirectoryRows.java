package com.contactcenter.billing.source;

import com.contactcenter.billing.source.SourceRegistry.SkippedRow;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Directory rows made sources: each row gets the checks a YAML source gets (name, url, zone), a
 * name already taken (by a YAML source, which wins, or an earlier row) skips the row, and the
 * shared account of {@code billing.directory} signs in unless the row names its own username.
 */
final class DirectoryRows {

    /** {@code budgets}: the accepted rows' monthly budgets, by tenant name (rows without one are absent). */
    record Accepted(List<SourceProperties> sources, List<SkippedRow> skipped, Map<String, BigDecimal> budgets) {}

    /** A YAML source's defaults (query and connect timeouts), bound from its annotations. */
    private static final SourceProperties YAML_DEFAULTS = new Binder().bindOrCreate("source", SourceProperties.class);

    private static final Logger log = LoggerFactory.getLogger(DirectoryRows.class);

    private DirectoryRows() {}

    /** Disabled rows are left out without a word; bad ones are skipped with their reason. */
    static Accepted accept(
            List<TenantDirectory.Row> rows,
            Collection<String> yamlNames,
            DirectoryProperties directory,
            Set<String> plans) {
        Set<String> yaml = new HashSet<>();
        yamlNames.forEach(n -> yaml.add(n.toLowerCase(Locale.ROOT)));
        Set<String> taken = new HashSet<>();
        List<SourceProperties> sources = new ArrayList<>();
        List<SkippedRow> skipped = new ArrayList<>();
        Map<String, BigDecimal> budgets = new LinkedHashMap<>();
        for (TenantDirectory.Row row : rows) {
            if (!row.enabled()) {
                continue;
            }
            String problem = problem(row, yaml, taken, plans);
            if (problem != null) {
                skipped.add(new SkippedRow(row.number(), row.name(), problem));
                continue;
            }
            taken.add(row.name().toLowerCase(Locale.ROOT));
            boolean ownUser = row.username() != null && !row.username().isBlank();
            sources.add(new SourceProperties(
                    row.name(),
                    row.url().strip(),
                    ownUser ? row.username().strip() : directory.sourceUsername(),
                    directory.sourcePassword(),
                    ZoneId.of(row.timeZone().strip()),
                    Map.of(),
                    YAML_DEFAULTS.queryTimeout(),
                    List.of(),
                    YAML_DEFAULTS.connectTimeout(),
                    row.plan()));
            budget(row).ifPresent(b -> budgets.put(row.name(), b));
        }
        return new Accepted(List.copyOf(sources), List.copyOf(skipped), Collections.unmodifiableMap(budgets));
    }

    /**
     * The row's {@code monthly_budget}: empty when absent or blank; a value that is no amount, or a
     * negative one, is logged and left out (the tenant is still listed, without a budget from the
     * directory).
     */
    static Optional<BigDecimal> budget(TenantDirectory.Row row) {
        Object value = row.monthlyBudget();
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        BigDecimal amount;
        try {
            amount = value instanceof BigDecimal d
                    ? d
                    : new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            log.warn(
                    "directory row {} ('{}'): monthly_budget '{}' is not an amount; left out",
                    row.number(),
                    row.name(),
                    shown(value));
            return Optional.empty();
        }
        if (amount.signum() < 0) {
            log.warn(
                    "directory row {} ('{}'): monthly_budget {} is negative; left out",
                    row.number(),
                    row.name(),
                    amount.toPlainString());
            return Optional.empty();
        }
        return Optional.of(amount);
    }

    /** A value as logged: one line, at most 40 characters. */
    private static String shown(Object value) {
        String text = value.toString().replaceAll("\\p{Cntrl}", "?");
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** Why the row cannot be a source, or null. Never quotes the url: it may hold credentials. */
    private static String problem(TenantDirectory.Row row, Set<String> yaml, Set<String> taken, Set<String> plans) {
        if (!SourceProperties.isSourceName(row.name())) {
            return "name must be " + SourceProperties.SOURCE_NAME_RULE;
        }
        String key = row.name().toLowerCase(Locale.ROOT);
        if (yaml.contains(key)) {
            return "a source in billing.sources has that name";
        }
        if (taken.contains(key)) {
            return "an earlier directory row has that name";
        }
        if (row.url() == null || row.url().isBlank()) {
            return "no url";
        }
        try {
            SourceDialect.of(row.url().strip());
        } catch (IllegalArgumentException e) {
            return "url must be jdbc:mysql:, jdbc:mariadb: or jdbc:h2:";
        }
        if (row.timeZone() == null || row.timeZone().isBlank()) {
            return "no time_zone";
        }
        try {
            ZoneId.of(row.timeZone().strip());
        } catch (DateTimeException e) {
            return "time_zone '" + row.timeZone() + "' is not a time zone (IANA, e.g. America/Bogota)";
        }
        if (row.plan() != null
                && !row.plan().isBlank()
                && !plans.contains(row.plan().strip())) {
            return "plan '" + row.plan() + "' is not in billing.pricing.plans (plans: " + String.join(", ", plans)
                    + ")";
        }
        return null;
    }
}
