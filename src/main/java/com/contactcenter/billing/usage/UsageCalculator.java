package com.contactcenter.billing.usage;

import com.contactcenter.billing.usage.DayFacts.ChannelFact;
import com.contactcenter.billing.usage.DayFacts.FindingFact;
import com.contactcenter.billing.usage.DayFacts.UserFact;
import com.contactcenter.billing.usage.UsageReport.AssignedChannel;
import com.contactcenter.billing.usage.UsageReport.FindingCount;
import com.contactcenter.billing.usage.UsageReport.RoleSeriesPoint;
import com.contactcenter.billing.usage.UsageReport.RoleUsers;
import com.contactcenter.billing.usage.UsageReport.SeriesPoint;
import com.contactcenter.billing.usage.UsageReport.ServiceUsage;
import com.contactcenter.billing.usage.UsageReport.UserBucket;
import com.contactcenter.billing.usage.UsageReport.UserDetail;
import com.contactcenter.billing.usage.UsageReport.WhatsappBucket;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a source's reference data and day facts into the figures of one period. */
public final class UsageCalculator {

    private final Pricing pricing;

    public UsageCalculator(Pricing pricing) {
        this.pricing = pricing;
    }

    public UsageReport compute(Period period, GroupBy groupBy, ReferenceData reference, List<ChannelFact> channelFacts,
            List<FindingFact> findingFacts, List<UserFact> userFacts) {
        Roles roles = reference.roles();
        List<UserRecord> billable = reference.users().stream().filter(u -> u.billableIn(period)).toList();

        List<RoleUsers> usersByRole = usersByRole(roles, billable);
        List<UserDetail> users = userDetails(period, groupBy, reference, billable, userFacts);
        Map<ServiceKey, long[]> totals = serviceTotals(period, channelFacts);
        List<ServiceUsage> services = new ArrayList<>();
        totals.forEach((key, sums) -> services.add(new ServiceUsage(key, sums[0], sums[1])));

        Map<String, Long> seats = new LinkedHashMap<>();
        usersByRole.forEach(r -> seats.put(r.role(), r.users()));
        Map<ServiceKey, Long> units = new EnumMap<>(ServiceKey.class);
        totals.forEach((key, sums) -> units.put(key, sums[1]));
        Estimate estimate = new Estimator(pricing).estimate(period, seats,
                (role, part) -> countBillable(reference.users(), roles, role, part), units);

        return new UsageReport(period, groupBy, usersByRole, users, services,
                whatsapp(period, groupBy, reference, channelFacts), series(period, groupBy, channelFacts),
                usersByRoleSeries(period, groupBy, roles, billable, usersByRole),
                estimate, dataQuality(period, reference, billable, findingFacts));
    }

    private static long countBillable(List<UserRecord> users, Roles roles, String role, Period part) {
        return users.stream().filter(u -> u.billableIn(part) && roles.nameOf(u.roleId()).equals(role)).count();
    }

    /** Every role with billable users plus every role of the source, by name; "Sin rol" only with users. */
    private static List<RoleUsers> usersByRole(Roles roles, List<UserRecord> billable) {
        Map<String, Long> byRole = new TreeMap<>();
        roles.namesById().values().forEach(name -> byRole.put(name, 0L));
        billable.forEach(u -> byRole.merge(roles.nameOf(u.roleId()), 1L, Long::sum));
        List<RoleUsers> result = new ArrayList<>();
        byRole.forEach((role, users) -> result.add(new RoleUsers(role, users)));
        return result;
    }

    private static List<UserDetail> userDetails(Period period, GroupBy groupBy, ReferenceData reference,
            List<UserRecord> billable, List<UserFact> userFacts) {
        Instant end = period.endUtc();
        // One value per channel, shared by its users: 100,000 users hold some 300,000 assignments.
        Map<Integer, AssignedChannel> assignable = new HashMap<>();
        Map<Long, List<AssignedChannel>> channels = new HashMap<>();
        for (UserChannel uc : reference.userChannels()) {
            Channel channel = reference.channels().get(uc.channelId());
            if (uc.assignedAt().isBefore(end) && channel != null) {
                channels.computeIfAbsent(uc.userId(), k -> new ArrayList<>(2)).add(assignable.computeIfAbsent(
                        channel.id(), id -> new AssignedChannel(channel.id(), channel.name(), channel.type())));
            }
        }
        channels.values().forEach(list -> list.sort(Comparator.comparingInt(AssignedChannel::channelId)));
        Map<Long, TreeMap<LocalDate, long[]>> activity = new HashMap<>();
        for (UserFact f : userFacts) {
            if (period.contains(f.day())) {
                long[] sums = activity.computeIfAbsent(f.userId(), k -> new TreeMap<>())
                        .computeIfAbsent(period.bucketOf(f.day(), groupBy), k -> new long[4]);
                sums[0] += f.sessions();
                sums[1] += f.messagesSent();
                sums[2] += f.calls();
                sums[3] += f.callMinutes();
            }
        }
        List<UserDetail> details = new ArrayList<>(billable.size());
        for (UserRecord u : billable) {
            long[] total = new long[4];
            // Taken out as each user is done, so the sums and the details are not both held whole.
            TreeMap<LocalDate, long[]> sumsByBucket = activity.remove(u.id());
            if (sumsByBucket == null) {
                sumsByBucket = new TreeMap<>();
            }
            List<UserBucket> buckets = new ArrayList<>(sumsByBucket.size());
            sumsByBucket.forEach((bucket, sums) -> {
                for (int i = 0; i < 4; i++) {
                    total[i] += sums[i];
                }
                buckets.add(new UserBucket(bucket, sums[0], sums[1], sums[2], sums[3]));
            });
            List<AssignedChannel> assigned = channels.getOrDefault(u.id(), List.of());
            details.add(new UserDetail(u.id(), u.name(), u.email(), reference.roles().nameOf(u.roleId()),
                    assigned.size(), total[0], total[1], total[2], total[3], u.lastLoginAt(), buckets, assigned));
        }
        details.sort((a, b) -> Long.compare(a.id(), b.id()));
        return details;
    }

    private static Map<ServiceKey, long[]> serviceTotals(Period period, List<ChannelFact> channelFacts) {
        Map<ServiceKey, long[]> totals = new EnumMap<>(ServiceKey.class);
        for (ServiceKey key : ServiceKey.values()) {
            totals.put(key, new long[2]);
        }
        for (ChannelFact f : channelFacts) {
            if (period.contains(f.day())) {
                long[] sums = totals.get(f.key());
                sums[0] += f.count();
                sums[1] += f.units();
            }
        }
        return totals;
    }

    private static List<SeriesPoint> series(Period period, GroupBy groupBy, List<ChannelFact> channelFacts) {
        Map<LocalDate, Map<ServiceKey, long[]>> byBucket = new TreeMap<>();
        for (Bucket b : period.buckets(groupBy)) {
            Map<ServiceKey, long[]> keys = new EnumMap<>(ServiceKey.class);
            for (ServiceKey key : ServiceKey.values()) {
                keys.put(key, new long[2]);
            }
            byBucket.put(b.first(), keys);
        }
        for (ChannelFact f : channelFacts) {
            if (period.contains(f.day())) {
                long[] sums = byBucket.get(period.bucketOf(f.day(), groupBy)).get(f.key());
                sums[0] += f.count();
                sums[1] += f.units();
            }
        }
        List<SeriesPoint> series = new ArrayList<>();
        byBucket.forEach((bucket, keys) -> keys.forEach((key, sums) ->
                series.add(new SeriesPoint(bucket, key, sums[0], sums[1]))));
        return series;
    }

    private static List<WhatsappChannel> whatsapp(Period period, GroupBy groupBy, ReferenceData reference,
            List<ChannelFact> channelFacts) {
        List<Bucket> buckets = period.buckets(groupBy);
        Map<Integer, Map<LocalDate, long[]>> byChannel = new TreeMap<>();
        reference.channels().values().stream()
                .filter(c -> c.knownType().filter(t -> t == ChannelType.WHATSAPP).isPresent())
                .forEach(c -> {
                    Map<LocalDate, long[]> perBucket = new TreeMap<>();
                    buckets.forEach(b -> perBucket.put(b.first(), new long[2]));
                    byChannel.put(c.id(), perBucket);
                });
        for (ChannelFact f : channelFacts) {
            Map<LocalDate, long[]> perBucket = byChannel.get(f.channelId());
            if (perBucket != null && period.contains(f.day())
                    && (f.key() == ServiceKey.WHATSAPP_IN || f.key() == ServiceKey.WHATSAPP_OUT)) {
                perBucket.get(period.bucketOf(f.day(), groupBy))[f.key() == ServiceKey.WHATSAPP_IN ? 0 : 1] += f.count();
            }
        }
        List<WhatsappChannel> result = new ArrayList<>();
        byChannel.forEach((id, perBucket) -> {
            long inbound = 0;
            long outbound = 0;
            List<WhatsappBucket> rows = new ArrayList<>();
            for (Map.Entry<LocalDate, long[]> e : perBucket.entrySet()) {
                inbound += e.getValue()[0];
                outbound += e.getValue()[1];
                rows.add(new WhatsappBucket(e.getKey(), e.getValue()[0], e.getValue()[1]));
            }
            result.add(new WhatsappChannel(id, reference.channels().get(id).name(), inbound, outbound, rows));
        });
        return result;
    }

    /** Billable users per role in each bucket; roles listed as in the period's users by role. */
    private static List<RoleSeriesPoint> usersByRoleSeries(Period period, GroupBy groupBy, Roles roles,
            List<UserRecord> billable, List<RoleUsers> usersByRole) {
        List<RoleSeriesPoint> points = new ArrayList<>();
        for (Bucket b : period.buckets(groupBy)) {
            Period part = new Period(b.first(), b.last(), period.zone());
            Map<String, Long> counts = new LinkedHashMap<>();
            usersByRole.forEach(r -> counts.put(r.role(), 0L));
            billable.stream().filter(u -> u.billableIn(part))
                    .forEach(u -> counts.merge(roles.nameOf(u.roleId()), 1L, Long::sum));
            counts.forEach((role, users) -> points.add(new RoleSeriesPoint(b.first(), role, users)));
        }
        return points;
    }

    private static List<FindingCount> dataQuality(Period period, ReferenceData reference, List<UserRecord> billable,
            List<FindingFact> findingFacts) {
        Map<Finding, Long> counts = new EnumMap<>(Finding.class);
        for (FindingFact f : findingFacts) {
            if (period.contains(f.day())) {
                counts.merge(f.reason(), f.count(), Long::sum);
            }
        }
        Instant end = period.endUtc();
        long deactivatedBeforeCreated = reference.users().stream()
                .filter(u -> u.createdAt().isBefore(end) && u.deactivatedBeforeCreated()).count();
        long unknownRole = billable.stream().filter(u -> !reference.roles().isKnown(u.roleId())).count();
        counts.merge(Finding.DEACTIVATED_BEFORE_CREATED, deactivatedBeforeCreated, Long::sum);
        counts.merge(Finding.UNKNOWN_ROLE, unknownRole, Long::sum);
        List<FindingCount> result = new ArrayList<>();
        counts.forEach((reason, count) -> {
            if (count > 0) {
                result.add(new FindingCount(reason, count));
            }
        });
        return result;
    }

}
