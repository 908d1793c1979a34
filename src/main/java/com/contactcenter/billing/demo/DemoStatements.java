package com.contactcenter.billing.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The generator's SQL: the reference schema ({@code sql/demo/operational-schema.sql}) and the named
 * blocks of {@code sql/demo/generate.sql}. Their {@code HASH}, {@code IN_RANGE} and
 * {@code AFTER_END} are written out as SQL expressions once, when the script is read; every value
 * (the spec's figures, the seed's hash keys) is a named parameter, bound by JDBC when a block runs.
 */
final class DemoStatements {

    private static final String SCHEMA_SQL = "sql/demo/operational-schema.sql";
    private static final String GENERATE_SQL = "sql/demo/generate.sql";

    private static final Pattern HASH = Pattern.compile("HASH\\(([^,()]+),\\s*(\\d+)\\)");
    private static final Pattern IN_RANGE = Pattern.compile("IN_RANGE\\(([^,()]+)\\)");
    private static final Pattern AFTER_END = Pattern.compile("AFTER_END\\(([^,()]+)\\)");

    private final List<String> schema;
    private final Map<String, List<String>> blocks;

    DemoStatements() {
        this.schema = splitStatements(readResource(SCHEMA_SQL));
        this.blocks = namedBlocks(readResource(GENERATE_SQL));
    }

    /** The reference schema's tables, without their secondary indexes. */
    List<String> tables() {
        return schema.stream().filter(sql -> !isIndex(sql)).toList();
    }

    /** The secondary indexes, built once the rows are in: a sorted build is cheaper on H2 and InnoDB. */
    List<String> indexes() {
        return schema.stream().filter(DemoStatements::isIndex).toList();
    }

    /** Runs the statements of one named block of generate.sql, in order. */
    void run(NamedParameterJdbcTemplate jdbc, String block, Map<String, ?> parameters) {
        List<String> statements = blocks.get(block);
        if (statements == null) {
            throw new IllegalArgumentException("No statement named " + block + " in " + GENERATE_SQL);
        }
        statements.forEach(sql -> jdbc.update(sql, parameters));
    }

    /** The parameter holding the multiplier of {@code HASH(key, i)}. */
    static String hashFactor(int i) {
        return "hashFactor" + i;
    }

    /** The parameter holding the seed's salt of {@code HASH(key, i)}. */
    static String hashSalt(int i) {
        return "hashSalt" + i;
    }

    /**
     * {@code HASH(key, i)}: x = (key * factor + salt) mod p, then x * x mod p, with p the prime
     * 2^31 + 11 written as a BIGINT literal. {@code IN_RANGE(key)} and {@code AFTER_END(key)}: a
     * millisecond timestamp in the invalid rows' days, or
     * {@code :futureFrom} + [0, {@code :futureSpan}) seconds after its end.
     */
    static String expand(String statement) {
        String sql = replace(
                IN_RANGE,
                statement,
                m -> timestamp(
                        m.group(1),
                        "MOD(HASH(" + m.group(1) + ", 91), 86400)",
                        "TIMESTAMPADD(DAY, MOD(HASH(" + m.group(1)
                                + ", 90), :invalidDays), CAST(:invalidStart AS DATETIME(3)))"));
        sql = replace(
                AFTER_END,
                sql,
                m -> timestamp(
                        m.group(1),
                        ":futureFrom + MOD(HASH(" + m.group(1) + ", 91), :futureSpan)",
                        "CAST(:end AS DATETIME(3))"));
        return replace(HASH, sql, m -> {
            int i = Integer.parseInt(m.group(2));
            if (i >= DemoPlan.HASHES) {
                throw new IllegalArgumentException("HASH index " + i + " is not below " + DemoPlan.HASHES);
            }
            String x = "MOD((" + m.group(1).trim() + ") * :" + hashFactor(i) + " + :" + hashSalt(i) + ", 2147483659)";
            return "MOD(" + x + " * " + x + ", 2147483659)";
        });
    }

    /** {@code base} + {@code seconds} + a hashed millisecond, in steps small enough for INT on H2. */
    private static String timestamp(String key, String seconds, String base) {
        return "TIMESTAMPADD(MICROSECOND, MOD(HASH(" + key + ", 93), 1000) * 1000, TIMESTAMPADD(SECOND, " + seconds
                + ", " + base + "))";
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isIndex(String statement) {
        return statement.regionMatches(true, 0, "CREATE INDEX", 0, "CREATE INDEX".length());
    }

    /** Statements of a script whose statements end with a line holding only ";"; "--" lines are dropped. */
    static List<String> splitStatements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.equals(";")) {
                if (!current.toString().isBlank()) {
                    statements.add(current.toString().trim());
                }
                current.setLength(0);
            } else if (!trimmed.startsWith("--") && !trimmed.isEmpty()) {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("Statement without a closing \";\" line: " + current);
        }
        return statements;
    }

    /** The blocks of a script, each opened by a "-- name: NAME" line, their statements expanded. */
    private static Map<String, List<String>> namedBlocks(String script) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        String name = null;
        StringBuilder block = new StringBuilder();
        for (String line : (script + "\n-- name: \n").split("\\R")) {
            if (line.startsWith("-- name:")) {
                if (name != null) {
                    byName.put(
                            name,
                            splitStatements(block.toString()).stream()
                                    .map(DemoStatements::expand)
                                    .toList());
                }
                name = line.substring("-- name:".length()).trim();
                block.setLength(0);
            } else if (name != null) {
                block.append(line).append('\n');
            }
        }
        return Map.copyOf(byName);
    }

    private static String readResource(String path) {
        try (InputStream in = DemoStatements.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
