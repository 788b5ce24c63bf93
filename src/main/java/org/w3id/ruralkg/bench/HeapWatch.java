package org.w3id.ruralkg.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak heap of a phase, from the collector's own notifications: the heap in use just before
 * each collection (the sum over the heap pools at that one instant; between collections use only
 * grows) and just after it (what survived: the live set and not yet collected old objects). Summing
 * each pool's separate peak, as {@code MemoryPoolMXBean.getPeakUsage} allows, adds maxima reached
 * at different times and overstates. Needs a HotSpot JVM; thread-safe; close it to stop.
 */
final class HeapWatch implements AutoCloseable {
  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
  private final AtomicLong maxBefore = new AtomicLong();
  private final AtomicLong maxAfter = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;

  private HeapWatch() {}

  /** Starts watching after a full collection, so that garbage of earlier phases does not count. */
  static HeapWatch start() {
    System.gc();
    HeapWatch w = new HeapWatch();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(w.listener, null, null);
        w.emitters.add(e);
      }
    }
    return w;
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType()))
      return;
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
    maxBefore.accumulateAndGet(heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
    maxAfter.accumulateAndGet(heapUsed(info.getMemoryUsageAfterGc()), Math::max);
  }

  private long heapUsed(Map<String, MemoryUsage> byPool) {
    long sum = 0;
    for (var e : byPool.entrySet())
      if (heapPools.contains(e.getKey())) sum += e.getValue().getUsed();
    return sum;
  }

  /** The largest heap in use at one instant since the start: before a collection, or now. */
  long peakBytes() {
    return Math.max(
        maxBefore.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /** The largest heap left after a collection since the start: an upper bound of the live set. */
  long peakAfterGcBytes() {
    return maxAfter.get();
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
