package com.contactcenter.billing.web;

import com.contactcenter.billing.report.ReportProperties;
import com.contactcenter.billing.sync.SyncProperties;
import com.contactcenter.billing.validation.DateLimits;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dates a request to the API may name ({@code billing.sync.earliest-date}, {@code max-days-per-request}),
 * refused in {@code billing.report.locale}; the command line makes its own from the same settings.
 */
@Configuration(proxyBeanMethods = false)
class DateLimitsConfiguration {

    @Bean
    DateLimits dateLimits(SyncProperties sync, ReportProperties reports, Clock clock) {
        return new DateLimits(sync.earliestDate(), sync.maxDaysPerRequest(), reports.locale(), clock);
    }
}
