package org.w3id.ruralkg.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionalComponent;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDocProducerTriples;
import org.apache.jena.query.text.TextIndexDB;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A TDB2 store with its Lucene index, shared by every opener of the store in this JVM: needs the
 * TDB2 dataset and the index; adds index updates to each TDB2 write transaction (jena-text
 * registers the index with the TDB2 transaction coordinator). The last {@link #close()} takes the
 * index out of the coordinator and closes its writer. Thread-safe.
 */
final class IndexedDataset extends DatasetGraphText {
  private final TextIndexLucene index;
  private final Path storeDir;
  private final TransactionalComponent component;
  private int opened; // guarded by TextIndex's lock
  private volatile boolean broken;
  private static final long EXCLUSIVE_WAIT_MS = 10_000;

  /**
   * The figure summaries' view of the current write transaction (one writer at a time; kept per
   * thread so that a reader's thread never sees it).
   */
  private final ThreadLocal<SummaryTracker> summary = new ThreadLocal<>();

  IndexedDataset(DatasetGraph tdb2, TextIndexLucene index, Path storeDir) {
    super(tdb2, index, new TextDocProducerTriples(index), false);
    this.index = index;
    this.storeDir = storeDir;
    // TextQueryPF looks for the index in the context first; set it as TextDatasetFactory does
    getContext().set(TextQuery.textIndex, index);
    this.component =
        coordinator().listExternals().stream()
            .filter(c -> c instanceof TextIndexDB)
            .reduce((a, b) -> b)
            .orElse(null);
  }

  void retain() {
    opened++;
  }

  /** One opener fewer; true when it was the last. */
  boolean release() {
    if (opened == 0) return false;
    return --opened == 0;
  }

  Path storeDir() {
    return storeDir;
  }

  /**
   * Tells the index about the graph's indexed literals, then lets TDB2 drop the graph by node ids.
   * jena-text would delete quad by quad what find returns, which misses terms TDB2 hands back in
   * another form (an inlined "23"^^xsd:decimal comes back as "23.0"): they would stay behind.
   */
  @Override
  public void removeGraph(Node graphName) {
    if (FigureSummary.named(graphName)) summary().beforeRemoveGraph(graphName);
    EntityDefinition def = index.getDocDef();
    List<Quad> indexed = new ArrayList<>();
    for (String field : def.fields()) {
      for (Node p : def.getPredicates(field)) {
        getWrapped()
            .find(graphName, Node.ANY, p, Node.ANY)
            .forEachRemaining(
                q -> {
                  if (q.getObject().isLiteral()) indexed.add(q);
                });
      }
    }
    for (Quad q : indexed)
      getMonitor()
          .change(
              TextQuadAction.DELETE, q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    getWrapped().removeGraph(graphName);
  }

  private SummaryTracker summary() {
    SummaryTracker t = summary.get();
    if (t == null) {
      t = new SummaryTracker(getWrapped());
      summary.set(t);
    }
    return t;
  }

  // every change reaches the figure summaries before TDB2 (jena-text's monitor sees it after)
  @Override
  public void add(Quad quad) {
    summary().before(quad, true);
    super.add(quad);
  }

  @Override
  public void add(Node g, Node s, Node p, Node o) {
    add(Quad.create(g, s, p, o));
  }

  @Override
  public void delete(Quad quad) {
    summary().before(quad, false);
    super.delete(quad);
  }

  @Override
  public void delete(Node g, Node s, Node p, Node o) {
    delete(Quad.create(g, s, p, o));
  }

  @Override
  public void deleteAny(Node g, Node s, Node p, Node o) {
    SummaryTracker t = summary();
    getWrapped().find(g, s, p, o).forEachRemaining(q -> t.before(q, false));
    super.deleteAny(g, s, p, o);
  }

  @Override
  public void clear() {
    summary().beforeClear();
    super.clear();
  }

  /**
   * A write's commit first brings the figure summaries in step (in the same transaction), and is
   * bracketed by the write mark (see {@link TextIndex#WRITING_FILE}).
   */
  @Override
  public void commit() {
    boolean writing = transactionMode() == ReadWrite.WRITE;
    SummaryTracker t = summary.get();
    if (writing && t != null) t.apply();
    summary.remove();
    if (writing) TextIndex.markWriting(storeDir);
    super.commit();
    if (writing) TextIndex.markWritten(storeDir);
  }

  /**
   * An abort or end that fails (an Error from a write through a mapped file on a full disk) leaves
   * its transaction open for good: {@link #shutdown} must then not wait for the others to end.
   */
  @Override
  public void abort() {
    summary.remove();
    try {
      super.abort();
    } catch (RuntimeException | Error e) {
      broken = true;
      throw e;
    }
  }

  @Override
  public void end() {
    summary.remove();
    try {
      super.end();
    } catch (RuntimeException | Error e) {
      broken = true;
      throw e;
    }
  }

  @Override
  public void close() {
    TextIndex.close(this);
  }

  /** Takes the index out of the TDB2 transactions and closes it; called once, by the last close. */
  void shutdown() {
    TransactionCoordinator coord = coordinator();
    if (component != null && coord.listExternals().contains(component)) {
      // bounded: a write transaction that died of an Error (a full disk) never ends, and waiting
      // for exclusive mode would then hang the process instead of letting it report why
      if (exclusive(coord)) {
        try {
          coord.modifyConfigDirect(() -> coord.removeExternal(component));
        } finally {
          coord.finishExclusiveMode();
        }
      }
    }
    if (getContext().get(TextQuery.textIndex) == index) getContext().remove(TextQuery.textIndex);
    index.close();
    super.close();
  }

  /**
   * Exclusive mode within {@link #EXCLUSIVE_WAIT_MS}: other transactions end within it, a broken
   * one never.
   */
  private boolean exclusive(TransactionCoordinator coord) {
    long end = System.nanoTime() + EXCLUSIVE_WAIT_MS * 1_000_000L;
    while (!broken) {
      if (coord.tryExclusiveMode(false)) return true;
      if (System.nanoTime() > end) break;
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    org.slf4j.LoggerFactory.getLogger(IndexedDataset.class)
        .warn(
            "{}: a transaction did not end; the text index is closed without waiting for it",
            storeDir);
    return false;
  }

  private TransactionCoordinator coordinator() {
    return TDBInternal.getTransactionCoordinator(getWrapped());
  }
}
