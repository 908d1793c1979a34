package com.contactcenter.billing.demo;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo tenant's fixed rows, the same whatever the spec: its roles and channels, the names the
 * generic users are made of, the special users (hostile and accented names, missing roles, odd
 * dates) and the invalid event rows, fixed in number so that tests and demos can assert them exactly.
 */
final class DemoTenant {

    /** Channel whose type ({@code telegram}) is none of the eight known ones. */
    static final int UNKNOWN_TYPE_CHANNEL_ID = 11;
    /** Channel id that no {@code channels} row has. */
    static final int MISSING_CHANNEL_ID = 999;
    /** Role id that no {@code roles} row has. */
    static final int MISSING_ROLE_ID = 99;
    /** User whose {@code deactivated_at} is before {@code created_at}. */
    static final long DEACTIVATED_BEFORE_CREATED_USER_ID = 14;
    /** User enabled and disabled before the data range starts. */
    static final long GONE_BEFORE_RANGE_USER_ID = 18;

    static final List<Role> ROLES = List.of(
            new Role(1, "Administrador"), new Role(2, "Supervisor"),
            new Role(3, "Agente"), new Role(4, "Analista de calidad"));

    static final List<Channel> CHANNELS = List.of(
            new Channel(1, "whatsapp", "WhatsApp Ventas", "+57 601 555 0101"),
            new Channel(2, "whatsapp", "WhatsApp Soporte", "+57 601 555 0102"),
            new Channel(3, "whatsapp", "WhatsApp Cobranza", "+57 601 555 0103"),
            new Channel(4, "sms", "SMS Notificaciones", "+57 300 555 0104"),
            new Channel(5, "email", "Correo Soporte", "soporte@demo.contactcenter.example"),
            new Channel(6, "voice", "Línea de atención", "+57 601 555 0200"),
            new Channel(7, "video", "Videollamadas Asesoría", null),
            new Channel(8, "webchat", "Chat web", null),
            new Channel(9, "facebook", "Facebook Messenger", null),
            new Channel(10, "instagram", "Instagram Direct", "@demo.contactcenter"),
            new Channel(UNKNOWN_TYPE_CHANNEL_ID, "telegram", "Telegram Bot", "@demo_cc_bot"));

    /** First names have ids 100.., last names 200.. in the statements' {@code gen_names}. */
    static final List<String> FIRST_NAMES = List.of(
            "María",
            "José",
            "Andrés",
            "Sofía",
            "Camilo",
            "Valentina",
            "Juan Pablo",
            "Lucía",
            "Sebastián",
            "Ana",
            "Nicolás",
            "Daniela",
            "Julián",
            "Mónica",
            "Germán",
            "Ángela",
            "Íñigo",
            "Yolanda",
            "Óscar",
            "Catalina");

    static final List<String> LAST_NAMES = List.of(
            "Peña",
            "Gómez",
            "Rodríguez",
            "Muñoz",
            "Martínez",
            "Pérez",
            "Castaño",
            "Núñez",
            "Ibáñez",
            "López",
            "Hernández",
            "Díaz",
            "Ospina",
            "Zúñiga",
            "Londoño",
            "Gutiérrez",
            "Ordóñez",
            "Beltrán",
            "Cañas",
            "Álvarez");

    // Users 1-13 are created long before the range and never deactivated, so they are billable in
    // every period; 4-10 are agents whose names a report must render as text, never as markup or
    // a formula. The generic users keep their generated dates.
    static final List<SpecialUser> SPECIAL_USERS = List.of(
            new SpecialUser(1, "María Peña", 1),
            new SpecialUser(2, "Andrés Muñoz Ibáñez", 2),
            new SpecialUser(3, "Sofía Castaño Núñez", 4),
            new SpecialUser(4, "=HYPERLINK(\"http://x\",\"y\")", 3),
            new SpecialUser(5, "+57 300 123", 3),
            new SpecialUser(6, "@SUM(A1)", 3),
            new SpecialUser(7, "-2+3", 3),
            new SpecialUser(8, "<script>alert(1)</script>", 3),
            new SpecialUser(9, "<img src=x onerror=alert(1)>", 3),
            new SpecialUser(10, "Camila \uD83D\uDE80 Ríos \uD83D\uDE00", 3),
            new SpecialUser(11, "Luis Ángel Zúñiga", null),
            new SpecialUser(12, "Paula Niño O'Brien", null),
            new SpecialUser(13, "Óscar Jiménez Peñaloza", MISSING_ROLE_ID),
            new SpecialUser(DEACTIVATED_BEFORE_CREATED_USER_ID, "Nicolás Ordóñez", 3));

    /** Special users whose dates are fixed, relative to the first day of the data range. */
    static final List<Lifecycle> LIFECYCLES = List.of(
            new Lifecycle(
                    DEACTIVATED_BEFORE_CREATED_USER_ID,
                    Duration.ofDays(-20).plusHours(9).plusMinutes(30),
                    Duration.ofDays(-40).plusHours(16)),
            new Lifecycle(
                    GONE_BEFORE_RANGE_USER_ID,
                    Duration.ofDays(-400).plusHours(14),
                    Duration.ofDays(-60).plusHours(18).plusMinutes(15)));

    /** Every row of a batch is invalid, and its first reason in the rules' order is the batch's. */
    static final List<InvalidBatch> INVALID_BATCHES = List.of(
            new InvalidBatch("messages", "unknown_channel", 7),
            new InvalidBatch("messages", "unknown_channel_type", 9),
            new InvalidBatch("messages", "bad_direction", 12),
            new InvalidBatch("messages", "bad_segments", 6),
            new InvalidBatch("messages", "future_timestamp", 8),
            new InvalidBatch("calls", "unknown_channel", 5),
            new InvalidBatch("calls", "unknown_channel_type", 5),
            new InvalidBatch("calls", "bad_direction", 8),
            new InvalidBatch("calls", "negative_duration", 6),
            new InvalidBatch("calls", "future_timestamp", 5),
            new InvalidBatch("bot_sessions", "unknown_channel", 5),
            new InvalidBatch("bot_sessions", "unknown_channel_type", 6),
            new InvalidBatch("bot_sessions", "future_timestamp", 5));

    private DemoTenant() {}

    /** Invalid rows per reason (the first reason of each row), over messages, calls and bot sessions. */
    static Map<String, Long> invalidRowsByReason() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (String reason : List.of(
                "unknown_channel",
                "unknown_channel_type",
                "bad_direction",
                "negative_duration",
                "bad_segments",
                "future_timestamp")) {
            byReason.put(reason, 0L);
        }
        INVALID_BATCHES.forEach(b -> byReason.merge(b.reason(), (long) b.rows(), Long::sum));
        return byReason;
    }

    /** Invalid rows of one table for one reason. */
    static long invalidRows(String table, String reason) {
        return INVALID_BATCHES.stream()
                .filter(b -> b.table().equals(table) && b.reason().equals(reason))
                .mapToLong(InvalidBatch::rows)
                .sum();
    }

    record Role(int id, String name) {}

    record Channel(int id, String type, String name, String address) {}

    record SpecialUser(long id, String fullName, Integer roleId) {}

    /** Created and deactivated at fixed offsets from the range's first day; updated at the later of the two. */
    record Lifecycle(long userId, Duration created, Duration deactivated) {

        LocalDateTime createdAt(LocalDateTime start) {
            return start.plus(created);
        }

        LocalDateTime deactivatedAt(LocalDateTime start) {
            return start.plus(deactivated);
        }

        LocalDateTime updatedAt(LocalDateTime start) {
            return created.compareTo(deactivated) > 0 ? createdAt(start) : deactivatedAt(start);
        }
    }

    /** {@code rows} rows of {@code table}, each invalid first for {@code reason}. */
    record InvalidBatch(String table, String reason, int rows) {

        /** The block of generate.sql that inserts them. */
        String block() {
            return "invalid_" + table + "_" + reason;
        }
    }
}
