package com.contactcenter.billing.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.pricing.PricingProperties;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.source.TenantsProperties;
import com.contactcenter.billing.source.TestRegistries;
import com.contactcenter.billing.support.SourceDatabases;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Where a tenant's budget comes from: {@code billing.budgets} (checked at start), or its directory
 * row's {@code monthly_budget}, which wins for a directory tenant; a bad directory value is logged
 * and left out, and the tenant falls back to its YAML budget if it has one.
 */
@ExtendWith(OutputCaptureExtension.class)
class BudgetSourcesTest {

    private static final String CONTROL_URL = SourceDatabases.h2Url("budget_dir_control");
    private static final PricingProperties PRICING =
            new Binder().bindOrCreate("billing.pricing", PricingProperties.class);

    private static BudgetProperties bind(Map<String, String> map) {
        return new Binder(new MapConfigurationPropertySource(map))
                .bind("billing", BudgetProperties.class)
                .get();
    }

    @Test
    void readsEachYamlBudgetAsAnAmount() {
        // given
        Map<String, String> map = new LinkedHashMap<>();
        map.put("billing.budgets.acme", "5000000");
        map.put("billing.budgets.[tenant_two]", " 1200.50 ");

        // when
        BudgetProperties budgets = bind(map);

        // then
        assertThat(budgets.budget("acme")).contains(new BigDecimal("5000000"));
        assertThat(budgets.budget("tenant_two")).contains(new BigDecimal("1200.50"));
        assertThat(budgets.budget("ACME")).contains(new BigDecimal("5000000"));
        assertThat(budgets.budget("other")).isEmpty();
        assertThat(budgets.alerts().webhook()).isFalse();
        assertThat(budgets.alerts().webhookSecretEnv()).isEqualTo("BILLING_ALERTS_WEBHOOK_SECRET");
        assertThat(budgets.alerts().maxAttempts()).isEqualTo(5);
    }

    @ParameterizedTest(name = "billing.budgets.acme = {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "-1        | billing.budgets.acme must be 0 or more, not -1",
                "-0.01     | billing.budgets.acme must be 0 or more, not -0.01",
                "5.000.000 | billing.budgets.acme must be an amount (e.g. 5000000), not '5.000.000'",
                "5000000 COP | billing.budgets.acme must be an amount (e.g. 5000000), not '5000000 COP'",
            })
    void aNegativeOrUnreadableYamlBudgetStopsTheStartNamingTheTenant(String value, String message) {
        assertThatThrownBy(() -> bind(Map.of("billing.budgets.acme", value)))
                .isInstanceOf(BindException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aDirectoryTenantsMonthlyBudgetWinsOverYamlAndABadOneIsLoggedAndLeftOut(CapturedOutput output) {
        // given: a control database listing four tenants with a text column monthly_budget
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel("com.contactcenter.billing.source", LogLevel.INFO);
        DataSource control = new DriverManagerDataSource(CONTROL_URL, "ctl", "ctl-pw");
        String tenantUrl = SourceDatabases.h2Url("budget_dir_tenant");
        SourceDatabases.execute(
                control,
                List.of(
                        "DROP TABLE IF EXISTS tenants",
                        "CREATE TABLE tenants (id INT PRIMARY KEY, name VARCHAR(80), url VARCHAR(300),"
                                + " time_zone VARCHAR(60), monthly_budget VARCHAR(40))",
                        "INSERT INTO tenants VALUES (1, 'alpha', '" + tenantUrl + "', 'America/Bogota', '5000000')",
                        "INSERT INTO tenants VALUES (2, 'beta', '" + tenantUrl + "', 'America/Bogota', 'cinco mil')",
                        "INSERT INTO tenants VALUES (3, 'gamma', '" + tenantUrl + "', 'America/Bogota', '-10')",
                        "INSERT INTO tenants VALUES (4, 'delta', '" + tenantUrl + "', 'America/Bogota', NULL)",
                        "INSERT INTO tenants VALUES (5, 'eps', '" + tenantUrl + "', 'America/Bogota', ' 0.50 ')"));
        Map<String, String> map = new LinkedHashMap<>();
        map.put("billing.sources[0].name", "acme");
        map.put("billing.sources[0].url", SourceDatabases.h2Url("budget_dir_acme"));
        map.put("billing.directory.url", CONTROL_URL);
        map.put("billing.directory.username", "ctl");
        map.put("billing.directory.password", "ctl-pw");
        map.put("billing.directory.query", "SELECT name, url, time_zone, monthly_budget FROM tenants ORDER BY id");
        TenantsProperties tenants = new Binder(new MapConfigurationPropertySource(map))
                .bind("billing", TenantsProperties.class)
                .get();
        BudgetProperties yaml = bind(Map.of(
                "billing.budgets.acme", "100",
                "billing.budgets.alpha", "999",
                "billing.budgets.beta", "777",
                "billing.budgets.delta", "555"));
        SourceRegistry registry = TestRegistries.of(tenants, PRICING);
        try {
            BudgetService service = new BudgetService(registry, yaml, null, PRICING, null, null, null);

            // when
            Map<String, Optional<BigDecimal>> budgets = new LinkedHashMap<>();
            for (String name : List.of("acme", "alpha", "beta", "gamma", "delta", "eps", "nowhere")) {
                budgets.put(name, service.budget(name));
            }

            // then
            assertThat(budgets)
                    .containsExactly(
                            Map.entry("acme", Optional.of(new BigDecimal("100"))),
                            Map.entry("alpha", Optional.of(new BigDecimal("5000000"))),
                            Map.entry("beta", Optional.of(new BigDecimal("777"))),
                            Map.entry("gamma", Optional.empty()),
                            Map.entry("delta", Optional.of(new BigDecimal("555"))),
                            Map.entry("eps", Optional.of(new BigDecimal("0.50"))),
                            Map.entry("nowhere", Optional.empty()));
            assertThat(registry.names()).containsExactly("acme", "alpha", "beta", "gamma", "delta", "eps");
            assertThat(output.getOut())
                    .contains("directory row 2 ('beta'): monthly_budget 'cinco mil' is not an amount; left out")
                    .contains("directory row 3 ('gamma'): monthly_budget -10 is negative; left out")
                    .doesNotContain("ctl-pw");
        } finally {
            registry.destroy();
        }
    }
}
