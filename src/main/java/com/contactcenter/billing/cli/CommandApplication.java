package com.contactcenter.billing.cli;

import com.contactcenter.billing.BillingApplication;
import com.contactcenter.billing.budget.BudgetProperties;
import com.contactcenter.billing.ops.LockProperties;
import com.contactcenter.billing.pricing.PricingProperties;
import com.contactcenter.billing.report.ExportProperties;
import com.contactcenter.billing.report.ReportProperties;
import com.contactcenter.billing.snapshot.SnapshotProperties;
import com.contactcenter.billing.source.ServerConnectionsProperties;
import com.contactcenter.billing.source.TenantsProperties;
import com.contactcenter.billing.sync.SyncProperties;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

/**
 * The application as every command but {@code serve} starts it: the warehouse (pool, Flyway,
 * transactions), Spring Batch and the billing components. Only the auto-configurations named here:
 * no web server, security, OpenAPI, templates, actuator or Boot's Quartz scheduler (the schedule's
 * triggers fire in {@code serve} only; a {@code sync} runs tenants' jobs on its own scheduler,
 * {@code ops.WorkScheduler}). Left out of the scan: the web package (API, dashboard, security), the
 * schedule's trigger registration and launches (they need Boot's scheduler), and the actuator's
 * source health. The settings bound are every capability's but the schedule's and the API accounts'.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    TenantsProperties.class,
    BudgetProperties.class,
    ServerConnectionsProperties.class,
    PricingProperties.class,
    SyncProperties.class,
    SnapshotProperties.class,
    ReportProperties.class,
    ExportProperties.class,
    LockProperties.class
})
@ImportAutoConfiguration({
    ConfigurationPropertiesAutoConfiguration.class,
    PropertyPlaceholderAutoConfiguration.class,
    LifecycleAutoConfiguration.class,
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    PersistenceExceptionTranslationAutoConfiguration.class,
    FlywayAutoConfiguration.class,
    BatchAutoConfiguration.class,
    BatchJdbcAutoConfiguration.class
})
@ComponentScan(
        basePackageClasses = BillingApplication.class,
        excludeFilters = {
            // first: a class left out by name never has its annotations (web, OpenAPI) loaded by the filters below
            @Filter(
                    type = FilterType.REGEX,
                    pattern = {
                        "com\\.contactcenter\\.billing\\.web\\..*",
                        "com\\.contactcenter\\.billing\\.schedule\\.(ScheduleRegistrar|ScheduledLaunches)",
                        "com\\.contactcenter\\.billing\\.ops\\.SourcesHealthIndicator"
                    }),
            @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BillingApplication.class),
            @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)
        })
class CommandApplication {}
