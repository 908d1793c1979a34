package com.contactcenter.billing.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's clock with one fixed at {@code test.clock} (an ISO instant): the as-of
 * of every sync run and the computedAt of every snapshot. Import it into a Spring Boot test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    public static final String PROPERTY = "test.clock";

    @Bean
    @Primary
    Clock fixedClock(@Value("${" + PROPERTY + "}") String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
