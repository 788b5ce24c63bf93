package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sorted loader makes a store whose every index holds the loaded tuples once, which TDB2 finds
 * by any pattern and keeps updating afterwards, whether the rows were sorted at once or in many
 * runs merged from disk.
 */
public class SortedLoaderTest {
  @TempDir Path tmp;

  private static Node iri(String s) {
    return NodeFactory.createURI("https://example.org/" + s);
  }

  /**
   * Quads in several graphs, with inline literals (their node ids have a type in the top byte),
   * strings, a blank node and a repeat.
   */
  static List<Quad> sampleQuads(int graphs) {
    List<Quad> quads = new ArrayList<>();
    Node blank = NodeFactory.createBlankNode();
    for (int g = 0; g < graphs; g++) {
      Node graph = iri("g" + g);
      for (int s = 0; s < 20; s++) {
        Node subject = iri("s" + (s * 7 + g) % 31);
        quads.add(
            Quad.create(
                graph,
                subject,
                iri("value"),
                NodeFactory.createLiteralByValue(String.valueOf(s - 10), XSDDatatype.XSDinteger)));
        quads.add(
            Quad.create(
                graph,
                subject,
                iri("amount"),
                NodeFactory.createLiteralByValue((s * 1.25) + "", XSDDatatype.XSDdecimal)));
        quads.add(
            Quad.create(
                graph, subject, iri("label"), NodeFactory.createLiteralLang("名称" + s, "zh")));
        quads.add(Quad.create(graph, subject, iri("link"), iri("o" + (s + g) % 13)));
      }
      quads.add(
          Quad.create(
              graph,
              blank,
              iri("year"),
              NodeFactory.createLiteralByValue("2024", XSDDatatype.XSDgYear)));
      quads.add(quads.get(quads.size() - 2)); // streamed twice, stored once
    }
    quads.add(
        Quad.create(
            Quad.defaultGraphIRI, iri("t"), iri("p"), iri("o"))); // a triple, in the triple table
    return quads;
  }

  private static void load(Path store, List<Quad> quads, int rowsPerRun) {
    DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(store.toString());
    SortedLoader loader =
        new SortedLoader(tdb, store.resolve("scratch"), 2, rowsPerRun, (fmt, args) -> {});
    loader.startBulk();
    StreamRDF out = loader.stream();
    out.start();
    quads.forEach(out::quad);
    out.finish();
    loader.finishBulk();
    BulkBuilder.expel(store);
  }

  /**
   * Every index of both tuple tables lists the same tuples as the table's primary index, each once.
   */
  public static void assertIndexesAgree(Path store) {
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
    DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
    Txn.executeRead(
        dsg,
        () -> {
          for (TupleIndex[] indexes :
              List.of(
                  tdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes(),
                  tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes())) {
            Set<Tuple<NodeId>> primary = null;
            for (TupleIndex index : indexes) {
              Set<Tuple<NodeId>> tuples = new HashSet<>();
              long rows = 0;
              for (Iterator<Tuple<NodeId>> it = index.all(); it.hasNext(); rows++)
                tuples.add(it.next());
              assertEquals(tuples.size(), rows, index.getName() + " holds a tuple twice");
              if (primary == null) primary = tuples;
              else
                assertEquals(
                    primary, tuples, index.getName() + " differs from " + indexes[0].getName());
            }
          }
        });
  }

  private static Set<Quad> find(DatasetGraph dsg, Node g, Node s, Node p, Node o) {
    return Txn.calculateRead(
        dsg,
        () -> {
          Set<Quad> found = new HashSet<>();
          dsg.find(g, s, p, o).forEachRemaining(found::add);
          return found;
        });
  }

  private static Set<Quad> expected(List<Quad> quads, Node g, Node s, Node p, Node o) {
    Set<Quad> out = new HashSet<>();
    for (Quad q : quads) if (q.matches(g, s, p, o)) out.add(q);
    return out;
  }

  private void loadsAndFindsByEveryPattern(int rowsPerRun) {
    Path store = tmp.resolve("store-" + rowsPerRun);
    List<Quad> quads = sampleQuads(12);
    load(store, quads, rowsPerRun);
    assertFalse(Files.exists(store.resolve("scratch")), "the scratch folder goes at the end");
    assertIndexesAgree(store);
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
    Node any = Node.ANY;
    Node g = iri("g3");
    Node s = iri("s10");
    Node p = iri("link");
    Node o = iri("o5");
    Node year = NodeFactory.createLiteralByValue("2024", XSDDatatype.XSDgYear);
    // each pattern is answered from a different index (GSPO, GPOS, GOSP, SPOG, POSG, OSPG)
    for (Node[] pattern :
        new Node[][] {
          {g, s, any, any},
          {g, any, p, any},
          {g, any, any, o},
          {any, s, any, any},
          {any, any, p, o},
          {any, any, any, year},
          {any, any, any, any}
        }) {
      Set<Quad> want = expected(quads, pattern[0], pattern[1], pattern[2], pattern[3]);
      want.removeIf(Quad::isDefaultGraph);
      Set<Quad> got = find(dsg, pattern[0], pattern[1], pattern[2], pattern[3]);
      got.removeIf(Quad::isDefaultGraph);
      assertFalse(want.isEmpty());
      assertEquals(want, got, java.util.Arrays.toString(pattern));
    }
    assertEquals(1, Txn.calculateRead(dsg, () -> dsg.getDefaultGraph().size()), "the triple");
    BulkBuilder.expel(store);
  }

  @Test
  void rowsSortedInOneRunMakeCompleteIndexes() {
    loadsAndFindsByEveryPattern(1 << 16);
  }

  @Test
  void rowsSortedInManyRunsAndMergedMakeTheSameIndexes() {
    // 5 rows a run: about 200 runs per index, merged from disk
    loadsAndFindsByEveryPattern(5);
  }

  @Test
  void rowsOfRanksTooWideToPackMakeTheSameIndexes() {
    // the path of stores with millions of nodes in a column, in one run and in many
    SortedLoader.wideRanks = true;
    try {
      loadsAndFindsByEveryPattern(1 << 16);
      loadsAndFindsByEveryPattern(40);
    } finally {
      SortedLoader.wideRanks = false;
    }
  }

  @Test
  void aLoadWithMoreNodesThanTheHeapCanRankSortsRawIds() {
    // a 2 GB heap ranks 2 Mi nodes (an eighth of it, 128 bytes a node); a larger load sorts ids
    assertEquals(2L << 20, SortedLoader.rankedNodes(2L << 30));
    SortedLoader.rankedNodeLimit = 10;
    try {
      loadsAndFindsByEveryPattern(1 << 16);
      loadsAndFindsByEveryPattern(40);
    } finally {
      SortedLoader.rankedNodeLimit = 0;
    }
  }

  @Test
  void aLoadGivenUpHalfWayLetsTheStoreGo() {
    Path store = tmp.resolve("store");
    DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(store.toString());
    SortedLoader loader = new SortedLoader(tdb, store.resolve("scratch"), 2, 64, (fmt, args) -> {});
    loader.startBulk();
    StreamRDF out = loader.stream();
    out.start();
    sampleQuads(3).forEach(out::quad);
    loader.finishException(new RuntimeException("a file could not be read"));
    assertFalse(Files.exists(store.resolve("scratch")));
    // the loader held the store exclusively and Jena's node table thread waited for more data:
    // both must have stopped, or this transaction would wait for ever
    long n =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(20),
            () -> Txn.calculateRead(tdb, () -> (long) tdb.getDefaultGraph().size()));
    assertEquals(0, n, "no index was built");
    BulkBuilder.expel(store);
  }

  @Test
  void aPackedStoreTakesUpdatesAfterwards() {
    Path store = tmp.resolve("store");
    List<Quad> quads = sampleQuads(30);
    load(store, quads, 64);
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
    Node g = iri("new");
    // enough new quads to split the packed (full) leaf and branch blocks of every index
    Txn.executeWrite(
        dsg,
        () -> {
          for (int i = 0; i < 3000; i++)
            dsg.add(
                g,
                iri("s" + i % 31),
                iri("added"),
                NodeFactory.createLiteralByValue(String.valueOf(i), XSDDatatype.XSDinteger));
          dsg.removeGraph(iri("g7"));
        });
    assertEquals(3000, find(dsg, Node.ANY, Node.ANY, iri("added"), Node.ANY).size());
    assertEquals(3000, find(dsg, g, Node.ANY, Node.ANY, Node.ANY).size());
    assertTrue(find(dsg, iri("g7"), Node.ANY, Node.ANY, Node.ANY).isEmpty());
    assertEquals(
        expected(quads, iri("g8"), Node.ANY, Node.ANY, Node.ANY),
        find(dsg, Node.ANY, Node.ANY, Node.ANY, Node.ANY).stream()
            .filter(q -> q.getGraph().equals(iri("g8")))
            .collect(java.util.stream.Collectors.toSet()));
    BulkBuilder.expel(store);
    assertIndexesAgree(store);
    BulkBuilder.expel(store);
  }

  @Test
  void theAllocatorPastTheNodeTablesCacheGivesTheNodeTablesIds() {
    Path store = tmp.resolve("store");
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
    org.apache.jena.tdb2.store.nodetable.NodeTable table =
        TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getNodeTable();
    SortedLoader.NodeAllocator allocator = SortedLoader.NodeAllocator.of(table, 0);
    assertTrue(allocator.inline(), "Jena's node table stack is bypassed: " + table);
    List<Node> nodes = new ArrayList<>();
    for (Quad q : sampleQuads(5)) {
      nodes.add(q.getGraph());
      nodes.add(q.getSubject());
      nodes.add(q.getPredicate());
      nodes.add(q.getObject());
    }
    // a big integer is not inline: it goes to the table
    nodes.add(
        NodeFactory.createLiteralByValue("123456789012345678901234567890", XSDDatatype.XSDinteger));
    Txn.executeWrite(
        dsg,
        () -> {
          // half allocated by the node table, half past its cache; each must find the other's
          for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            NodeId id = i % 2 == 0 ? table.getAllocateNodeId(n) : allocator.allocate(n);
            assertEquals(id, table.getAllocateNodeId(n), n.toString());
            assertEquals(id, allocator.allocate(n), n.toString());
            assertEquals(n.isLiteral() && NodeId.inline(n) != null, id.isInline(), n.toString());
          }
        });
    Txn.executeRead(
        dsg,
        () -> {
          for (Node n : nodes)
            assertEquals(n, table.getNodeForNodeId(table.getNodeIdForNode(n)), n.toString());
        });
    BulkBuilder.expel(store);
  }

  @Test
  void everyNodeOfALoadIsFoundByItsHashWhetherTheIndexWasPackedOrSpilled() {
    // packed after the node stage (the table held every entry), or inserted in key order once the
    // table held more than 10
    for (int limit : new int[] {0, 10}) {
      SortedLoader.rankedNodeLimit = limit;
      try {
        Path store = tmp.resolve("store-" + limit);
        List<Quad> quads = new ArrayList<>(sampleQuads(30));
        for (int i = 0; i < 3000; i++)
          quads.add(
              Quad.create(
                  iri("g" + i % 7),
                  iri("s" + i),
                  iri("label"),
                  NodeFactory.createLiteralString("句子" + i)));
        load(store, quads, 64);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        org.apache.jena.tdb2.store.nodetable.NodeTable table =
            TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getNodeTable();
        Set<Node> nodes = new java.util.HashSet<>();
        for (Quad q : quads) {
          nodes.add(q.getGraph());
          nodes.add(q.getSubject());
          nodes.add(q.getPredicate());
          nodes.add(q.getObject());
        }
        nodes.removeIf(n -> NodeId.inline(n) != null || Quad.isDefaultGraph(n));
        assertTrue(nodes.size() > 6000, "enough nodes for several B+tree blocks: " + nodes.size());
        Txn.executeRead(
            dsg,
            () -> {
              for (Node n : nodes) {
                NodeId id = table.getNodeIdForNode(n);
                assertFalse(NodeId.isDoesNotExist(id), "limit " + limit + ": " + n);
                assertEquals(n, table.getNodeForNodeId(id), n.toString());
              }
              assertTrue(NodeId.isDoesNotExist(table.getNodeIdForNode(iri("never-loaded"))));
            });
        BulkBuilder.expel(store);
      } finally {
        SortedLoader.rankedNodeLimit = 0;
      }
    }
  }
}
