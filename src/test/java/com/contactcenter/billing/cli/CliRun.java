package com.contactcenter.billing.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process, against a warehouse and one source ("t1") kept in a folder. */
final class CliRun {

    record Result(int exit, String out, String err) {}

    private final Path dir;

    CliRun(Path dir) {
        this.dir = dir;
    }

    Result run(String... args) {
        return run(Clock.systemUTC(), args);
    }

    /** {@link #run}, the command line given {@code clock}. */
    Result run(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                clock);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String warehouseUrl() {
        return "jdbc:h2:file:" + dir.resolve("warehouse") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
    }

    String sourceUrl() {
        return "jdbc:h2:file:" + dir.resolve("tenant") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
    }

    /** The arguments plus those that point the application at this folder's warehouse and source t1. */
    String[] with(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=" + warehouseUrl());
        all.add("--billing.sources[0].name=t1");
        all.add("--billing.sources[0].url=" + sourceUrl());
        all.add("--billing.sources[0].username=sa");
        all.add("--billing.sources[0].time-zone=America/Bogota");
        all.add("--logging.level.com.contactcenter.billing=WARN");
        return all.toArray(String[]::new);
    }
}
