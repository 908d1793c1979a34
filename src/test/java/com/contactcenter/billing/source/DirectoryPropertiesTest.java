package com.contactcenter.billing.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code billing.directory}: its defaults, and the names a source may have. */
class DirectoryPropertiesTest {

    private static TenantsProperties bind(Map<String, String> extra) {
        return Settings.binder(Settings.of(
                        extra, "billing.sources[0].name", "acme", "billing.sources[0].url", "jdbc:h2:mem:acme"))
                .bind("billing", TenantsProperties.class)
                .get();
    }

    @Test
    void aDirectoryHasDefaultsAndNeverShowsItsUrlOrPasswords() {
        DirectoryProperties none = bind(Map.of()).directory();
        assertThat(none.configured()).isFalse();
        assertThat(none.query()).isEqualTo("SELECT name, url, time_zone FROM tenants ORDER BY name");
        assertThat(none.queryTimeout()).hasSeconds(30);
        assertThat(none.connectTimeout()).hasSeconds(10);

        DirectoryProperties directory = bind(Map.of(
                        "billing.directory.url",
                        "jdbc:mysql://ctl:pw-in-url@control:3306/platform",
                        "billing.directory.password",
                        "ctl-pw",
                        "billing.directory.source-password",
                        "src-pw"))
                .directory();
        assertThat(directory).hasToString("tenant directory");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "acme | true",
                "a | true",
                "Acme_2.prod-1 | true",
                "../x | false",
                "a b | false",
                "-acme | false",
                "'' | false",
                "NULL | false",
                "acme/x | false",
                "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij | true",
                "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijk | false"
            })
    void sourceNamesAreCheckedTheSameWayWhereverTheyComeFrom(String name, boolean valid) {
        assertThat(SourceProperties.isSourceName(name)).isEqualTo(valid);
    }
}
