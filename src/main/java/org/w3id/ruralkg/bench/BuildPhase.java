package org.w3id.ruralkg.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.store.BuildReport;

/**
 * The benchmark's build phase: needs a corpus folder and a new store folder; adds the end-to-end
 * build (as the {@code build} command runs it) with its time, CPU, store size, peak heap and RSS.
 * Not thread-safe (one phase at a time).
 */
final class BuildPhase {
  private final int threads;
  private final PrintStream log;

  BuildPhase(int threads, PrintStream log) {
    this.threads = threads;
    this.log = log;
  }

  BenchReport.Build run(Path corpus, Path store, long chars) {
    Machine.resetPeaks();
    HeapWatch heap = HeapWatch.start();
    long t = System.nanoTime();
    long bcpu = CpuClock.process();
    BuildReport built = Pipeline.build(corpus, store, threads);
    heap.close();
    double buildSeconds = CpuClock.secs(t);
    double buildCpu = (CpuClock.process() - bcpu) / 1e9;
    BenchReport.Build b =
        new BenchReport.Build(
            buildSeconds,
            buildCpu,
            built.loaded().size(),
            built.failed().size(),
            built.quads(),
            built.quads() / buildSeconds,
            chars / buildSeconds,
            Machine.folderBytes(store) / (1024.0 * 1024),
            heap.peakBytes() >> 20,
            heap.peakAfterGcBytes() >> 20,
            Machine.peakRssBytes() >> 20);
    log.printf(
        Locale.ROOT,
        "bench: build %.1f s, %,d quads, %s%n",
        buildSeconds,
        built.quads(),
        built.summary());
    return b;
  }
}
