package com.contactcenter.billing;

import com.contactcenter.billing.cli.Cli;
import com.contactcenter.billing.config.BillingProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The whole application, as {@code serve} runs it; the other commands start {@code cli.CommandApplication}. */
@SpringBootApplication
@EnableConfigurationProperties(BillingProperties.class)
public class BillingApplication {

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
