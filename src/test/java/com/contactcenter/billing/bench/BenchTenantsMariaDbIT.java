package com.contactcenter.billing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.MariaDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The many-tenant benchmark at a small size: 20 tenants on one node, each synced three times (a
 * month, the nightly window, three days without rows), every one of them with its sync run, and
 * the table written with their counts. Its times are not asserted.
 */
@ExtendWith(MariaDb.class)
class BenchTenantsMariaDbIT {

    private static final String DATABASE = "billing_bench_it";
    private static final int TENANTS = 20;

    @TempDir
    Path out;

    private final JdbcTemplate server = new JdbcTemplate(MariaDb.dataSource(""));

    @AfterEach
    void dropTheTenants() {
        for (String database : server.queryForList(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                        + " WHERE SCHEMA_NAME LIKE 'billing\\_bench\\_it\\_t%'",
                String.class)) {
            server.execute("DROP DATABASE `" + database + "`");
        }
        server.execute("DROP USER IF EXISTS '" + DATABASE + "_ro'@'%'");
    }

    @Test
    void syncsEveryTenantInEachOfTheThreeRequestsAndWritesTheirCounts() throws IOException {
        int exit = BenchCommand.run(
                new String[] {
                    "bench",
                    "--tenants",
                    String.valueOf(TENANTS),
                    "--tenant-messages",
                    "300",
                    "--db",
                    "jdbc:mysql://" + MariaDb.HOST + ":" + MariaDb.PORT + "/" + DATABASE + "?useSSL=false"
                            + "&allowPublicKeyRetrieval=true",
                    "--user",
                    MariaDb.USER,
                    "--password",
                    MariaDb.PASSWORD,
                    "--out",
                    out.toString()
                },
                System.out,
                System.err,
                Clock.systemUTC());

        assertThat(exit).isZero();
        String warehouse = DATABASE + "_tenants_wh";
        // every request: 20 tenants, each with a completed sync run of its own
        assertThat(server.queryForList(
                        "SELECT COUNT(DISTINCT r.source) FROM " + warehouse + ".job_request_tenant t"
                                + " JOIN " + warehouse + ".sync_run r ON r.job_execution_id = t.job_execution_id"
                                + " WHERE r.status = 'COMPLETED' AND t.status = 'COMPLETED' GROUP BY t.request_id ORDER BY t.request_id",
                        Long.class))
                .containsExactly(20L, 20L, 20L);
        long monthOfOne = server.queryForObject(
                "SELECT r.rows_read FROM " + warehouse + ".job_request_tenant t JOIN "
                        + warehouse + ".sync_run r ON r.job_execution_id = t.job_execution_id WHERE t.source = 't0000'"
                        + " ORDER BY t.request_id LIMIT 1",
                Long.class);
        assertThat(monthOfOne).isPositive();

        String results = Files.readString(out.resolve("tenants-results.md"));
        assertThat(results).contains("- tenants: 20 of 300 messages, 25 users (seed 42)");
        assertThat(results).contains("19 copies (CREATE TABLE ... LIKE, INSERT ... SELECT)");
        Map<String, List<String>> rows = ResultsTable.rows(results);
        assertThat(rows).containsOnlyKeys(TenantsBenchmark.MONTH, TenantsBenchmark.NIGHTLY, TenantsBenchmark.EMPTY);
        for (List<String> run : rows.values()) {
            // tenants, completed, failed
            assertThat(run.subList(1, 4)).containsExactly("20", "20", "0");
        }
        assertThat(rows.get(TenantsBenchmark.MONTH).get(6)).isEqualTo(String.format("%,d", TENANTS * monthOfOne));
        assertThat(rows.get(TenantsBenchmark.NIGHTLY).get(6)).isNotEqualTo("0");
        assertThat(rows.get(TenantsBenchmark.EMPTY).get(6)).isEqualTo("0");
        assertThat(rows.get(TenantsBenchmark.NIGHTLY).get(10))
                .isEqualTo(
                        "every tenant completes, with its sync run;"
                                + " ≤ 5 min per 1,000 tenants; own connections ≤ 1 node(s) × (8 per server + a warehouse pool of 20)");
        assertThat(results).contains("Fixed cost per tenant: ");
        // the tenants' account reads the tenants and nothing else
        assertThat(server.queryForList("SHOW GRANTS FOR '" + DATABASE + "_ro'@'%'", String.class))
                .anyMatch(grant ->
                        grant.equals("GRANT SELECT ON `billing\\_bench\\_it\\_t____`.* TO `" + DATABASE + "_ro`@`%`"));
    }
}
