package org.w3id.ruralkg.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this thread and of this process, for the benchmark's rates per CPU second.
 * Thread-safe (no state). The process's CPU time is HotSpot's {@code
 * com.sun.management.OperatingSystemMXBean}: no portable API gives it in nanoseconds ({@code
 * ProcessHandle.Info.totalCpuDuration} counts in clock ticks), so this class alone is exempt from
 * forbidden-apis' jdk-non-portable signatures (see pom.xml), as {@link HeapWatch} is.
 */
final class CpuClock {
  private CpuClock() {}

  /** CPU time of the calling thread, nanoseconds. */
  static long thread() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /**
   * CPU time of the whole process (every thread, GC and JIT included), nanoseconds; 0 off HotSpot.
   */
  static long process() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Seconds since {@code startNanos} of {@link System#nanoTime}. */
  static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
