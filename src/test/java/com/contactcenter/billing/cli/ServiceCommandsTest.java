package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.SourceDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The service's commands on the command line: resync, restart, and a sync refused while another holds the source. */
class ServiceCommandsTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void cliInThisTestsFolder() {
        cli = new CliRun(dir);
    }

    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of(new String[] {"resync", "--source", "t1", "--from", "2026-10-01"}, "--to is required"),
                Arguments.of(
                        new String[] {"resync", "--from", "2026-10-01", "--to", "2026-10-31"}, "--source is required"),
                Arguments.of(
                        new String[] {"resync", "--source", "nope", "--from", "2026-10-01", "--to", "2026-10-31"},
                        "unknown source 'nope'; configured: t1"),
                Arguments.of(new String[] {"resync", "--source", "t1"}, "--from and --to are required"),
                Arguments.of(new String[] {"restart"}, "give one job execution id: ./run-job.sh restart EXECUTION_ID"),
                Arguments.of(new String[] {"restart", "abc"}, "'abc' is not a job execution id (a positive number)"),
                Arguments.of(new String[] {"restart", "1", "2"}, "give one job execution id"),
                Arguments.of(new String[] {"serve", "extra"}, "unexpected argument 'extra'"),
                Arguments.of(new String[] {"serve", "--port", "9"}, "unknown option --port for 'serve'"));
    }

    @ParameterizedTest
    @MethodSource("badUsage")
    void badUsageExitsTwoBeforeTouchingAnyData(String[] args, String message) {
        CliRun.Result result = cli.run(cli.with(args));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("error: " + message);
        assertThat(dir.resolve("warehouse.mv.db")).doesNotExist();
    }

    @Test
    void helpNamesTheServiceCommands() {
        assertThat(cli.run("help").out()).contains("serve ", "resync ", "restart ", "hash-password");
    }

    @Test
    void hashPasswordPrintsABcryptHashThatMatchesThePassword() {
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("correct horse\n".getBytes(StandardCharsets.UTF_8)));
            CliRun.Result result = cli.run("hash-password");

            assertThat(result.exit()).as(result.err()).isZero();
            String hash = result.out().strip();
            assertThat(hash).startsWith("{bcrypt}$2a$");
            assertThat(
                            org.springframework.security.crypto.factory.PasswordEncoderFactories
                                    .createDelegatingPasswordEncoder()
                                    .matches("correct horse", hash))
                    .isTrue();
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void resyncPrintsTheExecutionIdAtOnceThenFollowsItAndASyncIsRefusedWhileAnotherHoldsTheSource() {
        // given a small tenant
        CliRun.Result generated = cli.run(
                "demo-data",
                "--url",
                cli.sourceUrl(),
                "--user",
                "sa",
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

        // when
        CliRun.Result resync =
                cli.run(cli.with("resync", "--source", "t1", "--from", "2026-10-01", "--to", "2026-10-31"));

        // then the first line names the execution, the last ones its outcome
        assertThat(resync.exit()).as(resync.err()).isZero();
        List<String> lines = resync.out().lines().toList();
        assertThat(lines.get(0))
                .matches("job execution \\d+ started \\(request \\d+\\); follow it with GET /api/jobs/\\d+");
        String id = lines.get(0).split(" ")[2];
        assertThat(resync.out())
                .contains("sync request ")
                .contains(": COMPLETED (1 of 1 tenants synced)")
                .contains("31 days");

        // and restarting a completed execution is refused
        CliRun.Result restart = cli.run(cli.with("restart", id));
        assertThat(restart.exit()).isEqualTo(1);
        assertThat(restart.err()).contains("error: execution " + id + " has completed; nothing to restart");
        CliRun.Result unknown = cli.run(cli.with("restart", "987654"));
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("error: no job execution 987654");

        // and while another run holds the source, a sync is refused naming it, with exit 1
        var warehouse = new org.springframework.jdbc.core.JdbcTemplate(
                new DriverManagerDataSource(cli.warehouseUrl(), "sa", ""));
        warehouse.update("INSERT INTO sync_lock (source, job_execution_id, holder, acquired_at,"
                + " heartbeat_at, expires_at) VALUES ('t1', 4242, 'node-b:7', '2026-11-01 00:00:00',"
                + " '2026-11-01 00:00:00', '2999-01-01 00:00:00')");
        CliRun.Result refused =
                cli.run(cli.with("sync", "--source", "t1", "--from", "2026-10-01", "--to", "2026-10-02"));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("error: source 't1' is already being synced by job execution 4242")
                .contains("node-b:7");
        assertThat(refused.err().lines()).hasSize(1);
        SourceDatabases.execute(new DriverManagerDataSource(cli.warehouseUrl(), "sa", ""), List.of("SHUTDOWN"));
    }
}
