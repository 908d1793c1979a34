package com.contactcenter.billing;

import com.contactcenter.billing.cli.Cli;
import com.contactcenter.billing.config.BillingProperties;
import com.contactcenter.billing.validation.DateLimits;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableConfigurationProperties(BillingProperties.class)
public class BillingApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The dates a request may name (billing.sync.earliest-date, max-days-per-request), for every door. */
    @Bean
    DateLimits dateLimits(BillingProperties properties, Clock clock) {
        return DateLimits.of(properties, clock);
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
