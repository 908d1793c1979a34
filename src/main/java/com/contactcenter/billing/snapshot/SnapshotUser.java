package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.usage.UsageReport.AssignedChannel;
import com.contactcenter.billing.usage.UsageReport.UserBucket;
import java.time.Instant;
import java.util.List;

/**
 * A billable user's figures in a snapshot's document; {@code lastLoginAt} null when never. Its
 * lists, assigned channels and activity per bucket, are read only when asked for ({@link Detail}):
 * they are most of what a user costs to read.
 */
public record SnapshotUser(
        long id,
        String name,
        String email,
        String role,
        long channels,
        long sessions,
        long messagesSent,
        long calls,
        long callMinutes,
        Instant lastLoginAt) {

    /** What "most active" means when a report lists only some users. */
    public long activity() {
        return sessions + messagesSent + calls + callMinutes;
    }

    /** A user with the channels assigned to it and its activity per bucket. */
    public record Detail(SnapshotUser user, List<AssignedChannel> assignedChannels, List<UserBucket> activity) {}
}
