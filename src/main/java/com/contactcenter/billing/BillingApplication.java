package com.contactcenter.billing;

import com.contactcenter.billing.cli.Cli;
import com.contactcenter.billing.config.BillingProperties;
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

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
