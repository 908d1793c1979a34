package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.MariaDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Two {@code serve} processes on one MariaDB warehouse share one request of 64 tenants; one of
 * them is killed (SIGKILL) while it syncs some: the other takes over the tenants it was running
 * (Quartz's cluster recovery; the dead execution recovered and restarted), the request ends with
 * every tenant synced exactly once per day, each tenant's facts equal a one-node run's, and both
 * nodes did some of the work. Then a CLI {@code sync} of every tenant, run while node B serves,
 * takes part as a node: it and node B share its request, and it waits for the request to end.
 */
@ExtendWith(MariaDb.class)
class ClusterMariaDbIT {

    private static final Path JAR = Path.of("target/billing-estimate.jar");
    private static final int TENANTS = 64;
    private static final String FROM = "2026-10-01";
    private static final String TO = "2026-10-31";
    private static final String PASSWORD = "cluster-test-password";

    private static List<String> settings(String warehouse, String source) {
        List<String> all = new ArrayList<>();
        all.add("--spring.datasource.url=" + warehouse);
        all.add("--spring.datasource.username=" + MariaDb.USER);
        all.add("--spring.datasource.password=" + MariaDb.PASSWORD);
        all.add("--billing.sync.max-days-per-pass=1");
        all.add("--billing.sync.concurrency=2");
        all.add("--billing.schedule.enabled=false");
        all.add("--logging.level.com.contactcenter.billing=WARN");
        for (int i = 0; i <= TENANTS; i++) {
            String name = i == TENANTS ? "reference" : String.format("t%02d", i);
            all.add("--billing.sources[" + i + "].name=" + name);
            all.add("--billing.sources[" + i + "].url=" + source);
            all.add("--billing.sources[" + i + "].username=" + MariaDb.USER);
            all.add("--billing.sources[" + i + "].password=" + MariaDb.PASSWORD);
            all.add("--billing.sources[" + i + "].time-zone=America/Bogota");
        }
        return all;
    }

    private static Process serve(List<String> settings, int port, Path log) throws Exception {
        List<String> java = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-jar", JAR.toString(), "serve"));
        java.addAll(settings);
        java.add("--server.port=" + port);
        java.add("--server.address=127.0.0.1");
        java.add("--billing.security.accounts[0].name=ops");
        java.add("--billing.security.accounts[0].role=admin");
        java.add(
                "--billing.security.accounts[0].password-hash={bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));
        java.add("--billing.security.accounts[0].tenants[0]=*");
        return new ProcessBuilder(java)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> http(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("ops:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoNodesShareARequestAndOneKilledMidwayLosesNothing() throws Exception {
        assertThat(JAR)
                .as("the jar (mvn package runs before the integration tests)")
                .exists();
        String warehouse = MariaDb.recreateWarehouse("billing_it_cluster_wh");
        String source = MariaDb.recreate("billing_it_cluster_src");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int generated = Cli.run(
                new String[] {
                    "demo-data",
                    "--url",
                    source,
                    "--user",
                    MariaDb.USER,
                    "--users",
                    "40",
                    "--messages",
                    "40000",
                    "--seed",
                    "7",
                    "--end",
                    TO,
                    "--months",
                    "1"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(generated).as(out.toString(StandardCharsets.UTF_8)).isZero();
        JdbcTemplate wh = new JdbcTemplate(MariaDb.dataSource("billing_it_cluster_wh"));
        List<String> settings = settings(warehouse, source);

        // given two serve nodes on one warehouse (the first creates the schema)
        int portA = freePort();
        int portB = freePort();
        Path logA = Files.createTempFile("node-a", ".log");
        Path logB = Files.createTempFile("node-b", ".log");
        Process nodeA = serve(settings, portA, logA);
        Process nodeB = null;
        try {
            awaitNodes(wh, 1, nodeA, logA);
            nodeB = serve(settings, portB, logB);
            awaitNodes(wh, 2, nodeB, logB);

            // when one request of 64 tenants is submitted to node A
            HttpResponse<String> submitted = http(
                    portA,
                    "POST",
                    "/api/jobs/sync",
                    "{\"from\": \"" + FROM
                            + "\", \"to\": \"" + TO + "\", \"sources\": ["
                            + String.join(
                                    ", ",
                                    tenantNames().stream()
                                            .map(n -> "\"" + n + "\"")
                                            .toList()) + "]}");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            JsonNode accepted = ExportJson.parse(submitted.body());
            long requestId = accepted.get("requestId").asLong();
            assertThat(accepted.get("tenants").asInt()).isEqualTo(TENANTS);

            // and node A is killed while it runs a tenant, after each node has finished some
            String nodeAName = "%:" + nodeA.pid() + ":%";
            String nodeBName = "%:" + nodeB.pid() + ":%";
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (!(count(wh, requestId, "RUNNING", nodeAName) > 0
                    && count(wh, requestId, "COMPLETED", nodeAName) > 0
                    && count(wh, requestId, "COMPLETED", nodeBName) > 0)) {
                assertThat(Instant.now())
                        .as("node A never got going: " + Files.readString(logA))
                        .isBefore(deadline);
                Thread.sleep(50);
            }
            int runningOnA = count(wh, requestId, "RUNNING", nodeAName);
            nodeA.destroyForcibly();
            assertThat(nodeA.waitFor(30, TimeUnit.SECONDS)).isTrue();

            // then node B finishes the request, the tenants A was running included
            JsonNode status = null;
            deadline = Instant.now().plus(Duration.ofMinutes(4));
            while (status == null
                    || status.get("running").asInt() + status.get("waiting").asInt() > 0) {
                assertThat(Instant.now())
                        .as("the request never ended: " + status)
                        .isBefore(deadline);
                Thread.sleep(500);
                status = ExportJson.parse(http(portB, "GET", "/api/jobs/requests/" + requestId, null)
                        .body());
            }
            assertThat(List.of(
                            status.get("total").asInt(),
                            status.get("completed").asInt(),
                            status.get("failed").asInt()))
                    .as(status.toString())
                    .containsExactly(TENANTS, TENANTS, 0);
            assertThat(runningOnA).isPositive();
            // a sync execution of node A was left running, recovered (FAILED) and restarted to COMPLETED on node B
            assertThat(wh.queryForObject(
                            "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                                    + " ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'usageSyncJob' AND e.STATUS = 'FAILED'",
                            Integer.class))
                    .isGreaterThanOrEqualTo(1);
            assertThat(wh.queryForObject(
                            "SELECT COUNT(DISTINCT i.JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE i"
                                    + " JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID"
                                    + " WHERE i.JOB_NAME = 'usageSyncJob' AND e.STATUS = 'COMPLETED'",
                            Integer.class))
                    .isEqualTo(TENANTS);
            // and both nodes did some of the work
            assertThat(count(wh, requestId, "COMPLETED", nodeAName)).isPositive();
            assertThat(count(wh, requestId, "COMPLETED", nodeBName)).isPositive();
            assertThat(wh.queryForObject("SELECT COUNT(*) FROM sync_lock", Integer.class))
                    .isZero();

            // and every tenant has each of the 31 days exactly once, its facts those of a one-node run
            HttpResponse<String> reference = http(
                    portB,
                    "POST",
                    "/api/jobs/resync",
                    "{\"source\": \"reference\", \"from\": \"" + FROM + "\", \"to\": \"" + TO + "\"}");
            assertThat(reference.statusCode()).as(reference.body()).isEqualTo(202);
            awaitExecution(
                    portB,
                    ExportJson.parse(reference.body()).get("jobExecutionId").asLong());
            assertThat(wh.queryForList(
                            "SELECT CONCAT(source, ' ', COUNT(*), ' ', COUNT(DISTINCT local_day))"
                                    + " FROM sync_day GROUP BY source",
                            String.class))
                    .hasSize(TENANTS + 1)
                    .allMatch(line -> line.endsWith(" 31 31"));
            for (String table : List.of("fact_service_day", "fact_user_day", "fact_finding_day")) {
                String columns = String.join(
                        ", ",
                        wh.queryForList(
                                "SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                                        + " WHERE TABLE_SCHEMA = 'billing_it_cluster_wh' AND TABLE_NAME = ? AND COLUMN_NAME <> 'source'"
                                        + " ORDER BY ORDINAL_POSITION",
                                String.class,
                                table));
                List<String> expected = rows(wh, table, columns, "reference");
                assertThat(expected).as(table).isNotEmpty();
                for (String tenant : tenantNames()) {
                    assertThat(rows(wh, table, columns, tenant))
                            .as(table + " of " + tenant)
                            .isEqualTo(expected);
                }
            }

            // when an operator runs the CLI sync of every tenant while node B serves
            List<String> cli = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx256m",
                    "-jar",
                    JAR.toString(),
                    "sync",
                    "--from",
                    "2026-10-30",
                    "--to",
                    TO));
            cli.addAll(settings);
            Path cliLog = Files.createTempFile("cli-sync", ".log");
            Process command = new ProcessBuilder(cli)
                    .redirectErrorStream(true)
                    .redirectOutput(cliLog.toFile())
                    .start();
            assertThat(command.waitFor(5, TimeUnit.MINUTES))
                    .as(Files.readString(cliLog))
                    .isTrue();

            // then it waits for its own request to end, which the command and node B shared
            String printed = Files.readString(cliLog);
            assertThat(command.exitValue()).as(printed).isZero();
            assertThat(printed).containsPattern("sync request \\d+: COMPLETED \\(65 of 65 tenants synced\\)");
            long cliRequest = wh.queryForObject(
                    "SELECT MAX(request_id) FROM job_request_tenant WHERE period_from = '2026-10-30'", Long.class);
            assertThat(count(wh, cliRequest, "COMPLETED", "%:" + command.pid() + ":%"))
                    .as(printed)
                    .isPositive();
            assertThat(count(wh, cliRequest, "COMPLETED", nodeBName))
                    .as(printed)
                    .isPositive();
            assertThat(count(wh, cliRequest, "COMPLETED", "%")).isEqualTo(TENANTS + 1);
        } finally {
            nodeA.destroyForcibly();
            if (nodeB != null) {
                nodeB.destroy();
                nodeB.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> tenantNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            names.add(String.format("t%02d", i));
        }
        return names;
    }

    private static int count(JdbcTemplate wh, long requestId, String status, String node) {
        return wh.queryForObject(
                "SELECT COUNT(*) FROM job_request_tenant WHERE request_id = ? AND status = ?" + " AND node LIKE ?",
                Integer.class,
                requestId,
                status,
                node);
    }

    private static void awaitNodes(JdbcTemplate wh, int nodes, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            assertThat(process.isAlive())
                    .as("the node stopped: " + Files.readString(log))
                    .isTrue();
            assertThat(Instant.now())
                    .as("the node never joined: " + Files.readString(log))
                    .isBefore(deadline);
            boolean ready = Boolean.TRUE.equals(wh.queryForObject(
                                    "SELECT COUNT(*) FROM information_schema.TABLES"
                                            + " WHERE TABLE_SCHEMA = 'billing_it_cluster_wh' AND TABLE_NAME = 'QRTZ_SCHEDULER_STATE'",
                                    Integer.class)
                            > 0)
                    && wh.queryForObject(
                                    "SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE" + " WHERE SCHED_NAME = 'billing-work'",
                                    Integer.class)
                            >= nodes;
            if (ready) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static void awaitExecution(int port, long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            String status = ExportJson.parse(
                            http(port, "GET", "/api/jobs/" + id, null).body())
                    .get("status")
                    .asString();
            if (status.equals("COMPLETED")) {
                return;
            }
            assertThat(status).isNotIn("FAILED", "STOPPED", "ABANDONED");
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(300);
        }
    }

    private static List<String> rows(JdbcTemplate wh, String table, String columns, String source) {
        return wh.queryForList(
                "SELECT CONCAT_WS('|', " + columns + ") FROM " + table + " WHERE source = ? ORDER BY " + columns,
                String.class,
                source);
    }
}
