package com.contactcenter.billing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default bench's two tenants as one table, a column each. */
class BenchSideBySideTest {

    private static final double MB = Benchmark.MB;

    @Test
    void givesEachStepsTimeRatioAndTargetsPerTenantAndTheWholeRunsHeap() {
        // given
        BenchSpec five = spec(10_000_000, 5_000);
        List<BenchStep> fiveSteps = List.of(
                new BenchStep("full-month sync", 7.5, 10, "1.40 × query", 0, 0, List.of(target(false))),
                new BenchStep("xlsx report (median of 5)", 0.2, 5_000, "", 0, 0, List.of()),
                new BenchStep("whole run", 90, 10, "", (long) (130 * MB), (long) (63 * MB), List.of()));
        List<BenchStep> manySteps = List.of(
                new BenchStep("full-month sync", 3.25, 2, "2.10 × query", 0, 0, List.of(target(true))),
                new BenchStep("xlsx report (median of 5)", 1.74, 100_000, "1.24 × Excel floor", 0, 0, List.of()),
                new BenchStep("command start", 1, 1, "", 0, 0, List.of()),
                new BenchStep("whole run", 60, 2, "", (long) (150 * MB), (long) (90 * MB), List.of()));

        // when
        String table = BenchResults.sideBySide(List.of(five, five.manyUsersSpec()), List.of(fiveSteps, manySteps));

        // then
        assertThat(table)
                .isEqualTo("| step | 10,000,000 messages, 5,000 users | 1,000,000 messages, 100,000 users |\n"
                        + "|---|---|---|\n"
                        + "| full-month sync | 7.50 s: 1.40 × query (**a target fails**) | 3.25 s: 2.10 × query"
                        + " (targets hold) |\n"
                        + "| xlsx report (median of 5) | 0.20 s | 1.74 s: 1.24 × Excel floor |\n"
                        + "| whole run | 90.00 s | 60.00 s |\n"
                        + "| command start |  | 1.00 s |\n"
                        + "| peak / live heap, whole run | 130 / 63 MB | 150 / 90 MB |\n");
    }

    private static BenchStep.Target target(boolean holds) {
        return new BenchStep.Target("≤ 1.5 × query floor", holds);
    }

    private static BenchSpec spec(long messages, int users) {
        return new BenchSpec(
                messages,
                users,
                "jdbc:mysql://127.0.0.1:3306",
                "billing_bench",
                "",
                "root",
                "",
                YearMonth.of(2026, 11),
                Path.of("target", "bench"),
                false,
                true);
    }
}
