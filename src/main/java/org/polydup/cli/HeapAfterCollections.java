package org.polydup.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The largest heap in use right after a garbage collection, over a measured run: what the run kept
 * alive, garbage it had already dropped left out. The heap pools' peaks ({@code peak_heap_bytes})
 * include whatever the young generation held when it filled up, so they grow with its size, not
 * with what the run needs; this figure does not.
 *
 * <p>It is still an upper bound of the live set: a young collection leaves the old generation's
 * garbage in place until an old collection. And it only sees the moments a collection happened, so
 * a run with no collection reports 0. Collections are announced on a JMX thread after they end, so
 * one that ends as the run does may be missed.
 */
final class HeapAfterCollections implements AutoCloseable {
  private final AtomicLong largest = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::collected;
  private final Set<String> heapPools = new HashSet<>();

  private HeapAfterCollections() {}

  /** Starts watching every collector of this JVM. */
  static HeapAfterCollections start() {
    HeapAfterCollections watch = new HeapAfterCollections();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        watch.heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(watch.listener, null, null);
        watch.emitters.add(emitter);
      }
    }
    return watch;
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    // The map also holds the non-heap pools (metaspace, code cache): only the heap's are summed.
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    largest.accumulateAndGet(used, Math::max);
    collections.incrementAndGet();
  }

  /** The largest heap in use after any collection so far, in bytes; 0 before the first. */
  long largestBytes() {
    return largest.get();
  }

  /** The number of collections seen so far. */
  long collections() {
    return collections.get();
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // Never added to this one: nothing to remove.
      }
    }
  }
}
