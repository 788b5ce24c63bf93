package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The build as a user runs it, {@code ./ruralkg build --in CORPUS --store DIR}: the same jar in a
 * child JVM with the launcher's JVM options ({@code RURALKG_JAVA_OPTS}, else the launcher's {@code
 * BUILD_JAVA_OPTS}, read from the {@code ruralkg} script) plus a GC log. Adds wall seconds, the
 * child's CPU seconds (user + system), its peak RSS (VmHWM, polled), its peak heap (from the GC
 * log: heap in use before each collection) and what the build reported. Not thread-safe (one build
 * at a time).
 */
final class FreshBuild {
  /** The build of one corpus in a fresh JVM. */
  record Result(
      List<String> command,
      String javaOptions,
      int exitCode,
      double seconds,
      double cpuSeconds,
      long peakRssMiB,
      long peakHeapMiB,
      long peakHeapAfterGcMiB,
      int files,
      int articles,
      long quads,
      int failed,
      double storeMiB,
      double charsPerSecond,
      String loadAverageBefore,
      String loadAverageAfter,
      String lastLine) {}

  /** The heap in use before and after collections in a GC log, in MiB (max over the log). */
  record HeapPeaks(long beforeMiB, long afterMiB) {}

  /** What the build command prints last: {@code loaded F file(s) (A articles, Q quads), ...}. */
  record Summary(int files, int articles, long quads, int failed) {}

  private static final Pattern SUMMARY =
      Pattern.compile(
          "loaded (\\d+) file\\(s\\) \\((\\d+) articles, (\\d+) quads\\), \\d+ unchanged, (\\d+) failed");
  // unified JVM logging, -Xlog:gc: "... GC(7) Pause Young (Normal) (G1 Evacuation Pause)
  // 1024M->312M(2048M) 25.1ms"
  private static final Pattern GC_HEAP =
      Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");

  private final Path home;
  private final PrintStream log;

  FreshBuild(Path home, PrintStream log) {
    this.home = home;
    this.log = log;
  }

  Result run(Path corpus, Path store, long chars) throws IOException, InterruptedException {
    Path gcLog = store.resolveSibling("build-gc.log");
    Path out = store.resolveSibling("build.log");
    List<String> options =
        launcherOptions(System.getenv("RURALKG_JAVA_OPTS"), buildDefaults(home.resolve("ruralkg")));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(options);
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add("-Druralkg.home=" + home.toAbsolutePath());
    cmd.add("-Xlog:gc:file=" + gcLog);
    cmd.addAll(mainOf(System.getProperty("java.class.path")));
    cmd.addAll(List.of("build", "--in", corpus.toString(), "--store", store.toString()));
    String loadBefore = Machine.loadAverage();
    double cpu0 = Machine.childrenCpuSeconds();
    long t = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    AtomicLong peakRssKiB = new AtomicLong(-1);
    Thread poller = new Thread(() -> pollPeakRss(p, peakRssKiB), "bench-rss-poller");
    poller.setDaemon(true);
    poller.start();
    int exit = p.waitFor();
    double seconds = CpuClock.secs(t);
    double cpu = Machine.childrenCpuSeconds() - cpu0;
    poller.join();
    String loadAfter = Machine.loadAverage();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    Summary s = summary(lines);
    HeapPeaks heap =
        Files.exists(gcLog)
            ? heapPeaks(Files.readAllLines(gcLog, StandardCharsets.UTF_8))
            : new HeapPeaks(-1, -1);
    Result r =
        new Result(
            cmd,
            String.join(" ", options),
            exit,
            seconds,
            cpu,
            peakRssKiB.get() < 0 ? -1 : peakRssKiB.get() >> 10,
            heap.beforeMiB(),
            heap.afterMiB(),
            s.files(),
            s.articles(),
            s.quads(),
            s.failed(),
            Files.isDirectory(store) ? Machine.folderBytes(store) / (1024.0 * 1024) : 0,
            chars / seconds,
            loadBefore,
            loadAfter,
            last);
    log.printf(
        Locale.ROOT,
        "bench: fresh-JVM build (%s) %.1f s, %.1f CPU s, peak RSS %d MiB, peak heap %d MiB, exit %d: %s (load average %s → %s)%n",
        r.javaOptions(),
        seconds,
        cpu,
        r.peakRssMiB(),
        r.peakHeapMiB(),
        exit,
        last,
        loadBefore,
        loadAfter);
    return r;
  }

  /**
   * The JVM options the launcher passes a build: RURALKG_JAVA_OPTS split at spaces, else its own.
   */
  static List<String> launcherOptions(String env, String buildDefaults) {
    String options = env == null || env.isBlank() ? buildDefaults : env;
    return Arrays.stream(options.trim().split("\\s+")).toList();
  }

  private static final Pattern BUILD_OPTS = Pattern.compile("(?m)^BUILD_JAVA_OPTS=\"([^\"]*)\"");

  /** The launcher's default JVM options for a build: its {@code BUILD_JAVA_OPTS="..."} line. */
  static String buildDefaults(Path launcher) {
    try {
      Matcher m = BUILD_OPTS.matcher(Files.readString(launcher, StandardCharsets.UTF_8));
      if (m.find() && !m.group(1).isBlank()) return m.group(1);
      throw new RuralKgException(launcher + ": no BUILD_JAVA_OPTS=\"...\" line");
    } catch (IOException e) {
      throw new RuralKgException(launcher + ": cannot read the launcher: " + e.getMessage(), e);
    }
  }

  /** -jar JAR when this JVM runs from the jar (as the launcher does), else the classes' main. */
  static List<String> mainOf(String classPath) {
    if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator))
      return List.of("-jar", classPath);
    return List.of("-cp", classPath, "org.w3id.ruralkg.cli.Main");
  }

  /** The build's summary line, the last one that matches; zeros when there is none. */
  static Summary summary(List<String> lines) {
    Summary found = new Summary(0, 0, 0, 0);
    for (String line : lines) {
      Matcher m = SUMMARY.matcher(line);
      if (m.find())
        found =
            new Summary(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Long.parseLong(m.group(3)),
                Integer.parseInt(m.group(4)));
    }
    return found;
  }

  /** The largest heap before and after a collection in a -Xlog:gc log. */
  static HeapPeaks heapPeaks(List<String> gcLines) {
    long before = -1;
    long after = -1;
    for (String line : gcLines) {
      Matcher m = GC_HEAP.matcher(line);
      if (!m.find()) continue;
      before = Math.max(before, mib(Long.parseLong(m.group(1)), m.group(2)));
      after = Math.max(after, mib(Long.parseLong(m.group(3)), m.group(4)));
    }
    return new HeapPeaks(before, after);
  }

  private static long mib(long n, String unit) {
    return switch (unit) {
      case "K" -> n >> 10;
      case "G" -> n << 10;
      default -> n;
    };
  }

  /** Reads the child's VmHWM until it ends; the last value read is its peak (VmHWM only grows). */
  private static void pollPeakRss(Process p, AtomicLong peakKiB) {
    Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
    while (p.isAlive()) {
      try {
        long kib = Machine.procKiB(status.toString(), "VmHWM:");
        if (kib < 0) return; // ended between the check and the read, or no /proc
        peakKiB.accumulateAndGet(kib, Math::max);
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
