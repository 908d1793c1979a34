package com.contactcenter.billing.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The extraction queries of one source: the defaults under {@code sql/source/}, any of them
 * overridden in config. Event queries take the named parameters {@code :fromUtc} and
 * {@code :toUtc}, the UTC bounds {@code [from, to)} of the pass.
 *
 * <p>Each event table also has an id-range pair: {@code <table>-id-range} finds the smallest and
 * largest id of the pass's rows (in the timestamp index alone), and {@code <table>-in-id-range}
 * is the event query restricted to {@code id BETWEEN :minId AND :maxId}, which the database reads
 * along its primary key. A table whose event query is overridden is read by id range only if its
 * {@code -in-id-range} query is overridden too.
 */
final class ExtractionQueries {

    static final List<String> EVENT_TABLES = List.of("messages", "calls", "bot-sessions", "user-sessions");
    static final Set<String> NAMES = names();

    private final Map<String, String> queries = new LinkedHashMap<>();
    private final Set<String> idRanged = new HashSet<>();

    ExtractionQueries(Map<String, String> overrides) {
        for (String name : overrides.keySet()) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown extraction query '" + name + "'; known: " + NAMES);
            }
        }
        for (String name : NAMES) {
            queries.put(name, overrides.getOrDefault(name, defaultQuery(name)));
        }
        for (String table : EVENT_TABLES) {
            if (!overrides.containsKey(table) || overrides.containsKey(table + "-in-id-range")) {
                idRanged.add(table);
            }
        }
    }

    /** Whether the event table may be read by id range (see above). */
    boolean idRanged(String table) {
        return idRanged.contains(table);
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>(List.of("roles", "users", "channels", "user-channels"));
        for (String table : EVENT_TABLES) {
            names.addAll(List.of(table, table + "-id-range", table + "-in-id-range"));
        }
        return Set.copyOf(names);
    }

    String get(String name) {
        return queries.get(name);
    }

    private static String defaultQuery(String name) {
        String path = "/sql/source/" + name + ".sql";
        try (InputStream in = ExtractionQueries.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
