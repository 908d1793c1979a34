package com.contactcenter.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.support.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code billing.pricing}: the single list and the named plans, and which of them is the default plan. */
class PricingPropertiesTest {

    private static PricingProperties bind(Map<String, String> extra) {
        return Settings.binder(Settings.of(
                        extra,
                        "billing.pricing.currency",
                        "COP",
                        "billing.pricing.seats[0].role",
                        "Agente",
                        "billing.pricing.seats[0].monthly-price",
                        "80000",
                        "billing.pricing.services[sms_out]",
                        "50"))
                .bind("billing.pricing", PricingProperties.class)
                .get();
    }

    @Test
    void theDefaultPlanMayBeANamedPlanWhenTheSingleListIsEmpty() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("billing.pricing.default-plan", "basic");
        map.put("billing.pricing.plans.basic.currency", "MXN");
        PricingProperties pricing = new Binder(new MapConfigurationPropertySource(map))
                .bind("billing.pricing", PricingProperties.class)
                .get();

        assertThat(pricing.plan(null).pricing().currency()).isEqualTo("MXN");
        assertThat(pricing.allPlans()).containsOnlyKeys("basic");
    }

    @Test
    void pricesBothInTheSingleListAndInTheNamedDefaultPlanAreRefused() {
        assertThatThrownBy(() -> bind(
                        Map.of("billing.pricing.default-plan", "basic", "billing.pricing.plans.basic.currency", "MXN")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("billing.pricing.plans.basic is the default plan too");
    }
}
