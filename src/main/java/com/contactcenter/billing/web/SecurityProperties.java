package com.contactcenter.billing.web;

import com.contactcenter.billing.source.TenantsProperties;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The accounts of the HTTP API ({@code billing.security}), and how many wrong passwords they are allowed. */
@ConfigurationProperties("billing.security")
public record SecurityProperties(
        List<Account> accounts, @DefaultValue LoginThrottleProperties loginThrottle) {

    public SecurityProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        Set<String> seen = new HashSet<>();
        for (Account a : accounts) {
            if (a.name() == null || a.name().isBlank()) {
                throw new IllegalArgumentException("billing.security.accounts[] needs a name");
            }
            if (!seen.add(a.name())) {
                throw new IllegalArgumentException("billing.security.accounts has the name '" + a.name() + "' twice");
            }
        }
    }

    /**
     * Refuses an account naming a tenant that is no YAML source. With a directory, such a name may be
     * a directory tenant, known only once the directory is read: then any name is taken.
     */
    public void requireTenantsAmong(TenantsProperties tenants) {
        if (tenants.directory().configured()) {
            return;
        }
        for (Account account : accounts) {
            for (String tenant : account.tenants()) {
                if (!tenant.equals(Account.ALL_TENANTS)
                        && !tenants.sourceNames().contains(tenant)) {
                    throw new IllegalArgumentException("billing.security.accounts '" + account.name()
                            + "' has the tenant '" + tenant + "', which is not a source in billing.sources (or '*')");
                }
            }
        }
    }

    /**
     * After {@code maxFailures} failed logins within {@code window}, per account name and, separately,
     * per client address, further logins are refused (429) until the window has passed.
     */
    public record LoginThrottleProperties(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration window) {

        public LoginThrottleProperties {
            if (maxFailures < 1 || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException(
                        "billing.security.login-throttle needs max-failures >= 1 and a positive window");
            }
        }
    }

    /**
     * An API account. {@code passwordHash} comes from the environment, never from a file:
     * {@code {bcrypt}$2a$10$...} (a bare bcrypt hash is taken as bcrypt). An account without a
     * hash cannot log in. {@code tenants} are the source names whose data it may see and re-sync,
     * or {@code *} (platform staff: every tenant, and the service's own endpoints); an account
     * without tenants sees none.
     */
    public record Account(String name, Role role, String passwordHash, List<String> tenants) {

        public static final String ALL_TENANTS = "*";

        public enum Role {
            ADMIN,
            OPERATOR
        }

        public boolean platform() {
            return tenants.contains(ALL_TENANTS);
        }

        public Account {
            if (role == null) {
                throw new IllegalArgumentException(
                        "billing.security.accounts '" + name + "' needs a role: admin or operator");
            }
            tenants = tenants == null
                    ? List.of()
                    : tenants.stream().map(String::strip).distinct().toList();
        }

        @Override
        public String toString() {
            return "account '" + name + "' (" + role.name().toLowerCase(Locale.ROOT) + ")";
        }
    }
}
