package com.contactcenter.billing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkMedianTest {

    @Test
    void givesASubSecondStepItsMedianTimeAndTheMostHeapOfAnyRun() {
        // given
        List<BenchStep> runs =
                List.of(run(0.30, 40, 10), run(0.10, 90, 30), run(0.25, 20, 50), run(0.50, 60, 20), run(0.20, 10, 5));

        // when
        BenchStep median = Benchmark.median(runs);

        // then
        assertThat(median.name()).isEqualTo("xlsx report (median of 5)");
        assertThat(median.seconds()).isEqualTo(0.25);
        assertThat(median.rows()).isEqualTo(4_998);
        assertThat(median.peakHeap()).isEqualTo(90);
        assertThat(median.liveHeap()).isEqualTo(50);
        assertThat(Benchmark.median(runs.subList(0, 4)).seconds()).isEqualTo(0.30);
    }

    private static BenchStep run(double seconds, long peak, long live) {
        return new BenchStep("xlsx report", seconds, 4_998, "", peak, live, List.of());
    }
}
