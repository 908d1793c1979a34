package com.contactcenter.billing.report;

import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotDiff;
import com.contactcenter.billing.snapshot.SnapshotService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a report shows, read from one snapshot's export document (so a report can never
 * disagree with the JSON export), plus the changes against the previous version when there is one.
 */
public record ReportData(String source, String timeZone, LocalDate from, LocalDate to, Instant startUtc,
        Instant endUtc, String groupBy, String snapshotId, int version, Instant asOf, Instant computedAt,
        List<RoleUsers> usersByRole, List<User> users, List<Service> services, List<WhatsappChannel> whatsapp,
        List<SeriesPoint> series, List<EstimateLine> estimateLines, BigDecimal total, String currency, int scale,
        List<Finding> dataQuality, Optional<SnapshotDiff> changes) {

    public record RoleUsers(String role, long users) {
    }

    public record User(long id, String name, String email, String role, long channels, long sessions,
            long messagesSent, long calls, long callMinutes, Instant lastLoginAt) {

        /** What "most active" means when a report lists only some users. */
        public long activity() {
            return sessions + messagesSent + calls + callMinutes;
        }
    }

    /** A service with its price and amount from the estimate line of the same key. */
    public record Service(String key, long count, long units, BigDecimal unitPrice, BigDecimal amount,
            boolean priced) {
    }

    public record WhatsappChannel(int channelId, String channel, long inbound, long outbound,
            List<WhatsappBucket> buckets) {
    }

    public record WhatsappBucket(LocalDate bucket, long inbound, long outbound) {
    }

    public record SeriesPoint(LocalDate bucket, String key, long count, long units) {
    }

    public record EstimateLine(String kind, String key, long quantity, BigDecimal unitPrice, BigDecimal amount,
            boolean priced) {
    }

    public record Finding(String reason, long count) {
    }

    /** The buckets of the series, in order. */
    public List<LocalDate> buckets() {
        return series.stream().map(SeriesPoint::bucket).distinct().toList();
    }

    public static ReportData of(Snapshot snapshot, Optional<Snapshot> previous) {
        return of(snapshot, previous, (name, value) -> { });
    }

    /**
     * As {@link #of(Snapshot, Optional)}, reading the document streamed (a user at a time, never the
     * whole tree); every top-level value but the users is also given to {@code others}.
     */
    public static ReportData of(Snapshot snapshot, Optional<Snapshot> previous, BiConsumer<String, JsonNode> others) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        List<User> users = new ArrayList<>();
        SnapshotService.readUserFigures(snapshot, (name, value) -> {
            doc.set(name, value);
            others.accept(name, value);
        }, u -> users.add(new User(u.get("id").asLong(), text(u, "name"), text(u, "email"), text(u, "role"),
                u.get("channels").asLong(), u.get("sessions").asLong(), u.get("messagesSent").asLong(),
                u.get("calls").asLong(), u.get("callMinutes").asLong(), instant(u.get("lastLoginAt")))));
        JsonNode period = doc.get("period");
        JsonNode meta = doc.get("snapshot");
        JsonNode estimate = doc.get("estimate");

        List<EstimateLine> lines = new ArrayList<>();
        estimate.get("lines").forEach(l -> lines.add(new EstimateLine(text(l, "kind"), text(l, "key"),
                l.get("quantity").asLong(), new BigDecimal(text(l, "unitPrice")), new BigDecimal(text(l, "amount")),
                !l.has("priced") || l.get("priced").asBoolean())));

        List<RoleUsers> roles = new ArrayList<>();
        doc.get("usersByRole").forEach(r -> roles.add(new RoleUsers(text(r, "role"), r.get("users").asLong())));

        List<Service> services = new ArrayList<>();
        doc.get("services").forEach(s -> {
            String key = text(s, "key");
            EstimateLine line = lines.stream().filter(l -> l.kind().equals("service") && l.key().equals(key))
                    .findFirst().orElseThrow();
            services.add(new Service(key, s.get("count").asLong(), s.get("units").asLong(), line.unitPrice(),
                    line.amount(), line.priced()));
        });

        List<WhatsappChannel> whatsapp = new ArrayList<>();
        doc.get("whatsapp").forEach(c -> {
            List<WhatsappBucket> buckets = new ArrayList<>();
            if (c.has("series")) {
                c.get("series").forEach(b -> buckets.add(new WhatsappBucket(LocalDate.parse(text(b, "bucket")),
                        b.get("inbound").asLong(), b.get("outbound").asLong())));
            }
            whatsapp.add(new WhatsappChannel(c.get("channelId").asInt(), text(c, "channel"), c.get("inbound").asLong(),
                    c.get("outbound").asLong(), buckets));
        });

        List<SeriesPoint> series = new ArrayList<>();
        doc.get("series").forEach(p -> series.add(new SeriesPoint(LocalDate.parse(text(p, "bucket")), text(p, "key"),
                p.get("count").asLong(), p.get("units").asLong())));

        List<Finding> findings = new ArrayList<>();
        doc.get("dataQuality").forEach(f -> findings.add(new Finding(text(f, "reason"), f.get("count").asLong())));

        return new ReportData(text(doc, "source"), text(doc, "timeZone"), LocalDate.parse(text(period, "from")),
                LocalDate.parse(text(period, "to")), Instant.parse(text(period, "startUtc")),
                Instant.parse(text(period, "endUtc")), text(doc, "groupBy"), text(meta, "id"), meta.get("version").asInt(),
                Instant.parse(text(meta, "asOf")), Instant.parse(text(meta, "computedAt")), roles, users, services,
                whatsapp, series, lines, new BigDecimal(text(estimate, "total")), text(estimate, "currency"),
                estimate.get("scale").asInt(), findings, previous.map(p -> SnapshotDiff.between(p, snapshot, doc)));
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).asString();
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : UtcInstant.parse(node.asString());
    }
}
