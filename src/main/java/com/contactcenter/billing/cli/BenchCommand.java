package com.contactcenter.billing.cli;

import com.contactcenter.billing.bench.BenchSpec;
import com.contactcenter.billing.bench.Benchmark;
import com.contactcenter.billing.source.SourceLocations;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code bench}: makes its own databases and starts the application on them once the tenant exists. */
final class BenchCommand {

    private BenchCommand() {
    }

    static int run(BenchSpec spec, String[] springArgs, PrintStream out, PrintStream err) {
        try {
            Path results = new Benchmark(spec, out).run(springArgs, Cli::start);
            out.println("results: " + results.toAbsolutePath().normalize());
            return 0;
        } catch (RuntimeException e) {
            err.println("error: bench on " + SourceLocations.describe(spec.serverUrl()) + " failed: "
                    + Cli.oneLine(e, spec.password()));
            return 1;
        }
    }
}
