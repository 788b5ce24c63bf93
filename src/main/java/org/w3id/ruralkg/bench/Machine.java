package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the benchmark reads about the machine and the process: cores, memory, load average, peak RSS
 * (VmHWM) and children's CPU time. Linux /proc files are read when present. Stateless; the peak
 * counter it resets is the kernel's.
 */
final class Machine {
  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nproc", Runtime.getRuntime().availableProcessors());
    m.put("memTotalMiB", procKiB("/proc/meminfo", "MemTotal:") / 1024);
    m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
    m.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    m.put("cpu", cpuModel());
    return m;
  }

  /** The 1, 5 and 15 minute load averages as printed by the kernel, or "" off Linux. */
  static String loadAverage() {
    try {
      String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return p[0] + " " + p[1] + " " + p[2];
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Resets, where the kernel allows, the process's peak RSS (the peak heap: {@link HeapWatch}). */
  static void resetPeaks() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // not Linux or not permitted: VmHWM then is the peak since the process started
    }
  }

  /** The process's peak resident set (VmHWM) in bytes, -1 when unknown. */
  static long peakRssBytes() {
    long kib = procKiB("/proc/self/status", "VmHWM:");
    return kib < 0 ? -1 : kib * 1024;
  }

  /** The number of kB on the line starting with {@code key} of a /proc file, -1 when unknown. */
  static long procKiB(String file, String key) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(key))
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
      }
    } catch (IOException | RuntimeException e) {
      return "";
    }
    return "";
  }

  /** Bytes of the files under a folder. */
  static long folderBytes(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      return -1;
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null) return;
    try {
      org.w3id.ruralkg.store.Folders.deleteTree(dir);
    } catch (IOException e) {
      // best effort: a temp folder left behind is harmless
    }
  }

  /**
   * CPU seconds (user + system) of this process's children that have ended and been waited for
   * (cutime + cstime of /proc/self/stat), NaN when unknown; a child JVM's share is the difference
   * around its run.
   */
  static double childrenCpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // fields after the command name (which may hold spaces) in parentheses
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      // the rest starts at field 3 (state): cutime and cstime, fields 16 and 17, are its 13 and 14
      long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]);
      return ticks / (double) CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  // USER_HZ: 100 on every Linux the JDK runs on (the kernel reports /proc times in it whatever HZ
  // is)
  private static final int CLOCK_TICKS_PER_SECOND = 100;
}
