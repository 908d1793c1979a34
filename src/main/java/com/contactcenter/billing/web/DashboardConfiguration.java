package com.contactcenter.billing.web;

import com.contactcenter.billing.report.ReportProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * The dashboard speaks the language of the reports ({@code billing.report.locale}, Spanish by
 * default), whatever the browser asks for: admins compare the screen with the reports.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DashboardConfiguration {

    @Bean
    LocaleResolver localeResolver(ReportProperties reports) {
        return new FixedLocaleResolver(reports.locale());
    }
}
