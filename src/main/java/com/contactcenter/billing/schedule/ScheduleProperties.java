package com.contactcenter.billing.schedule;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's triggers ({@code billing.schedule}: Quartz cron expressions, seconds first) in
 * {@code zone}. They all start jobs through one Quartz job that never runs twice at once in the
 * cluster, so a trigger due while another job runs waits for it, and triggers due at the same time
 * run by priority: the nightly sync, then the current-month snapshot refresh, then the monthly close.
 *
 * @param nightlySync the nightly sync of every source over its nightly window
 * @param snapshotRefresh the current month's snapshot of every source (after the nightly sync)
 * @param monthlyClose the previous month's snapshot and reports of every source
 * @param monthlyReports whether the monthly close also renders the reports (xlsx and pdf)
 * @param intradaySync the intraday refresh: today and yesterday of every source, then the
 *     snapshots of today, this week and this month; blank (or {@code off}) for none
 */
@ConfigurationProperties("billing.schedule")
public record ScheduleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("America/Bogota") ZoneId zone,
        @DefaultValue("0 0 2 * * ?") String nightlySync,
        @DefaultValue("0 0 2 * * ?") String snapshotRefresh,
        @DefaultValue("0 0 2 1 * ?") String monthlyClose,
        @DefaultValue("true") boolean monthlyReports,
        @DefaultValue(INTRADAY_DEFAULT) String intradaySync) {

    /** Every 30 minutes from 06:00 to 22:30. */
    public static final String INTRADAY_DEFAULT = "0 0/30 6-22 * * ?";

    /**
     * Whether the intraday trigger is configured. YAML reads an unquoted {@code off} or
     * {@code false} as a boolean, which binds as "false": both turn it off, as does blank.
     */
    public boolean intradayEnabled() {
        return intradaySync != null
                && !intradaySync.isBlank()
                && !List.of("off", "false", "-", "none")
                        .contains(intradaySync.trim().toLowerCase(Locale.ROOT));
    }
}
