package org.w3id.ruralkg.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3id.ruralkg.store.FileProcessor;
import org.w3id.ruralkg.store.InputFile;

/**
 * The benchmark's extraction phase: needs the corpus's files and bytes and a warm {@link
 * FileProcessor}; adds extraction alone (read, extract, map to quads in memory) on one thread, then
 * on all threads with a sampled profile. Not thread-safe (one phase at a time).
 */
final class ExtractionPhase {
  private final int threads;
  private final PrintStream log;

  ExtractionPhase(int threads, PrintStream log) {
    this.threads = threads;
    this.log = log;
  }

  BenchReport.Extraction run(
      List<InputFile> inputs, List<byte[]> bytes, FileProcessor processor, long chars)
      throws Exception {
    long t = System.nanoTime();
    long cpu0 = CpuClock.thread();
    long quads = 0;
    for (int i = 0; i < inputs.size(); i++)
      quads += processor.process(inputs.get(i), bytes.get(i), "x").quads().size();
    double one = CpuClock.secs(t);
    double oneCpu = (CpuClock.thread() - cpu0) / 1e9;
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, r -> new Thread(r, "bench-extract-" + names.incrementAndGet()));
    long pcpu0 = CpuClock.process();
    Map<String, Object> profile;
    try (Sampler sampler = new Sampler("bench-extract-", 7)) {
      t = System.nanoTime();
      List<Future<Integer>> fs = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        int k = i;
        fs.add(
            pool.submit(() -> processor.process(inputs.get(k), bytes.get(k), "x").quads().size()));
      }
      for (Future<Integer> f : fs) f.get();
      sampler.close();
      profile = sampler.report(15);
    } finally {
      pool.shutdown();
    }
    double all = CpuClock.secs(t);
    double allCpu = (CpuClock.process() - pcpu0) / 1e9;
    log.printf(
        Locale.ROOT,
        "bench: extraction %,.0f chars/s on 1 thread (%,.0f per CPU second), %,.0f chars/s per core on %d threads (%,.0f per CPU second)%n",
        chars / one,
        chars / oneCpu,
        chars / all / threads,
        threads,
        chars / allCpu);
    return new BenchReport.Extraction(
        one,
        oneCpu,
        chars / one,
        chars / oneCpu,
        quads,
        profile,
        allCpu,
        chars / allCpu,
        threads,
        all,
        chars / all,
        chars / all / threads);
  }
}
