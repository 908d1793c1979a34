package com.contactcenter.billing.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The tenants (sources) a signed-in account may see, from its authorities: {@code ROLE_PLATFORM} for
 * platform staff (every tenant), {@code TENANT_<source>} for each of a tenant's own. Anything outside
 * the scope answers as if it did not exist (404), so no answer confirms another tenant's data.
 */
final class TenantScope {

    static final String PLATFORM = "PLATFORM";
    static final String TENANT_PREFIX = "TENANT_";

    private final boolean platform;
    private final Set<String> tenants;

    private TenantScope(boolean platform, Set<String> tenants) {
        this.platform = platform;
        this.tenants = tenants;
    }

    static TenantScope of(Authentication account) {
        Set<String> authorities = account == null
                ? Set.of()
                : account.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toSet());
        return new TenantScope(
                authorities.contains("ROLE_" + PLATFORM),
                authorities.stream()
                        .filter(a -> a.startsWith(TENANT_PREFIX))
                        .map(a -> a.substring(TENANT_PREFIX.length()))
                        .collect(Collectors.toUnmodifiableSet()));
    }

    boolean platform() {
        return platform;
    }

    boolean sees(String source) {
        return platform || tenants.contains(source);
    }

    /** A job or request is the account's when it names sources and every one of them is the account's. */
    boolean seesAll(Collection<String> sources) {
        return platform || (!sources.isEmpty() && sources.stream().allMatch(tenants::contains));
    }

    /** The account's own tenants (empty for platform staff, who see every tenant). */
    Set<String> tenants() {
        return tenants;
    }

    List<String> visible(List<String> sources) {
        return sources.stream().filter(this::sees).toList();
    }
}
