package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.DatabaseConnection;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * Builds a new store in one pass with a bulk loader ({@link SortedLoader}). Needs a store folder
 * that is new, empty (no quads) or left behind by an interrupted bulk build, and a {@link
 * FileProcessor}; adds the ontology graph and every file's quads, streamed from the parallel
 * extraction straight into the loader (memory holds a window of files, never the corpus), and
 * indexes their text literals into the store's Lucene index itself, as the loader writes around
 * jena-text. The loader writes the index files directly, outside transactions, so crash safety is
 * per store, not per file: the file {@value #MARKER} exists while the build runs, {@link Store}
 * refuses to open a store holding it, and the next build finds it, wipes the half-made store (it
 * held nothing before) and starts again. Not thread-safe: one build per store.
 */
public final class BulkBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(BulkBuilder.class);

  /**
   * Present in the store folder from the start of a bulk build until its data and index are on
   * disk.
   */
  public static final String MARKER = "bulk-build.incomplete";

  /**
   * Which loader: "sorted" by default; Jena's "phased", "parallel", ... for comparison (see {@link
   * #loader}).
   */
  static final String LOADER_PROPERTY = "ruralkg.loader";

  /**
   * The scratch folder of the sorted loader, inside the store folder (wiped with it if a build
   * dies).
   */
  static final String SORT_FOLDER = "load-scratch";

  private final Path storeDir;
  private final FileProcessor processor;
  private final int threads;
  private final boolean textIndex;

  /** The shared graph's indexed quads indexed already (stated by many files, stored once). */
  private final Set<Quad> sharedIndexed = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private java.time.Duration fileTimeout = BuildSettings.DEFAULT_FILE_TIMEOUT;

  public BulkBuilder(Path storeDir, FileProcessor processor, int threads) {
    this(storeDir, processor, threads, true);
  }

  public BulkBuilder(Path storeDir, FileProcessor processor, BuildSettings settings) {
    this(storeDir, processor, settings.threads(), true);
    this.fileTimeout = settings.fileTimeout();
  }

  /**
   * {@code textIndex} false leaves the Lucene index empty (it is rebuilt when the store is next
   * opened): only for the benchmark, to compare the quad loading alone with Jena's loader.
   */
  public BulkBuilder(Path storeDir, FileProcessor processor, int threads, boolean textIndex) {
    this.storeDir = storeDir;
    this.processor = processor;
    this.threads = Math.max(1, threads);
    this.textIndex = textIndex;
  }

  /**
   * True when a build of this folder takes the bulk path: the folder is missing or empty, holds the
   * marker of an interrupted bulk build, or is a TDB2 store without a single quad.
   */
  public static boolean applies(Path storeDir) {
    if (!Files.exists(storeDir)) return true;
    if (!Files.isDirectory(storeDir)) return false;
    if (Files.exists(storeDir.resolve(MARKER))) return true;
    if (Store.isEmpty(storeDir)) return true;
    if (!Store.looksLikeTdb2(storeDir)) return false;
    DatasetGraph tdb = Store.connectTdb(storeDir);
    return Txn.calculateRead(tdb, () -> !tdb.find().hasNext());
  }

  /** True when the folder holds the marker of a bulk build that has not finished. */
  public static boolean incomplete(Path storeDir) {
    return Files.exists(storeDir.resolve(MARKER));
  }

  /** Loads the ontology graph and every input file; a bad file is reported and left out. */
  public BuildReport build(Graph ontology, List<InputFile> inputs) {
    BuildReport report = new BuildReport();
    FileWorkers pool = new FileWorkers(threads, fileTimeout, report);
    return bulk(
        ontology, report, pool, (out, index, def) -> stream(inputs, pool, report, out, index, def));
  }

  /**
   * Loads the ontology graph and files already turned into quads (the output of the extraction job,
   * see {@link ExtractedLoader}) through the same loader and text index as a build.
   */
  public BuildReport load(Graph ontology, Iterator<FileQuads> files, BuildReport report) {
    ExecutorService indexers =
        Executors.newFixedThreadPool(threads, DaemonThreads.named("ruralkg-load-index"));
    return bulk(
        ontology,
        report,
        indexers::shutdownNow,
        (out, index, def) -> {
          // Lucene's analysis runs on the pool while the loader takes the quads, a window of files
          // at a time
          java.util.ArrayDeque<Future<?>> window = new java.util.ArrayDeque<>();
          while (files.hasNext()) {
            FileQuads fq = files.next();
            if (textIndex) window.add(indexers.submit(() -> indexText(index, def, fq.quads())));
            while (window.size() > 2 * threads) StoreBuilder.awaitDone(window.poll());
            for (Quad q : fq.quads()) out.quad(q);
            report.loaded(fq);
            LOG.info(
                "streamed {} ({} articles, {} quads)",
                org.w3id.ruralkg.common.Printable.escape(fq.file().relativePath()),
                fq.articles(),
                fq.quads().size());
          }
          while (!window.isEmpty()) StoreBuilder.awaitDone(window.poll());
        });
  }

  /** What goes to the loader and the index after the ontology. */
  private interface Feed {
    void run(StreamRDF out, TextIndexLucene index, EntityDefinition def);
  }

  private BuildReport bulk(Graph ontology, BuildReport report, AutoCloseable pool, Feed feed) {
    DatasetGraph tdb;
    TextIndexLucene index;
    DataLoader loader;
    try {
      start();
      tdb = Store.connectTdb(storeDir);
      index = openIndex();
      loader = loader(tdb);
    } catch (RuntimeException | Error e) {
      // the caller's threads are already running: they must not outlive a load that never started
      closeQuietly(pool);
      throw e;
    }
    long t0 = System.nanoTime();
    try {
      loader.startBulk();
      try {
        StreamRDF out = loader.stream();
        out.start();
        EntityDefinition def = index.getDocDef();
        List<Quad> ontologyQuads = new ArrayList<>();
        ontology
            .find()
            .forEachRemaining(t -> ontologyQuads.add(Quad.create(Vocab.ONTOLOGY_GRAPH, t)));
        if (textIndex) indexText(index, def, ontologyQuads);
        ontologyQuads.forEach(out::quad);
        feed.run(out, index, def);
        // every document is in: committing now frees Lucene's buffer before the loader sorts
        index.commit();
        out.finish();
        loader.finishBulk();
      } catch (RuntimeException | Error e) {
        // a dead loader thread must not leave the store in exclusive mode or the stream waiting
        loader.finishException(e instanceof Exception ex ? ex : new RuntimeException(e));
        throw e;
      }
      try {
        TextIndex.recordAnalyzer(storeDir);
      } catch (java.io.IOException e) {
        throw new RuralKgException(
            storeDir + ": cannot write the text index's analyzer name: " + e.getMessage(), e);
      }
    } catch (RuntimeException | Error e) {
      index.rollback();
      if (Store.diskFull(e)) throw Store.noSpace(storeDir, e);
      if (e instanceof Error err && !(err instanceof InternalError)) throw err;
      throw new RuralKgException(
          storeDir
              + ": bulk load failed, the store is incomplete and the next build starts it again: "
              + Store.oneLine(e),
          e);
    } finally {
      closeQuietly(pool);
      index.close();
    }
    finish();
    try (Stream<Path> s = Files.list(storeDir)) {
      release(s.toList());
    } catch (IOException e) {
      throw new RuralKgException(storeDir + ": unreadable: " + e.getMessage(), e);
    }
    LOG.info(
        "bulk load of {} files, {} quads done in {} s",
        report.loaded().size(),
        loader.countQuads() + loader.countTriples(),
        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
    return report;
  }

  private static void closeQuietly(AutoCloseable pool) {
    try {
      pool.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new RuralKgException("cannot stop the extraction threads: " + e.getMessage(), e);
    }
  }

  /** The store's Lucene index, emptied and set up for one large load. */
  private TextIndexLucene openIndex() {
    try {
      TextIndexLucene index = TextIndex.openLucene(storeDir);
      index.getIndexWriter().deleteAll();
      // fewer, larger segments: less flushing and merging while the whole corpus goes in at once
      index.getIndexWriter().getConfig().setRAMBufferSizeMB(128);
      return index;
    } catch (IOException | RuntimeException e) {
      throw new RuralKgException(
          storeDir.resolve(TextIndex.FOLDER) + ": cannot open the text index: " + Store.oneLine(e),
          e);
    }
  }

  /**
   * Loads a backup (N-Quads, every quad in a named graph) into this new store through the same
   * loader and text index as a build, streamed: the file is never held in memory. Lucene indexes
   * each batch of quads on a second thread while the next batch is parsed. A bad file (not N-Quads,
   * or a quad outside a named graph) stops the load and leaves the store as it was, empty; the
   * message names the file.
   */
  public StoreOps.Result restore(Path file, java.io.InputStream in) {
    start();
    DatasetGraph tdb = Store.connectTdb(storeDir);
    TextIndexLucene index = openIndex();
    DataLoader loader = loader(tdb);
    ExecutorService indexer =
        Executors.newSingleThreadExecutor(DaemonThreads.named("ruralkg-restore-index"));
    RestoreStream quads = new RestoreStream(file, loader.stream(), index, indexer);
    boolean ok = false;
    try {
      loader.startBulk();
      try {
        quads.start();
        RDFParser.source(in)
            .lang(Lang.NQUADS)
            .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
            .parse(quads);
        quads.finish();
        index.commit();
        loader.finishBulk();
      } catch (RuntimeException e) {
        loader.finishException(e);
        throw e;
      }
      TextIndex.recordAnalyzer(storeDir);
      ok = true;
    } catch (RiotException e) {
      throw new RuralKgException(file + ": not an N-Quads backup: " + Store.oneLine(e), e);
    } catch (RuntimeIOException | IOException e) {
      throw new RuralKgException(file + ": cannot read backup: " + Store.oneLine(e), e);
    } finally {
      indexer.shutdownNow();
      if (!ok) index.rollback();
      index.close();
      try {
        if (ok) {
          finish();
        } else {
          // the store was new or empty: leave it empty again, nothing half-loaded
          wipe();
          Files.deleteIfExists(storeDir.resolve(MARKER));
          Store.connectTdb(storeDir);
        }
        try (Stream<Path> s = Files.list(storeDir)) {
          release(s.toList());
        }
      } catch (IOException e) {
        throw new RuralKgException(
            storeDir + ": cannot clean up after the restore: " + e.getMessage(), e);
      }
    }
    return new StoreOps.Result(quads.count, quads.graphs);
  }

  /**
   * The quads of a backup on their way to the loader: checked (named graphs only), counted, and
   * handed in batches to the Lucene indexer, one batch at a time. A repeated quad is indexed once
   * when its copies are in the same run of one graph's quads, as a backup writes them.
   */
  private static final class RestoreStream extends org.apache.jena.riot.system.StreamRDFBase {
    private static final int BATCH = 20_000;
    private final Path file;
    private final StreamRDF out;
    private final TextIndexLucene index;
    private final EntityDefinition def;
    private final ExecutorService indexer;
    private List<Quad> batch = new ArrayList<>(BATCH);
    private Future<?> indexing;
    private final Set<Quad> seenInGraph = new HashSet<>();
    private final Set<org.apache.jena.graph.Node> graphNames = new HashSet<>();
    private org.apache.jena.graph.Node graph;
    long count;
    long graphs;

    RestoreStream(Path file, StreamRDF out, TextIndexLucene index, ExecutorService indexer) {
      this.file = file;
      this.out = out;
      this.index = index;
      this.def = index.getDocDef();
      this.indexer = indexer;
    }

    @Override
    public void start() {
      out.start();
    }

    @Override
    public void quad(Quad q) {
      if (q.isDefaultGraph())
        throw new RuralKgException(
            file + ": holds a quad in the default graph; a ruralkg backup has named graphs only");
      if (!q.getGraph().equals(graph)) {
        graph = q.getGraph();
        if (graphNames.add(graph)) graphs++;
        seenInGraph.clear();
      }
      out.quad(q);
      count++;
      if (TextIndex.entity(def, q) != null && seenInGraph.add(q)) {
        batch.add(q);
        if (batch.size() == BATCH) flush();
      }
    }

    @Override
    public void triple(org.apache.jena.graph.Triple t) {
      throw new RuralKgException(
          file + ": holds a triple outside a named graph; a ruralkg backup has named graphs only");
    }

    @Override
    public void finish() {
      flush();
      await();
      out.finish();
    }

    private void flush() {
      await();
      List<Quad> mine = batch;
      batch = new ArrayList<>(BATCH);
      indexing =
          indexer.submit(
              () -> {
                for (Quad q : mine) index.addEntity(TextIndex.entity(def, q));
              });
    }

    private void await() {
      if (indexing == null) return;
      try {
        indexing.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuralKgException("interrupted while indexing the backup's text", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new RuralKgException(
            "cannot index the backup's text: " + Store.oneLine(e.getCause()), e.getCause());
      }
      indexing = null;
    }
  }

  /**
   * Extracts on the pool into a bounded window and streams each file's quads, in input order, to
   * the loader.
   */
  private void stream(
      List<InputFile> inputs,
      FileWorkers pool,
      BuildReport report,
      StreamRDF out,
      TextIndexLucene index,
      EntityDefinition def) {
    Iterator<InputFile> it = inputs.iterator();
    while (it.hasNext() || !pool.idle()) {
      while (it.hasNext() && !pool.full()) {
        // the workers also index the file's text, so Lucene's analysis runs in parallel too
        pool.submit(
            it.next(),
            f -> StoreBuilder.read(f, processor, report, sha -> false),
            fq -> {
              if (textIndex) indexText(index, def, fq.quads());
            });
      }
      FileQuads fq = pool.next();
      if (fq == null) continue;
      for (Quad q : fq.quads()) out.quad(q);
      report.loaded(fq);
      LOG.info(
          "streamed {} ({} articles, {} quads)",
          org.w3id.ruralkg.common.Printable.escape(fq.file().relativePath()),
          fq.articles(),
          fq.quads().size());
    }
  }

  /**
   * One index document per distinct indexed quad, as the store keeps one copy of a repeated quad:
   * repeats within a file, and the shared graph's labels that many files state (a unit's name).
   */
  private void indexText(TextIndexLucene index, EntityDefinition def, List<Quad> quads) {
    Set<Quad> seen = new HashSet<>();
    for (Quad q : quads) {
      Entity e = TextIndex.entity(def, q);
      if (e == null) continue;
      if (Vocab.SHARED_GRAPH.equals(q.getGraph()) ? sharedIndexed.add(q) : seen.add(q))
        index.addEntity(e);
    }
  }

  /**
   * The loader. "sorted" (the default, {@link SortedLoader}) fills the node table as the data
   * streams in and then sorts the tuples into each index and packs it, as tdb2.xloader does. Jena's
   * other loaders insert row after row into each index's B+tree: the phased one builds the primary
   * indexes while the data arrives and the others in later passes, the parallel one runs a thread
   * per index at once, which 2 cores cannot feed. Measured on 10,000 synthetic articles (11.7 M
   * quads) on 2 cores, see README "Performance".
   */
  private DataLoader loader(DatasetGraph tdb) {
    MonitorOutput quiet = (fmt, args) -> LOG.debug(String.format(java.util.Locale.ROOT, fmt, args));
    String which = System.getProperty(LOADER_PROPERTY, "sorted");
    return switch (which) {
      case "sorted" ->
          new SortedLoader(
              tdb, storeDir.resolve(SORT_FOLDER), threads, SortedLoader.rowsPerRun(threads), quiet);
      case "parallel" -> LoaderFactory.parallelLoader(tdb, quiet);
      case "phased" -> LoaderFactory.phasedLoader(tdb, quiet);
      case "sequential" -> LoaderFactory.sequentialLoader(tdb, quiet);
      case "basic" -> LoaderFactory.basicLoader(tdb, quiet);
      default ->
          throw new RuralKgException(
              LOADER_PROPERTY
                  + "="
                  + which
                  + ": unknown loader (sorted, parallel, phased, sequential, basic)");
    };
  }

  /**
   * Marks the folder as a bulk build in progress; a marker left by a killed build first wipes what
   * that build made.
   */
  private void start() {
    Path marker = storeDir.resolve(MARKER);
    try {
      Files.createDirectories(storeDir);
      if (Files.exists(marker)) {
        LOG.warn(
            "{}: an earlier bulk build did not finish; starting again from an empty store",
            storeDir);
        wipe();
      } else {
        // the marker must be on disk before the first data file is written
        try (FileChannel ch =
            FileChannel.open(marker, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          ch.write(
              StandardCharsets.UTF_8.encode(
                  "bulk build started "
                      + Instant.now()
                      + "; if this file is here, the build did not finish\n"));
          ch.force(true);
        }
        Folders.sync(storeDir);
      }
    } catch (IOException e) {
      throw new RuralKgException(storeDir + ": cannot start a bulk build: " + e.getMessage(), e);
    }
  }

  /** Removes the marker once data and index are on disk. */
  private void finish() {
    try {
      Files.delete(storeDir.resolve(MARKER));
      Folders.sync(storeDir);
    } catch (IOException e) {
      throw new RuralKgException(storeDir + ": cannot finish the bulk build: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes everything in the store folder but the marker (the marker goes last, after a successful
   * build).
   */
  private void wipe() throws IOException {
    List<Path> children;
    try (Stream<Path> s = Files.list(storeDir)) {
      // the build lock stays: deleting a locked file would let another build lock a new one
      children =
          s.filter(
                  p ->
                      !p.getFileName().toString().equals(MARKER)
                          && !p.getFileName().toString().equals(StoreLock.FILE))
              .toList();
    }
    // this JVM may still hold the old files open (a build earlier in the same process)
    release(children);
    for (Path child : children) Folders.deleteTree(child);
  }

  /**
   * Drops this JVM's connections to the store and to each of its generations, releasing the
   * folder's lock: otherwise a new Data-0001 would reuse the old one's cached files, and another
   * process could not open the store after a build in this one.
   */
  private void release(List<Path> children) {
    DatabaseConnection.internalExpel(Location.create(storeDir.toString()), true);
    for (Path child : children) {
      if (child.getFileName().toString().startsWith("Data-"))
        StoreConnection.internalExpel(Location.create(child.toString()), true);
    }
  }

  /**
   * Drops this JVM's cached connections to the store folder and its generations (see {@link
   * #release}).
   */
  public static void expel(Path storeDir) {
    try (Stream<Path> s = Files.list(storeDir)) {
      new BulkBuilder(storeDir, null, 1).release(s.toList());
    } catch (IOException e) {
      throw new RuralKgException(storeDir + ": unreadable: " + e.getMessage(), e);
    }
  }
}
