package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.usage.EstimateLine;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.UsageReport;
import com.contactcenter.billing.usage.UsageReport.UserBucket;
import com.contactcenter.billing.usage.UsageReport.UserDetail;
import com.contactcenter.billing.usage.UsageReport.WhatsappBucket;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The export document built as one Jackson tree, as the product built it before documents were
 * streamed: the reference the streamed document must equal byte for byte (content hashes of stored
 * versions were taken from this text).
 */
final class TreeDocument {

    private TreeDocument() {}

    /** The figures, without the {@code snapshot} block (which the store fills in). */
    static ObjectNode figures(String source, UsageReport report, Instant asOf, List<Long> syncRunIds, long daysSynced) {
        Period period = report.period();
        ObjectNode doc = SnapshotDocument.JSON.createObjectNode();
        doc.put("source", source);
        doc.put("timeZone", period.zone().getId());
        ObjectNode p = doc.putObject("period");
        p.put("from", period.from().toString());
        p.put("to", period.to().toString());
        p.put("startUtc", period.startUtc().toString());
        p.put("endUtc", period.endUtc().toString());
        doc.put("groupBy", report.groupBy().code());
        ObjectNode snapshot = doc.putObject("snapshot");
        snapshot.put("asOf", asOf.toString());
        ArrayNode runs = snapshot.putArray("syncRunIds");
        syncRunIds.forEach(runs::add);
        ObjectNode coverage = doc.putObject("coverage");
        coverage.put("days", period.days());
        coverage.put("daysSynced", daysSynced);

        ArrayNode roles = doc.putArray("usersByRole");
        report.usersByRole()
                .forEach(r -> roles.addObject().put("role", r.role()).put("users", r.users()));

        ArrayNode users = doc.putArray("users");
        for (UserDetail u : report.users()) {
            ObjectNode n = users.addObject();
            n.put("id", u.id());
            n.put("name", u.name());
            n.put("email", u.email());
            n.put("role", u.role());
            n.put("channels", u.channels());
            n.put("sessions", u.sessions());
            n.put("messagesSent", u.messagesSent());
            n.put("calls", u.calls());
            n.put("callMinutes", u.callMinutes());
            if (u.lastLoginAt() == null) {
                n.putNull("lastLoginAt");
            } else {
                n.put("lastLoginAt", u.lastLoginAt().toString());
            }
            ArrayNode assigned = n.putArray("assignedChannels");
            u.assignedChannels()
                    .forEach(c -> assigned.addObject()
                            .put("channelId", c.channelId())
                            .put("name", c.name())
                            .put("type", c.type()));
            ArrayNode activity = n.putArray("activity");
            for (UserBucket b : u.buckets()) {
                activity.addObject()
                        .put("bucket", b.bucket().toString())
                        .put("sessions", b.sessions())
                        .put("messagesSent", b.messagesSent())
                        .put("calls", b.calls())
                        .put("callMinutes", b.callMinutes());
            }
        }

        ArrayNode services = doc.putArray("services");
        report.services()
                .forEach(s -> services.addObject()
                        .put("key", s.key().key())
                        .put("count", s.count())
                        .put("units", s.units()));

        ArrayNode whatsapp = doc.putArray("whatsapp");
        for (WhatsappChannel c : report.whatsapp()) {
            ObjectNode n = whatsapp.addObject();
            n.put("channelId", c.channelId());
            n.put("channel", c.channel());
            n.put("inbound", c.inbound());
            n.put("outbound", c.outbound());
            ArrayNode buckets = n.putArray("series");
            for (WhatsappBucket b : c.buckets()) {
                buckets.addObject()
                        .put("bucket", b.bucket().toString())
                        .put("inbound", b.inbound())
                        .put("outbound", b.outbound());
            }
        }

        ArrayNode series = doc.putArray("series");
        report.series()
                .forEach(s -> series.addObject()
                        .put("bucket", s.bucket().toString())
                        .put("key", s.key().key())
                        .put("count", s.count())
                        .put("units", s.units()));

        ArrayNode roleSeries = doc.putArray("usersByRoleSeries");
        report.usersByRoleSeries()
                .forEach(s -> roleSeries
                        .addObject()
                        .put("bucket", s.bucket().toString())
                        .put("role", s.role())
                        .put("users", s.users()));

        ObjectNode estimate = doc.putObject("estimate");
        estimate.put("currency", report.estimate().currency());
        estimate.put("scale", report.estimate().scale());
        ArrayNode lines = estimate.putArray("lines");
        for (EstimateLine line : report.estimate().lines()) {
            ObjectNode n = lines.addObject();
            n.put("kind", line.kind().code());
            n.put("key", line.key());
            n.put("quantity", line.quantity());
            n.put("unitPrice", SnapshotDocument.money(line.unitPrice()));
            n.put("amount", SnapshotDocument.money(line.amount()));
            n.put("priced", line.priced());
        }
        estimate.put("total", SnapshotDocument.money(report.estimate().total()));

        ArrayNode quality = doc.putArray("dataQuality");
        report.dataQuality()
                .forEach(f ->
                        quality.addObject().put("reason", f.reason().code()).put("count", f.count()));
        return doc;
    }

    /** The stored version's document: the figures with the version's own {@code snapshot} block. */
    static String stored(ObjectNode figures, String id, int version, Instant computedAt) {
        ObjectNode old = (ObjectNode) figures.get("snapshot");
        ObjectNode meta = SnapshotDocument.JSON.createObjectNode();
        meta.put("id", id);
        meta.put("version", version);
        meta.put("asOf", old.get("asOf").asString());
        meta.put("computedAt", computedAt.toString());
        meta.set("syncRunIds", old.get("syncRunIds"));
        ObjectNode doc = figures.deepCopy();
        doc.set("snapshot", meta);
        return text(doc);
    }

    static String text(JsonNode doc) {
        return SnapshotDocument.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }
}
