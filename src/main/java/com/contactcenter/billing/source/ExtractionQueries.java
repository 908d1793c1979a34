package com.contactcenter.billing.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extraction queries of one source: the defaults under {@code sql/source/}, any of them
 * overridden in config. Queries may use {@code ${localDay(col)}}, {@code ${exact(col)}} and
 * {@code ${orderByNull}}, expanded per dialect, and the named parameters {@code :fromUtc},
 * {@code :toUtc} and {@code :asOf}.
 */
final class ExtractionQueries {

    static final Set<String> NAMES = Set.of("roles", "users", "channels", "user-channels", "user-sessions",
            "messages", "calls", "bot-sessions");

    private static final Pattern LOCAL_DAY = Pattern.compile("\\$\\{localDay\\(([A-Za-z0-9_.`]+)\\)}");
    private static final Pattern EXACT = Pattern.compile("\\$\\{exact\\(([A-Za-z0-9_.`]+)\\)}");

    private final Map<String, String> queries = new LinkedHashMap<>();
    private final SourceDialect dialect;

    ExtractionQueries(SourceDialect dialect, Map<String, String> overrides) {
        this.dialect = dialect;
        for (String name : overrides.keySet()) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown extraction query '" + name + "'; known: " + NAMES);
            }
        }
        for (String name : NAMES) {
            queries.put(name, overrides.getOrDefault(name, defaultQuery(name)));
        }
    }

    String reference(String name) {
        return queries.get(name);
    }

    String facts(String name, LocalDayExpression localDay) {
        String sql = queries.get(name);
        sql = replaceAll(LOCAL_DAY, sql, m -> localDay.sql(m.group(1)));
        sql = replaceAll(EXACT, sql, m -> dialect.exact(m.group(1)));
        return sql.replace("${orderByNull}", dialect.orderByNull());
    }

    private static String replaceAll(Pattern pattern, String sql, java.util.function.Function<Matcher, String> f) {
        Matcher m = pattern.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
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
