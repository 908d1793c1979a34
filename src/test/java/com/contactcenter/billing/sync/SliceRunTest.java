package com.contactcenter.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.usage.Period;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a pass is cut into slices and how the slices run: bounded, and failing as one. */
class SliceRunTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    @Test
    void cutsAPassIntoSlicesOfAtMostTheGivenDaysWithoutGapOrOverlap() {
        Period october = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), BOGOTA);

        List<Period> slices = SourceSyncTasklet.slices(october, 3);

        assertThat(slices).hasSize(11);
        assertThat(slices.get(0)).isEqualTo(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 3), BOGOTA));
        assertThat(slices.get(10))
                .isEqualTo(new Period(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 31), BOGOTA));
        for (int i = 1; i < slices.size(); i++) {
            assertThat(slices.get(i).startUtc()).isEqualTo(slices.get(i - 1).endUtc());
        }
        assertThat(slices.get(10).endUtc()).isEqualTo(october.endUtc());
        assertThat(SourceSyncTasklet.slices(october, 31)).containsExactly(october);
    }

    @Test
    void runsAtMostParallelismSlicesAtOnceAndAddsTheirRows() {
        Period days = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 30), BOGOTA);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();

        long rows = SourceSyncTasklet.inSlices("t", SourceSyncTasklet.slices(days, 3), 3, (slice, abandoned) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
            sleep(20);
            running.decrementAndGet();
            return slice.from().getDayOfMonth();
        });

        // slices start on days 1, 4, ..., 28: 1 + 4 + ... + 28 = 145
        assertThat(rows).isEqualTo(145);
        assertThat(most.get()).isBetween(2, 3);
        assertThat(threads).allMatch(name -> name.startsWith("sync-t-slice-")).hasSizeBetween(2, 3);
    }

    @Test
    void oneThreadRunsTheSlicesInOrderOnTheCallersThread() {
        Period days = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 9), BOGOTA);
        StringBuilder order = new StringBuilder();

        SourceSyncTasklet.inSlices("t", SourceSyncTasklet.slices(days, 3), 1, (slice, abandoned) -> {
            assertThat(Thread.currentThread().getName()).doesNotStartWith("sync-");
            order.append(slice.from().getDayOfMonth()).append(' ');
            return 0;
        });

        assertThat(order).hasToString("1 4 7 ");
    }

    @Test
    void aFailingSliceFailsThePassAfterTheSlicesUnderWayEndAndSkipsTheOthers() throws InterruptedException {
        Period days = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 30), BOGOTA);
        CountDownLatch othersStarted = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger sawAbandoned = new AtomicInteger();

        assertThatThrownBy(() ->
                        SourceSyncTasklet.inSlices("t", SourceSyncTasklet.slices(days, 3), 2, (slice, abandoned) -> {
                            started.incrementAndGet();
                            if (slice.from().getDayOfMonth() == 1) {
                                // fails while the slice of day 4 is under way
                                await(othersStarted);
                                throw new IllegalStateException("slice 1 failed");
                            }
                            othersStarted.countDown();
                            sleep(200);
                            if (abandoned.get()) {
                                sawAbandoned.incrementAndGet();
                            }
                            finished.incrementAndGet();
                            return 1;
                        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("slice 1 failed");

        // the slice under way ended before the pass failed, saw the failure, and no other slice began
        assertThat(finished.get()).isEqualTo(1);
        assertThat(sawAbandoned.get()).isEqualTo(1);
        assertThat(started.get()).isEqualTo(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
