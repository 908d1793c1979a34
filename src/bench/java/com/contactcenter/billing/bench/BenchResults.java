package com.contactcenter.billing.bench;

import com.contactcenter.billing.usage.Period;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The benchmark's table, as printed and as written to {@code results.md} with the date and the machine. */
final class BenchResults {

    private final BenchSpec spec;
    private final Period month;
    private final List<BenchStep> steps;
    private final String server;
    private final double loadBefore;

    /**
     * @param server     the database server's version and buffer pool
     * @param loadBefore the system load average when the run began: other work on the machine shows in every figure
     */
    BenchResults(BenchSpec spec, Period month, List<BenchStep> steps, String server, double loadBefore) {
        this.spec = spec;
        this.month = month;
        this.steps = steps;
        this.server = server;
        this.loadBefore = loadBefore;
    }

    /** A Markdown table: one row per step. */
    String table() {
        StringBuilder table = new StringBuilder();
        table.append(
                "| step | time (s) | rows | rows/s | ratio | peak heap (MB) | live heap (MB) | target | holds |\n");
        table.append("|---|---:|---:|---:|---|---:|---:|---|---|\n");
        for (BenchStep step : steps) {
            table.append(String.format(
                    "| %s | %.2f | %,d | %,d | %s | %.0f | %.0f | %s | %s |%n",
                    step.name(),
                    step.seconds(),
                    step.rows(),
                    step.rowsPerSecond(),
                    step.ratio(),
                    step.peakHeap() / Benchmark.MB,
                    step.liveHeap() / Benchmark.MB,
                    step.targets().stream().map(BenchStep.Target::text).collect(Collectors.joining("; ")),
                    step.targets().isEmpty()
                            ? ""
                            : step.targets().stream()
                                    .map(t -> t.holds() ? "yes" : "**NO**")
                                    .collect(Collectors.joining("; "))));
        }
        long held = steps.stream()
                .flatMap(s -> s.targets().stream())
                .filter(BenchStep.Target::holds)
                .count();
        long all = steps.stream().mapToLong(s -> s.targets().size()).sum();
        table.append(String.format("%n%d of %d targets hold.%n", held, all));
        return table.toString();
    }

    /** Writes the results file (date, machine, sizes, the table); returns its path. */
    Path write(Path file, Clock clock) {
        String text = "# Benchmark results\n\n"
                + "- date: " + ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS) + "\n"
                + "- machine: " + machine()
                + String.format("; load average %.1f at the start, %.1f at the end%n", loadBefore, loadAverage())
                + "- database server: " + server + "\n"
                + String.format(
                        "- tenant: %,d messages, %,d users (seed %d); month %s..%s (%s)%n",
                        spec.messages(), spec.users(), BenchTenant.SEED, month.from(), month.to(), month.zone())
                + "- databases: " + spec.sourceDatabase() + " (source), " + spec.warehouseDatabase()
                + " (warehouse) on "
                + spec.server() + "\n\n"
                + "Peak heap: the largest heap in use during the step, garbage included. Live heap: the largest heap"
                + " left after a collection during the step (0: none ran).\n\n"
                + table();
        return writeText(file, text);
    }

    /**
     * Runs of several tenants as one Markdown table: a column per tenant, a row per step (in the
     * first run's order), each cell the step's time, its ratio when it has one, and whether its
     * targets hold; the last row the whole run's peak and live heap.
     */
    static String sideBySide(List<BenchSpec> specs, List<List<BenchStep>> runs) {
        StringBuilder table = new StringBuilder("| step |");
        StringBuilder rule = new StringBuilder("|---|");
        for (BenchSpec spec : specs) {
            table.append(String.format(" %,d messages, %,d users |", spec.messages(), spec.users()));
            rule.append("---|");
        }
        table.append('\n').append(rule).append('\n');
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(steps -> steps.forEach(step -> names.add(step.name())));
        for (String name : names) {
            table.append("| ").append(name).append(" |");
            for (List<BenchStep> steps : runs) {
                BenchStep step = steps.stream()
                        .filter(s -> s.name().equals(name))
                        .findFirst()
                        .orElse(null);
                table.append(' ').append(step == null ? "" : cell(step)).append(" |");
            }
            table.append('\n');
        }
        table.append("| peak / live heap, whole run |");
        for (List<BenchStep> steps : runs) {
            BenchStep whole = steps.get(steps.size() - 1);
            table.append(String.format(
                    " %.0f / %.0f MB |", whole.peakHeap() / Benchmark.MB, whole.liveHeap() / Benchmark.MB));
        }
        return table.append('\n').toString();
    }

    private static String cell(BenchStep step) {
        String cell = String.format("%.2f s", step.seconds());
        if (!step.ratio().isEmpty()) {
            cell += ": " + step.ratio();
        }
        if (!step.targets().isEmpty()) {
            cell += step.holds() ? " (targets hold)" : " (**a target fails**)";
        }
        return cell;
    }

    /** Adds {@code text} at the end of {@code file}; returns the file. */
    static Path append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Writes {@code text} to {@code file}, its folder created; returns the file. */
    static Path writeText(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String machine() {
        long memory =
                ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getTotalMemorySize()
                        : 0;
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
        return String.format(
                "%d cores, %.1f GB memory, %s %s, Java %s, heap limit %.0f MB, collectors %s",
                Runtime.getRuntime().availableProcessors(),
                memory / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                HeapMeter.max() / Benchmark.MB,
                collectors);
    }
}
