package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.MariaDb;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Two real {@code serve} processes on one MariaDB warehouse, the nightly trigger set to fire every
 * 10 seconds: both join one Quartz cluster, each fire time runs one sync (on one node, never
 * refused for overlapping), and either node's API serves the shared history.
 */
@ExtendWith(MariaDb.class)
class ServeMariaDbIT {

    private static final Path JAR = Path.of("target/billing-estimate.jar");
    private static final String PASSWORD = "serve-it-pw";

    private static Process serve(int port, String warehouse, String source, String hash, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                JAR.toString(),
                "serve",
                "--server.port=" + port,
                "--spring.datasource.url=" + warehouse,
                "--spring.datasource.username=" + MariaDb.USER,
                "--spring.datasource.password=" + MariaDb.PASSWORD,
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000",
                "--billing.schedule.nightly-sync=0/10 * * * * ?",
                "--billing.schedule.snapshot-refresh=0 0 2 1 1 ? 2099",
                "--billing.schedule.monthly-close=0 0 2 1 1 ? 2099",
                "--billing.schedule.intraday-sync=off",
                "--billing.sources[0].name=edge",
                "--billing.sources[0].url=" + source,
                "--billing.sources[0].username=" + MariaDb.USER,
                "--billing.sources[0].password=" + MariaDb.PASSWORD,
                "--billing.security.accounts[0].name=ada",
                "--billing.security.accounts[0].role=admin",
                "--billing.security.accounts[0].tenants[0]=*",
                "--billing.security.accounts[0].password-hash=${SERVE_IT_ADMIN_HASH}",
                "--logging.level.com.contactcenter.billing=INFO"));
        ProcessBuilder builder =
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // the hash comes from the environment, as in production
        builder.environment().put("SERVE_IT_ADMIN_HASH", hash);
        return builder.start();
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return ServeProcess.get(http, port, path, "ada", PASSWORD);
    }

    @Test
    void twoNodesRunOneSyncPerFireTimeAndShareTheHistory() throws Exception {
        assertThat(JAR).exists();
        String warehouse = MariaDb.recreateWarehouse("billing_it_serve_wh");
        String source = MariaDb.loadSource("billing_it_serve_src", EdgeTenantFixture.SQL);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        int portA = ServeProcess.freePort();
        int portB = ServeProcess.freePort();
        Path logA = Files.createTempFile("serve-a", ".log");
        Path logB = Files.createTempFile("serve-b", ".log");
        HttpClient http = HttpClient.newHttpClient();
        Process a = serve(portA, warehouse, source, hash, logA);
        Process b = null;
        try {
            ServeProcess.awaitHealthy(http, portA, a, logA, Duration.ofMinutes(2));
            b = serve(portB, warehouse, source, hash, logB);
            ServeProcess.awaitHealthy(http, portB, b, logB, Duration.ofMinutes(2));
            JdbcTemplate wh = new JdbcTemplate(MariaDb.dataSource("billing_it_serve_wh"));

            // when both nodes run for a while with the nightly trigger every 10 s
            Thread.sleep(35_000);

            // then both nodes are in one Quartz cluster
            assertThat(wh.queryForObject(
                            "SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = 'billing'", Integer.class))
                    .isEqualTo(2);
            assertThat(wh.queryForList("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS ORDER BY TRIGGER_NAME", String.class))
                    .containsExactly("monthly-close", "nightly-sync", "snapshot-refresh");
            // and each fire time ran one sync, none refused, none at once
            List<Map<String, Object>> syncs = wh.queryForList("SELECT status, node FROM job_request"
                    + " WHERE trigger_type = 'SCHEDULE' AND requested_by = 'nightly-sync' ORDER BY id");
            assertThat(syncs.size()).isGreaterThanOrEqualTo(2);
            assertThat(syncs).extracting(r -> r.get("status")).doesNotContain("REFUSED", "FAILED");
            assertThat(wh.queryForObject(
                            "SELECT COUNT(*) FROM sync_run WHERE source = 'edge' AND status = 'COMPLETED'",
                            Integer.class))
                    .isGreaterThanOrEqualTo(2);

            // and either node's API shows the shared history, with credentials from the environment
            HttpResponse<String> historyB = get(http, portB, "/api/jobs");
            assertThat(historyB.statusCode()).isEqualTo(200);
            assertThat(historyB.body()).contains("\"trigger\":\"SCHEDULE\"", "\"requestedBy\":\"nightly-sync\"");
            assertThat(get(http, portA, "/api/jobs").body()).contains("\"requestedBy\":\"nightly-sync\"");
            assertThat(Files.readString(logA) + Files.readString(logB))
                    .doesNotContain(hash.substring(8))
                    .doesNotContain(PASSWORD);
        } finally {
            a.destroy();
            if (b != null) {
                b.destroy();
            }
            assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (b != null) {
                assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
        }
    }
}
