package com.contactcenter.billing.bench;

import com.contactcenter.billing.sync.SyncWindow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code run-job.sh bench --tenants N}: makes N small tenants on one server, then syncs all of
 * them as one request three times (a month of data, each tenant's nightly window, and three days
 * that hold no rows, whose time is what a tenant costs whatever its data), on this process or on
 * {@code --nodes} {@code serve} processes, and writes the table to {@code <out>/tenants-results.md}.
 * A target that fails is reported, it does not fail the run.
 */
final class TenantsBenchmark {

    static final String MONTH = "month";
    static final String NIGHTLY = "nightly";
    static final String EMPTY = "no rows";
    /** Defaults of the per-server bound and of the warehouse pool (application.yml). */
    static final int DEFAULT_MAX_CONNECTIONS_PER_SERVER = 8;

    static final int DEFAULT_WAREHOUSE_POOL = 20;
    static final int DEFAULT_CONCURRENCY = 4;
    static final int DEFAULT_TRAILING_DAYS = 3;
    private static final String PASSWORD_PROPERTY = "billing-bench.ro-password";
    private static final long PROGRESS_MS = 5_000;

    private final TenantsSpec spec;
    private final PrintStream out;
    private final Clock clock;

    TenantsBenchmark(TenantsSpec spec, PrintStream out, Clock clock) {
        this.spec = spec;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Makes the tenants, runs the three requests and writes the results.
     *
     * @param start starts the application (one node) with the given arguments
     * @return the results file
     */
    public Path run(String[] springArgs, Function<String[], ConfigurableApplicationContext> start) {
        double loadBefore = BenchResults.loadAverage();
        TenantDatabases databases = new TenantDatabases(spec);
        JdbcTemplate server = new JdbcTemplate(TenantDatabases.serverDataSource(spec));
        int workers = setting(springArgs, "billing.sync.concurrency", DEFAULT_CONCURRENCY) * spec.nodes();
        int perServer =
                setting(springArgs, "billing.sync.max-connections-per-server", DEFAULT_MAX_CONNECTIONS_PER_SERVER);
        int pool = setting(springArgs, "spring.datasource.hikari.maximum-pool-size", DEFAULT_WAREHOUSE_POOL);
        TenantsResults.Limits limits = new TenantsResults.Limits(
                workers,
                spec.nodes() * (perServer + pool),
                String.format("%d node(s) × (%d per server + a warehouse pool of %d)", spec.nodes(), perServer, pool));
        long accountLimit = databases.accountConnectionLimit();
        String describedServer =
                databases.describeServer() + "; the tenants' account may hold " + accountLimit + " connections at once";
        out.printf(
                "bench: %,d tenants of %,d messages, data up to %s, %d node(s); %s on %s (%s); heap limit %.0f MB%n",
                spec.tenants(),
                spec.messages(),
                spec.lastDay(),
                spec.nodes(),
                spec.tenantDatabasePattern(),
                spec.server(),
                describedServer,
                HeapMeter.max() / Benchmark.MB);
        List<TenantsRun> runs = new ArrayList<>();
        TenantsResults.Setup setup = null;
        RuntimeException failure = null;
        HeapMeter heap = new HeapMeter();
        try {
            setup = makeTenants(databases);
            String password = databases.createReadOnlyAccount(accountLimit);
            List<String> args = applicationArgs(springArgs);
            try (ConnectionMonitor monitor = new ConnectionMonitor(
                            TenantDatabases.serverDataSource(spec), spec.readOnlyUser(), spec.warehouseDatabase());
                    TenantsCluster cluster = spec.nodes() == 1
                            ? inProcess(start, args, password, heap)
                            : ServeNodes.start(
                                    spec.nodes(),
                                    args,
                                    Map.of("BILLING_BENCH_RO_PASSWORD", password),
                                    spec.outDir(),
                                    server,
                                    spec.warehouseDatabase(),
                                    SyncWindow.nightly(
                                            clock,
                                            Benchmark.ZONE,
                                            setting(
                                                    springArgs,
                                                    "billing.sync.nightly-trailing-days",
                                                    DEFAULT_TRAILING_DAYS)),
                                    out)) {
                LocalDate dataStart = spec.lastDay().minusMonths(1);
                runs.add(measure(
                        MONTH, new SyncWindow(dataStart.plusDays(1), spec.lastDay()), cluster, monitor, server));
                runs.add(measure(NIGHTLY, null, cluster, monitor, server));
                runs.add(measure(
                        EMPTY,
                        new SyncWindow(dataStart.minusDays(10), dataStart.minusDays(8)),
                        cluster,
                        monitor,
                        server));
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            heap.close();
        }
        TenantsResults results = new TenantsResults(
                spec,
                setup,
                limits,
                runs,
                describedServer,
                loadBefore,
                failure == null ? null : Benchmark.reason(failure));
        out.println();
        out.print(results.table());
        Path written = results.write(spec.outDir().resolve("tenants-results.md"), clock);
        if (failure != null) {
            throw new IllegalStateException(
                    "the many-tenant bench stopped (results so far in " + written + "): " + failure.getMessage(),
                    failure);
        }
        return written;
    }

    private TenantsResults.Setup makeTenants(TenantDatabases databases) {
        long[] dropped = new long[1];
        double drop = seconds(() -> dropped[0] = databases.dropAll());
        long[] rows = new long[1];
        double template = seconds(() -> rows[0] = databases.generateTemplate());
        out.printf("  template tenant generated: %,d event rows in %.2f s%n", rows[0], template);
        long[] lastPrinted = {System.nanoTime()};
        double copy = seconds(() -> {
            databases.copyTemplate(i -> {
                synchronized (lastPrinted) {
                    if (System.nanoTime() - lastPrinted[0] > PROGRESS_MS * 1_000_000) {
                        lastPrinted[0] = System.nanoTime();
                        out.printf("  copying the template: tenant %d of %d%n", i + 1, spec.tenants());
                    }
                }
            });
            return 0;
        });
        out.printf("  %,d copies in %.1f s%n", spec.tenants() - 1, copy);
        return new TenantsResults.Setup((int) dropped[0], drop, rows[0], template, copy);
    }

    private static TenantsCluster inProcess(
            Function<String[], ConfigurableApplicationContext> start,
            List<String> args,
            String password,
            HeapMeter heap) {
        List<String> withPassword = new ArrayList<>(args);
        withPassword.add("--" + PASSWORD_PROPERTY + "=" + password);
        return new InProcessNode(start.apply(withPassword.toArray(String[]::new)), heap);
    }

    /** One request over every tenant, measured. */
    private TenantsRun measure(
            String name, SyncWindow window, TenantsCluster cluster, ConnectionMonitor monitor, JdbcTemplate server) {
        cluster.resetHeap();
        monitor.start();
        long started = System.nanoTime();
        long requestId = cluster.submit(window);
        long[] lastPrinted = {started};
        cluster.await(requestId, ended -> {
            if (System.nanoTime() - lastPrinted[0] > PROGRESS_MS * 1_000_000) {
                lastPrinted[0] = System.nanoTime();
                out.printf(
                        "  %s: %,d of %,d tenants ended after %.0f s%n",
                        name, ended, spec.tenants(), (lastPrinted[0] - started) / 1e9);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        ConnectionMonitor.Seen seen = monitor.stop();
        TenantsRun run =
                TenantsRun.read(server, spec.warehouseDatabase(), requestId, name, seconds, seen, cluster.peakHeap());
        out.printf(
                "  %-8s %s..%s: %,d of %,d tenants completed in %.1f s (%.0f tenants/min); connections: max used %d,"
                        + " own %d%n",
                name,
                run.from(),
                run.to(),
                run.completed(),
                run.tenants(),
                seconds,
                run.tenantsPerMinute(),
                seen.maxUsed(),
                seen.own());
        return run;
    }

    /**
     * The application pointed at the bench warehouse and the tenants, listed in a file of their
     * own ({@code <out>/tenants.properties}, the account's password a placeholder). A property the
     * caller gives replaces the bench's.
     */
    private List<String> applicationArgs(String[] springArgs) {
        StringBuilder sources = new StringBuilder("# the bench's tenants; the password comes from " + PASSWORD_PROPERTY
                + " (BILLING_BENCH_RO_PASSWORD)\n");
        for (int i = 0; i < spec.tenants(); i++) {
            String p = "billing.sources[" + i + "].";
            sources.append(p)
                    .append("name=")
                    .append(TenantsSpec.tenant(i))
                    .append('\n')
                    .append(p)
                    .append("url=")
                    .append(spec.tenantUrl(i))
                    .append('\n')
                    .append(p)
                    .append("username=")
                    .append(spec.readOnlyUser())
                    .append('\n')
                    .append(p)
                    .append("password=${")
                    .append(PASSWORD_PROPERTY)
                    .append("}\n")
                    .append(p)
                    .append("time-zone=")
                    .append(Benchmark.ZONE.getId())
                    .append('\n');
        }
        Path file = BenchResults.writeText(spec.outDir().resolve("tenants.properties"), sources.toString());
        return Benchmark.withCallerArgs(
                List.of(
                        "--spring.config.additional-location=file:" + file.toAbsolutePath(),
                        "--spring.datasource.url=" + spec.warehouseUrl(),
                        "--spring.datasource.username=" + spec.user(),
                        "--spring.datasource.password=" + (spec.password() == null ? "" : spec.password()),
                        "--billing.report.out-dir=" + spec.outDir().resolve("reports"),
                        "--logging.level.com.contactcenter.billing=WARN"),
                springArgs);
    }

    /** An integer setting the caller gives as {@code --name=value}, else {@code otherwise}. */
    static int setting(String[] springArgs, String name, int otherwise) {
        for (String arg : springArgs) {
            if (arg.startsWith("--" + name + "=")) {
                try {
                    return Integer.parseInt(arg.substring(name.length() + 3).trim());
                } catch (NumberFormatException e) {
                    return otherwise;
                }
            }
        }
        return otherwise;
    }

    private static double seconds(LongSupplier step) {
        long started = System.nanoTime();
        step.getAsLong();
        return (System.nanoTime() - started) / 1e9;
    }
}
