package com.contactcenter.billing.cli;

import com.contactcenter.billing.bench.BenchSpec;
import com.contactcenter.billing.bench.Benchmark;
import com.contactcenter.billing.bench.TenantsBenchmark;
import com.contactcenter.billing.bench.TenantsSpec;
import com.contactcenter.billing.source.SourceLocations;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/** {@code bench}: makes its own databases and starts the application on them once the tenant exists. */
final class BenchCommand {

    private BenchCommand() {
    }

    static int run(BenchSpec spec, String[] springArgs, PrintStream out, PrintStream err) {
        return run(() -> new Benchmark(spec, out).run(springArgs, Cli::start), spec.serverUrl(), spec.password(),
                out, err);
    }

    static int runTenants(TenantsSpec spec, String[] springArgs, PrintStream out, PrintStream err) {
        return run(() -> new TenantsBenchmark(spec, out).run(springArgs, Cli::start),
                spec.server() + "/" + spec.options(), spec.password(), out, err);
    }

    private static int run(Supplier<Path> bench, String serverUrl, String password, PrintStream out,
            PrintStream err) {
        try {
            Path results = bench.get();
            out.println("results: " + results.toAbsolutePath().normalize());
            return 0;
        } catch (RuntimeException e) {
            err.println("error: bench on " + SourceLocations.describe(serverUrl) + " failed: "
                    + Cli.oneLine(e, password));
            return 1;
        }
    }
}
