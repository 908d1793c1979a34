package com.contactcenter.billing.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The extraction queries of one source: the defaults under {@code sql/source/}, any of them
 * overridden in config. Event queries take the named parameters {@code :fromUtc} and
 * {@code :toUtc}, the UTC bounds {@code [from, to)} of the pass.
 */
final class ExtractionQueries {

    static final Set<String> NAMES = Set.of("roles", "users", "channels", "user-channels", "user-sessions",
            "messages", "calls", "bot-sessions");

    private final Map<String, String> queries = new LinkedHashMap<>();
    ExtractionQueries(Map<String, String> overrides) {
        for (String name : overrides.keySet()) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown extraction query '" + name + "'; known: " + NAMES);
            }
        }
        for (String name : NAMES) {
            queries.put(name, overrides.getOrDefault(name, defaultQuery(name)));
        }
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
