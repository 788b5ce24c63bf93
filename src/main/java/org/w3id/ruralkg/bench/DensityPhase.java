package org.w3id.ruralkg.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * The benchmark's density phase: needs a built store; adds the quads per article of it (every quad
 * but the ontology graph's, divided by the articles) and how they split between article graphs, the
 * shared graph and the file graphs. Reads TDB2's quad index as node ids and decodes only the graph
 * ids (a few per file), so counting 10 M quads takes seconds. Releases the store afterwards, so
 * that a later phase opens it afresh. Not thread-safe (one phase at a time).
 */
final class DensityPhase {
  /** What a graph holds, told by its name. */
  enum Kind {
    ARTICLE,
    SHARED,
    FILE,
    SUMMARY,
    ONTOLOGY,
    OTHER,
    DEFAULT
  }

  /** The quads of a store by kind of graph. */
  record Density(
      int articles,
      long quads,
      double quadsPerArticle,
      long articleGraphQuads,
      long articleGraphs,
      double articleGraphQuadsPerArticle,
      long sharedGraphQuads,
      double sharedGraphQuadsPerArticle,
      long fileGraphQuads,
      long fileGraphs,
      double fileGraphQuadsPerArticle,
      long summaryGraphQuads,
      double summaryGraphQuadsPerArticle,
      long otherQuads,
      long ontologyQuads,
      double seconds) {}

  private final PrintStream log;

  DensityPhase(PrintStream log) {
    this.log = log;
  }

  Density run(Path store, int articles) {
    long t = System.nanoTime();
    Map<Kind, long[]> quads = new EnumMap<>(Kind.class);
    Map<Kind, long[]> graphs = new EnumMap<>(Kind.class);
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
    try {
      DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
      dsg.executeRead(
          () -> {
            NodeTable nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
            Map<NodeId, Kind> kindOfGraph = new HashMap<>();
            Iterator<Tuple<NodeId>> it = tdb.getQuadTable().getNodeTupleTable().findAll();
            while (it.hasNext()) {
              NodeId g = it.next().get(0);
              Kind k = kindOfGraph.get(g);
              if (k == null) {
                k = kind(nodes.getNodeForNodeId(g));
                kindOfGraph.put(g, k);
                graphs.computeIfAbsent(k, x -> new long[1])[0]++;
              }
              quads.computeIfAbsent(k, x -> new long[1])[0]++;
            }
            Iterator<Tuple<NodeId>> triples = tdb.getTripleTable().getNodeTupleTable().findAll();
            while (triples.hasNext()) {
              triples.next();
              quads.computeIfAbsent(Kind.DEFAULT, x -> new long[1])[0]++;
            }
          });
    } finally {
      // the queries after this phase should find the store as a newly started server would
      TDBInternal.expel(dsg);
    }
    Density d = of(count(quads), count(graphs), articles, CpuClock.secs(t));
    log.printf(
        Locale.ROOT,
        "bench: density %.1f quads per article (%,d quads but the ontology's; article graphs %.1f, shared graph %.1f, file graphs %.1f per article) in %.1f s%n",
        d.quadsPerArticle(),
        d.quads(),
        d.articleGraphQuadsPerArticle(),
        d.sharedGraphQuadsPerArticle(),
        d.fileGraphQuadsPerArticle(),
        d.seconds());
    return d;
  }

  private static Map<Kind, Long> count(Map<Kind, long[]> counters) {
    Map<Kind, Long> out = new EnumMap<>(Kind.class);
    counters.forEach((k, v) -> out.put(k, v[0]));
    return out;
  }

  /** The kind of a graph by its name: the layout of rdf.Iris and Vocab. */
  static Kind kind(Node graph) {
    if (graph == null || !graph.isURI()) return Kind.OTHER;
    if (graph.equals(Vocab.ONTOLOGY_GRAPH)) return Kind.ONTOLOGY;
    if (graph.equals(Vocab.SHARED_GRAPH)) return Kind.SHARED;
    if (graph.equals(Vocab.SUMMARY_GRAPH)) return Kind.SUMMARY;
    String iri = graph.getURI();
    if (!iri.startsWith(Vocab.ID + "graph/")) return Kind.OTHER;
    return iri.endsWith("/file") ? Kind.FILE : Kind.ARTICLE;
  }

  /**
   * Density from quad and graph counts by kind: the ontology is left out (the same for every
   * store), everything else counts, default graph and unknown graphs included.
   */
  static Density of(Map<Kind, Long> quads, Map<Kind, Long> graphs, int articles, double seconds) {
    long article = quads.getOrDefault(Kind.ARTICLE, 0L);
    long shared = quads.getOrDefault(Kind.SHARED, 0L);
    long file = quads.getOrDefault(Kind.FILE, 0L);
    long summary = quads.getOrDefault(Kind.SUMMARY, 0L);
    long other = quads.getOrDefault(Kind.OTHER, 0L) + quads.getOrDefault(Kind.DEFAULT, 0L);
    long all = article + shared + file + summary + other;
    return new Density(
        articles,
        all,
        perArticle(all, articles),
        article,
        graphs.getOrDefault(Kind.ARTICLE, 0L),
        perArticle(article, articles),
        shared,
        perArticle(shared, articles),
        file,
        graphs.getOrDefault(Kind.FILE, 0L),
        perArticle(file, articles),
        summary,
        perArticle(summary, articles),
        other,
        quads.getOrDefault(Kind.ONTOLOGY, 0L),
        seconds);
  }

  private static double perArticle(long quads, int articles) {
    return articles <= 0 ? Double.NaN : quads / (double) articles;
  }
}
