package com.contactcenter.billing.bench;

import com.contactcenter.billing.ops.WorkScheduler;
import com.contactcenter.billing.sync.SyncWindow;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two or more {@code serve} processes on the benchmark's warehouse and tenants, the schedule off:
 * the request is submitted over HTTP ({@code POST /api/jobs/sync}, as a platform admin account
 * made for the run) and followed at {@code GET /api/jobs/requests/{id}}, so that the benchmark's
 * own process takes no tenant. Each node's heap is sampled from its {@code jvm.memory.used} metric.
 */
final class ServeNodes implements TenantsCluster {

    private static final String ACCOUNT = "bench";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final long HEAP_SAMPLE_MS = 250;

    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String authorization;
    private final String passwordHash;
    private final AtomicLong peakHeap = new AtomicLong();
    private final Thread heapSampler = new Thread(this::sampleHeap, "node-heap-sampler");
    private final SyncWindow nightly;

    private ServeNodes(SyncWindow nightly) {
        this.nightly = nightly;
        String password = HexFormat.of().formatHex(SecureRandom.getSeed(12));
        this.passwordHash = "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((ACCOUNT + ":" + password).getBytes(StandardCharsets.UTF_8));
        heapSampler.setDaemon(true);
    }

    /**
     * Starts {@code count} nodes one after the other (the first migrates the warehouse), each
     * with {@code args} and {@code env}, logging to {@code <logDir>/node-<i>.log}; returns once
     * each has joined the {@value WorkScheduler#NAME} cluster. The API takes only explicit
     * windows: a request for the nightly window asks for {@code nightly}.
     */
    static ServeNodes start(
            int count,
            List<String> args,
            Map<String, String> env,
            Path logDir,
            JdbcTemplate warehouse,
            String warehouseDatabase,
            SyncWindow nightly,
            PrintStream out) {
        ServeNodes nodes = new ServeNodes(nightly);
        try {
            for (int i = 1; i <= count; i++) {
                nodes.startNode(i, args, env, logDir);
                nodes.awaitJoined(i, warehouse, warehouseDatabase);
                out.printf(
                        "  node %d joined the cluster (port %d, pid %d)%n",
                        i, nodes.ports.get(i - 1), nodes.processes.get(i - 1).pid());
            }
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
        nodes.heapSampler.start();
        return nodes;
    }

    private void startNode(int i, List<String> args, Map<String, String> env, Path logDir) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                javaCommand(),
                "-Xmx" + Math.round(HeapMeter.max() / Benchmark.MB) + "m",
                "-jar",
                jar().toString(),
                "serve",
                "--server.port=" + port,
                "--billing.schedule.enabled=false",
                "--billing.security.accounts[0].name=" + ACCOUNT,
                "--billing.security.accounts[0].role=admin",
                "--billing.security.accounts[0].tenants[0]=*",
                "--billing.security.accounts[0].password-hash=" + passwordHash));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("node-" + i + ".log").toFile());
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logDir);
            processes.add(builder.start());
            ports.add(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + i + ": " + e.getMessage(), e);
        }
    }

    private void awaitJoined(int count, JdbcTemplate warehouse, String database) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).isAlive()) {
                    throw new IllegalStateException("node " + (i + 1) + " stopped (exit "
                            + processes.get(i).exitValue() + "); see its log node-" + (i + 1) + ".log");
                }
            }
            try {
                Long joined = warehouse.queryForObject(
                        "SELECT COUNT(*) FROM " + database + ".QRTZ_SCHEDULER_STATE" + " WHERE SCHED_NAME = ?",
                        Long.class,
                        WorkScheduler.NAME);
                if (joined != null && joined >= count) {
                    return;
                }
            } catch (org.springframework.dao.DataAccessException e) {
                // the first node has not created Quartz's tables yet
            }
            sleep(500);
        }
        throw new IllegalStateException(count + " node(s) did not join the cluster within " + START_TIMEOUT);
    }

    @Override
    public long submit(SyncWindow window) {
        SyncWindow days = window == null ? nightly : window;
        String body = "{\"from\": \"" + days.from() + "\", \"to\": \"" + days.to() + "\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/jobs/sync"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 202) {
            throw new IllegalStateException(
                    "POST /api/jobs/sync answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).get("requestId").asLong();
    }

    @Override
    public void await(long requestId, IntConsumer progress) {
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/jobs/requests/" + requestId))
                    .GET());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET /api/jobs/requests/" + requestId + " answered " + response.statusCode());
            }
            JsonNode status = json.readTree(response.body());
            int ended = status.get("completed").asInt() + status.get("failed").asInt();
            progress.accept(ended);
            if (ended >= status.get("total").asInt()) {
                return;
            }
            sleep(1000);
        }
    }

    @Override
    public void resetHeap() {
        peakHeap.set(0);
    }

    @Override
    public long peakHeap() {
        return peakHeap.get();
    }

    private void sampleHeap() {
        while (!Thread.currentThread().isInterrupted()) {
            for (int port : ports) {
                try {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                            + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                                    .header("Authorization", authorization)
                                    .timeout(Duration.ofSeconds(2))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        long used = json.readTree(response.body())
                                .get("measurements")
                                .get(0)
                                .get("value")
                                .asLong();
                        peakHeap.accumulateAndGet(used, Math::max);
                    }
                } catch (IOException | RuntimeException e) {
                    // a sample missed: the next one is taken
                } catch (InterruptedException e) {
                    return;
                }
            }
            sleep(HEAP_SAMPLE_MS);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.header("Authorization", authorization)
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("node 1 did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Requests go to the first node; any node would do, they share the warehouse. */
    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ports.get(0) + path);
    }

    /** Stops the nodes it started (SIGTERM, then, after a minute, kill). */
    @Override
    public void close() {
        heapSampler.interrupt();
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    /** The jar this process runs from ({@code java -jar}), else the build's. */
    private static Path jar() {
        String classPath = System.getProperty("java.class.path", "");
        Path jar = classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
                ? Path.of(classPath)
                : Path.of("target", "billing-estimate.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "--nodes needs the application jar, " + jar.toAbsolutePath() + ": build it (mvn package) first");
        }
        return jar;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port: " + e.getMessage(), e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
