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
 * The heap a step used. Peak: the sum of the heap pools' peak usage since the step started
 * (garbage included, so it follows how far the collector let the heap grow). Live: the largest
 * heap left after a collection during the step (what the step kept reachable, plus old garbage
 * not yet collected); 0 when no collection ran.
 */
final class HeapMeter implements AutoCloseable {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final AtomicLong liveStep = new AtomicLong();
    private final AtomicLong liveRun = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private long peakRun;

    HeapMeter() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Starts measuring a step. */
    void reset() {
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        liveStep.set(0);
    }

    /** The step's peak so far, in bytes. */
    long peak() {
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        peakRun = Math.max(peakRun, peak);
        return peak;
    }

    long live() {
        return liveStep.get();
    }

    long peakOfRun() {
        return peakRun;
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
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long after = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeap(pool.getKey())) {
                after += pool.getValue().getUsed();
            }
        }
        long used = after;
        liveStep.accumulateAndGet(used, Math::max);
        liveRun.accumulateAndGet(used, Math::max);
    }

    private boolean isHeap(String poolName) {
        return pools.stream().anyMatch(p -> p.getName().equals(poolName));
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // never added: nothing to remove
            }
        }
    }
}
