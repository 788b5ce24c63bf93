package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.store.FileProcessor;
import org.w3id.ruralkg.store.InputFile;
import org.w3id.ruralkg.store.StoreBuilder;

/**
 * The benchmark, the one command behind every figure of issue 18: needs the seed pages (for {@link
 * Synth}), the saved and analyst queries and a scratch folder; for each corpus size it runs the
 * chosen {@link Phase}s in this order: the build as a user runs it, in a fresh JVM ({@link
 * FreshBuild}); the analyst queries on the new store ({@link AnalystPhase}); its density ({@link
 * DensityPhase}); the saved queries over HTTP, cold and warm ({@link QueryBench}); the store
 * operations ({@link OperationsPhase}); extraction rates, one thread and all ({@link
 * ExtractionPhase}); the write path alone against Jena's tdb2.tdbloader and tdb2.xloader on the
 * same quads ({@link LoadingPhase}). Then it holds the figures against the targets ({@link
 * Targets}) and, with several sizes, says what grows faster than the corpus ({@link Growth}), as a
 * {@link BenchReport}. Phases run one after another; not thread-safe (one run at a time).
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
      boolean keep,
      Set<Phase> phases,
      Set<Phase> largePhases,
      Path home) {}

  /**
   * From this many articles on a size runs {@code largePhases}: at 100,000 articles single-thread
   * extraction and the loader comparisons would take hours.
   */
  public static final int LARGE_ARTICLES = 50_000;

  private final Options o;
  private final PrintStream log;
  private boolean sparqlToo;
  private String command = "";
  private FileProcessor processor;
  private double componentsLoadSeconds;

  public Bench(Options options, PrintStream log) {
    this.o = options;
    this.log = log;
  }

  /** Runs every size. */
  public BenchReport.Run run() throws Exception {
    quietServerLogs();
    String startedAt = Instant.now().toString();
    Map<String, Object> machine = Machine.describe();
    log.println(
        "bench: " + BenchReport.machineLine(machine) + ", load average " + Machine.loadAverage());
    Synth synth = Synth.fromSeeds(o.seeds());
    List<BenchReport.Size> sizes = new ArrayList<>();
    for (int n : o.sizes()) sizes.add(runSize(n, synth));
    List<Growth.Step> growth = Growth.of(sizes.stream().map(Bench::growthPoint).toList());
    return new BenchReport.Run(
        startedAt,
        machine,
        o.threads(),
        componentsLoadSeconds,
        sizes,
        command,
        o.phases().stream().map(Phase::cliName).toList(),
        o.largePhases().stream().map(Phase::cliName).toList(),
        growth);
  }

  /**
   * The extraction components (gazetteer, HanLP), loaded once and only by phases that need them.
   */
  private FileProcessor processor() {
    if (processor == null) {
      long t0 = System.nanoTime();
      processor = Pipeline.fileProcessor();
      componentsLoadSeconds = CpuClock.secs(t0);
    }
    return processor;
  }

  private BenchReport.Size runSize(int articles, Synth synth) throws Exception {
    Set<Phase> phases = articles >= LARGE_ARTICLES ? o.largePhases() : o.phases();
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
        synthSeconds);

    Path store = dir.resolve("store");
    FreshBuild.Result fresh = null;
    List<AnalystPhase.Query> analyst = null;
    DensityPhase.Density density = null;
    Map<String, Object> queries = null;
    BenchReport.Operations operations = null;
    if (phases.contains(Phase.BUILD)) {
      fresh = new FreshBuild(o.home(), log).run(corpus, store, made.chars());
      if (fresh.exitCode() != 0)
        log.println("bench: the fresh-JVM build failed; phases that read its store are skipped");
    }
    boolean stored = fresh != null && fresh.exitCode() == 0;
    if (stored && phases.contains(Phase.ANALYST)) {
      Path dirOfQueries = Pipeline.queriesDir();
      analyst =
          new AnalystPhase(o.requestTimeout(), log)
              .run(store, dirOfQueries == null ? null : dirOfQueries.resolve("analyst"));
    }
    if (stored && phases.contains(Phase.DENSITY))
      density =
          new DensityPhase(log).run(store, fresh.articles() > 0 ? fresh.articles() : articles);
    if (stored && phases.contains(Phase.QUERIES)) queries = queries(store);
    if (stored && phases.contains(Phase.OPERATIONS))
      operations = new OperationsPhase(log).run(dir, store);

    List<InputFile> inputs = null;
    List<byte[]> bytes = null;
    if (phases.contains(Phase.EXTRACTION) || phases.contains(Phase.LOADING)) {
      inputs = StoreBuilder.listInputs(corpus);
      bytes = new ArrayList<>(inputs.size());
      for (InputFile f : inputs) bytes.add(Files.readAllBytes(f.path()));
    }
    BenchReport.Extraction extraction = null;
    Map<String, Object> stages = null;
    long extractionPeakHeapMiB = 0;
    if (phases.contains(Phase.EXTRACTION)) {
      // JIT warm-up on a slice of the corpus, not timed
      for (int i = 0; i < Math.min(inputs.size(), 60); i++)
        processor().process(inputs.get(i), bytes.get(i), "warmup");
      try (HeapWatch heap = HeapWatch.start()) {
        extraction =
            new ExtractionPhase(o.threads(), log).run(inputs, bytes, processor(), made.chars());
        stages = StageTimer.time(inputs, bytes);
        extractionPeakHeapMiB = heap.peakBytes() >> 20;
      }
    }
    BenchReport.Build build = null;
    if (phases.contains(Phase.INPROCESS_BUILD)) {
      Path inProcess = dir.resolve("store-inprocess");
      build = new BuildPhase(o.threads(), log).run(corpus, inProcess, made.chars());
      Machine.deleteTree(inProcess);
    }
    BenchReport.Loading loading =
        phases.contains(Phase.LOADING)
            ? new LoadingPhase(o.threads(), log).run(dir, inputs, processor())
            : null;
    String loadAverageAfter = Machine.loadAverage();
    if (!o.keep()) Machine.deleteTree(dir);

    Targets.Latencies cold = queries == null ? null : coldLatencies(queries);
    Targets.Latencies coldAfterWrite =
        queries == null || !queries.containsKey("coldAfterWrite")
            ? null
            : coldLatencies(queries, "coldAfterWrite");
    Targets.Latencies analystLatencies =
        analyst == null
            ? null
            : Targets.latencies(
                analyst.stream().map(q -> new Targets.Timed(q.name(), q.ms())).toList(),
                ANALYST_LIMIT_MS);
    List<Targets.Target> targets =
        TargetRows.of(
            articles,
            fresh,
            density,
            loading,
            cold,
            coldAfterWrite,
            analystLatencies,
            analyst == null
                ? null
                : Targets.latencies(
                    analyst.stream().map(q -> new Targets.Timed(q.name(), q.againMs())).toList(),
                    ANALYST_LIMIT_MS),
            queries);
    log.print(Targets.table(articles, targets));
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
        loadAverageAfter,
        phases.stream().map(Phase::cliName).toList(),
        fresh,
        density,
        analyst,
        cold,
        analystLatencies,
        targets);
  }

  /** Issue 18: every saved query and example call answers its first request in under 1 s. */
  static final double COLD_LIMIT_MS = 1000;

  /** Issue 18: each analyst query answers in under 2 s. */
  static final double ANALYST_LIMIT_MS = 2000;

  /** The cold first requests of a query phase as latencies against the 1 s target. */
  @SuppressWarnings("unchecked")
  static Targets.Latencies coldLatencies(Map<String, Object> queries) {
    return coldLatencies(queries, "cold");
  }

  /** As above, for the list under {@code key} ({@code cold} or {@code coldAfterWrite}). */
  @SuppressWarnings("unchecked")
  static Targets.Latencies coldLatencies(Map<String, Object> queries, String key) {
    List<Targets.Timed> timed = new ArrayList<>();
    for (Object c : (List<Object>) queries.getOrDefault(key, List.of())) {
      QueryLoad.Cold cold = (QueryLoad.Cold) c;
      timed.add(new Targets.Timed(cold.query(), cold.status() == 200 ? cold.ms() : Double.NaN));
    }
    return Targets.latencies(timed, COLD_LIMIT_MS);
  }

  /** The figures of a size whose growth with the corpus the report shows. */
  static Growth.Point growthPoint(BenchReport.Size s) {
    Map<String, Double> f = new LinkedHashMap<>();
    if (s.freshBuild() != null) {
      f.put("fresh-JVM build s", s.freshBuild().seconds());
      f.put("fresh-JVM build CPU s", s.freshBuild().cpuSeconds());
      f.put("store MiB", s.freshBuild().storeMiB());
      f.put("quads written", (double) s.freshBuild().quads());
      f.put("peak heap MiB (build)", (double) s.freshBuild().peakHeapMiB());
      f.put("peak heap after GC MiB (build)", (double) s.freshBuild().peakHeapAfterGcMiB());
      f.put("peak RSS MiB (build)", (double) s.freshBuild().peakRssMiB());
    }
    if (s.density() != null) f.put("quads stored", (double) s.density().quads());
    if (s.coldQueries() != null) {
      f.put("cold p95 ms", s.coldQueries().p95Ms());
      f.put("cold all calls s", s.coldQueries().sumMs() / 1000);
    }
    if (s.analystQueries() != null) {
      f.put("analyst slowest ms", s.analystQueries().maxMs());
      f.put("analyst all s", s.analystQueries().sumMs() / 1000);
    }
    double warm = TargetRows.warmP95Max(s.queries());
    if (!Double.isNaN(warm)) f.put("warm p95 ms (1 client, slowest call)", warm);
    return new Growth.Point(s.articles(), f);
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

  /** The command line that started the run, for the report. */
  public Bench withCommand(String commandLine) {
    this.command = commandLine;
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
   * The analyst queries alone on a store built already ({@code bench --store S --phases analyst}):
   * each once, in name order, on the store opened afresh as the server opens it, as in a full run.
   */
  public BenchReport.AnalystOnly analystOnly(Path store) throws IOException {
    quietServerLogs();
    String startedAt = Instant.now().toString();
    String loadAverageBefore = Machine.loadAverage();
    Path dirOfQueries = Pipeline.queriesDir();
    List<AnalystPhase.Query> analyst =
        new AnalystPhase(o.requestTimeout(), log)
            .run(store, dirOfQueries == null ? null : dirOfQueries.resolve("analyst"));
    return new BenchReport.AnalystOnly(
        startedAt,
        Machine.describe(),
        store.toString(),
        loadAverageBefore,
        analyst,
        Machine.loadAverage());
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
