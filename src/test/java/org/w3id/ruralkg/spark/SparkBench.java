package org.w3id.ruralkg.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.bench.Synth;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.FileProcessor;
import org.w3id.ruralkg.store.InputFile;
import org.w3id.ruralkg.store.StoreBuilder;

/**
 * Run by hand (see docs/SPARK.md): times, on the same synthetic corpus, in-process extraction on a
 * thread pool, the Spark job in local mode with as many cores, {@code load} of the job's output and
 * a plain {@code build}, and prints the numbers. Args: [articles (1000)] [cores (2)] [work folder].
 */
public final class SparkBench {
  public static void main(String[] args) throws Exception {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int cores = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path work =
        args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("ruralkg-sparkbench");
    Path corpus = work.resolve("corpus-" + articles);
    if (!Files.isDirectory(corpus)) Synth.fromSeeds(Path.of("seeds")).write(corpus, articles, 1);
    List<InputFile> inputs = StoreBuilder.listInputs(corpus);
    long bytes = 0;
    for (InputFile f : inputs) bytes += Files.size(f.path());
    System.out.printf(
        Locale.ROOT,
        "corpus: %d articles in %d files (%.1f MB), %d cores%n",
        articles,
        inputs.size(),
        bytes / 1e6,
        cores);

    // the gazetteer and HanLP load once per JVM, in both cases: load them before any clock starts
    FileProcessor warm = Pipeline.fileProcessor();
    warm.process(inputs.get(0), Files.readAllBytes(inputs.get(0).path()), "warm");

    long t0 = System.nanoTime();
    long quads = inProcess(inputs, cores);
    double inProc = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "in-process extraction: %.1f s (%d quads, %.1f articles/s, %.1f articles/s per core)%n",
        inProc,
        quads,
        articles / inProc,
        articles / inProc / cores);

    SparkConf conf =
        new SparkConf()
            .setMaster("local[" + cores + "]")
            .setAppName("ruralkg-bench")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1");
    Path out = work.resolve("out-" + System.nanoTime());
    double job;
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      ExtractJob.Summary s =
          ExtractJob.run(sc, corpus.toUri().toString(), out.toUri().toString(), 0);
      job = s.seconds();
      System.out.printf(
          Locale.ROOT,
          "spark job, local[%d]: %.1f s (%s; %.1f articles/s, %.1f articles/s per core)%n",
          cores,
          job,
          s.line(),
          articles / job,
          articles / job / cores);
    }
    System.out.printf(Locale.ROOT, "ratio spark/in-process: %.2f%n", job / inProc);

    t0 = System.nanoTime();
    BuildReport l = Pipeline.load(out, work.resolve("store-load-" + System.nanoTime()), cores);
    double load = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT, "load of the job's output into a new store: %.1f s (%s)%n", load, l.summary());

    t0 = System.nanoTime();
    BuildReport b = Pipeline.build(corpus, work.resolve("store-build-" + System.nanoTime()), cores);
    double build = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "build of the same corpus into a new store: %.1f s (%s)%n",
        build,
        b.summary());
    System.out.printf(Locale.ROOT, "spark job + load: %.1f s vs build %.1f s%n", job + load, build);
  }

  private static long inProcess(List<InputFile> inputs, int cores) throws Exception {
    FileProcessor p = Pipeline.fileProcessor();
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    try {
      List<Future<Integer>> fs = new ArrayList<>();
      for (InputFile f : inputs) {
        fs.add(
            pool.submit(
                () -> {
                  byte[] b = Files.readAllBytes(f.path());
                  return p.process(f, b, StoreBuilder.sha256(b)).quads().size();
                }));
      }
      long n = 0;
      for (Future<Integer> f : fs) n += f.get();
      return n;
    } finally {
      pool.shutdown();
    }
  }
}
