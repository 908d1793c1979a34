package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.MariaDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real sync process killed with SIGKILL halfway (one pass per day, after some days were
 * committed), then at once the same {@code sync} on the same host: the dead process's lock is taken
 * over without waiting for its 30-minute lease, the execution left STARTED is recovered and its
 * instance continues after its last committed day, and every fact equals an uninterrupted sync's
 * of the same tenant.
 */
@ExtendWith(MariaDb.class)
class KillAndRestartMariaDbIT {

    private static final Path JAR = Path.of("target/billing-estimate.jar");
    private static final String FROM = "2026-08-01";
    private static final String TO = "2026-10-31";

    record Result(int exit, String out, String err) {}

    private static Result cli(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command plus the settings every process of this test uses: the warehouse, two names for one tenant. */
    private static List<String> command(String warehouse, String source, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=" + warehouse);
        all.add("--spring.datasource.username=" + MariaDb.USER);
        all.add("--spring.datasource.password=" + MariaDb.PASSWORD);
        all.add("--billing.sync.max-days-per-pass=1");
        // a lease far longer than the test: taking the lock over must not wait for it
        all.add("--billing.lock.ttl=30m");
        all.add("--billing.lock.heartbeat=1s");
        all.add("--logging.level.com.contactcenter.billing=WARN");
        String[] names = {"killed", "clean"};
        for (int i = 0; i < names.length; i++) {
            all.add("--billing.sources[" + i + "].name=" + names[i]);
            all.add("--billing.sources[" + i + "].url=" + source);
            all.add("--billing.sources[" + i + "].username=" + MariaDb.USER);
            all.add("--billing.sources[" + i + "].password=" + MariaDb.PASSWORD);
            all.add("--billing.sources[" + i + "].time-zone=America/Bogota");
        }
        return all;
    }

    @Test
    void aSyncKilledMidwayAndRestartedGivesTheFiguresOfAnUninterruptedRun() throws Exception {
        assertThat(JAR)
                .as("the jar (mvn package runs before the integration tests)")
                .exists();
        String warehouse = MariaDb.recreateWarehouse("billing_it_crash_wh");
        String source = MariaDb.recreate("billing_it_crash_src");
        Result generated = cli(List.of(
                "demo-data",
                "--url",
                source,
                "--user",
                MariaDb.USER,
                "--users",
                "300",
                "--messages",
                "600000",
                "--seed",
                "11",
                "--end",
                TO,
                "--months",
                "3"));
        assertThat(generated.exit()).as(generated.err()).isZero();
        JdbcTemplate wh = new JdbcTemplate(MariaDb.dataSource("billing_it_crash_wh"));

        // given a real process syncing the tenant day by day
        List<String> java = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        java.addAll(command(warehouse, source, "sync", "--source", "killed", "--from", FROM, "--to", TO));
        Path log = Files.createTempFile("killed-sync", ".log");
        Process process = new ProcessBuilder(java)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        // when it is killed (SIGKILL) once some days are committed
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        int daysDone = 0;
        while (daysDone < 5) {
            assertThat(Instant.now())
                    .as("the sync never got going: " + Files.readString(log))
                    .isBefore(deadline);
            assertThat(process.isAlive())
                    .as("the sync ended before it could be killed: " + Files.readString(log))
                    .isTrue();
            Thread.sleep(100);
            daysDone = tableExists(wh)
                    ? wh.queryForObject(
                            "SELECT COALESCE(MAX(days_done), 0) FROM sync_run WHERE source = 'killed'", Integer.class)
                    : 0;
        }
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137);

        // then the execution is left STARTED, holding the source, with part of the days done
        long execution = wh.queryForObject("SELECT job_execution_id FROM sync_run WHERE source = 'killed'", Long.class);
        assertThat(wh.queryForObject(
                        "SELECT status FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class, execution))
                .isEqualTo("STARTED");
        int killedAt = wh.queryForObject("SELECT days_done FROM sync_run WHERE source = 'killed'", Integer.class);
        assertThat(killedAt).isBetween(5, 91);
        assertThat(wh.queryForObject("SELECT job_execution_id FROM sync_lock WHERE source = 'killed'", Long.class))
                .isEqualTo(execution);

        // when the same sync is asked for at once on the same host: the holder's process is gone, so
        // its lock is taken over without waiting for its 30-minute lease
        Result restarted = cli(command(warehouse, source, "sync", "--source", "killed", "--from", FROM, "--to", TO));

        // then it is recovered and continues from the last committed day to the end
        assertThat(restarted.exit()).as(restarted.out() + restarted.err()).isZero();
        assertThat(restarted.out())
                .contains(": COMPLETED (1 of 1 tenants synced)")
                .containsPattern("killed +ok +2026-08-01\\.\\.2026-10-31 +92 days");
        assertThat(wh.queryForObject(
                        "SELECT status FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class, execution))
                .isEqualTo("FAILED");
        assertThat(wh.queryForObject(
                        "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION f"
                                + " ON e.JOB_INSTANCE_ID = f.JOB_INSTANCE_ID WHERE f.JOB_EXECUTION_ID = ? AND e.STATUS = 'COMPLETED'",
                        Integer.class,
                        execution))
                .isEqualTo(1);
        assertThat(wh.queryForObject("SELECT COUNT(*) FROM sync_lock", Integer.class))
                .isZero();

        // and an uninterrupted sync of the same tenant gives exactly the same facts
        Result clean = cli(command(warehouse, source, "sync", "--source", "clean", "--from", FROM, "--to", TO));
        assertThat(clean.exit()).as(clean.err()).isZero();
        for (String table : List.of("fact_service_day", "fact_user_day", "fact_finding_day")) {
            String columns = String.join(
                    ", ",
                    wh.queryForList(
                            "SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                                    + " WHERE TABLE_SCHEMA = 'billing_it_crash_wh' AND TABLE_NAME = ? AND COLUMN_NAME <> 'source'"
                                    + " ORDER BY ORDINAL_POSITION",
                            String.class,
                            table));
            List<String> killed = rows(wh, table, columns, "killed");
            assertThat(killed).as(table).isNotEmpty();
            assertThat(killed).as(table).isEqualTo(rows(wh, table, columns, "clean"));
        }
        assertThat(wh.queryForList(
                        "SELECT CONCAT(local_day, ' ', rows_read) FROM sync_day WHERE source = 'killed'"
                                + " ORDER BY local_day",
                        String.class))
                .hasSize(92)
                .isEqualTo(wh.queryForList(
                        "SELECT CONCAT(local_day, ' ', rows_read) FROM sync_day WHERE source = 'clean'"
                                + " ORDER BY local_day",
                        String.class));
        assertThat(wh.queryForObject("SELECT rows_read FROM sync_run WHERE source = 'killed'", Long.class))
                .isEqualTo(wh.queryForObject("SELECT rows_read FROM sync_run WHERE source = 'clean'", Long.class));
    }

    private static boolean tableExists(JdbcTemplate wh) {
        return wh.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
                                + " 'billing_it_crash_wh' AND TABLE_NAME = 'sync_run'",
                        Integer.class)
                > 0;
    }

    private static List<String> rows(JdbcTemplate wh, String table, String columns, String source) {
        return wh.queryForList(
                "SELECT CONCAT_WS('|', " + columns + ") FROM " + table + " WHERE source = ? ORDER BY " + columns,
                String.class,
                source);
    }
}
