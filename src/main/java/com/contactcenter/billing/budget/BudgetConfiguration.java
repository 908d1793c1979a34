package com.contactcenter.billing.budget;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook's secret comes from the process's environment variables (a test puts its own first). */
@Configuration(proxyBeanMethods = false)
class BudgetConfiguration {

    @Bean
    BudgetWebhook.SecretEnvironment secretEnvironment() {
        return System::getenv;
    }
}
