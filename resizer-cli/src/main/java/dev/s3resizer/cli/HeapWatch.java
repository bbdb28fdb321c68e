package dev.s3resizer.cli;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Peak Java heap use while it is open: heap in use just before each garbage collection (where
 * use peaks) and at every {@link #sample()}, plus the largest heap still live after a collection.
 *
 * <p>{@code try (HeapWatch heap = HeapWatch.start()) { work(); heap.sample(); out.println(heap.peakBytes()); }}
 */
final class HeapWatch implements AutoCloseable, NotificationListener {

    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private volatile long peak;
    private volatile long liveAfterGc;

    private HeapWatch() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
    }

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(watch, null, null);
                watch.emitters.add(emitter);
            }
        }
        watch.sample();
        return watch;
    }

    /** Records the heap in use now. */
    void sample() {
        record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    long peakBytes() {
        return peak;
    }

    long liveAfterGcBytes() {
        return liveAfterGc;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
        record(heapUsed(info.getMemoryUsageBeforeGc()));
        long after = heapUsed(info.getMemoryUsageAfterGc());
        synchronized (this) {
            liveAfterGc = Math.max(liveAfterGc, after);
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (javax.management.ListenerNotFoundException e) {
                // already gone: nothing to undo
            }
        }
    }

    private synchronized void record(long used) {
        peak = Math.max(peak, used);
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (var entry : pools.entrySet()) {
            if (heapPools.contains(entry.getKey())) {
                sum += entry.getValue().getUsed();
            }
        }
        return sum;
    }
}
