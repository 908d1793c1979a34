package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.source.TenantsProperties;
import com.contactcenter.billing.support.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

/** {@code billing.security.accounts} that name tenants only a directory lists. */
class SecurityPropertiesTest {

    /** The accounts and the tenants, bound from the same settings as the application binds them. */
    private record Bound(SecurityProperties security, TenantsProperties tenants) {}

    private static Bound bind(Map<String, String> extra) {
        Binder binder = Settings.binder(Settings.of(
                extra,
                "billing.sources[0].name",
                "acme",
                "billing.sources[0].url",
                "jdbc:h2:mem:acme",
                "billing.security.accounts[0].name",
                "globex-admin",
                "billing.security.accounts[0].role",
                "admin",
                "billing.security.accounts[0].tenants[0]",
                "globex"));
        Bound bound = new Bound(
                binder.bind("billing.security", SecurityProperties.class).get(),
                binder.bind("billing", TenantsProperties.class).get());
        // as the service's accounts are made (SecurityConfiguration), before it serves anything
        bound.security().requireTenantsAmong(bound.tenants());
        return bound;
    }

    @Test
    void withoutADirectoryAnAccountsTenantMustBeAYamlSource() {
        assertThatThrownBy(() -> bind(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("billing.security.accounts 'globex-admin' has the tenant 'globex', which is not a source in"
                        + " billing.sources (or '*')");
    }

    @Test
    void withADirectoryAnAccountMayNameATenantOnlyTheDirectoryLists() {
        Bound properties = bind(Map.of("billing.directory.url", "jdbc:mysql://control:3306/platform"));

        assertThat(properties.tenants().directory().configured()).isTrue();
        assertThat(properties.security().accounts().get(0).tenants()).containsExactly("globex");
    }
}
