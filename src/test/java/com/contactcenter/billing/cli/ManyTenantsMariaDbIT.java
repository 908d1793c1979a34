package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.MariaDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 300 tenants, each its own small database on one MariaDB server, synced by one {@code sync} with
 * no {@code --source}: one request, one job per tenant, no column or parameter holding the list;
 * it exits 0, every tenant has its completed run, and sampled tenants' rows read equal a direct
 * count of their source rows day by day.
 */
@ExtendWith(MariaDb.class)
class ManyTenantsMariaDbIT {

    private static final int TENANTS = 300;
    private static final List<String> TABLES = List.of(
            "roles", "users", "channels", "user_channels", "user_sessions", "messages", "calls", "bot_sessions");

    private static String tenant(int i) {
        return String.format("mt_t%03d", i);
    }

    @Test
    void oneSyncOfThreeHundredTenantsRunsEachAsItsOwnJob() {
        String warehouse = MariaDb.recreateWarehouse("billing_it_many_wh");
        String template = MariaDb.recreate("mt_template");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(log, true, StandardCharsets.UTF_8);
        assertThat(Cli.run(
                        new String[] {
                            "demo-data",
                            "--url",
                            template,
                            "--user",
                            MariaDb.USER,
                            "--users",
                            "25",
                            "--messages",
                            "400",
                            "--seed",
                            "3",
                            "--end",
                            "2026-10-31",
                            "--months",
                            "1"
                        },
                        sink,
                        sink))
                .as(log.toString(StandardCharsets.UTF_8))
                .isZero();

        // given 300 tenant databases, each a copy of the template without a different tenth of its messages
        JdbcTemplate server = new JdbcTemplate(MariaDb.dataSource("mt_template"));
        List<String> args = new ArrayList<>(List.of(
                "sync",
                "--from",
                "2026-10-01",
                "--to",
                "2026-10-31",
                "--spring.datasource.url=" + warehouse,
                "--spring.datasource.username=" + MariaDb.USER,
                "--spring.datasource.password=" + MariaDb.PASSWORD,
                "--billing.sync.concurrency=8",
                "--logging.level.com.contactcenter.billing=WARN"));
        for (int i = 0; i < TENANTS; i++) {
            String db = tenant(i);
            server.execute("DROP DATABASE IF EXISTS " + db);
            server.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
            for (String table : TABLES) {
                server.execute("CREATE TABLE " + db + "." + table + " LIKE mt_template." + table);
                server.execute("INSERT INTO " + db + "." + table + " SELECT * FROM mt_template." + table
                        + (table.equals("messages") ? " WHERE MOD(id, 10) <> " + (i % 10) : ""));
            }
            args.add("--billing.sources[" + i + "].name=" + db);
            args.add("--billing.sources[" + i + "].url=" + MariaDb.url(db));
            args.add("--billing.sources[" + i + "].username=" + MariaDb.USER);
            args.add("--billing.sources[" + i + "].password=" + MariaDb.PASSWORD);
            args.add("--billing.sources[" + i + "].time-zone=America/Bogota");
        }

        try {
            // when one sync of every tenant runs
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Cli.run(
                    args.toArray(String[]::new),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            // then it exits 0 with a summary, every tenant having its completed run
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("300 / 300 tenants done, 0 failed")
                    .contains(": COMPLETED (300 of 300 tenants synced)");
            JdbcTemplate wh = new JdbcTemplate(MariaDb.dataSource("billing_it_many_wh"));
            assertThat(wh.queryForObject(
                            "SELECT COUNT(DISTINCT source) FROM sync_run WHERE status = 'COMPLETED'", Integer.class))
                    .isEqualTo(TENANTS);
            assertThat(wh.queryForObject("SELECT COUNT(*) FROM sync_run", Integer.class))
                    .isEqualTo(TENANTS);
            // one request, its tenants counted, no column holding their list
            assertThat(wh.queryForList(
                            "SELECT CONCAT(tenant_count, ' ', status, ' ', COALESCE(sources, '-'))"
                                    + " FROM job_request",
                            String.class))
                    .containsExactly("300 COMPLETED -");
            assertThat(wh.queryForObject(
                            "SELECT COUNT(*) FROM job_request_tenant WHERE status = 'COMPLETED'", Integer.class))
                    .isEqualTo(TENANTS);
            assertThat(wh.queryForObject(
                            "SELECT MAX(LENGTH(PARAMETER_VALUE)) FROM BATCH_JOB_EXECUTION_PARAMS", Integer.class))
                    .isLessThan(64);

            // and sampled tenants read, day by day, exactly the rows a direct count of their source finds
            for (int i : new int[] {0, 7, 150, 299}) {
                String db = tenant(i);
                List<String> direct = server.queryForList(
                        "SELECT CONCAT(d, ' ', SUM(n)) FROM ("
                                + dayCount(db, "messages", "created_at") + " UNION ALL "
                                + dayCount(db, "calls", "started_at")
                                + " UNION ALL " + dayCount(db, "bot_sessions", "started_at") + " UNION ALL "
                                + dayCount(db, "user_sessions", "started_at") + ") c GROUP BY d ORDER BY d",
                        String.class);
                assertThat(direct).as(db).hasSize(31);
                assertThat(wh.queryForList(
                                "SELECT CONCAT(local_day, ' ', rows_read) FROM sync_day WHERE source = ?"
                                        + " ORDER BY local_day",
                                String.class,
                                db))
                        .as(db)
                        .isEqualTo(direct);
            }
        } finally {
            for (int i = 0; i < TENANTS; i++) {
                server.execute("DROP DATABASE IF EXISTS " + tenant(i));
            }
        }
    }

    /** Rows of a table per local day in Bogota (UTC-5, no daylight saving) over October 2026. */
    private static String dayCount(String db, String table, String column) {
        return "SELECT DATE(DATE_SUB(" + column + ", INTERVAL 5 HOUR)) d, COUNT(*) n FROM " + db + "." + table
                + " WHERE " + column + " >= '2026-10-01 05:00:00' AND " + column + " < '2026-11-01 05:00:00'"
                + " GROUP BY DATE(DATE_SUB(" + column + ", INTERVAL 5 HOUR))";
    }
}
