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

    public UsageReport compute(
            Period period,
            GroupBy groupBy,
            ReferenceData reference,
            List<ChannelFact> channelFacts,
            List<FindingFact> findingFacts,
            List<UserFact> userFacts) {
        Roles roles = reference.roles();
        List<UserRecord> billable =
                reference.users().stream().filter(u -> u.billableIn(period)).toList();

        List<RoleUsers> usersByRole = usersByRole(roles, billable);
        List<UserDetail> users = userDetails(period, groupBy, reference, billable, userFacts);
        Map<ServiceKey, ServiceSums> totals = serviceTotals(period, channelFacts);
        List<ServiceUsage> services = new ArrayList<>();
        totals.forEach((key, sums) -> services.add(new ServiceUsage(key, sums.count, sums.units)));

        Map<String, Long> seats = new LinkedHashMap<>();
        usersByRole.forEach(r -> seats.put(r.role(), r.users()));
        Map<ServiceKey, Long> units = new EnumMap<>(ServiceKey.class);
        totals.forEach((key, sums) -> units.put(key, sums.units));
        Estimate estimate = new Estimator(pricing)
                .estimate(period, seats, (role, part) -> countBillable(reference.users(), roles, role, part), units);

        return new UsageReport(
                period,
                groupBy,
                usersByRole,
                users,
                services,
                whatsapp(period, groupBy, reference, channelFacts),
                series(period, groupBy, channelFacts),
                usersByRoleSeries(period, groupBy, roles, billable, usersByRole),
                estimate,
                dataQuality(period, reference, billable, findingFacts));
    }

    private static long countBillable(List<UserRecord> users, Roles roles, String role, Period part) {
        return users.stream()
                .filter(u -> u.billableIn(part) && roles.nameOf(u.roleId()).equals(role))
                .count();
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

    private static List<UserDetail> userDetails(
            Period period,
            GroupBy groupBy,
            ReferenceData reference,
            List<UserRecord> billable,
            List<UserFact> userFacts) {
        Instant end = period.endUtc();
        // One value per channel, shared by its users: 100,000 users hold some 300,000 assignments.
        Map<Integer, AssignedChannel> assignable = new HashMap<>();
        Map<Long, List<AssignedChannel>> channels = new HashMap<>();
        for (UserChannel uc : reference.userChannels()) {
            Channel channel = reference.channels().get(uc.channelId());
            if (uc.assignedAt().isBefore(end) && channel != null) {
                channels.computeIfAbsent(uc.userId(), k -> new ArrayList<>(2))
                        .add(assignable.computeIfAbsent(
                                channel.id(), id -> new AssignedChannel(channel.id(), channel.name(), channel.type())));
            }
        }
        channels.values().forEach(list -> list.sort(Comparator.comparingInt(AssignedChannel::channelId)));
        Map<Long, TreeMap<LocalDate, UserSums>> activity = new HashMap<>();
        for (UserFact f : userFacts) {
            if (period.contains(f.day())) {
                activity.computeIfAbsent(f.userId(), k -> new TreeMap<>())
                        .computeIfAbsent(period.bucketOf(f.day(), groupBy), k -> new UserSums())
                        .add(f.sessions(), f.messagesSent(), f.calls(), f.callMinutes());
            }
        }
        List<UserDetail> details = new ArrayList<>(billable.size());
        for (UserRecord u : billable) {
            UserSums total = new UserSums();
            // Taken out as each user is done, so the sums and the details are not both held whole.
            TreeMap<LocalDate, UserSums> sumsByBucket = activity.remove(u.id());
            if (sumsByBucket == null) {
                sumsByBucket = new TreeMap<>();
            }
            List<UserBucket> buckets = new ArrayList<>(sumsByBucket.size());
            sumsByBucket.forEach((bucket, sums) -> {
                total.add(sums.sessions, sums.messagesSent, sums.calls, sums.callMinutes);
                buckets.add(new UserBucket(bucket, sums.sessions, sums.messagesSent, sums.calls, sums.callMinutes));
            });
            List<AssignedChannel> assigned = channels.getOrDefault(u.id(), List.of());
            details.add(new UserDetail(
                    u.id(),
                    u.name(),
                    u.email(),
                    reference.roles().nameOf(u.roleId()),
                    assigned.size(),
                    total.sessions,
                    total.messagesSent,
                    total.calls,
                    total.callMinutes,
                    u.lastLoginAt(),
                    buckets,
                    assigned));
        }
        details.sort((a, b) -> Long.compare(a.id(), b.id()));
        return details;
    }

    private static Map<ServiceKey, ServiceSums> serviceTotals(Period period, List<ChannelFact> channelFacts) {
        Map<ServiceKey, ServiceSums> totals = ServiceSums.perService();
        for (ChannelFact f : channelFacts) {
            if (period.contains(f.day())) {
                totals.get(f.key()).add(f);
            }
        }
        return totals;
    }

    private static List<SeriesPoint> series(Period period, GroupBy groupBy, List<ChannelFact> channelFacts) {
        Map<LocalDate, Map<ServiceKey, ServiceSums>> byBucket = new TreeMap<>();
        for (Bucket b : period.buckets(groupBy)) {
            byBucket.put(b.first(), ServiceSums.perService());
        }
        for (ChannelFact f : channelFacts) {
            if (period.contains(f.day())) {
                byBucket.get(period.bucketOf(f.day(), groupBy)).get(f.key()).add(f);
            }
        }
        List<SeriesPoint> series = new ArrayList<>();
        byBucket.forEach((bucket, keys) ->
                keys.forEach((key, sums) -> series.add(new SeriesPoint(bucket, key, sums.count, sums.units))));
        return series;
    }

    private static List<WhatsappChannel> whatsapp(
            Period period, GroupBy groupBy, ReferenceData reference, List<ChannelFact> channelFacts) {
        List<Bucket> buckets = period.buckets(groupBy);
        Map<Integer, Map<LocalDate, WhatsappSums>> byChannel = new TreeMap<>();
        reference.channels().values().stream()
                .filter(c ->
                        c.knownType().filter(t -> t == ChannelType.WHATSAPP).isPresent())
                .forEach(c -> {
                    Map<LocalDate, WhatsappSums> perBucket = new TreeMap<>();
                    buckets.forEach(b -> perBucket.put(b.first(), new WhatsappSums()));
                    byChannel.put(c.id(), perBucket);
                });
        for (ChannelFact f : channelFacts) {
            Map<LocalDate, WhatsappSums> perBucket = byChannel.get(f.channelId());
            if (perBucket != null && period.contains(f.day())) {
                perBucket.get(period.bucketOf(f.day(), groupBy)).add(f);
            }
        }
        List<WhatsappChannel> result = new ArrayList<>();
        byChannel.forEach((id, perBucket) -> {
            long inbound = 0;
            long outbound = 0;
            List<WhatsappBucket> rows = new ArrayList<>();
            for (Map.Entry<LocalDate, WhatsappSums> e : perBucket.entrySet()) {
                inbound += e.getValue().inbound;
                outbound += e.getValue().outbound;
                rows.add(new WhatsappBucket(e.getKey(), e.getValue().inbound, e.getValue().outbound));
            }
            result.add(new WhatsappChannel(id, reference.channels().get(id).name(), inbound, outbound, rows));
        });
        return result;
    }

    /** Billable users per role in each bucket; roles listed as in the period's users by role. */
    private static List<RoleSeriesPoint> usersByRoleSeries(
            Period period, GroupBy groupBy, Roles roles, List<UserRecord> billable, List<RoleUsers> usersByRole) {
        List<RoleSeriesPoint> points = new ArrayList<>();
        for (Bucket b : period.buckets(groupBy)) {
            Period part = new Period(b.first(), b.last(), period.zone());
            Map<String, Long> counts = new LinkedHashMap<>();
            usersByRole.forEach(r -> counts.put(r.role(), 0L));
            billable.stream()
                    .filter(u -> u.billableIn(part))
                    .forEach(u -> counts.merge(roles.nameOf(u.roleId()), 1L, Long::sum));
            counts.forEach((role, users) -> points.add(new RoleSeriesPoint(b.first(), role, users)));
        }
        return points;
    }

    private static List<FindingCount> dataQuality(
            Period period, ReferenceData reference, List<UserRecord> billable, List<FindingFact> findingFacts) {
        Map<Finding, Long> counts = new EnumMap<>(Finding.class);
        for (FindingFact f : findingFacts) {
            if (period.contains(f.day())) {
                counts.merge(f.reason(), f.count(), Long::sum);
            }
        }
        Instant end = period.endUtc();
        long deactivatedBeforeCreated = reference.users().stream()
                .filter(u -> u.createdAt().isBefore(end) && u.deactivatedBeforeCreated())
                .count();
        long unknownRole = billable.stream()
                .filter(u -> !reference.roles().isKnown(u.roleId()))
                .count();
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

    /** A service's running count and units. */
    private static final class ServiceSums {
        long count;
        long units;

        static Map<ServiceKey, ServiceSums> perService() {
            Map<ServiceKey, ServiceSums> sums = new EnumMap<>(ServiceKey.class);
            for (ServiceKey key : ServiceKey.values()) {
                sums.put(key, new ServiceSums());
            }
            return sums;
        }

        void add(ChannelFact f) {
            count += f.count();
            units += f.units();
        }
    }

    /** A user's running figures, in a bucket or over the period. */
    private static final class UserSums {
        long sessions;
        long messagesSent;
        long calls;
        long callMinutes;

        void add(long moreSessions, long moreMessagesSent, long moreCalls, long moreCallMinutes) {
            sessions += moreSessions;
            messagesSent += moreMessagesSent;
            calls += moreCalls;
            callMinutes += moreCallMinutes;
        }
    }

    /** A WhatsApp channel's running messages in a bucket; its other services are not counted here. */
    private static final class WhatsappSums {
        long inbound;
        long outbound;

        void add(ChannelFact f) {
            if (f.key() == ServiceKey.WHATSAPP_IN) {
                inbound += f.count();
            } else if (f.key() == ServiceKey.WHATSAPP_OUT) {
                outbound += f.count();
            }
        }
    }
}
