package com.contactcenter.billing.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a step used. Peak: the most heap in use at once during the step, garbage included (so
 * it follows how far the collector let the heap grow): the heap before each collection, and a
 * sample every {@value #SAMPLE_MS} ms. Live: the largest heap left after a collection during the
 * step (what the step kept reachable, plus old garbage not yet collected); 0 when none ran.
 */
final class HeapMeter implements AutoCloseable {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    static final long SAMPLE_MS = 5;

    private final AtomicLong peakStep = new AtomicLong();
    private final AtomicLong peakRun = new AtomicLong();
    private final AtomicLong liveStep = new AtomicLong();
    private final AtomicLong liveRun = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private final Thread sampler = new Thread(this::sample, "heap-sampler");

    HeapMeter() {
        sampler.setDaemon(true);
        sampler.start();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Starts measuring a step. */
    void reset() {
        peakStep.set(0);
        liveStep.set(0);
        used(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The step's peak so far, in bytes. */
    long peak() {
        used(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        return peakStep.get();
    }

    long live() {
        return liveStep.get();
    }

    long peakOfRun() {
        return peakRun.get();
    }

    long liveOfRun() {
        return liveRun.get();
    }

    /** The heap limit ({@code -Xmx}), in bytes. */
    static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        used(heapIn(info.getGcInfo().getMemoryUsageBeforeGc()));
        long after = heapIn(info.getGcInfo().getMemoryUsageAfterGc());
        liveStep.accumulateAndGet(after, Math::max);
        liveRun.accumulateAndGet(after, Math::max);
    }

    private long heapIn(Map<String, MemoryUsage> usage) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : usage.entrySet()) {
            if (isHeap(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    private void used(long bytes) {
        peakStep.accumulateAndGet(bytes, Math::max);
        peakRun.accumulateAndGet(bytes, Math::max);
    }

    private void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (!Thread.currentThread().isInterrupted()) {
            used(memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean isHeap(String poolName) {
        return pools.stream().anyMatch(p -> p.getName().equals(poolName));
    }

    @Override
    public void close() {
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // never added: nothing to remove
            }
        }
    }
}
