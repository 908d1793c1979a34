package com.contactcenter.billing;

import com.contactcenter.billing.budget.BudgetProperties;
import com.contactcenter.billing.cli.Cli;
import com.contactcenter.billing.ops.LockProperties;
import com.contactcenter.billing.pricing.PricingProperties;
import com.contactcenter.billing.report.ExportProperties;
import com.contactcenter.billing.report.ReportProperties;
import com.contactcenter.billing.schedule.ScheduleProperties;
import com.contactcenter.billing.snapshot.SnapshotProperties;
import com.contactcenter.billing.source.ServerConnectionsProperties;
import com.contactcenter.billing.source.TenantsProperties;
import com.contactcenter.billing.sync.SyncProperties;
import com.contactcenter.billing.web.SecurityProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The whole application, as {@code serve} runs it; the other commands start {@code cli.CommandApplication}. */
@SpringBootApplication
@EnableConfigurationProperties({
    TenantsProperties.class,
    BudgetProperties.class,
    ServerConnectionsProperties.class,
    PricingProperties.class,
    SyncProperties.class,
    SnapshotProperties.class,
    ReportProperties.class,
    ExportProperties.class,
    LockProperties.class,
    ScheduleProperties.class,
    SecurityProperties.class
})
public class BillingApplication {

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
