package com.contactcenter.billing.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.pricing.PricingProperties;
import com.contactcenter.billing.support.Settings;
import com.contactcenter.billing.usage.Plan;
import com.contactcenter.billing.usage.ServiceKey;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** A source's {@code plan} among {@code billing.pricing.plans}, and the default plan of a source without one. */
class PlansPropertiesTest {

    /** The tenants and the prices, bound from the same settings as the application binds them. */
    private record Bound(TenantsProperties tenants, PricingProperties pricing) {}

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TenantsProperties.class, PricingProperties.class, ServerConnectionsProperties.class
    })
    @Import({SourceRegistry.class, ServerConnections.class})
    static class Sources {}

    private static Map<String, String> settings(Map<String, String> extra) {
        return Settings.of(
                extra,
                "billing.sources[0].name",
                "acme",
                "billing.sources[0].url",
                "jdbc:h2:mem:acme",
                "billing.pricing.currency",
                "COP",
                "billing.pricing.seats[0].role",
                "Agente",
                "billing.pricing.seats[0].monthly-price",
                "80000",
                "billing.pricing.services[sms_out]",
                "50");
    }

    private static Bound bind(Map<String, String> extra) {
        Binder binder = Settings.binder(settings(extra));
        return new Bound(
                binder.bind("billing", TenantsProperties.class).get(),
                binder.bindOrCreate("billing.pricing", PricingProperties.class));
    }

    @Test
    void theSingleListIsTheDefaultPlanOfATenantWithoutOne() {
        Bound properties = bind(Map.of());

        Plan plan =
                properties.pricing().plan(properties.tenants().sources().get(0).plan());

        assertThat(plan.name()).isEqualTo("default");
        assertThat(plan.pricing()).isEqualTo(properties.pricing().toPricing());
        assertThat(properties.pricing().isNamedPlan("default")).isFalse();
    }

    @Test
    void aSourceNamesItsPlanAmongThePlansEachWithItsOwnCurrencyAndPrices() {
        Bound properties = bind(Map.of(
                "billing.sources[0].plan",
                "pro",
                "billing.pricing.plans.pro.currency",
                "USD",
                "billing.pricing.plans.pro.scale",
                "2",
                "billing.pricing.plans.pro.seats[0].role",
                "Agente",
                "billing.pricing.plans.pro.seats[0].monthly-price",
                "25.50",
                "billing.pricing.plans.pro.services[sms_out]",
                "0.0125"));

        Plan plan =
                properties.pricing().plan(properties.tenants().sources().get(0).plan());

        assertThat(plan.name()).isEqualTo("pro");
        assertThat(plan.pricing().currency()).isEqualTo("USD");
        assertThat(plan.pricing().seatPrices()).containsEntry("Agente", new BigDecimal("25.50"));
        assertThat(plan.pricing().unitPrices()).containsEntry(ServiceKey.SMS_OUT, new BigDecimal("0.0125"));
        assertThat(properties.pricing().allPlans()).containsOnlyKeys("default", "pro");
        assertThat(properties.pricing().isNamedPlan("pro")).isTrue();
    }

    @Test
    void anUnknownPlanOnASourceStopsTheStartNamingIt() {
        ApplicationContextRunner start = new ApplicationContextRunner()
                .withUserConfiguration(Sources.class)
                .withPropertyValues(
                        settings(Map.of("billing.sources[0].plan", "gold", "billing.pricing.plans.pro.currency", "USD"))
                                .entrySet()
                                .stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toArray(String[]::new));

        start.run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessage("billing.sources 'acme' has the plan 'gold', which is not in billing.pricing.plans"
                        + " (plans: default, pro)"));
    }
}
