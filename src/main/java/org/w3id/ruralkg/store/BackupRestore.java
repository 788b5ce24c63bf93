package org.w3id.ruralkg.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.DataLoader;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * Loads a backup (N-Quads, every quad in a named graph) into a new or empty store through the same
 * loader ({@link BulkLoaders}), crash marker ({@link BulkBuildMarker}) and text index as a bulk
 * build, streamed: the file is never held in memory. Needs a store folder that {@link
 * BulkBuilder#applies}; adds the backup's quads and their text to the index. Not thread-safe: one
 * restore per store.
 */
final class BackupRestore {
  private final Path storeDir;
  private final int threads;
  private final BulkBuildMarker marker;

  BackupRestore(Path storeDir, int threads) {
    this.storeDir = storeDir;
    this.threads = Math.max(1, threads);
    this.marker = new BulkBuildMarker(storeDir);
  }

  /**
   * Lucene indexes each batch of quads on a second thread while the next batch is parsed. A bad
   * file (not N-Quads, or a quad outside a named graph) stops the load and leaves the store as it
   * was, empty; the message names the file.
   */
  StoreOps.Result restore(Path file, InputStream in) {
    marker.start();
    DatasetGraph tdb = Store.connectTdb(storeDir);
    TextIndexLucene index = TextIndex.openForBulkLoad(storeDir);
    DataLoader loader = BulkLoaders.choose(tdb, storeDir, threads);
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
      cleanUp(ok);
    }
    return new StoreOps.Result(quads.count, quads.graphs);
  }

  /** Removes the marker after a restore, or empties the store again after a failed one. */
  private void cleanUp(boolean ok) {
    try {
      if (ok) {
        marker.finish();
      } else {
        // the store was new or empty: leave it empty again, nothing half-loaded
        marker.abandon();
        Store.connectTdb(storeDir);
      }
      marker.releaseAll();
    } catch (IOException e) {
      throw new RuralKgException(
          storeDir + ": cannot clean up after the restore: " + e.getMessage(), e);
    }
  }

  /**
   * The quads of a backup on their way to the loader: checked (named graphs only), counted, and
   * handed in batches to the Lucene indexer, one batch at a time. A repeated quad is indexed once
   * when its copies are in the same run of one graph's quads, as a backup writes them.
   */
  private static final class RestoreStream extends StreamRDFBase {
    private static final int BATCH = 20_000;
    private final Path file;
    private final StreamRDF out;
    private final TextIndexLucene index;
    private final EntityDefinition def;
    private final ExecutorService indexer;
    private List<Quad> batch = new ArrayList<>(BATCH);
    private Future<?> indexing;
    private final Set<Quad> seenInGraph = new HashSet<>();
    private final Set<Node> graphNames = new HashSet<>();
    private Node graph;
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
    public void triple(Triple t) {
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
      } catch (ExecutionException e) {
        throw new RuralKgException(
            "cannot index the backup's text: " + Store.oneLine(e.getCause()), e.getCause());
      }
      indexing = null;
    }
  }
}
