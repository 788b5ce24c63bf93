package org.w3id.ruralkg.app;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.common.Version;
import org.w3id.ruralkg.extract.ArticleFacts;
import org.w3id.ruralkg.nlp.SentenceSplitter;
import org.w3id.ruralkg.rdf.FactMapper;
import org.w3id.ruralkg.rdf.Iris;
import org.w3id.ruralkg.rdf.OntologyFiles;
import org.w3id.ruralkg.rdf.StoreValidator;
import org.w3id.ruralkg.server.QueryApi;
import org.w3id.ruralkg.server.SavedQueries;
import org.w3id.ruralkg.server.Server;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.BuildSettings;
import org.w3id.ruralkg.store.BulkBuilder;
import org.w3id.ruralkg.store.FileProcessor;
import org.w3id.ruralkg.store.FileQuads;
import org.w3id.ruralkg.store.InputFile;
import org.w3id.ruralkg.store.InputScan;
import org.w3id.ruralkg.store.Store;
import org.w3id.ruralkg.store.StoreBuilder;
import org.w3id.ruralkg.store.StoreLock;
import org.w3id.ruralkg.store.StoreOps;

/**
 * The one place where the stages are composed: source → extract (nlp, link) → rdf → store → server.
 * The CLI calls these methods and nothing else.
 */
public final class Pipeline {
  private Pipeline() {}

  /** Builds (or updates) the store at {@code storeDir} from the files under {@code inDir}. */
  public static BuildReport build(Path inDir, Path storeDir, int threads) {
    return build(inDir, storeDir, BuildSettings.defaults(threads));
  }

  /** As above, with a per-file time budget in seconds (0: none); links not followed. */
  public static BuildReport build(
      Path inDir, Path storeDir, int threads, double fileTimeoutSeconds) {
    return build(
        inDir,
        storeDir,
        new BuildSettings(threads, Duration.ofNanos((long) (fileTimeoutSeconds * 1e9)), false));
  }

  public static BuildReport build(Path inDir, Path storeDir, BuildSettings settings) {
    // the gazetteer and dictionaries load while the input is scanned and the store opened
    Extraction.preload();
    InputScan scan = InputScan.scan(inDir, settings.followLinks());
    if (scan.files().isEmpty()) {
      if (scan.skipped().isEmpty()) throw new RuralKgException(inDir + ": no *.txt input files");
      throw new RuralKgException(
          inDir
              + ": no readable *.txt input files ("
              + scan.skipped().size()
              + " skipped, e.g. "
              + scan.skipped().get(0).file()
              + ": "
              + scan.skipped().get(0).reason()
              + ")");
    }
    // one build per store: taken before the bulk marker is read or a half-made store is wiped
    try (StoreLock lock = StoreLock.acquire(storeDir)) {
      BuildReport report = buildLocked(scan.files(), storeDir, settings);
      for (BuildReport.Failure f : scan.skipped()) report.skipped(f.file(), f.reason());
      return report;
    }
  }

  private static BuildReport buildLocked(
      List<InputFile> inputs, Path storeDir, BuildSettings settings) {
    // a new store is loaded in one pass by TDB2's bulk loader; a store with data gets a
    // transaction per batch of whole files, so that queries and crashes see whole files
    if (BulkBuilder.applies(storeDir))
      return new BulkBuilder(storeDir, fileProcessor(), settings).build(ontologyGraph(), inputs);
    DatasetGraph dsg = Store.openOrCreate(storeDir);
    BuildReport report;
    try {
      StoreBuilder builder = new StoreBuilder(dsg, fileProcessor(), settings);
      builder.loadOntology(ontologyGraph());
      report = builder.build(inputs);
    } finally {
      dsg.close();
    }
    if (StoreBuilder.worthCompacting(report))
      StoreOps.compactLocked(storeDir); // the caller holds the build lock
    return report;
  }

  /** Read, extract and map one file to quads; the composition the build runs on every file. */
  public static FileProcessor fileProcessor() {
    return fileProcessor(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  /**
   * As above, for a build activity that started at {@code startedAt} (xsd:dateTime): the Spark job
   * creates one per executor JVM, all naming the activity the driver started.
   */
  public static FileProcessor fileProcessor(String startedAt) {
    Extraction c = Extraction.shared();
    FactMapper.BuildInfo build =
        new FactMapper.BuildInfo(
            Iris.build(startedAt),
            startedAt,
            Version.get() + " mapping " + FactMapper.MAPPING_VERSION);
    return new FileProcessor() {
      @Override
      public FileQuads process(InputFile file, byte[] bytes, String sha) {
        Page page = c.reader().read(file.relativePath(), bytes, sha);
        checkNotAbandoned(file);
        List<ArticleFacts> facts = c.extractor().extract(page);
        checkNotAbandoned(file);
        List<Quad> quads = new ArrayList<>();
        StreamRDF sink =
            new StreamRDFBase() {
              @Override
              public void quad(Quad quad) {
                if ((quads.size() & 1023) == 0) checkNotAbandoned(file);
                quads.add(quad);
              }
            };
        c.mapper().write(page, file.relativePath(), facts, build, sink);
        return new FileQuads(
            file, sha, facts.size(), quads, SentenceSplitter.overlongRuns(page.text()));
      }

      @Override
      public String producer() {
        return build.softwareLiteral();
      }
    };
  }

  /**
   * Loads the output of the Spark extraction job ({@code org.w3id.ruralkg.spark.ExtractJob}) into
   * the store, as a build would have: bulk into a new or empty store, else replacing those files'
   * graphs.
   */
  public static BuildReport load(Path nquadsDir, Path storeDir, int threads) {
    try (StoreLock lock = StoreLock.acquire(storeDir)) {
      return new org.w3id.ruralkg.store.ExtractedLoader(nquadsDir, storeDir, threads)
          .load(ontologyGraph());
    }
  }

  /**
   * A build that gave up on a file (over its time budget) interrupts its thread: stop at the next
   * stage.
   */
  private static void checkNotAbandoned(InputFile file) {
    if (Thread.currentThread().isInterrupted())
      throw new RuralKgException(
          file.relativePath() + ": extraction stopped (over its time budget)");
  }

  /** The ontology and its SKOS schemes, as one graph. */
  public static Graph ontologyGraph() {
    return OntologyFiles.ontologyGraph();
  }

  /** Serves the store until the process is stopped; {@code updatePassword} null means read-only. */
  public static void serve(Path storeDir, int port, String updatePassword, boolean returnAfterStart)
      throws InterruptedException {
    serve(
        storeDir,
        port,
        updatePassword,
        returnAfterStart,
        org.w3id.ruralkg.server.QueryGuard.DEFAULT);
  }

  /** As above, with a query timeout and API row cap. */
  public static void serve(
      Path storeDir,
      int port,
      String updatePassword,
      boolean returnAfterStart,
      org.w3id.ruralkg.server.QueryGuard guard)
      throws InterruptedException {
    serve(
        storeDir,
        port,
        updatePassword,
        returnAfterStart,
        guard,
        org.w3id.ruralkg.server.CacheSettings.DEFAULT);
  }

  /** As above, with the saved-query API's response cache (and whether to warm it at startup). */
  public static void serve(
      Path storeDir,
      int port,
      String updatePassword,
      boolean returnAfterStart,
      org.w3id.ruralkg.server.QueryGuard guard,
      org.w3id.ruralkg.server.CacheSettings cache)
      throws InterruptedException {
    serve(
        storeDir,
        org.w3id.ruralkg.server.ServerSettings.local(port),
        updatePassword,
        returnAfterStart,
        guard,
        cache);
  }

  /**
   * As above, bound and named as {@code settings} say (interface, base URL, SERVICE allow-list).
   */
  public static void serve(
      Path storeDir,
      org.w3id.ruralkg.server.ServerSettings settings,
      String updatePassword,
      boolean returnAfterStart,
      org.w3id.ruralkg.server.QueryGuard guard,
      org.w3id.ruralkg.server.CacheSettings cache)
      throws InterruptedException {
    DatasetGraph dsg = Store.openExisting(storeDir);
    FusekiServer server =
        Server.start(
            dsg,
            settings,
            updatePassword,
            guard,
            new SavedQueries(queriesDir()),
            cache.keptIn(storeDir));
    System.err.println(
        "ruralkg: serving "
            + storeDir
            + " at "
            + settings.publicBase(server.getHttpPort())
            + Server.DATASET
            + "/sparql"
            + " (listening on "
            + settings.host()
            + ":"
            + server.getHttpPort()
            + ")");
    if (!returnAfterStart) server.join();
  }

  public static void query(
      Path storeDir, String name, Map<String, String> params, String format, OutputStream out) {
    SavedQueries queries = new SavedQueries(queriesDir());
    var q = queries.get(name);
    QueryApi.Format f =
        QueryApi.Format.parse(format); // before the store is opened: a typo costs nothing
    DatasetGraph dsg = Store.openExisting(storeDir);
    try {
      QueryApi.stream(dsg, q, params, f, 0, out);
    } catch (org.apache.jena.query.text.TextIndexParseException
        | org.apache.jena.query.text.TextIndexException e) {
      throw new RuralKgException(
          name
              + ": bad search words: "
              + e.getMessage().lines().limit(2).reduce((a, b) -> a + " " + b).orElse(""));
    } finally {
      dsg.close();
    }
  }

  /** Validates a store against ontology/shapes.ttl; true when it conforms (warnings allowed). */
  public static boolean validate(Path storeDir, PrintStream out) {
    DatasetGraph dsg = Store.openExisting(storeDir);
    try {
      StoreValidator validator = new StoreValidator();
      var report = validator.validate(dsg);
      validator.print(report, out, 20);
      return !StoreValidator.hasViolations(report);
    } finally {
      dsg.close();
    }
  }

  /**
   * queries/ of the project when run from it (the launcher sets ruralkg.home), else the packaged
   * copy.
   */
  public static Path queriesDir() {
    String home = System.getProperty("ruralkg.home");
    Path dir = home != null ? Path.of(home, "queries") : Path.of("queries");
    return Files.isDirectory(dir) ? dir : null;
  }
}
