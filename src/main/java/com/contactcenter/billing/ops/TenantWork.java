package com.contactcenter.billing.ops;

import com.contactcenter.billing.snapshot.SnapshotJob;
import java.util.Locale;

/**
 * What a request asks of each of its tenants. Each is one tenant's Batch jobs, run in order on
 * whichever node takes the tenant.
 */
public enum TenantWork {

    /** {@code usageSyncJob} over the request's range, or the tenant's nightly window. */
    SYNC(JobRunner.SYNC_JOB),
    /**
     * {@code usageSyncJob} over today and yesterday in the tenant's zone, then its intraday
     * snapshots ({@code snapshotJob} with {@code intraday=true}).
     */
    INTRADAY(JobRunner.SYNC_JOB),
    /** {@code snapshotJob} of the request's month. */
    SNAPSHOT(SnapshotJob.NAME),
    /** {@code snapshotJob} of the request's month, with its reports. */
    SNAPSHOT_REPORTS(SnapshotJob.NAME);

    private final String jobName;

    TenantWork(String jobName) {
        this.jobName = jobName;
    }

    /** The Batch job the work starts with. */
    public String jobName() {
        return jobName;
    }

    public boolean syncs() {
        return jobName.equals(JobRunner.SYNC_JOB);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static TenantWork parse(String code) {
        for (TenantWork w : values()) {
            if (w.code().equals(code)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown tenant work '" + code + "'");
    }
}
