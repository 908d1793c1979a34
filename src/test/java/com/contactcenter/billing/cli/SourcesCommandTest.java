package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.SourceDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code ./run-job.sh sources} with the YAML source t1 and a tenant directory in an H2 file listing
 * d1 (a generated tenant behind the shared account), d2 and two bad rows; and {@code --source} of a
 * directory tenant, known only once the directory is read.
 */
class SourcesCommandTest {

    private static final String DIRECTORY_PASSWORD = "ctl-s3cr3t-pw";
    private static final String SOURCE_PASSWORD = "src-s3cr3t-pw";

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void cliWithADirectory() {
        cli = new CliRun(dir);
        DataSource control = new DriverManagerDataSource(directoryUrl(), "ctl", DIRECTORY_PASSWORD);
        SourceDatabases.execute(
                control,
                List.of(
                        "CREATE TABLE tenants (name VARCHAR(80), url VARCHAR(300), time_zone VARCHAR(60), enabled BOOLEAN)",
                        "INSERT INTO tenants VALUES ('d1', '" + tenantUrl("d1") + "', 'America/Santiago', TRUE)",
                        "INSERT INTO tenants VALUES ('d2', '" + tenantUrl("d2") + "', 'Europe/Madrid', TRUE)",
                        "INSERT INTO tenants VALUES ('../x', '" + tenantUrl("x") + "', 'UTC', TRUE)",
                        "INSERT INTO tenants VALUES ('d3', '" + tenantUrl("d3") + "', 'Mars/Olympus', TRUE)",
                        "INSERT INTO tenants VALUES ('d4', '" + tenantUrl("d4") + "', 'UTC', FALSE)",
                        "SHUTDOWN"));
    }

    private String directoryUrl() {
        return "jdbc:h2:file:" + dir.resolve("control") + ";DATABASE_TO_LOWER=TRUE";
    }

    private String tenantUrl(String name) {
        return "jdbc:h2:file:" + dir.resolve(name) + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
    }

    /** The arguments, CliRun's warehouse and t1, and the directory. */
    private String[] withDirectory(String directoryUrl, String... args) {
        List<String> all = new ArrayList<>(List.of(cli.with(args)));
        all.add("--billing.directory.url=" + directoryUrl);
        all.add("--billing.directory.username=ctl");
        all.add("--billing.directory.password=" + DIRECTORY_PASSWORD);
        all.add("--billing.directory.query=SELECT name, url, time_zone, enabled FROM tenants ORDER BY name");
        all.add("--billing.directory.source-username=billing_ro");
        all.add("--billing.directory.source-password=" + SOURCE_PASSWORD);
        return all.toArray(String[]::new);
    }

    @Test
    void listsEveryTenantWithItsOriginZoneServerAndLastSyncThenTheSkippedRows() {
        // given d1 generated and synced over October, through the shared account
        CliRun.Result generated = cli.run(
                "demo-data",
                "--url",
                tenantUrl("d1"),
                "--user",
                "billing_ro",
                "--password",
                SOURCE_PASSWORD,
                "--users",
                "30",
                "--messages",
                "2000",
                "--seed",
                "5",
                "--end",
                "2026-10-31",
                "--months",
                "1");
        assertThat(generated.exit()).as(generated.err()).isZero();
        CliRun.Result synced = cli.run(
                withDirectory(directoryUrl(), "sync", "--source", "d1", "--from", "2026-10-01", "--to", "2026-10-31"));
        assertThat(synced.exit()).as(synced.err()).isZero();
        assertThat(synced.out()).containsPattern("d1 +ok +2026-10-01\\.\\.2026-10-31  31 days");

        // when
        CliRun.Result result = cli.run(withDirectory(directoryUrl(), "sources"));

        // then
        assertThat(result.exit()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).matches("tenant +origin +time zone +server +last sync");
        assertThat(lines.get(1))
                .matches("t1 +yaml +America/Bogota +" + Pattern.quote("h2:file:" + dir.resolve("tenant"))
                        + " +never synced");
        assertThat(lines.get(2))
                .matches("d1 +directory +America/Santiago +" + Pattern.quote("h2:file:" + dir.resolve("d1"))
                        + " +COMPLETED 2026-10-01\\.\\.2026-10-31, finished \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
        assertThat(lines.get(3))
                .matches("d2 +directory +Europe/Madrid +" + Pattern.quote("h2:file:" + dir.resolve("d2"))
                        + " +never synced");
        // d4 is disabled: left out without a word
        assertThat(lines.subList(4, 8))
                .containsExactly(
                        "3 tenant(s): 1 yaml, 2 directory",
                        "skipped directory rows:",
                        "  row 1 '../x': name must be 1-60 letters, digits, '.', '_' or '-'",
                        "  row 4 'd3': time_zone 'Mars/Olympus' is not a time zone (IANA, e.g. America/Bogota)");
        assertThat(result.out() + result.err())
                .doesNotContain(DIRECTORY_PASSWORD)
                .doesNotContain(SOURCE_PASSWORD)
                .doesNotContain("billing_ro");
    }

    @Test
    void anUnknownSourceIsABadUsageOnceTheDirectoryIsRead() {
        CliRun.Result result = cli.run(withDirectory(
                directoryUrl(), "sync", "--source", "nope", "--from", "2026-10-01", "--to", "2026-10-01"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("error: unknown source 'nope'; configured: t1, d1, d2");
    }

    @Test
    void aDirectoryThatCannotBeReachedIsSaidAndTheYamlSourcesAreStillListed() {
        // when
        CliRun.Result result =
                cli.run(withDirectory("jdbc:mysql://127.0.0.1:1/platform?connectTimeout=500", "sources"));

        // then
        assertThat(result.exit()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("t1 ").endsWith(" never synced");
        assertThat(lines.get(2)).isEqualTo("1 tenant(s): 1 yaml, 0 directory");
        assertThat(lines.get(3))
                .startsWith("warning: tenant directory at 127.0.0.1:1 could not be read: ")
                .endsWith("; only the YAML sources are listed");
        assertThat(result.out() + result.err())
                .doesNotContain(DIRECTORY_PASSWORD)
                .doesNotContain(SOURCE_PASSWORD);
    }
}
