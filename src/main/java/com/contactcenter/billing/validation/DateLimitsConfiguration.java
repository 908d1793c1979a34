package com.contactcenter.billing.validation;

import com.contactcenter.billing.config.BillingProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dates a request may name ({@code billing.sync.earliest-date}, {@code max-days-per-request}), for every door. */
@Configuration(proxyBeanMethods = false)
class DateLimitsConfiguration {

    @Bean
    DateLimits dateLimits(BillingProperties properties, Clock clock) {
        return DateLimits.of(properties, clock);
    }
}
