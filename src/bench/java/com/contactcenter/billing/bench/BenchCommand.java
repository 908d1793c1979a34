package com.contactcenter.billing.bench;

import com.contactcenter.billing.cli.Cli;
import com.contactcenter.billing.cli.CliArguments;
import com.contactcenter.billing.cli.UsageException;
import com.contactcenter.billing.source.SourceLocations;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code ./run-job.sh bench}: the benchmarks' command line, run beside the product's jar, not from
 * it. Its options read and its usage errors read as every other command's ({@link CliArguments});
 * it makes its own databases and starts the product's application on them ({@link Cli#start}).
 */
public final class BenchCommand {

    static final Map<String, Set<String>> OPTIONS = Map.of(
            "bench",
            Set.of(
                    "messages",
                    "users",
                    "db",
                    "user",
                    "password",
                    "month",
                    "out",
                    "reuse-tenant",
                    "tenants",
                    "tenant-messages",
                    "nodes"));

    /** Options that take no value. */
    static final Set<String> FLAGS = Set.of("reuse-tenant");

    static final String USAGE = """
            usage: ./run-job.sh bench [OPTIONS] [--spring.*=...]

              bench     [--messages N] [--users N] [--db JDBC_URL] [--user U --password P]
                        [--month YYYY-MM] [--out DIR] [--reuse-tenant]
                        generate a tenant (default 10,000,000 messages, 5,000 users, last month)
                        in MariaDB/MySQL (default jdbc:mysql://127.0.0.1:3306/billing_bench: databases
                        billing_bench_src and billing_bench_wh, recreated), measure the floors, the
                        syncs, the snapshot and both reports, and write DIR/results.md (default
                        target/bench); without --messages and --users, then the same for 1,000,000
                        messages of 100,000 users (billing_bench_100k_*, DIR/100k) and both side by
                        side; run-job.sh runs it with -Xmx256m unless JAVA_OPTS sets -Xmx
              bench     --tenants N [--tenant-messages M] [--nodes K] [--db JDBC_URL] [--user U
                        --password P] [--out DIR]
                        make N small tenants (M messages each, default 2,000, data up to today) in
                        databases billing_bench_t0000.. read through one SELECT-only account
                        billing_bench_ro, all recreated, sync all of them as one request (a month,
                        the nightly window, three days without rows) on this process or on K serve
                        processes (default 1), and write DIR/tenants-results.md: tenants per
                        minute, the fixed cost per tenant, connections and heap

            The user and password default to BILLING_BENCH_USER and BILLING_BENCH_PASSWORD (else
            root, no password). Exit status: 0 done, 1 the bench failed, 2 bad usage.
            """;

    private BenchCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    /** {@code clock} gives the month and the days the options leave out. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        CliArguments arguments;
        BenchRequest request;
        try {
            arguments = CliArguments.parse(args, OPTIONS, FLAGS);
            if (arguments.help()) {
                out.print(USAGE);
                return 0;
            }
            if (!arguments.positional().isEmpty()) {
                throw new UsageException(
                        "bench",
                        "unexpected argument '" + arguments.positional().get(0) + "'");
            }
            request = BenchRequest.of(arguments, clock);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("run './run-job.sh help' for usage");
            return 2;
        }
        String[] springArgs = arguments.springArgs();
        if (request instanceof TenantsSpec spec) {
            return run(
                    () -> new TenantsBenchmark(spec, out, clock).run(springArgs, Cli::start),
                    spec.server() + "/" + spec.options(),
                    spec.password(),
                    out,
                    err);
        }
        BenchSpec spec = (BenchSpec) request;
        return run(
                () -> {
                    Benchmark first = new Benchmark(spec, out, clock);
                    Path results = first.run(springArgs, Cli::start);
                    if (!spec.manyUsers()) {
                        return results;
                    }
                    // the default run: the tenant of 100,000 users after it, and both side by side
                    BenchSpec many = spec.manyUsersSpec();
                    out.println();
                    Benchmark second = new Benchmark(many, out, clock);
                    second.run(springArgs, Cli::start);
                    String columns =
                            BenchResults.sideBySide(List.of(spec, many), List.of(first.steps(), second.steps()));
                    out.println();
                    out.print(columns);
                    return BenchResults.append(results, "\n## Side by side\n\n" + columns);
                },
                spec.serverUrl(),
                spec.password(),
                out,
                err);
    }

    private static int run(Supplier<Path> bench, String serverUrl, String password, PrintStream out, PrintStream err) {
        try {
            Path results = bench.get();
            out.println("results: " + results.toAbsolutePath().normalize());
            return 0;
        } catch (RuntimeException e) {
            err.println(
                    "error: bench on " + SourceLocations.describe(serverUrl) + " failed: " + Cli.oneLine(e, password));
            return 1;
        }
    }
}
