package org.w3id.ruralkg.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.rdf.Vocab;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.BulkBuilder;
import org.w3id.ruralkg.store.FileProcessor;
import org.w3id.ruralkg.store.FileQuads;
import org.w3id.ruralkg.store.InputFile;
import org.w3id.ruralkg.store.StoreBuilder;
import org.w3id.ruralkg.store.StoreOps;

/**
 * The benchmark: needs the seed pages (for {@link Synth}), the saved queries and a scratch folder;
 * adds, for each corpus size, extraction rates (one thread and all), the end-to-end build, the
 * store's size, the write path alone against Jena's tdb2.tdbloader (default and parallel) on the
 * same quads, peak heap and RSS, and HTTP latency of the saved queries under 1..16 clients. Runs
 * phases one after another in this process; not thread-safe (one run at a time).
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

  /** Runs every size; the report as nested maps (what {@link #writeJson} writes). */
  public Map<String, Object> run() throws Exception {
    quietServerLogs();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("startedAt", Instant.now().toString());
    report.put("machine", Machine.describe());
    report.put("threads", o.threads());
    long t0 = System.nanoTime();
    FileProcessor processor = Pipeline.fileProcessor();
    Synth synth = Synth.fromSeeds(o.seeds());
    report.put("componentsLoadSeconds", secs(t0));
    List<Object> sizes = new ArrayList<>();
    report.put("sizes", sizes);
    for (int n : o.sizes()) sizes.add(runSize(n, synth, processor));
    return report;
  }

  private Map<String, Object> runSize(int articles, Synth synth, FileProcessor processor)
      throws Exception {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("articles", articles);
    r.put("loadAverageBefore", Machine.loadAverage());
    Path dir = o.work().resolve("n" + articles);
    Machine.deleteTree(dir);
    Path corpus = dir.resolve("corpus");
    long t = System.nanoTime();
    Synth.Result made = synth.write(corpus, articles, o.seed());
    r.put("synthSeconds", secs(t));
    r.put("files", made.files());
    r.put("chars", made.chars());
    r.put("bytes", made.bytes());
    log.printf(
        "bench: %d articles, %d files, %,d chars (synth %.1f s)%n",
        articles, made.files(), made.chars(), secs(t));

    List<InputFile> inputs = StoreBuilder.listInputs(corpus);
    List<byte[]> bytes = new ArrayList<>(inputs.size());
    for (InputFile f : inputs) bytes.add(Files.readAllBytes(f.path()));

    // JIT warm-up on a slice of the corpus, not timed
    for (int i = 0; i < Math.min(inputs.size(), 60); i++)
      processor.process(inputs.get(i), bytes.get(i), "warmup");

    try (HeapWatch heap = HeapWatch.start()) {
      r.put("extraction", extraction(inputs, bytes, processor, made.chars()));
      r.put("stages", StageTimer.time(inputs, bytes));
      r.put("extractionPeakHeapMiB", heap.peakBytes() >> 20);
    }

    Path store = dir.resolve("store");
    Machine.resetPeaks();
    HeapWatch heap = HeapWatch.start();
    t = System.nanoTime();
    long bcpu = processCpu();
    BuildReport built = Pipeline.build(corpus, store, o.threads());
    heap.close();
    double buildSeconds = secs(t);
    double buildCpu = (processCpu() - bcpu) / 1e9;
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("seconds", buildSeconds);
    b.put("processCpuSeconds", buildCpu);
    b.put("loaded", built.loaded().size());
    b.put("failed", built.failed().size());
    b.put("quads", built.quads());
    b.put("quadsPerSecond", built.quads() / buildSeconds);
    b.put("charsPerSecond", made.chars() / buildSeconds);
    b.put("storeMiB", Machine.folderBytes(store) / (1024.0 * 1024));
    b.put("peakHeapMiB", heap.peakBytes() >> 20);
    b.put("peakHeapAfterGcMiB", heap.peakAfterGcBytes() >> 20);
    b.put("peakRssMiB", Machine.peakRssBytes() >> 20);
    r.put("build", b);
    log.printf(
        "bench: build %.1f s, %,d quads, %s%n", buildSeconds, built.quads(), built.summary());

    r.put("loading", loading(dir, inputs, processor));
    r.put("operations", operations(dir, store));
    if (queriesToo) r.put("queries", queries(store));
    r.put("loadAverageAfter", Machine.loadAverage());
    if (!o.keep()) Machine.deleteTree(dir);
    return r;
  }

  /**
   * The store operations at this size, on copies so that the built store stays as it was for the
   * queries: backup to gzipped N-Quads, restore into a new store (the bulk loader), compaction of
   * the restored store (the sorted loader again, into the next generation).
   */
  private Map<String, Object> operations(Path dir, Path store) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    Path backup = dir.resolve("backup.nq.gz");
    Path restored = dir.resolve("store-restored");
    long t = System.nanoTime();
    StoreOps.Result saved = StoreOps.backup(store, backup);
    m.put("backupSeconds", secs(t));
    m.put("backupMiB", Files.size(backup) / (1024.0 * 1024));
    m.put("quads", saved.quads());
    t = System.nanoTime();
    StoreOps.restore(backup, restored);
    m.put("restoreSeconds", secs(t));
    m.put("restoredStoreMiB", Machine.folderBytes(restored) / (1024.0 * 1024));
    t = System.nanoTime();
    StoreOps.compact(restored);
    m.put("compactSeconds", secs(t));
    m.put("compactedStoreMiB", Machine.folderBytes(restored) / (1024.0 * 1024));
    Machine.deleteTree(restored);
    Files.deleteIfExists(backup);
    log.printf(
        "bench: backup %.1f s (%.0f MiB), restore %.1f s (%.0f MiB), compact %.1f s (%.0f MiB)%n",
        m.get("backupSeconds"),
        m.get("backupMiB"),
        m.get("restoreSeconds"),
        m.get("restoredStoreMiB"),
        m.get("compactSeconds"),
        m.get("compactedStoreMiB"));
    return m;
  }

  /** Extraction alone (read, extract, map to quads in memory): one thread, then all threads. */
  private Map<String, Object> extraction(
      List<InputFile> inputs, List<byte[]> bytes, FileProcessor processor, long chars)
      throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    long t = System.nanoTime();
    long cpu0 = threadCpu();
    long quads = 0;
    for (int i = 0; i < inputs.size(); i++)
      quads += processor.process(inputs.get(i), bytes.get(i), "x").quads().size();
    double one = secs(t);
    double oneCpu = (threadCpu() - cpu0) / 1e9;
    m.put("singleThreadSeconds", one);
    m.put("singleThreadCpuSeconds", oneCpu);
    m.put("singleThreadCharsPerSecond", chars / one);
    m.put("singleThreadCharsPerCpuSecond", chars / oneCpu);
    m.put("quads", quads);
    java.util.concurrent.atomic.AtomicInteger names =
        new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            o.threads(), r -> new Thread(r, "bench-extract-" + names.incrementAndGet()));
    long pcpu0 = processCpu();
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
      m.put("profile", sampler.report(15));
    } finally {
      pool.shutdown();
    }
    double all = secs(t);
    double allCpu = (processCpu() - pcpu0) / 1e9;
    m.put("allThreadsProcessCpuSeconds", allCpu);
    m.put("allThreadsCharsPerCpuSecond", chars / allCpu);
    m.put("threads", o.threads());
    m.put("allThreadsSeconds", all);
    m.put("allThreadsCharsPerSecond", chars / all);
    m.put("allThreadsCharsPerSecondPerCore", chars / all / o.threads());
    log.printf(
        "bench: extraction %,.0f chars/s on 1 thread (%,.0f per CPU second), %,.0f chars/s per core on %d threads (%,.0f per CPU second)%n",
        chars / one, chars / oneCpu, chars / all / o.threads(), o.threads(), chars / allCpu);
    return m;
  }

  /**
   * The write path alone against Jena's loader on the same quads: each file's quads are written as
   * N-Quads first (not timed); ruralkg's build path for a new store then loads them (parse, bulk
   * loader, text index), once more without the text index, and Jena's tdb2.tdbloader command loads
   * the same files (plus the ontology, without a text index) into fresh stores, as it runs by
   * default and with its parallel loader.
   */
  private Map<String, Object> loading(Path dir, List<InputFile> inputs, FileProcessor processor)
      throws Exception {
    Path nq = dir.resolve("nq");
    Files.createDirectories(nq);
    List<String> files = new ArrayList<>();
    long quads = 0;
    for (InputFile f : inputs) {
      FileQuads fq =
          processor.process(
              f, Files.readAllBytes(f.path()), StoreBuilder.sha256(Files.readAllBytes(f.path())));
      Path out = nq.resolve(f.relativePath().replace('/', '_') + ".nq");
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
        StreamRDF w = StreamRDFLib.writer(os);
        w.start();
        for (Quad q : fq.quads()) w.quad(q);
        w.finish();
      }
      quads += fq.quads().size();
      files.add(out.toString());
    }
    Path ontology = nq.resolve("ontology.nq");
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(ontology))) {
      StreamRDF w = StreamRDFLib.writer(os);
      w.start();
      Pipeline.ontologyGraph()
          .find()
          .forEachRemaining(tr -> w.quad(Quad.create(Vocab.ONTOLOGY_GRAPH, tr)));
      w.finish();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("quads", quads);

    // ruralkg: the path `build` takes for a new store (bulk loader and text index), fed the
    // prepared quads
    Path ours = dir.resolve("store-writeonly");
    FileProcessor fromNq =
        (file, b, sha) -> {
          List<Quad> qs = new ArrayList<>();
          RDFParser.source(nq.resolve(file.relativePath().replace('/', '_') + ".nq"))
              .lang(Lang.NQUADS)
              .parse(
                  new org.apache.jena.riot.system.StreamRDFBase() {
                    @Override
                    public void quad(Quad q) {
                      qs.add(q);
                    }
                  });
          return new FileQuads(file, sha, 1, qs);
        };
    HeapWatch heap = HeapWatch.start();
    long t = System.nanoTime();
    long c0 = processCpu();
    new BulkBuilder(ours, fromNq, o.threads()).build(Pipeline.ontologyGraph(), inputs);
    heap.close();
    double oursSeconds = secs(t);
    double oursCpu = (processCpu() - c0) / 1e9;
    m.put("ruralkgProcessCpuSeconds", oursCpu);
    m.put("ruralkgSeconds", oursSeconds);
    m.put("ruralkgQuadsPerSecond", quads / oursSeconds);
    m.put("ruralkgPeakHeapMiB", heap.peakBytes() >> 20);
    m.put("ruralkgStoreMiB", Machine.folderBytes(ours) / (1024.0 * 1024));
    Machine.deleteTree(ours);

    // the same path without the Lucene index: the quad loading alone, which is all Jena's loader
    // does
    Path quadsOnly = dir.resolve("store-quadsonly");
    t = System.nanoTime();
    c0 = processCpu();
    new BulkBuilder(quadsOnly, fromNq, o.threads(), false).build(Pipeline.ontologyGraph(), inputs);
    double quadsOnlySeconds = secs(t);
    m.put("ruralkgQuadsOnlySeconds", quadsOnlySeconds);
    m.put("ruralkgQuadsOnlyProcessCpuSeconds", (processCpu() - c0) / 1e9);
    Machine.deleteTree(quadsOnly);

    // Jena's own command, tdb2.tdbloader, on the same files: as it runs by default (the phased
    // loader) and with --loader=parallel, each in a child JVM with this one's heap limit
    List<String> all = new ArrayList<>(files);
    all.add(ontology.toString());
    // report key → the --loader value (null: as tdb2.tdbloader runs by default)
    Map<String, String> loaders = new LinkedHashMap<>();
    loaders.put("Jena", null);
    loaders.put("JenaParallel", "parallel");
    for (var l : loaders.entrySet()) {
      Map<String, Object> j = tdbloader(dir, l.getValue(), all);
      String key = Character.toLowerCase(l.getKey().charAt(0)) + l.getKey().substring(1);
      double seconds = (Double) j.get("seconds");
      m.put(key + "Seconds", seconds);
      m.put(key + "ProcessCpuSeconds", j.get("cpuSeconds"));
      m.put(key + "QuadsPerSecond", quads / seconds);
      m.put(key + "StoreMiB", j.get("storeMiB"));
      m.put("ruralkgOver" + l.getKey() + "Speed", seconds / oursSeconds);
      m.put("ruralkgQuadsOnlyOver" + l.getKey() + "Speed", seconds / quadsOnlySeconds);
    }
    m.put("ruralkgOverJenaCpuEfficiency", (Double) m.get("jenaProcessCpuSeconds") / oursCpu);
    Machine.deleteTree(nq);
    log.printf(
        "bench: write path %.1f s (without the text index %.1f s); tdb2.tdbloader %.1f s, --loader=parallel %.1f s (ruralkg speed / Jena speed = %.2f and %.2f; without the text index %.2f and %.2f)%n",
        oursSeconds,
        quadsOnlySeconds,
        m.get("jenaSeconds"),
        m.get("jenaParallelSeconds"),
        m.get("ruralkgOverJenaSpeed"),
        m.get("ruralkgOverJenaParallelSpeed"),
        m.get("ruralkgQuadsOnlyOverJenaSpeed"),
        m.get("ruralkgQuadsOnlyOverJenaParallelSpeed"));
    return m;
  }

  /**
   * Runs Jena's {@code tdb2.tdbloader} command (from the jena-cmds jar on this classpath) into a
   * fresh store under {@code dir}, in a child JVM with this JVM's heap limit: wall seconds, CPU
   * seconds of the child (NaN where /proc is missing) and the store's size. {@code loader} is a
   * value of --loader, or null for none (the command's default, the phased loader).
   */
  private static Map<String, Object> tdbloader(Path dir, String loader, List<String> files)
      throws IOException, InterruptedException {
    String name = loader == null ? "default" : loader;
    Path store = dir.resolve("store-tdbloader-" + name);
    Path args = dir.resolve("tdbloader-" + name + ".args");
    Path out = dir.resolve("tdbloader-" + name + ".log");
    List<String> a = new ArrayList<>(List.of("--loc", store.toString()));
    if (loader != null) a.add("--loader=" + loader);
    a.addAll(files);
    // an @argfile: 2,000 file names would be a long command line
    Files.write(
        args,
        List.of(
            "-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m",
            "-cp",
            quoted(System.getProperty("java.class.path")),
            "tdb2.tdbloader"),
        StandardCharsets.UTF_8);
    Files.write(
        args,
        a.stream().map(Bench::quoted).toList(),
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    double cpu0 = Machine.childrenCpuSeconds();
    long t = System.nanoTime();
    Process p =
        new ProcessBuilder(java, "@" + args)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    int exit = p.waitFor();
    double seconds = secs(t);
    double cpu = Machine.childrenCpuSeconds() - cpu0;
    if (exit != 0) {
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      throw new RuralKgException(
          "tdb2.tdbloader ("
              + name
              + ") failed (exit "
              + exit
              + "): "
              + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", seconds);
    m.put("cpuSeconds", cpu);
    m.put("storeMiB", Machine.folderBytes(store) / (1024.0 * 1024));
    Machine.deleteTree(store);
    return m;
  }

  /** A Java @argfile token: quoted, backslashes and quotes escaped. */
  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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

  /**
   * Only the query part, on a store built already: the report's {@code queries} and a table of
   * them.
   */
  public Map<String, Object> queriesOnly(Path store) throws Exception {
    quietServerLogs();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("startedAt", Instant.now().toString());
    report.put("machine", Machine.describe());
    report.put("store", store.toString());
    report.put("loadAverageBefore", Machine.loadAverage());
    report.put("queries", queries(store));
    report.put("loadAverageAfter", Machine.loadAverage());
    return report;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static long threadCpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** CPU time of the whole process (every thread, GC and JIT included), nanoseconds. */
  private static long processCpu() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
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

  public static void writeJson(Map<String, Object> report, Path out) {
    try {
      if (out.getParent() != null) Files.createDirectories(out.getParent());
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(out.toFile(), report);
    } catch (IOException e) {
      throw new RuralKgException(out + ": cannot write report: " + e.getMessage(), e);
    }
  }

  /** The report as a plain-text table (Markdown), one block per size. */
  @SuppressWarnings("unchecked")
  public static String table(Map<String, Object> report) {
    StringBuilder sb = new StringBuilder();
    Map<String, Object> machine = (Map<String, Object>) report.get("machine");
    sb.append(
        String.format(
            "machine: %s cores, %s MiB memory, max heap %s MiB, %s%n",
            machine.get("nproc"),
            machine.get("memTotalMiB"),
            machine.get("maxHeapMiB"),
            machine.get("java")));
    sb.append(
        "\n| articles | files | chars | extract 1 thread: chars/s (per CPU s) | extract all threads: chars/s/core (per CPU s) | build s (CPU s) | quads | quads/s | store MiB | write path s (CPU s) | tdb2.tdbloader s (CPU s) | ruralkg/tdbloader speed (CPU) | tdbloader --loader=parallel s (CPU s) | ruralkg/parallel speed | write path without text index s (CPU s) | its speed / tdbloader, / parallel | peak heap MiB (after GC) | peak RSS MiB | load avg |\n");
    sb.append(
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Object o : (List<Object>) report.get("sizes")) {
      Map<String, Object> s = (Map<String, Object>) o;
      Map<String, Object> x = (Map<String, Object>) s.get("extraction");
      Map<String, Object> b = (Map<String, Object>) s.get("build");
      Map<String, Object> l = (Map<String, Object>) s.get("loading");
      long heap = Math.max(num(b.get("peakHeapMiB")), num(s.get("extractionPeakHeapMiB")));
      sb.append(
          String.format(
              "| %s | %s | %,d | %,.0f (%,.0f) | %,.0f (%,.0f) | %.1f (%.1f) | %,d | %,.0f | %.0f | %.1f (%.1f) | %.1f (%.1f) | %.2f (%.2f) | %.1f (%.1f) | %.2f | %.1f (%.1f) | %.2f, %.2f | %d (%s) | %s | %s → %s |%n",
              s.get("articles"),
              s.get("files"),
              num(s.get("chars")),
              dbl(x.get("singleThreadCharsPerSecond")),
              dbl(x.get("singleThreadCharsPerCpuSecond")),
              dbl(x.get("allThreadsCharsPerSecondPerCore")),
              dbl(x.get("allThreadsCharsPerCpuSecond")),
              dbl(b.get("seconds")),
              dbl(b.get("processCpuSeconds")),
              num(b.get("quads")),
              dbl(b.get("quadsPerSecond")),
              dbl(b.get("storeMiB")),
              dbl(l.get("ruralkgSeconds")),
              dbl(l.get("ruralkgProcessCpuSeconds")),
              dbl(l.get("jenaSeconds")),
              dbl(l.get("jenaProcessCpuSeconds")),
              dbl(l.get("ruralkgOverJenaSpeed")),
              dbl(l.get("ruralkgOverJenaCpuEfficiency")),
              dbl(l.get("jenaParallelSeconds")),
              dbl(l.get("jenaParallelProcessCpuSeconds")),
              dbl(l.get("ruralkgOverJenaParallelSpeed")),
              dbl(l.get("ruralkgQuadsOnlySeconds")),
              dbl(l.get("ruralkgQuadsOnlyProcessCpuSeconds")),
              dbl(l.get("ruralkgQuadsOnlyOverJenaSpeed")),
              dbl(l.get("ruralkgQuadsOnlyOverJenaParallelSpeed")),
              heap,
              b.get("peakHeapAfterGcMiB"),
              b.get("peakRssMiB"),
              s.get("loadAverageBefore"),
              s.get("loadAverageAfter")));
    }
    sb.append(
        "\nStore operations (on a copy of the built store): `backup`, `restore` into a new store, `compact` of the restored store\n");
    sb.append(
        "\n| articles | quads | backup s | backup MiB | restore s | restored store MiB | compact s | compacted store MiB |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Object o : (List<Object>) report.get("sizes")) {
      Map<String, Object> s = (Map<String, Object>) o;
      if (!(s.get("operations") instanceof Map<?, ?> op)) continue;
      sb.append(
          String.format(
              "| %s | %,d | %.1f | %.0f | %.1f | %.0f | %.1f | %.0f |%n",
              s.get("articles"),
              num(op.get("quads")),
              dbl(op.get("backupSeconds")),
              dbl(op.get("backupMiB")),
              dbl(op.get("restoreSeconds")),
              dbl(op.get("restoredStoreMiB")),
              dbl(op.get("compactSeconds")),
              dbl(op.get("compactedStoreMiB"))));
    }
    for (Object o : (List<Object>) report.get("sizes")) {
      Map<String, Object> s = (Map<String, Object>) o;
      sb.append(
          String.format(
              "%nstages, one thread, %s articles (CPU seconds): %s%n",
              s.get("articles"), s.get("stages")));
      sb.append(
          String.format(
              "profile of extraction on all threads (%% of samples): %s%n",
              ((Map<String, Object>) s.get("extraction")).get("profile")));
      if (s.get("queries") != null) sb.append(QueryBench.table(s.get("queries")));
    }
    return sb.toString();
  }

  /** The table of a {@link #queriesOnly} report. */
  public static String queriesTable(Map<String, Object> report) {
    return String.format(
            "store %s, load average %s → %s%n",
            report.get("store"), report.get("loadAverageBefore"), report.get("loadAverageAfter"))
        + QueryBench.table(report.get("queries"));
  }

  private static long num(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  private static double dbl(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
