package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.snapshot.SnapshotFigures.Coverage;
import com.contactcenter.billing.snapshot.SnapshotFigures.Estimate;
import com.contactcenter.billing.snapshot.SnapshotFigures.EstimateLine;
import com.contactcenter.billing.snapshot.SnapshotFigures.Finding;
import com.contactcenter.billing.snapshot.SnapshotFigures.ForecastFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.PeriodBounds;
import com.contactcenter.billing.snapshot.SnapshotFigures.SeriesPoint;
import com.contactcenter.billing.snapshot.SnapshotFigures.ServiceRange;
import com.contactcenter.billing.snapshot.SnapshotFigures.ServiceUsage;
import com.contactcenter.billing.snapshot.SnapshotFigures.Version;
import com.contactcenter.billing.usage.UsageReport.AssignedChannel;
import com.contactcenter.billing.usage.UsageReport.RoleSeriesPoint;
import com.contactcenter.billing.usage.UsageReport.RoleUsers;
import com.contactcenter.billing.usage.UsageReport.UserBucket;
import com.contactcenter.billing.usage.UsageReport.WhatsappBucket;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads a snapshot's export document into {@link SnapshotFigures} and {@link SnapshotUser}s: the
 * one place that knows the document's field names besides its writer, {@link SnapshotDocument}.
 * Streamed: the figures but the users are small whatever the tenant, and users are handed over one
 * at a time, so reading 100,000 of them holds one user's tree at a time.
 */
public final class SnapshotReader {

    private SnapshotReader() {}

    /** The figures; the users are skipped while reading, whatever their number. */
    public static SnapshotFigures figures(Snapshot snapshot) {
        return read(snapshot, (in, values) -> SnapshotDocument.read(in, values, null));
    }

    /** The figures, and each user's figures to {@code users} as it is read (its lists skipped unbuilt). */
    public static SnapshotFigures read(Snapshot snapshot, Consumer<SnapshotUser> users) {
        return read(snapshot, (in, values) -> SnapshotDocument.readUserFigures(in, values, u -> users.accept(user(u))));
    }

    /** The figures, and each user with its assigned channels and activity to {@code users}. */
    public static SnapshotFigures readDetails(Snapshot snapshot, Consumer<SnapshotUser.Detail> users) {
        return read(snapshot, (in, values) -> SnapshotDocument.read(in, values, u -> users.accept(detail(u))));
    }

    /** One user with its assigned channels and activity; every other user is read and left. */
    public static Optional<SnapshotUser.Detail> user(Snapshot snapshot, long userId) {
        JsonNode user = SnapshotDocument.reading(snapshot, in -> {
            JsonNode[] found = new JsonNode[1];
            SnapshotDocument.read(in, (name, value) -> {}, u -> {
                if (found[0] == null && u.get("id").asLong() == userId) {
                    found[0] = u;
                }
            });
            return found[0];
        });
        return Optional.ofNullable(user).map(SnapshotReader::detail);
    }

    private interface Parse {
        void read(InputStream in, BiConsumer<String, JsonNode> values);
    }

    private static SnapshotFigures read(Snapshot snapshot, Parse parse) {
        return mapped(SnapshotDocument.reading(snapshot, in -> {
            Map<String, JsonNode> values = new HashMap<>();
            parse.read(in, values::put);
            return values;
        }));
    }

    private static SnapshotFigures mapped(Map<String, JsonNode> doc) {
        JsonNode period = doc.get("period");
        JsonNode version = doc.get("snapshot");
        JsonNode coverage = doc.get("coverage");
        return new SnapshotFigures(
                text(doc.get("source")),
                text(doc.get("timeZone")),
                new PeriodBounds(
                        date(period.get("from")),
                        date(period.get("to")),
                        instant(period.get("startUtc")),
                        instant(period.get("endUtc"))),
                text(doc.get("groupBy")),
                new Version(
                        text(version.get("id")),
                        version.path("version").asInt(),
                        instant(version.get("asOf")),
                        instant(version.get("computedAt")),
                        list(version.get("syncRunIds"), JsonNode::asLong)),
                // documents stored before coverage was written have none
                coverage == null
                        ? new Coverage(0, 0)
                        : new Coverage(
                                coverage.get("days").asLong(),
                                coverage.get("daysSynced").asLong()),
                list(
                        doc.get("usersByRole"),
                        r -> new RoleUsers(text(r.get("role")), r.get("users").asLong())),
                list(
                        doc.get("services"),
                        s -> new ServiceUsage(
                                text(s.get("key")),
                                s.get("count").asLong(),
                                s.get("units").asLong())),
                list(
                        doc.get("whatsapp"),
                        c -> new WhatsappChannel(
                                c.get("channelId").asInt(),
                                text(c.get("channel")),
                                c.get("inbound").asLong(),
                                c.get("outbound").asLong(),
                                list(
                                        c.get("series"),
                                        b -> new WhatsappBucket(
                                                date(b.get("bucket")),
                                                b.get("inbound").asLong(),
                                                b.get("outbound").asLong())))),
                list(
                        doc.get("series"),
                        p -> new SeriesPoint(
                                date(p.get("bucket")),
                                text(p.get("key")),
                                p.get("count").asLong(),
                                p.get("units").asLong())),
                list(
                        doc.get("usersByRoleSeries"),
                        p -> new RoleSeriesPoint(
                                date(p.get("bucket")),
                                text(p.get("role")),
                                p.get("users").asLong())),
                estimate(doc.get("estimate")),
                list(
                        doc.get("dataQuality"),
                        f -> new Finding(text(f.get("reason")), f.get("count").asLong())),
                forecast(doc.get("forecast")));
    }

    /** The extra {@code forecast} block; absent for a period over at the as-of. */
    private static Optional<ForecastFigures> forecast(JsonNode forecast) {
        if (forecast == null || forecast.isNull()) {
            return Optional.empty();
        }
        JsonNode total = forecast.get("total");
        return Optional.of(new ForecastFigures(
                date(forecast.get("periodEnd")),
                instant(forecast.get("endUtc")),
                text(forecast.get("method")),
                forecast.get("daysOfHistory").asInt(),
                forecast.get("daysToCome").asDouble(),
                list(
                        forecast.get("services"),
                        s -> new ServiceRange(
                                text(s.get("key")),
                                s.get("soFar").asLong(),
                                s.get("point").asLong(),
                                s.get("low").asLong(),
                                s.get("high") == null || s.get("high").isNull()
                                        ? null
                                        : s.get("high").asLong())),
                money(total.get("point")),
                money(total.get("low")),
                total.get("high") == null || total.get("high").isNull() ? null : money(total.get("high"))));
    }

    private static Estimate estimate(JsonNode estimate) {
        PlanStamp plan = estimate.has("plan")
                ? new PlanStamp(text(estimate.get("plan")), text(estimate.get("pricesHash")))
                : null;
        // lines written before unpriced lines were flagged were all priced
        return new Estimate(
                text(estimate.get("currency")),
                estimate.get("scale").asInt(),
                plan,
                list(
                        estimate.get("lines"),
                        l -> new EstimateLine(
                                text(l.get("kind")),
                                text(l.get("key")),
                                l.get("quantity").asLong(),
                                money(l.get("unitPrice")),
                                money(l.get("amount")),
                                !l.has("priced") || l.get("priced").asBoolean())),
                money(estimate.get("total")));
    }

    private static SnapshotUser user(JsonNode u) {
        return new SnapshotUser(
                u.get("id").asLong(),
                text(u.get("name")),
                text(u.get("email")),
                text(u.get("role")),
                u.get("channels").asLong(),
                u.get("sessions").asLong(),
                u.get("messagesSent").asLong(),
                u.get("calls").asLong(),
                u.get("callMinutes").asLong(),
                lastLogin(u.get("lastLoginAt")));
    }

    private static SnapshotUser.Detail detail(JsonNode u) {
        return new SnapshotUser.Detail(
                user(u),
                list(
                        u.get("assignedChannels"),
                        c -> new AssignedChannel(c.get("channelId").asInt(), text(c.get("name")), text(c.get("type")))),
                list(
                        u.get("activity"),
                        a -> new UserBucket(
                                date(a.get("bucket")),
                                a.get("sessions").asLong(),
                                a.get("messagesSent").asLong(),
                                a.get("calls").asLong(),
                                a.get("callMinutes").asLong())));
    }

    /** An absent list (a key later documents added) is empty. */
    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        List<T> list = new ArrayList<>(array.size());
        array.forEach(n -> list.add(element.apply(n)));
        return Collections.unmodifiableList(list);
    }

    /** Source text as stored, null included. */
    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static BigDecimal money(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    private static LocalDate date(JsonNode node) {
        return LocalDate.parse(node.asString());
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asString());
    }

    /** Read once per user: parsed without the general ISO parser. */
    private static Instant lastLogin(JsonNode node) {
        return node == null || node.isNull() ? null : UtcInstant.parse(node.asString());
    }
}
