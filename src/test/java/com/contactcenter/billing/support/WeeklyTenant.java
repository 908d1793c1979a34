package com.contactcenter.billing.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A tenant in America/Bogota whose outgoing SMS (one segment each) and outgoing WhatsApp messages
 * per local day are given, all sent at noon local time, for the forecast's tests: one SMS channel
 * (id 1), one WhatsApp channel (id 2), and agents created long before.
 */
public final class WeeklyTenant {

    public static final ZoneId ZONE = ZoneId.of("America/Bogota");
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final List<String> messages = new ArrayList<>();

    /** Messages on every local day {@code from..to}: {@code sms} and {@code whatsapp} of them. */
    public WeeklyTenant days(
            LocalDate from, LocalDate to, ToLongFunction<LocalDate> sms, ToLongFunction<LocalDate> whatsapp) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Instant noon = d.atTime(12, 0).atZone(ZONE).toInstant();
            messages(1, noon, sms.applyAsLong(d));
            messages(2, noon, whatsapp.applyAsLong(d));
        }
        return this;
    }

    /** {@code count} outgoing messages on the channel, a second apart from {@code at}. */
    public WeeklyTenant messages(int channelId, Instant at, long count) {
        for (int i = 0; i < count; i++) {
            messages.add("(" + (messages.size() + 1) + ", " + channelId + ", NULL, 'out', 1, '"
                    + SQL_TIME.format(LocalDateTime.ofInstant(at.plusSeconds(i), ZoneOffset.UTC)) + "')");
        }
        return this;
    }

    /** The fixture, with {@code agents} agents. */
    public String sql(int agents) {
        StringBuilder sql = new StringBuilder();
        sql.append("INSERT INTO roles (id, name) VALUES (1, 'Agente');\n");
        sql.append("INSERT INTO channels (id, type, name, address) VALUES (1, 'sms', 'SMS', NULL),"
                + " (2, 'whatsapp', 'WhatsApp', NULL);\n");
        for (int id = 1; id <= agents; id++) {
            sql.append("INSERT INTO users (id, full_name, email, role_id, created_at, deactivated_at, last_login_at,"
                            + " updated_at) VALUES (")
                    .append(id)
                    .append(", 'Agente ")
                    .append(id)
                    .append("', 'agente")
                    .append(id)
                    .append("@example.com', 1, '2025-01-01 00:00:00.000', NULL, NULL, '2025-01-01 00:00:00.000');\n");
        }
        for (int i = 0; i < messages.size(); i += 500) {
            sql.append("INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at) VALUES\n ")
                    .append(String.join(",\n ", messages.subList(i, Math.min(messages.size(), i + 500))))
                    .append(";\n");
        }
        return sql.toString();
    }
}
