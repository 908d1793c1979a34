package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.usage.EstimateLine;
import com.contactcenter.billing.usage.Forecast;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.UsageReport;
import com.contactcenter.billing.usage.UsageReport.AssignedChannel;
import com.contactcenter.billing.usage.UsageReport.UserBucket;
import com.contactcenter.billing.usage.UsageReport.UserDetail;
import com.contactcenter.billing.usage.UsageReport.WhatsappBucket;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a usage report as the export document of {@code contract/export-json.md}: counts and
 * units as integers, money as plain decimal strings, dates as local ISO dates, instants as UTC
 * with the precision they were stored with, source text exactly as stored. Written and read
 * streamed, a user at a time: the document of 100,000 users is 47 MB of text.
 */
final class SnapshotDocument {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private SnapshotDocument() {}

    /**
     * The {@code snapshot} block. The figures alone (what the content hash is taken from) have only
     * {@code asOf} and {@code syncRunIds}; a stored version has its id, number and time too.
     */
    record Header(String id, int version, Instant asOf, Instant computedAt, List<Long> syncRunIds) {

        static Header figures(Instant asOf, List<Long> syncRunIds) {
            return new Header(null, 0, asOf, null, syncRunIds);
        }
    }

    /** Writes the document as pretty-printed UTF-8 to {@code out}, and closes it; no plan keys. */
    static void write(OutputStream out, String source, UsageReport report, Header header, long daysSynced) {
        write(out, source, report, header, daysSynced, null);
    }

    /**
     * As {@link #write(OutputStream, String, UsageReport, Header, long)}, with the extra keys
     * {@code estimate.plan} and {@code estimate.pricesHash} when {@code plan} is not null.
     */
    static void write(
            OutputStream out, String source, UsageReport report, Header header, long daysSynced, PlanStamp plan) {
        write(out, source, report, header, daysSynced, plan, null);
    }

    /**
     * As {@link #write(OutputStream, String, UsageReport, Header, long, PlanStamp)}, with the extra
     * {@code forecast} block last when {@code forecast} is not null (a period that ends after the
     * as-of); without it the document is byte for byte what it was before forecasts.
     */
    static void write(
            OutputStream out,
            String source,
            UsageReport report,
            Header header,
            long daysSynced,
            PlanStamp plan,
            Forecast forecast) {
        try (JsonGenerator g = JSON.writerWithDefaultPrettyPrinter().createGenerator(out)) {
            Period period = report.period();
            g.writeStartObject();
            g.writeStringProperty("source", source);
            g.writeStringProperty("timeZone", period.zone().getId());
            g.writeObjectPropertyStart("period");
            g.writeStringProperty("from", period.from().toString());
            g.writeStringProperty("to", period.to().toString());
            g.writeStringProperty("startUtc", period.startUtc().toString());
            g.writeStringProperty("endUtc", period.endUtc().toString());
            g.writeEndObject();
            g.writeStringProperty("groupBy", report.groupBy().code());
            writeHeader(g, header);
            g.writeObjectPropertyStart("coverage");
            g.writeNumberProperty("days", period.days());
            g.writeNumberProperty("daysSynced", daysSynced);
            g.writeEndObject();

            g.writeArrayPropertyStart("usersByRole");
            for (UsageReport.RoleUsers r : report.usersByRole()) {
                g.writeStartObject();
                text(g, "role", r.role());
                g.writeNumberProperty("users", r.users());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayPropertyStart("users");
            for (UserDetail u : report.users()) {
                writeUser(g, u);
            }
            g.writeEndArray();

            g.writeArrayPropertyStart("services");
            for (UsageReport.ServiceUsage s : report.services()) {
                g.writeStartObject();
                g.writeStringProperty("key", s.key().key());
                g.writeNumberProperty("count", s.count());
                g.writeNumberProperty("units", s.units());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayPropertyStart("whatsapp");
            for (WhatsappChannel c : report.whatsapp()) {
                g.writeStartObject();
                g.writeNumberProperty("channelId", c.channelId());
                text(g, "channel", c.channel());
                g.writeNumberProperty("inbound", c.inbound());
                g.writeNumberProperty("outbound", c.outbound());
                g.writeArrayPropertyStart("series");
                for (WhatsappBucket b : c.buckets()) {
                    g.writeStartObject();
                    g.writeStringProperty("bucket", b.bucket().toString());
                    g.writeNumberProperty("inbound", b.inbound());
                    g.writeNumberProperty("outbound", b.outbound());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayPropertyStart("series");
            for (UsageReport.SeriesPoint s : report.series()) {
                g.writeStartObject();
                g.writeStringProperty("bucket", s.bucket().toString());
                g.writeStringProperty("key", s.key().key());
                g.writeNumberProperty("count", s.count());
                g.writeNumberProperty("units", s.units());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayPropertyStart("usersByRoleSeries");
            for (UsageReport.RoleSeriesPoint s : report.usersByRoleSeries()) {
                g.writeStartObject();
                g.writeStringProperty("bucket", s.bucket().toString());
                text(g, "role", s.role());
                g.writeNumberProperty("users", s.users());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeObjectPropertyStart("estimate");
            text(g, "currency", report.estimate().currency());
            g.writeNumberProperty("scale", report.estimate().scale());
            if (plan != null) {
                text(g, "plan", plan.plan());
                g.writeStringProperty("pricesHash", plan.pricesHash());
            }
            g.writeArrayPropertyStart("lines");
            for (EstimateLine line : report.estimate().lines()) {
                g.writeStartObject();
                g.writeStringProperty("kind", line.kind().code());
                text(g, "key", line.key());
                g.writeNumberProperty("quantity", line.quantity());
                g.writeStringProperty("unitPrice", money(line.unitPrice()));
                g.writeStringProperty("amount", money(line.amount()));
                g.writeBooleanProperty("priced", line.priced());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringProperty("total", money(report.estimate().total()));
            g.writeEndObject();

            g.writeArrayPropertyStart("dataQuality");
            for (UsageReport.FindingCount f : report.dataQuality()) {
                g.writeStartObject();
                g.writeStringProperty("reason", f.reason().code());
                g.writeNumberProperty("count", f.count());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (forecast != null) {
                writeForecast(g, forecast);
            }
            g.writeEndObject();
        }
    }

    /**
     * The period projected to its end as of the snapshot's as-of: per service the units so far and
     * projected (point and 80 % interval), the estimated total at each, the method and the days of
     * history it used. {@code high} is null when nothing bounds what is to come (no history).
     */
    private static void writeForecast(JsonGenerator g, Forecast forecast) {
        g.writeObjectPropertyStart("forecast");
        g.writeStringProperty("periodEnd", forecast.period().to().toString());
        g.writeStringProperty("endUtc", forecast.period().endUtc().toString());
        g.writeStringProperty("method", forecast.method().code());
        g.writeNumberProperty("daysOfHistory", forecast.daysOfHistory());
        g.writeNumberProperty("daysToCome", forecast.daysToCome());
        g.writeArrayPropertyStart("services");
        for (Forecast.ServiceForecast s : forecast.services()) {
            g.writeStartObject();
            g.writeStringProperty("key", s.key().key());
            g.writeNumberProperty("soFar", s.soFar());
            g.writeNumberProperty("point", s.point());
            g.writeNumberProperty("low", s.low());
            if (s.high() == null) {
                g.writeNullProperty("high");
            } else {
                g.writeNumberProperty("high", s.high());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("total");
        g.writeStringProperty("point", money(forecast.point().total()));
        g.writeStringProperty("low", money(forecast.low().total()));
        text(g, "high", forecast.high() == null ? null : money(forecast.high().total()));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeHeader(JsonGenerator g, Header header) {
        g.writeObjectPropertyStart("snapshot");
        if (header.id() != null) {
            g.writeStringProperty("id", header.id());
            g.writeNumberProperty("version", header.version());
        }
        g.writeStringProperty("asOf", header.asOf().toString());
        if (header.id() != null) {
            g.writeStringProperty("computedAt", header.computedAt().toString());
        }
        g.writeArrayPropertyStart("syncRunIds");
        for (long run : header.syncRunIds()) {
            g.writeNumber(run);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeUser(JsonGenerator g, UserDetail u) {
        g.writeStartObject();
        g.writeNumberProperty("id", u.id());
        text(g, "name", u.name());
        text(g, "email", u.email());
        text(g, "role", u.role());
        g.writeNumberProperty("channels", u.channels());
        g.writeNumberProperty("sessions", u.sessions());
        g.writeNumberProperty("messagesSent", u.messagesSent());
        g.writeNumberProperty("calls", u.calls());
        g.writeNumberProperty("callMinutes", u.callMinutes());
        text(g, "lastLoginAt", u.lastLoginAt() == null ? null : u.lastLoginAt().toString());
        g.writeArrayPropertyStart("assignedChannels");
        for (AssignedChannel c : u.assignedChannels()) {
            g.writeStartObject();
            g.writeNumberProperty("channelId", c.channelId());
            text(g, "name", c.name());
            text(g, "type", c.type());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("activity");
        for (UserBucket b : u.buckets()) {
            g.writeStartObject();
            g.writeStringProperty("bucket", b.bucket().toString());
            g.writeNumberProperty("sessions", b.sessions());
            g.writeNumberProperty("messagesSent", b.messagesSent());
            g.writeNumberProperty("calls", b.calls());
            g.writeNumberProperty("callMinutes", b.callMinutes());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Source text as stored, null included. */
    private static void text(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeStringProperty(name, value);
        }
    }

    static String money(BigDecimal amount) {
        return amount.toPlainString();
    }

    /**
     * Reads a document streamed: each top-level value but {@code users} as a tree to {@code fields};
     * each user as its own small tree to {@code users}, or skipped when {@code users} is null. The
     * whole tree is never built.
     */
    static void read(InputStream in, BiConsumer<String, JsonNode> fields, Consumer<JsonNode> users) {
        readEach(in, fields, users == null ? null : p -> users.accept(p.readValueAsTree()));
    }

    /**
     * As {@link #read(InputStream, BiConsumer, Consumer)}, each user with its own scalar fields only
     * (id, name, counts, last login...): its lists, assigned channels and activity, are skipped
     * without building them, which is most of what a user costs to read.
     */
    static void readUserFigures(InputStream in, BiConsumer<String, JsonNode> fields, Consumer<JsonNode> users) {
        readEach(in, fields, p -> users.accept(scalars(p)));
    }

    /** Gives {@code users} (when not null) the parser at each user's start; it reads the user to its end. */
    private static void readEach(InputStream in, BiConsumer<String, JsonNode> fields, Consumer<JsonParser> users) {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a snapshot document is a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("users")) {
                    fields.accept(name, p.readValueAsTree());
                } else if (users == null) {
                    p.skipChildren();
                } else {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        users.accept(p);
                    }
                }
            }
        }
    }

    /** The object the parser is at, its nested values left out; the same nodes a tree would hold. */
    private static ObjectNode scalars(JsonParser p) {
        ObjectNode node = JSON.createObjectNode();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            switch (p.nextToken()) {
                case START_OBJECT, START_ARRAY -> p.skipChildren();
                case VALUE_STRING -> node.put(name, p.getString());
                case VALUE_NULL -> node.putNull(name);
                case VALUE_TRUE, VALUE_FALSE -> node.put(name, p.getBooleanValue());
                case VALUE_NUMBER_INT -> {
                    switch (p.getNumberType()) {
                        case INT -> node.put(name, p.getIntValue());
                        case LONG -> node.put(name, p.getLongValue());
                        default -> node.put(name, p.getBigIntegerValue());
                    }
                }
                default -> node.set(name, p.readValueAsTree());
            }
        }
        return node;
    }

    /** What {@code read} makes of the snapshot's document, streamed; the document is closed after. */
    static <T> T reading(Snapshot snapshot, Function<InputStream, T> read) {
        try (InputStream in = snapshot.openDocument()) {
            return read.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole document as one tree: only for documents known to be small. */
    static JsonNode tree(InputStream in) {
        return JSON.readTree(in);
    }
}
