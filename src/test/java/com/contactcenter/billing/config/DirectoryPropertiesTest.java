package com.contactcenter.billing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code billing.directory}: its defaults, and accounts that name tenants only a directory lists. */
class DirectoryPropertiesTest {

    private static BillingProperties bind(Map<String, String> extra) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("billing.sources[0].name", "acme");
        map.put("billing.sources[0].url", "jdbc:h2:mem:acme");
        map.put("billing.security.accounts[0].name", "globex-admin");
        map.put("billing.security.accounts[0].role", "admin");
        map.put("billing.security.accounts[0].tenants[0]", "globex");
        map.putAll(extra);
        return new Binder(new MapConfigurationPropertySource(map)).bind("billing", BillingProperties.class).get();
    }

    @Test
    void withoutADirectoryAnAccountsTenantMustBeAYamlSource() {
        assertThatThrownBy(() -> bind(Map.of())).isInstanceOf(BindException.class).rootCause()
                .hasMessage("billing.security.accounts 'globex-admin' has the tenant 'globex', which is not a source in"
                        + " billing.sources (or '*')");
    }

    @Test
    void withADirectoryAnAccountMayNameATenantOnlyTheDirectoryLists() {
        BillingProperties properties = bind(Map.of("billing.directory.url", "jdbc:mysql://control:3306/platform"));

        assertThat(properties.directory().configured()).isTrue();
        assertThat(properties.security().accounts().get(0).tenants()).containsExactly("globex");
    }

    @Test
    void aDirectoryHasDefaultsAndNeverShowsItsUrlOrPasswords() {
        BillingProperties.DirectoryProperties none = bind(Map.of("billing.security.accounts[0].tenants[0]", "acme"))
                .directory();
        assertThat(none.configured()).isFalse();
        assertThat(none.query()).isEqualTo("SELECT name, url, time_zone FROM tenants ORDER BY name");
        assertThat(none.queryTimeout()).hasSeconds(30);
        assertThat(none.connectTimeout()).hasSeconds(10);

        BillingProperties.DirectoryProperties directory = bind(Map.of(
                "billing.directory.url", "jdbc:mysql://ctl:pw-in-url@control:3306/platform",
                "billing.directory.password", "ctl-pw", "billing.directory.source-password", "src-pw")).directory();
        assertThat(directory).hasToString("tenant directory");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "acme | true", "a | true", "Acme_2.prod-1 | true", "../x | false", "a b | false", "-acme | false",
        "'' | false", "NULL | false", "acme/x | false",
        "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij | true",
        "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijk | false"})
    void sourceNamesAreCheckedTheSameWayWhereverTheyComeFrom(String name, boolean valid) {
        assertThat(BillingProperties.isSourceName(name)).isEqualTo(valid);
    }
}
