package com.contactcenter.billing.bench;

import java.util.List;

/**
 * One measured step: its time, the rows it handled, how it compares with its floor, the heap it
 * used and the targets it is held to.
 *
 * @param ratio text such as {@code 1.8 × scan floor}, empty for a step without a floor
 */
record BenchStep(
        String name, double seconds, long rows, String ratio, long peakHeap, long liveHeap, List<Target> targets) {

    /** A target and whether this run meets it. */
    record Target(String text, boolean holds) {}

    long rowsPerSecond() {
        return seconds <= 0 ? 0 : Math.round(rows / seconds);
    }

    boolean holds() {
        return targets.stream().allMatch(Target::holds);
    }

    BenchStep with(String ratio, List<Target> targets) {
        return new BenchStep(name, seconds, rows, ratio, peakHeap, liveHeap, targets);
    }

    BenchStep counting(long handled) {
        return new BenchStep(name, seconds, handled, ratio, peakHeap, liveHeap, targets);
    }

    BenchStep renamed(String newName) {
        return new BenchStep(newName, seconds, rows, ratio, peakHeap, liveHeap, targets);
    }
}
