package com.contactcenter.billing.schedule;

import com.contactcenter.billing.snapshot.SnapshotJob;
import java.util.Locale;

/**
 * What a trigger starts: the nightly sync, a month's snapshots (with or without reports), or the
 * intraday refresh.
 */
enum ScheduledWork {

    /** {@code usageSyncJob} over every source's nightly window. */
    NIGHTLY_SYNC("usageSyncJob"),
    /** {@code snapshotJob} of the month holding the fire time, in the schedule's zone. */
    CURRENT_MONTH_SNAPSHOT(SnapshotJob.NAME),
    /** {@code snapshotJob} of the month before the fire time, with reports when configured. */
    PREVIOUS_MONTH_CLOSE(SnapshotJob.NAME),
    /**
     * {@code usageSyncJob} over today and yesterday of every free source, then that source's
     * snapshots of today, this week and this month ({@code snapshotJob} with {@code intraday=true}).
     */
    INTRADAY_SYNC("usageSyncJob");

    private final String jobName;

    ScheduledWork(String jobName) {
        this.jobName = jobName;
    }

    /** The Batch job the work starts. */
    String jobName() {
        return jobName;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ScheduledWork parse(String code) {
        for (ScheduledWork w : values()) {
            if (w.code().equals(code)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown scheduled work '" + code + "'");
    }
}
