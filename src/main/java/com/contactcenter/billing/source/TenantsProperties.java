package com.contactcenter.billing.source;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the tenants are listed: the YAML sources ({@code billing.sources}) and the tenant
 * directory ({@code billing.directory}). A source's plan is checked against the plans by
 * {@link SourceRegistry} at start, the plans being configured apart ({@code billing.pricing}).
 */
@ConfigurationProperties("billing")
public record TenantsProperties(
        List<SourceProperties> sources, @DefaultValue DirectoryProperties directory) {

    public TenantsProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        directory =
                directory == null ? new DirectoryProperties(null, null, null, null, null, null, null, null) : directory;
        Set<String> seen = new HashSet<>();
        for (SourceProperties s : sources) {
            if (!SourceProperties.isSourceName(s.name())) {
                throw new IllegalArgumentException("billing.sources[].name must be " + SourceProperties.SOURCE_NAME_RULE
                        + ", not '" + s.name() + "'");
            }
            if (!seen.add(s.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("billing.sources has the name '" + s.name() + "' twice");
            }
            if (s.url() == null || s.url().isBlank()) {
                throw new IllegalArgumentException("billing.sources '" + s.name() + "' has no url");
            }
        }
    }

    public List<String> sourceNames() {
        return sources.stream().map(SourceProperties::name).toList();
    }

    /** Refuses a YAML source whose plan is none of {@code plans}, naming it and them. */
    public void requirePlans(Collection<String> plans) {
        for (SourceProperties s : sources) {
            if (s.plan() != null && !plans.contains(s.plan())) {
                throw new IllegalArgumentException("billing.sources '" + s.name() + "' has the plan '" + s.plan()
                        + "', which is not in billing.pricing.plans (plans: " + String.join(", ", plans) + ")");
            }
        }
    }
}
