package org.w3id.ruralkg.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.store.FileProcessor;
import org.w3id.ruralkg.store.InputFile;
import org.w3id.ruralkg.store.StoreBuilder;

/**
 * The benchmark: needs the seed pages (for {@link Synth}), the saved queries and a scratch folder;
 * adds, for each corpus size, extraction rates (one thread and all, {@link ExtractionPhase}), the
 * end-to-end build ({@link BuildPhase}), the store's size, the write path alone against Jena's
 * tdb2.tdbloader (default and parallel) on the same quads ({@link LoadingPhase}), the store
 * operations ({@link OperationsPhase}), peak heap and RSS, and HTTP latency of the saved queries
 * under 1..16 clients ({@link QueryBench}), as a {@link BenchReport}. Runs phases one after another
 * in this process; not thread-safe (one run at a time).
 */
public final class Bench {
  /** Settings of a run. */
  public record Options(
      List<Integer> sizes,
      long seed,
      Path seeds,
      Path work,
      int threads,
      List<Integer> clients,
      int requestsPerClient,
      Duration cellLimit,
      Duration requestTimeout,
      boolean keep) {}

  private final Options o;
  private final PrintStream log;
  private boolean sparqlToo;
  private boolean queriesToo = true;

  public Bench(Options options, PrintStream log) {
    this.o = options;
    this.log = log;
  }

  /** Runs every size. */
  public BenchReport.Run run() throws Exception {
    quietServerLogs();
    String startedAt = Instant.now().toString();
    Map<String, Object> machine = Machine.describe();
    long t0 = System.nanoTime();
    FileProcessor processor = Pipeline.fileProcessor();
    Synth synth = Synth.fromSeeds(o.seeds());
    double componentsLoadSeconds = CpuClock.secs(t0);
    List<BenchReport.Size> sizes = new ArrayList<>();
    for (int n : o.sizes()) sizes.add(runSize(n, synth, processor));
    return new BenchReport.Run(startedAt, machine, o.threads(), componentsLoadSeconds, sizes);
  }

  private BenchReport.Size runSize(int articles, Synth synth, FileProcessor processor)
      throws Exception {
    String loadAverageBefore = Machine.loadAverage();
    Path dir = o.work().resolve("n" + articles);
    Machine.deleteTree(dir);
    Path corpus = dir.resolve("corpus");
    long t = System.nanoTime();
    Synth.Result made = synth.write(corpus, articles, o.seed());
    double synthSeconds = CpuClock.secs(t);
    log.printf(
        Locale.ROOT,
        "bench: %d articles, %d files, %,d chars (synth %.1f s)%n",
        articles,
        made.files(),
        made.chars(),
        CpuClock.secs(t));

    List<InputFile> inputs = StoreBuilder.listInputs(corpus);
    List<byte[]> bytes = new ArrayList<>(inputs.size());
    for (InputFile f : inputs) bytes.add(Files.readAllBytes(f.path()));

    // JIT warm-up on a slice of the corpus, not timed
    for (int i = 0; i < Math.min(inputs.size(), 60); i++)
      processor.process(inputs.get(i), bytes.get(i), "warmup");

    BenchReport.Extraction extraction;
    Map<String, Object> stages;
    long extractionPeakHeapMiB;
    try (HeapWatch heap = HeapWatch.start()) {
      extraction =
          new ExtractionPhase(o.threads(), log).run(inputs, bytes, processor, made.chars());
      stages = StageTimer.time(inputs, bytes);
      extractionPeakHeapMiB = heap.peakBytes() >> 20;
    }

    Path store = dir.resolve("store");
    BenchReport.Build build = new BuildPhase(o.threads(), log).run(corpus, store, made.chars());
    BenchReport.Loading loading = new LoadingPhase(o.threads(), log).run(dir, inputs, processor);
    BenchReport.Operations operations = new OperationsPhase(log).run(dir, store);
    Map<String, Object> queries = queriesToo ? queries(store) : null;
    String loadAverageAfter = Machine.loadAverage();
    if (!o.keep()) Machine.deleteTree(dir);
    return new BenchReport.Size(
        articles,
        loadAverageBefore,
        synthSeconds,
        made.files(),
        made.chars(),
        made.bytes(),
        extraction,
        stages,
        extractionPeakHeapMiB,
        build,
        loading,
        operations,
        queries,
        loadAverageAfter);
  }

  private Map<String, Object> queries(Path store) throws Exception {
    return new QueryBench(
            o.clients(), o.requestsPerClient(), o.cellLimit(), o.requestTimeout(), sparqlToo, log)
        .run(store);
  }

  /**
   * Also measure the raw SPARQL endpoint after the API (slow at 10,000 articles: no cache there).
   */
  public Bench withSparqlEndpoint(boolean on) {
    this.sparqlToo = on;
    return this;
  }

  /**
   * Whether a run measures the saved queries over HTTP after each build (the longest phase at
   * 10,000 articles).
   */
  public Bench withQueries(boolean on) {
    this.queriesToo = on;
    return this;
  }

  /** Only the query part, on a store built already. */
  public BenchReport.QueriesOnly queriesOnly(Path store) throws Exception {
    quietServerLogs();
    String startedAt = Instant.now().toString();
    Map<String, Object> machine = Machine.describe();
    String loadAverageBefore = Machine.loadAverage();
    Map<String, Object> queries = queries(store);
    return new BenchReport.QueriesOnly(
        startedAt, machine, store.toString(), loadAverageBefore, queries, Machine.loadAverage());
  }

  /**
   * Per-request lines from Fuseki and per-file lines from the builder would drown the table. Log4j
   * is the project's logging backend (a compile dependency, which the server's request log
   * configures too), so its levels are set directly.
   */
  private static void quietServerLogs() {
    for (String logger :
        List.of("org.apache.jena.fuseki", "org.w3id.ruralkg.store", "org.eclipse.jetty")) {
      org.apache.logging.log4j.core.config.Configurator.setLevel(
          logger, org.apache.logging.log4j.Level.WARN);
    }
  }

  /** Deletes a scratch folder and everything in it (best effort). */
  public static void deleteTree(Path dir) {
    Machine.deleteTree(dir);
  }
}
