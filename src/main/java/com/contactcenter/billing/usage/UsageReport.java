package com.contactcenter.billing.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every figure of one (source, period, group-by), as the rules define them. */
public record UsageReport(
        Period period,
        GroupBy groupBy,
        List<RoleUsers> usersByRole,
        List<UserDetail> users,
        List<ServiceUsage> services,
        List<WhatsappChannel> whatsapp,
        List<SeriesPoint> series,
        List<RoleSeriesPoint> usersByRoleSeries,
        Estimate estimate,
        List<FindingCount> dataQuality) {

    public record RoleUsers(String role, long users) {}

    public record UserDetail(
            long id,
            String name,
            String email,
            String role,
            long channels,
            long sessions,
            long messagesSent,
            long calls,
            long callMinutes,
            Instant lastLoginAt,
            List<UserBucket> buckets,
            List<AssignedChannel> assignedChannels) {}

    /** A channel assigned to a user before the period's end; {@code type} is the raw stored value. */
    public record AssignedChannel(int channelId, String name, String type) {}

    /** One user's activity in one bucket (buckets with no activity are left out). */
    public record UserBucket(LocalDate bucket, long sessions, long messagesSent, long calls, long callMinutes) {}

    public record ServiceUsage(ServiceKey key, long count, long units) {}

    public record WhatsappChannel(
            int channelId, String channel, long inbound, long outbound, List<WhatsappBucket> buckets) {}

    public record WhatsappBucket(LocalDate bucket, long inbound, long outbound) {}

    public record SeriesPoint(LocalDate bucket, ServiceKey key, long count, long units) {}

    /** Billable users of a role within one bucket. */
    public record RoleSeriesPoint(LocalDate bucket, String role, long users) {}

    public record FindingCount(Finding reason, long count) {}
}
