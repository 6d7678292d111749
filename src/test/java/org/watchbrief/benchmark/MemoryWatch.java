package org.watchbrief.benchmark;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The peak of the heap in use and of the process's resident memory. The heap only grows between
 * two collections, so its peak is the largest "before" figure of any collection, or what is in
 * use now if that is larger: every collection is heard of, none is sampled.
 */
final class MemoryWatch {

    private final AtomicLong peakHeap = new AtomicLong();

    private final AtomicLong peakAfterCollection = new AtomicLong();

    MemoryWatch() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) notification.getUserData());
                    peakHeap.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                    peakAfterCollection.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageAfterGc()),
                            Math::max);
                }
            }, null, null);
        }
    }

    /** The heap's part of a collection's figures, which name every pool (Metaspace and code cache too). */
    private static long heap(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getType() == MemoryType.HEAP ? pools.get(pool.getName()) : null;
            used += usage == null ? 0 : usage.getUsed();
        }
        return used;
    }

    /** The most heap in use at any time so far, in bytes. */
    long peakHeapBytes() {
        return Math.max(peakHeap.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The most heap still in use after a collection: what the program actually held. */
    long peakLiveBytes() {
        return peakAfterCollection.get();
    }

    /** The process's peak resident set size (VmHWM), in bytes; -1 where /proc is not there. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // not Linux
        }
        return -1;
    }
}
