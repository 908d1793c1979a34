package com.contactcenter.billing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.usage.Plan;
import com.contactcenter.billing.usage.ServiceKey;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code billing.pricing.plans}, the default plan, and a source's {@code plan}. */
class PlansPropertiesTest {

    private static BillingProperties bind(Map<String, String> extra) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("billing.sources[0].name", "acme");
        map.put("billing.sources[0].url", "jdbc:h2:mem:acme");
        map.put("billing.pricing.currency", "COP");
        map.put("billing.pricing.seats[0].role", "Agente");
        map.put("billing.pricing.seats[0].monthly-price", "80000");
        map.put("billing.pricing.services[sms_out]", "50");
        map.putAll(extra);
        return new Binder(new MapConfigurationPropertySource(map)).bind("billing", BillingProperties.class).get();
    }

    @Test
    void theSingleListIsTheDefaultPlanOfATenantWithoutOne() {
        BillingProperties properties = bind(Map.of());

        Plan plan = properties.pricing().plan(properties.sources().get(0).plan());

        assertThat(plan.name()).isEqualTo("default");
        assertThat(plan.pricing()).isEqualTo(properties.pricing().toPricing());
        assertThat(properties.pricing().isNamedPlan("default")).isFalse();
    }

    @Test
    void aSourceNamesItsPlanAmongThePlansEachWithItsOwnCurrencyAndPrices() {
        BillingProperties properties = bind(Map.of("billing.sources[0].plan", "pro",
                "billing.pricing.plans.pro.currency", "USD",
                "billing.pricing.plans.pro.scale", "2",
                "billing.pricing.plans.pro.seats[0].role", "Agente",
                "billing.pricing.plans.pro.seats[0].monthly-price", "25.50",
                "billing.pricing.plans.pro.services[sms_out]", "0.0125"));

        Plan plan = properties.pricing().plan(properties.sources().get(0).plan());

        assertThat(plan.name()).isEqualTo("pro");
        assertThat(plan.pricing().currency()).isEqualTo("USD");
        assertThat(plan.pricing().seatPrices()).containsEntry("Agente", new BigDecimal("25.50"));
        assertThat(plan.pricing().unitPrices()).containsEntry(ServiceKey.SMS_OUT, new BigDecimal("0.0125"));
        assertThat(properties.pricing().allPlans()).containsOnlyKeys("default", "pro");
        assertThat(properties.pricing().isNamedPlan("pro")).isTrue();
    }

    @Test
    void anUnknownPlanOnASourceStopsTheStartNamingIt() {
        assertThatThrownBy(() -> bind(Map.of("billing.sources[0].plan", "gold",
                "billing.pricing.plans.pro.currency", "USD")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessage("billing.sources 'acme' has the plan 'gold', which is not in billing.pricing.plans"
                        + " (plans: default, pro)");
    }

    @Test
    void theDefaultPlanMayBeANamedPlanWhenTheSingleListIsEmpty() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("billing.sources[0].name", "acme");
        map.put("billing.sources[0].url", "jdbc:h2:mem:acme");
        map.put("billing.pricing.default-plan", "basic");
        map.put("billing.pricing.plans.basic.currency", "MXN");
        BillingProperties properties = new Binder(new MapConfigurationPropertySource(map))
                .bind("billing", BillingProperties.class).get();

        assertThat(properties.pricing().plan(null).pricing().currency()).isEqualTo("MXN");
        assertThat(properties.pricing().allPlans()).containsOnlyKeys("basic");
    }

    @Test
    void pricesBothInTheSingleListAndInTheNamedDefaultPlanAreRefused() {
        assertThatThrownBy(() -> bind(Map.of("billing.pricing.default-plan", "basic",
                "billing.pricing.plans.basic.currency", "MXN")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("billing.pricing.plans.basic is the default plan too");
    }
}
