package org.w3id.ruralkg.store;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * Keeps the figure summaries ({@link FigureSummary}) in step with one write transaction, whoever
 * writes: a build replacing a file's graphs, a SPARQL Update or a Graph Store request. Needs to be
 * told of each change before it is made ({@link #before}, {@link #beforeRemoveGraph}); notes, the
 * first time a figure is touched, what it contributed; {@link #apply} then adds what the touched
 * figures contribute now and takes away what they did, inside the same transaction, before it
 * commits. So a reader never sees summaries out of step with the figures, and a crash loses both or
 * neither. One per write transaction; not thread-safe (TDB2 has one writer at a time).
 */
final class SummaryTracker {
  private final DatasetGraph tdb;

  /** Figures touched in this transaction, with what each contributed before. */
  private final Map<Node, FigureSummary> before = new HashMap<>();

  /** Programme implementations touched, with the township groups each was in before. */
  private final Map<Node, Set<FigureSummary.TownshipKey>> implementations = new HashMap<>();

  private boolean rebuild;

  /**
   * @param tdb the TDB2 dataset, read and written inside the caller's write transaction
   */
  SummaryTracker(DatasetGraph tdb) {
    this.tdb = tdb;
  }

  /** Called before a quad is added ({@code add}) or deleted. */
  void before(Quad q, boolean add) {
    Node g = q.getGraph();
    if (!FigureSummary.named(g)) return; // GRAPH ?g never sees the default graph
    Node p = q.getPredicate();
    if (g.equals(Vocab.SUMMARY_GRAPH))
      throw new RuralKgException(
          "graph/summary is kept by the store from the figures; it cannot be written directly"
              + " (drop it, and it is made anew)");
    if (add && p.equals(Vocab.VALUE)) FigureSummary.checkValue(q.getObject());
    if (isFigureTerm(q)) touch(q.getSubject());
    if (isImplementationTerm(q)) touchImplementation(q.getSubject());
    if (g.equals(Vocab.SHARED_GRAPH)) beforeShared(q, add);
  }

  /** Called before a named graph is dropped. */
  void beforeRemoveGraph(Node g) {
    if (g.equals(Vocab.SUMMARY_GRAPH) || g.equals(Vocab.SHARED_GRAPH)) {
      rebuild = true;
      return;
    }
    tdb.find(g, Node.ANY, Vocab.TYPE, Vocab.FIGURE).forEachRemaining(q -> touch(q.getSubject()));
    tdb.find(g, Node.ANY, Vocab.TYPE, Vocab.PROGRAMME_IMPLEMENTATION)
        .forEachRemaining(q -> touchImplementation(q.getSubject()));
  }

  /** Called before the whole dataset is cleared. */
  void beforeClear() {
    rebuild = true;
  }

  private static boolean isFigureTerm(Quad q) {
    Node p = q.getPredicate();
    return p.equals(Vocab.TYPE) && q.getObject().equals(Vocab.FIGURE)
        || p.equals(Vocab.VALUE)
        || p.equals(Vocab.METRIC)
        || p.equals(Vocab.UNIT_OF_MEASURE)
        || p.equals(Vocab.REF_AREA)
        || p.equals(Vocab.REF_PERIOD);
  }

  private static boolean isImplementationTerm(Quad q) {
    Node p = q.getPredicate();
    return p.equals(Vocab.TYPE) && q.getObject().equals(Vocab.PROGRAMME_IMPLEMENTATION)
        || p.equals(Vocab.PROGRAMME)
        || p.equals(Vocab.CARRIED_OUT_IN)
        || p.equals(Vocab.EVIDENCE) // a span more or less is an occurrence more or less
        || p.equals(Vocab.PROV_DERIVED_FROM);
  }

  /**
   * A unit's county changes with rkg:within and rkg:County in the shared graph: the figures placed
   * there (or, for a county, in a unit within it) are noted before a real change (a build adding a
   * statement the graph holds already changes nothing).
   */
  private void beforeShared(Quad q, boolean add) {
    Node p = q.getPredicate();
    boolean within = p.equals(Vocab.WITHIN);
    boolean county = p.equals(Vocab.TYPE) && q.getObject().equals(Vocab.COUNTY);
    boolean township = p.equals(Vocab.TYPE) && q.getObject().equals(Vocab.TOWNSHIP);
    if (!within && !county && !township) return;
    if (add == tdb.contains(q)) return;
    Node unit = q.getSubject();
    placedAt(unit);
    if (county || township)
      tdb.find(Vocab.SHARED_GRAPH, Node.ANY, Vocab.WITHIN, unit)
          .forEachRemaining(w -> placedAt(w.getSubject()));
  }

  private void placedAt(Node unit) {
    tdb.find(Node.ANY, Node.ANY, Vocab.REF_AREA, unit).forEachRemaining(q -> touch(q.getSubject()));
    tdb.find(Node.ANY, Node.ANY, Vocab.CARRIED_OUT_IN, unit)
        .forEachRemaining(q -> touchImplementation(q.getSubject()));
  }

  private void touchImplementation(Node subject) {
    if (rebuild || implementations.containsKey(subject)) return;
    implementations.put(subject, FigureSummary.townshipSets(tdb, List.of(subject)).keySet());
  }

  private void touch(Node subject) {
    if (rebuild || before.containsKey(subject)) return;
    before.put(subject, FigureSummary.ofFigure(tdb, subject));
  }

  /** Brings the summary rows in step with the transaction's changes; before it commits. */
  void apply() {
    if (rebuild || !FigureSummary.stamped(tdb)) {
      FigureSummary.rebuild(tdb);
      return;
    }
    if (!before.isEmpty()) {
      FigureSummary change = new FigureSummary();
      for (Map.Entry<Node, FigureSummary> e : before.entrySet()) {
        change.plus(FigureSummary.ofFigure(tdb, e.getKey()), 1);
        change.plus(e.getValue(), -1);
      }
      change.applyTo(tdb);
    }
    // a township row counts distinct articles, which no difference can keep: the groups the
    // touched implementations were or are in are counted again from the store
    if (!implementations.isEmpty()) {
      Set<FigureSummary.TownshipKey> groups = new LinkedHashSet<>();
      implementations.values().forEach(groups::addAll);
      groups.addAll(FigureSummary.townshipSets(tdb, implementations.keySet()).keySet());
      for (FigureSummary.TownshipKey k : groups) FigureSummary.rewriteTownship(tdb, k);
    }
  }
}
