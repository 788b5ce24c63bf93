package org.w3id.ruralkg.reliability;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ruralkg.rdf.Iris;
import org.w3id.ruralkg.rdf.Vocab;

/** What a store holds per source file, read inside the caller's read transaction. */
final class StoreView {
  /**
   * A source file as stored: its relative path, its article graphs, and every sha256 the store
   * states for it (in its file graph).
   */
  record SourceState(String path, Set<Node> graphs, Set<String> sha256s) {}

  private StoreView() {}

  /** Every source file in the store, keyed by its relative path. Call inside a read transaction. */
  static Map<String, SourceState> sources(DatasetGraph dsg) {
    Map<Node, String> paths = new HashMap<>();
    dsg.find(Node.ANY, Node.ANY, Vocab.DCT_IDENTIFIER, Node.ANY)
        .forEachRemaining(
            q -> {
              if (dsg.contains(q.getGraph(), q.getSubject(), Vocab.TYPE, Vocab.SOURCE_FILE))
                paths.put(q.getSubject(), q.getObject().getLiteralLexicalForm());
            });
    Map<String, SourceState> out = new HashMap<>();
    for (var e : paths.entrySet()) {
      Set<Node> graphs = articleGraphs(dsg, e.getKey());
      Set<String> shas = new HashSet<>();
      dsg.find(Node.ANY, e.getKey(), Vocab.SHA256, Node.ANY)
          .forEachRemaining(q -> shas.add(q.getObject().getLiteralLexicalForm()));
      out.put(e.getValue(), new SourceState(e.getValue(), graphs, shas));
    }
    return out;
  }

  /** The graphs whose article is derived from the source file. */
  static Set<Node> articleGraphs(DatasetGraph dsg, Node source) {
    Set<Node> graphs = new HashSet<>();
    dsg.find(Node.ANY, Node.ANY, Vocab.PROV_DERIVED_FROM, source)
        .forEachRemaining(q -> graphs.add(q.getGraph()));
    return graphs;
  }

  /** The quantity texts of every figure in the article graphs of one source file. */
  static List<String> figureQuantities(DatasetGraph dsg, String relativePath) {
    Node source = Iris.source(Iris.fileKey(relativePath));
    Set<Node> graphs = articleGraphs(dsg, source);
    List<String> out = new java.util.ArrayList<>();
    for (Node g : graphs) {
      dsg.find(g, Node.ANY, Vocab.TYPE, Vocab.FIGURE)
          .forEachRemaining(
              f ->
                  dsg.find(g, f.getSubject(), Vocab.QUANTITY_TEXT, Node.ANY)
                      .forEachRemaining(t -> out.add(t.getObject().getLiteralLexicalForm())));
    }
    java.util.Collections.sort(out);
    return out;
  }

  static long quadCount(DatasetGraph dsg) {
    long n = 0;
    for (var it = dsg.find(); it.hasNext(); it.next()) n++;
    return n;
  }

  /** Quads in the graphs of one source file: its article graphs and its file graph. */
  static long quadCount(DatasetGraph dsg, String relativePath) {
    Node source = Iris.source(Iris.fileKey(relativePath));
    Set<Node> graphs = articleGraphs(dsg, source);
    dsg.find(Node.ANY, source, Vocab.SHA256, Node.ANY)
        .forEachRemaining(q -> graphs.add(q.getGraph()));
    long n = 0;
    for (Node g : graphs)
      for (var it = dsg.find(g, Node.ANY, Node.ANY, Node.ANY); it.hasNext(); it.next()) n++;
    return n;
  }
}
