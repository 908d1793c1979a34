package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.ExportJson;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * {@code serve} and the other commands at once on the embedded H2 warehouse, each a process of its
 * own, as an operator runs them: the default url shares the file (H2's automatic mixed mode), so a
 * sync and an export run while serve does, and serve's API shows what they wrote. A url that does
 * not share the file stops a command with one line that says what to do.
 */
class SharedWarehouseIT {

    private static final Path JAR = Path.of("target/billing-estimate.jar").toAbsolutePath();
    private static final String PASSWORD = "shared-wh-pw";
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {}

    @Test
    void commandsRunWhileServeHoldsTheDefaultWarehouse() throws Exception {
        // given a tenant with last month's data, and serve running in this folder on the default warehouse url
        assertThat(JAR).exists();
        YearMonth month = YearMonth.now(BOGOTA).minusMonths(1);
        CliRun.Result generated = new CliRun(dir)
                .run(
                        "demo-data",
                        "--url",
                        sourceUrl(),
                        "--user",
                        "sa",
                        "--users",
                        "30",
                        "--messages",
                        "5000",
                        "--seed",
                        "3",
                        "--end",
                        month.atEndOfMonth().toString(),
                        "--months",
                        "1");
        assertThat(generated.exit()).as(generated.err()).isZero();
        int port = ServeProcess.freePort();
        Path serveLog = dir.resolve("serve.log");
        Process serve = start(serveLog, serveArguments(port));
        try {
            HttpClient http = HttpClient.newHttpClient();
            ServeProcess.awaitHealthy(http, port, serve, serveLog, Duration.ofMinutes(3));

            // when other processes sync the month and export it
            Result sync = command(
                    "sync",
                    "--source",
                    "t1",
                    "--from",
                    month.atDay(1).toString(),
                    "--to",
                    month.atEndOfMonth().toString());
            Path out = dir.resolve("month.json");
            Result export = command(
                    "export",
                    "--source",
                    "t1",
                    "--period",
                    month.toString(),
                    "--format",
                    "json",
                    "--out",
                    out.toString());

            // then both ran on the warehouse serve holds
            assertThat(sync.exit()).as(sync.err()).isZero();
            assertThat(sync.out())
                    .contains("sync request 1: COMPLETED (1 of 1 tenants synced)", month.lengthOfMonth() + " days");
            assertThat(export.exit()).as(export.err()).isZero();
            JsonNode document = ExportJson.parse(Files.readString(out));
            assertThat(document.at("/period/from").asString())
                    .isEqualTo(month.atDay(1).toString());
            // and serve's API shows the snapshot the export wrote, with its figures
            HttpResponse<String> answer =
                    get(http, port, "/api/dashboard/summary?source=t1&preset=last-month&groupBy=month");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode summary = ExportJson.parse(answer.body());
            assertThat(summary.at("/snapshot/id").asString())
                    .isEqualTo(document.at("/snapshot/id").asString());
            assertThat(summary.get("total").asString())
                    .isEqualTo(document.at("/estimate/total").asString());
            assertThat(summary.get("billableUsers").asLong())
                    .isEqualTo(document.get("users").size());
            // and a command that starts after them still finds serve's warehouse open to it
            Result sources = command("sources");
            assertThat(sources.exit()).as(sources.err()).isZero();
            assertThat(sources.out()).contains("1 tenant(s): 1 yaml, 0 directory");
            assertThat(serve.isAlive()).isTrue();
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(serveLog)).doesNotContain("Database may be already in use");
    }

    @Test
    void aWarehouseUrlThatDoesNotShareTheFileStopsACommandWithOneLine() throws Exception {
        // given this process holds a warehouse file opened without AUTO_SERVER
        assertThat(JAR).exists();
        String url = "jdbc:h2:file:" + dir.resolve("plain") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
        try (Connection held = DriverManager.getConnection(url, "sa", "")) {
            // when another process opens it
            Result result = command("sources", "--spring.datasource.url=" + url);

            // then it stops at once, saying what to do in one line, with no trace on either stream
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err())
                    .isEqualTo("error: " + dir.resolve("plain.mv.db") + " is open in another process"
                            + " (a running serve?) that does not share it: add ;AUTO_SERVER=TRUE to its url"
                            + " (spring.datasource.url for the warehouse) in every process that opens it, as the default"
                            + " url does, or stop that process first\n");
            assertThat(result.out()).isEmpty();
        }
    }

    private String sourceUrl() {
        return "jdbc:h2:file:" + dir.resolve("tenant") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
    }

    /** The tenant, and no warehouse url: the default one, under this folder. */
    private List<String> tenant() {
        return List.of(
                "--billing.sources[0].name=t1",
                "--billing.sources[0].url=" + sourceUrl(),
                "--billing.sources[0].username=sa",
                "--billing.sources[0].time-zone=America/Bogota");
    }

    private String[] serveArguments(int port) {
        List<String> args = new ArrayList<>(List.of(
                "serve",
                "--server.port=" + port,
                "--billing.schedule.nightly-sync=0 0 2 1 1 ? 2099",
                "--billing.schedule.snapshot-refresh=0 0 2 1 1 ? 2099",
                "--billing.schedule.monthly-close=0 0 2 1 1 ? 2099",
                "--billing.schedule.intraday-sync=off",
                "--billing.security.accounts[0].name=ada",
                "--billing.security.accounts[0].role=admin",
                "--billing.security.accounts[0].tenants[0]=*",
                "--billing.security.accounts[0].password-hash=" + new BCryptPasswordEncoder(4).encode(PASSWORD)));
        args.addAll(tenant());
        return args.toArray(String[]::new);
    }

    /** The jar run in this folder, as run-job.sh runs it. */
    private Process start(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** A command run to its end in its own process, with the tenant's arguments. */
    private Result command(String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(tenant());
        command.add("--logging.level.com.contactcenter.billing=WARN");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as(String.join(" ", args))
                .isTrue();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return ServeProcess.get(http, port, path, "ada", PASSWORD);
    }
}
