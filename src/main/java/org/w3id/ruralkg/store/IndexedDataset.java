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

  IndexedDataset(DatasetGraph tdb2, TextIndexLucene index, Path storeDir) {
    super(tdb2, index, new TextDocProducerTriples(index), false);
    this.index = index;
    this.storeDir = storeDir;
    // TextQueryPF looks for the index in the context first; set it as TextDatasetFactory does
    getContext().set(TextQuery.textIndex, index);
    this.component = coordinator().listExternals().stream().filter(c -> c instanceof TextIndexDB).reduce((a, b) -> b).orElse(null);
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
    EntityDefinition def = index.getDocDef();
    List<Quad> indexed = new ArrayList<>();
    for (String field : def.fields()) {
      for (Node p : def.getPredicates(field)) {
        getWrapped().find(graphName, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
          if (q.getObject().isLiteral()) indexed.add(q);
        });
      }
    }
    for (Quad q : indexed) getMonitor().change(TextQuadAction.DELETE, q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    getWrapped().removeGraph(graphName);
  }

  /** A write's commit is bracketed by the write mark (see {@link TextIndex#WRITING_FILE}). */
  @Override
  public void commit() {
    boolean writing = transactionMode() == ReadWrite.WRITE;
    if (writing) TextIndex.markWriting(storeDir);
    super.commit();
    if (writing) TextIndex.markWritten(storeDir);
  }

  @Override
  public void close() {
    TextIndex.close(this);
  }

  /** Takes the index out of the TDB2 transactions and closes it; called once, by the last close. */
  void shutdown() {
    TransactionCoordinator coord = coordinator();
    if (component != null && coord.listExternals().contains(component)) coord.modifyConfig(() -> coord.removeExternal(component));
    if (getContext().get(TextQuery.textIndex) == index) getContext().remove(TextQuery.textIndex);
    index.close();
    super.close();
  }

  private TransactionCoordinator coordinator() {
    return TDBInternal.getTransactionCoordinator(getWrapped());
  }
}
