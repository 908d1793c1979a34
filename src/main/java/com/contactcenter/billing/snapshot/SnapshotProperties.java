package com.contactcenter.billing.snapshot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Snapshot versions ({@code billing.snapshot}): how many intraday ones are kept. */
@ConfigurationProperties("billing.snapshot")
public record SnapshotProperties(@DefaultValue RetentionProperties retention) {

    /**
     * @param intradayKeep intraday versions kept per snapshot key whose period is still open (ends
     *     today or later), besides the newest version and those a report was rendered from
     * @param adhocKeep per source, the dashboard's custom ranges (and their comparison periods) whose
     *     newest version is kept: the most recently computed ones; besides those a report was rendered from
     */
    public record RetentionProperties(
            @DefaultValue("48") int intradayKeep,
            @DefaultValue("20") int adhocKeep) {

        public RetentionProperties {
            if (intradayKeep < 0) {
                throw new IllegalArgumentException("billing.snapshot.retention.intraday-keep must be 0 or more");
            }
            if (adhocKeep < 2) {
                throw new IllegalArgumentException("billing.snapshot.retention.adhoc-keep must be 2 or more:"
                        + " a custom range and its comparison period");
            }
        }
    }
}
