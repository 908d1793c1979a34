package com.contactcenter.billing.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Tenant (source) databases for tests: the operational schema of
 * {@code sql/demo/operational-schema.sql} plus fixture scripts, in an in-memory H2 database or
 * any other DataSource (a MariaDB database made by {@link MariaDb}).
 */
public final class SourceDatabases {

    public static final String SCHEMA = "sql/demo/operational-schema.sql";

    private SourceDatabases() {}

    /** The url of an in-memory H2 database that lives as long as the JVM, in MySQL mode. */
    public static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }

    public static DataSource h2(String name) {
        return new DriverManagerDataSource(h2Url(name), "sa", "");
    }

    /**
     * Empties the in-memory H2 database {@code name}, then creates the operational schema and runs
     * the fixture scripts (classpath paths) in it. Returns its url.
     */
    public static String loadH2(String name, String... fixtures) {
        DataSource dataSource = h2(name);
        execute(dataSource, List.of("DROP ALL OBJECTS"));
        load(dataSource, fixtures);
        return h2Url(name);
    }

    /** Like {@link #loadH2(String, String...)}, with the fixture given as script text. */
    public static String loadH2Script(String name, String script) {
        DataSource dataSource = h2(name);
        execute(dataSource, List.of("DROP ALL OBJECTS"));
        loadScript(dataSource, script);
        return h2Url(name);
    }

    /** Creates the operational schema in an empty database, then runs the script text. */
    public static void loadScript(DataSource dataSource, String script) {
        execute(dataSource, schemaStatements());
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(
                    connection,
                    new EncodedResource(
                            new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the script", e);
        }
    }

    /** Creates the operational schema in an empty database, then runs the fixture scripts. */
    public static void load(DataSource dataSource, String... fixtures) {
        execute(dataSource, schemaStatements());
        try (Connection connection = dataSource.getConnection()) {
            for (String fixture : fixtures) {
                ScriptUtils.executeSqlScript(
                        connection, new EncodedResource(new ClassPathResource(fixture), StandardCharsets.UTF_8));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load " + List.of(fixtures), e);
        }
    }

    public static void execute(DataSource dataSource, List<String> statements) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + statements + ": " + e.getMessage(), e);
        }
    }

    /** The schema file's statements: each ends with a line holding only ';'. */
    static List<String> schemaStatements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read(SCHEMA).split("\n")) {
            if (line.strip().equals(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            } else if (!line.strip().startsWith("--")) {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException(SCHEMA + " ends with a statement that has no ';' line: " + current);
        }
        return statements;
    }

    public static String read(String classpathResource) {
        try (InputStream in = new ClassPathResource(classpathResource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
