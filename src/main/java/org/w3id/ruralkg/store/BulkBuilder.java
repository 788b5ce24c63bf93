package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.Printable;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * Builds a new store in one pass with a bulk loader ({@link BulkLoaders}). Needs a store folder
 * that is new, empty (no quads) or left behind by an interrupted bulk build, and a {@link
 * FileProcessor}; adds the ontology graph and every file's quads, streamed from the parallel
 * extraction straight into the loader (memory holds a window of files, never the corpus), and
 * indexes their text literals into the store's Lucene index itself, as the loader writes around
 * jena-text. The loader writes the index files directly, outside transactions, so crash safety is
 * per store, not per file: the file {@value #MARKER} exists while the build runs ({@link
 * BulkBuildMarker}), {@link Store} refuses to open a store holding it, and the next build finds it,
 * wipes the half-made store (it held nothing before) and starts again. Not thread-safe: one build
 * per store.
 */
public final class BulkBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(BulkBuilder.class);

  /**
   * Present in the store folder from the start of a bulk build until its data and index are on
   * disk.
   */
  public static final String MARKER = BulkBuildMarker.FILE;

  private final Path storeDir;
  private final FileProcessor processor;
  private final int threads;
  private final boolean textIndex;
  private final BulkBuildMarker marker;

  /** The shared graph's indexed quads indexed already (stated by many files, stored once). */
  private final Set<Quad> sharedIndexed = ConcurrentHashMap.newKeySet();

  private Duration fileTimeout = BuildSettings.DEFAULT_FILE_TIMEOUT;

  /**
   * Each file's figure summary, made by the worker that extracted it, until the file is sent; the
   * sum of the sent ones is written as the summary graph at the end of the load.
   */
  private final Map<FileQuads, FigureSummary> fileSummaries =
      Collections.synchronizedMap(new IdentityHashMap<>());

  private final FigureSummary summary = new FigureSummary();

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
    this.marker = new BulkBuildMarker(storeDir);
  }

  /**
   * True when a build of this folder takes the bulk path: the folder is missing or empty, holds the
   * marker of an interrupted bulk build, or is a TDB2 store without a single quad.
   */
  public static boolean applies(Path storeDir) {
    if (!Files.exists(storeDir)) return true;
    if (!Files.isDirectory(storeDir)) return false;
    if (BulkBuildMarker.present(storeDir)) return true;
    if (Store.isEmpty(storeDir)) return true;
    if (!Store.looksLikeTdb2(storeDir)) return false;
    DatasetGraph tdb = Store.connectTdb(storeDir);
    return Txn.calculateRead(tdb, () -> !tdb.find().hasNext());
  }

  /** True when the folder holds the marker of a bulk build that has not finished. */
  public static boolean incomplete(Path storeDir) {
    return BulkBuildMarker.present(storeDir);
  }

  /** Loads the ontology graph and every input file; a bad file is reported and left out. */
  public BuildReport build(Graph ontology, List<InputFile> inputs) {
    BuildReport report = new BuildReport();
    FileWorkers pool = new FileWorkers(threads, fileTimeout, report);
    return bulk(
        ontology,
        report,
        pool,
        (out, index, def) ->
            // the workers also index the file's text, so Lucene's analysis runs in parallel too
            pool.drain(
                inputs.iterator(),
                f -> StoreBuilder.read(f, processor, report, sha -> false),
                fq -> {
                  if (textIndex) indexText(index, def, fq.quads());
                  fileSummaries.put(fq, FigureSummary.ofQuads(fq.quads()));
                },
                fq -> send(out, fq, report)));
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
          ArrayDeque<Future<?>> window = new ArrayDeque<>();
          while (files.hasNext()) {
            FileQuads fq = files.next();
            if (textIndex) window.add(indexers.submit(() -> indexText(index, def, fq.quads())));
            while (window.size() > 2 * threads) StoreBuilder.awaitDone(window.poll());
            send(out, fq, report);
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
      marker.start();
      tdb = Store.connectTdb(storeDir);
      index = TextIndex.openForBulkLoad(storeDir);
      loader = BulkLoaders.choose(tdb, storeDir, threads);
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
        // the figure summaries of every file sent, in the same bulk load (and crash marker)
        summary.write(out);
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
      } catch (IOException e) {
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
    marker.finish();
    try {
      marker.releaseAll();
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

  /** Hands a file's quads to the loader, in input order, and reports it loaded. */
  private void send(StreamRDF out, FileQuads fq, BuildReport report) {
    for (Quad q : fq.quads()) out.quad(q);
    FigureSummary own = fileSummaries.remove(fq);
    summary.plus(own != null ? own : FigureSummary.ofQuads(fq.quads()), 1);
    report.loaded(fq);
    LOG.info(
        "streamed {} ({} articles, {} quads)",
        Printable.escape(fq.file().relativePath()),
        fq.articles(),
        fq.quads().size());
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
   * Drops this JVM's cached connections to the store folder and its generations, releasing the
   * folder's lock.
   */
  public static void expel(Path storeDir) {
    try {
      new BulkBuildMarker(storeDir).releaseAll();
    } catch (IOException e) {
      throw new RuralKgException(storeDir + ": unreadable: " + e.getMessage(), e);
    }
  }
}
