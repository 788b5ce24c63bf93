package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * The text index over a small store: Chinese words found, deletes and dropped graphs leave no stale
 * hits.
 */
class TextIndexTest {
  @TempDir Path tmp;
  final List<DatasetGraph> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(DatasetGraph::close);
  }

  DatasetGraph open(Path dir) {
    DatasetGraph dsg = Store.openOrCreate(dir);
    opened.add(dsg);
    return dsg;
  }

  static final String WAGES = "全县实施以工代赈项目36个，发放劳务报酬8059.47万元。";
  static final String STRAWBERRY = "巧家县大力发展草莓种植，带动3569户种植户户均增收1.12万元。";
  static final Node G1 = NodeFactory.createURI("https://w3id.org/ruralkg/id/article/t1");
  static final Node G2 = NodeFactory.createURI("https://w3id.org/ruralkg/id/article/t2");
  static final Node F1 = NodeFactory.createURI("https://w3id.org/ruralkg/id/fact/f1");
  static final Node F2 = NodeFactory.createURI("https://w3id.org/ruralkg/id/fact/f2");
  static final Node U1 = NodeFactory.createURI("https://w3id.org/ruralkg/id/unit/qiaojia");

  static Node zh(String s) {
    return NodeFactory.createLiteralLang(s, "zh");
  }

  static List<String> search(DatasetGraph dsg, String pattern) {
    String q =
        "PREFIX text: <http://jena.apache.org/text#>\nPREFIX rkg: <https://w3id.org/ruralkg/ont#>\n"
            + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nSELECT ?s WHERE { "
            + pattern
            + " } ORDER BY ?s";
    return Txn.calculateRead(
        dsg,
        () -> {
          List<String> out = new ArrayList<>();
          try (QueryExec qe = QueryExec.dataset(dsg).query(q).build()) {
            qe.select().forEachRemaining(b -> out.add(b.get("s").getURI()));
          }
          return out;
        });
  }

  DatasetGraph storeWithTwoFacts() {
    DatasetGraph dsg = open(tmp.resolve("store"));
    Txn.executeWrite(
        dsg,
        () -> {
          dsg.add(G1, F1, Vocab.SENTENCE, zh(WAGES));
          dsg.add(G2, F2, Vocab.SENTENCE, zh(STRAWBERRY));
          dsg.add(G2, U1, Vocab.PREF_LABEL, zh("巧家县"));
        });
    return dsg;
  }

  @Test
  void chineseWordsFindTheirSentenceThroughTheUnionDefaultGraph() {
    DatasetGraph dsg = storeWithTwoFacts();
    assertEquals(List.of(F1.getURI()), search(dsg, "?s text:query (rkg:sentence \"劳务报酬\")"));
    assertEquals(List.of(F2.getURI()), search(dsg, "?s text:query (rkg:sentence \"草莓\")"));
    // the default field is the sentence
    assertEquals(List.of(F1.getURI()), search(dsg, "?s text:query \"劳务报酬\""));
    // labels are their own field
    assertEquals(List.of(U1.getURI()), search(dsg, "?s text:query (skos:prefLabel \"巧家\")"));
    assertEquals(List.of(), search(dsg, "?s text:query (rkg:sentence \"苹果\")"));
    // and the hit joins with the triples of the union default graph
    assertEquals(
        List.of(F1.getURI()),
        search(dsg, "?s text:query (rkg:sentence \"劳务报酬\") ; rkg:sentence ?x"));
  }

  @Test
  void removedGraphsAndDeletedTriplesLeaveNoHits() {
    DatasetGraph dsg = storeWithTwoFacts();
    Txn.executeWrite(dsg, () -> dsg.removeGraph(G1));
    assertEquals(List.of(), search(dsg, "?s text:query (rkg:sentence \"劳务报酬\")"));
    Txn.executeWrite(dsg, () -> dsg.delete(G2, F2, Vocab.SENTENCE, zh(STRAWBERRY)));
    assertEquals(List.of(), search(dsg, "?s text:query (rkg:sentence \"草莓\")"));
    assertEquals(List.of(U1.getURI()), search(dsg, "?s text:query (skos:prefLabel \"巧家\")"));
  }

  @Test
  void aRemovedGraphLeavesNoQuadsEvenThoseTdb2ReturnsInAnotherForm() {
    DatasetGraph dsg = storeWithTwoFacts();
    // TDB2 hands an inlined "23"^^xsd:decimal back as "23.0": deleting what find returns would miss
    // it
    Txn.executeWrite(
        dsg,
        () ->
            dsg.add(
                G1,
                F1,
                Vocab.VALUE,
                NodeFactory.createLiteralDT(
                    "23", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal)));
    Txn.executeWrite(dsg, () -> dsg.removeGraph(G1));
    assertEquals(List.of(), search(dsg, "?s text:query (rkg:sentence \"劳务报酬\")"));
    assertEquals(
        0L,
        (long)
            Txn.calculateRead(
                dsg,
                () ->
                    org.apache.jena.atlas.iterator.Iter.count(
                        dsg.find(G1, Node.ANY, Node.ANY, Node.ANY))));
  }

  @Test
  void theSameLiteralInTwoGraphsStaysFoundWhileOneGraphHoldsIt() {
    DatasetGraph dsg = storeWithTwoFacts();
    Txn.executeWrite(dsg, () -> dsg.add(G1, U1, Vocab.PREF_LABEL, zh("巧家县")));
    Txn.executeWrite(dsg, () -> dsg.removeGraph(G2));
    assertEquals(List.of(U1.getURI()), search(dsg, "?s text:query (skos:prefLabel \"巧家\")"));
    Txn.executeWrite(dsg, () -> dsg.removeGraph(G1));
    assertEquals(List.of(), search(dsg, "?s text:query (skos:prefLabel \"巧家\")"));
  }

  @Test
  void anAbortedWriteLeavesTheIndexAsItWas() {
    DatasetGraph dsg = storeWithTwoFacts();
    dsg.begin(org.apache.jena.query.ReadWrite.WRITE);
    dsg.removeGraph(G1);
    dsg.abort();
    dsg.end();
    assertEquals(List.of(F1.getURI()), search(dsg, "?s text:query (rkg:sentence \"劳务报酬\")"));
  }

  @Test
  void theSameStoreGivesTheSameDatasetUntilTheLastCloseWhichReleasesTheIndex() throws Exception {
    DatasetGraph dsg = storeWithTwoFacts();
    Path store = tmp.resolve("store");
    DatasetGraph again = Store.openExisting(store);
    assertSame(dsg, again);
    again.close();
    assertEquals(
        List.of(F1.getURI()),
        search(dsg, "?s text:query (rkg:sentence \"劳务报酬\")"),
        "still open for the first opener");
    opened.remove(dsg);
    dsg.close();
    // the Lucene folder is free: another writer can lock it
    try (var w =
        new org.apache.lucene.index.IndexWriter(
            org.apache.lucene.store.FSDirectory.open(store.resolve(TextIndex.FOLDER)),
            new org.apache.lucene.index.IndexWriterConfig())) {
      assertEquals(3, w.getDocStats().numDocs);
    }
    // reopened, writes reach the index again
    DatasetGraph reopened = open(store);
    Txn.executeWrite(reopened, () -> reopened.add(G1, F2, Vocab.SENTENCE, zh("实施易地扶贫搬迁")));
    assertEquals(List.of(F2.getURI()), search(reopened, "?s text:query (rkg:sentence \"搬迁\")"));
    assertTrue(Store.looksLikeTdb2(store), "the text subfolder does not hide the TDB2 store");
  }

  @Test
  void aStoreWrittenWithoutTheIndexIsIndexedWhenOpened() {
    Path store = tmp.resolve("plain");
    DatasetGraph plain = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(store.toString());
    Txn.executeWrite(plain, () -> plain.add(G1, F1, Vocab.SENTENCE, zh(WAGES)));
    DatasetGraph dsg = open(store);
    assertEquals(List.of(F1.getURI()), search(dsg, "?s text:query (rkg:sentence \"劳务报酬\")"));
  }

  @Test
  void aBulkLoadsDocumentsAreJenaTextsOwnWithTheSameUids() {
    // a triple deleted later through jena-text finds its document by this uid
    org.apache.jena.query.text.EntityDefinition def = TextIndex.entityDefinition();
    Node blank = NodeFactory.createBlankNode("b1");
    for (org.apache.jena.sparql.core.Quad q :
        List.of(
            org.apache.jena.sparql.core.Quad.create(G1, F1, Vocab.SENTENCE, zh(WAGES)),
            org.apache.jena.sparql.core.Quad.create(G2, blank, Vocab.PREF_LABEL, zh("巧家县")),
            org.apache.jena.sparql.core.Quad.create(
                G2, U1, Vocab.LABEL, NodeFactory.createLiteralString("Qiaojia")),
            org.apache.jena.sparql.core.Quad.create(
                G1,
                F2,
                Vocab.SURFACE,
                NodeFactory.createLiteralDT(
                    "12", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)))) {
      org.apache.jena.query.text.Entity jena =
          org.apache.jena.query.text.TextQueryFuncs.entityFromQuad(def, q);
      org.apache.jena.query.text.Entity ours = TextIndex.entity(def, q);
      assertEquals(jena.toStringDetail(), ours.toStringDetail(), q.toString());
      String field = jena.getMap().keySet().iterator().next();
      String value = (String) jena.get(field);
      assertEquals(jena.getChecksum(field, value), ours.getChecksum(field, value), q.toString());
    }
    assertEquals(
        null,
        TextIndex.entity(def, org.apache.jena.sparql.core.Quad.create(G1, F1, Vocab.SENTENCE, U1)),
        "an IRI is not indexed");
  }
}
