package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.rdf.Iris;
import org.w3id.ruralkg.rdf.Vocab;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.Store;

/**
 * The aggregate saved queries that read the figure summaries (graph/summary) give byte for byte the
 * answers of their former formulation over the figures (src/test/resources/summary-reference, the
 * saved queries before the summaries), on the seeds built in bulk, after a file is replaced with
 * changed content by an incremental build, after a file's graphs are dropped, after SPARQL Updates
 * (through the server's update endpoint too) that add a figure and delete the one holding a
 * metric's largest value, and after the summary graph itself is dropped. Direct writes to the
 * summary graph and figure values it could not sum exactly are refused, leaving the store as it
 * was.
 */
class FigureSummaryIT {
  static final Path OLD = Path.of("src/test/resources/summary-reference");
  static final String CHANGED_FILE = "001_9a9fe845a7e3c4ef.txt";

  @TempDir Path tmp;
  Path in;
  Path storeDir;
  DatasetGraph dsg;

  @BeforeEach
  void build() throws IOException {
    in = tmp.resolve("in");
    Files.createDirectories(in);
    try (Stream<Path> s = Files.list(Path.of("seeds"))) {
      for (Path p : s.toList()) Files.copy(p, in.resolve(p.getFileName()));
    }
    storeDir = tmp.resolve("store");
    BuildReport r = Pipeline.build(in, storeDir, 2);
    assertEquals(5, r.loaded().size(), r.summary());
    dsg = Store.openExisting(storeDir);
  }

  @AfterEach
  void close() {
    if (dsg != null) dsg.close();
  }

  static List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(OLD)) {
      return s.map(p -> p.getFileName().toString().replace(".rq", "")).sorted().toList();
    }
  }

  /** Every call of every summarised query: its defaults and each value of each parameter. */
  static List<Map<String, String>> calls(SavedQuery q) {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(Map.of());
    for (SavedQuery.Param p : q.params().values())
      for (String v : p.allowed()) out.add(Map.of(p.name(), v));
    return out;
  }

  static String csv(DatasetGraph dsg, SavedQuery q, Map<String, String> params) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QueryApi.stream(dsg, q, params, QueryApi.Format.CSV, 0, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The answers of the former queries, one string per call; asserts the new ones are the same. */
  String sameAnswers(String when) throws IOException {
    String all = sameAnswers(when, true);
    return all;
  }

  String sameAnswers(String when, boolean rows) throws IOException {
    SavedQueries saved = new SavedQueries(Path.of("queries"));
    StringBuilder all = new StringBuilder();
    int compared = 0;
    for (String name : names()) {
      SavedQuery old = SavedQuery.parse(name, Files.readString(OLD.resolve(name + ".rq")));
      SavedQuery now = saved.get(name);
      assertTrue(now.query().toString().contains("graph/summary"), name + " reads the summary");
      for (Map<String, String> params : calls(now)) {
        String want = csv(dsg, old, params);
        assertEquals(want, csv(dsg, now, params), name + " " + params + " " + when);
        all.append(name).append(params).append('\n').append(want);
        compared++;
      }
    }
    assertTrue(compared >= 20, "compared " + compared);
    assertEquals(3, names().size(), names().toString());
    if (rows)
      assertTrue(all.toString().lines().count() > 150, "the seeds give rows: " + all.length());
    return all.toString();
  }

  void update(String sparql) {
    Txn.executeWrite(dsg, () -> UpdateExec.dataset(dsg).update(sparql).execute());
  }

  long quads() {
    return Txn.calculateRead(dsg, () -> org.apache.jena.atlas.iterator.Iter.count(dsg.find()));
  }

  @Test
  void theBulkBuildsSummariesGiveTheFormerAnswers() throws IOException {
    sameAnswers("after the bulk build");
    long rows =
        Txn.calculateRead(
            dsg,
            () ->
                org.apache.jena.atlas.iterator.Iter.count(
                    dsg.find(Vocab.SUMMARY_GRAPH, Node.ANY, Node.ANY, Node.ANY)));
    assertTrue(rows > 100, "summary quads " + rows);
  }

  @Test
  void aFileReplacedWithChangedContentKeepsThemExact() throws IOException {
    String before = sameAnswers("after the bulk build");
    Path f = in.resolve(CHANGED_FILE);
    String text = Files.readString(f, StandardCharsets.UTF_8);
    String changed =
        text.replace("发放劳务报酬331.46万元", "发放劳务报酬9331.46万元")
            .replace("带动当地群众434人", "带动当地群众1434人")
            .replace("开展就业技能培训320人(次),", "")
            .replace("红光片区以工代赈项目的实施", "红光片区项目的实施");
    assertNotEquals(text, changed, "the seed still has the sentence this test changes");
    Files.writeString(f, changed, StandardCharsets.UTF_8);
    dsg.close();
    dsg = null;
    BuildReport r = Pipeline.build(in, storeDir, 2);
    assertEquals(1, r.loaded().size(), r.summary());
    dsg = Store.openExisting(storeDir);
    String after = sameAnswers("after replacing " + CHANGED_FILE);
    assertNotEquals(before, after, "the change shows in the answers");
  }

  @Test
  void droppingAFilesGraphsKeepsThemExact() throws IOException {
    String before = sameAnswers("after the bulk build");
    Node source = Iris.source(Iris.fileKey(CHANGED_FILE));
    Txn.executeWrite(
        dsg,
        () -> {
          List<Node> graphs = new ArrayList<>();
          dsg.find(Node.ANY, Node.ANY, Vocab.PROV_DERIVED_FROM, source)
              .forEachRemaining(q -> graphs.add(q.getGraph()));
          dsg.find(Node.ANY, source, Vocab.SHA256, Node.ANY)
              .forEachRemaining(q -> graphs.add(q.getGraph()));
          assertTrue(graphs.size() > 1, "the file's graphs " + graphs);
          for (Node g : graphs.stream().distinct().toList()) dsg.removeGraph(g);
        });
    String after = sameAnswers("after dropping " + CHANGED_FILE);
    assertNotEquals(before, after);
  }

  @Test
  void sparqlUpdatesKeepThemExact() throws IOException {
    String before = sameAnswers("after the bulk build");
    // a new figure in a county (巧家县 530622), and the figure with the largest wages made no
    // figure (its type deleted: TDB2 does not find an inlined decimal by the form it returns, so a
    // DELETE of the value itself would leave it)
    update(
        "PREFIX rkg: <https://w3id.org/ruralkg/ont#> INSERT DATA { GRAPH <urn:test:article> {"
            + " <urn:test:figure> a rkg:Figure ; rkg:value 1234.5 ;"
            + " rkg:metric <https://w3id.org/ruralkg/id/concept/metric/wages> ;"
            + " rkg:unitOfMeasure <https://w3id.org/ruralkg/id/concept/unit/CNY> ;"
            + " rkg:refArea <https://w3id.org/ruralkg/id/unit/530622> ;"
            + " rkg:refPeriod \"2024\"^^<http://www.w3.org/2001/XMLSchema#gYear> } }");
    String inserted = sameAnswers("after inserting a figure");
    assertNotEquals(before, inserted);
    // a programme implementation in a township (大寨镇) that had none, in an article of its own
    update(
        "PREFIX rkg: <https://w3id.org/ruralkg/ont#> PREFIX prov: <http://www.w3.org/ns/prov#>"
            + " INSERT DATA { GRAPH <urn:test:article> { <urn:test:impl> a"
            + " rkg:ProgrammeImplementation ;"
            + " rkg:programme <https://w3id.org/ruralkg/id/concept/programme/yi-gong-dai-zhen> ;"
            + " rkg:carriedOutIn <https://w3id.org/ruralkg/id/unit/530622102> ;"
            + " prov:wasDerivedFrom <urn:test:article> } }");
    String implemented = sameAnswers("after inserting a programme implementation");
    assertNotEquals(inserted, implemented);
    // the same implementation named in two places (mapping version 5: a span per occurrence)
    update(
        "PREFIX rkg: <https://w3id.org/ruralkg/ont#> INSERT DATA { GRAPH <urn:test:article> {"
            + " <urn:test:impl> rkg:evidence <https://w3id.org/ruralkg/id/source/test#char=1,4> ,"
            + " <https://w3id.org/ruralkg/id/source/test#char=9,12> } }");
    String spanned = sameAnswers("after giving the implementation two spans");
    assertNotEquals(implemented, spanned);
    // the implementations in 马树镇 lose their place
    update(
        "PREFIX rkg: <https://w3id.org/ruralkg/ont#> DELETE { GRAPH ?g { ?i rkg:carriedOutIn ?t } }"
            + " WHERE { BIND(<https://w3id.org/ruralkg/id/unit/530622105> AS ?t)"
            + " GRAPH ?g { ?i rkg:carriedOutIn ?t } }");
    assertNotEquals(spanned, sameAnswers("after moving implementations out of a township"));
    update(
        "PREFIX rkg: <https://w3id.org/ruralkg/ont#> DELETE { GRAPH ?g { ?f a rkg:Figure } } WHERE {"
            + " { SELECT ?f WHERE { GRAPH ?h { ?f rkg:metric"
            + " <https://w3id.org/ruralkg/id/concept/metric/wages> ; rkg:value ?w } }"
            + " ORDER BY DESC(?w) LIMIT 1 } GRAPH ?g { ?f a rkg:Figure } }");
    assertNotEquals(inserted, sameAnswers("after deleting the largest wages"));
    update("DROP GRAPH <" + Vocab.SUMMARY_GRAPH.getURI() + ">");
    sameAnswers("after dropping the summary graph");
    update("DROP GRAPH <" + Vocab.SHARED_GRAPH.getURI() + ">");
    // no county is known any more: totals-by-county answers its header only, both ways
    sameAnswers("after dropping the shared graph", false);
  }

  @Test
  void theServersUpdateEndpointKeepsThemExact() throws Exception {
    String before = sameAnswers("after the bulk build");
    FusekiServer server = Server.start(dsg, SeedStore.freePort(), "s3cret-pw");
    try {
      String url = "http://localhost:" + server.getHttpPort() + "/ruralkg/update";
      String body =
          "PREFIX rkg: <https://w3id.org/ruralkg/ont#> DELETE WHERE { GRAPH ?g { ?f a rkg:Figure ;"
              + " rkg:metric <https://w3id.org/ruralkg/id/concept/metric/wages> ; ?p ?o } }";
      int status =
          UpdateSecurityIT.send(
                  url, "POST", "application/sparql-update", body, "admin", "s3cret-pw")
              .statusCode();
      assertTrue(status == 200 || status == 204, "status " + status);
      assertNotEquals(before, sameAnswers("after an update through the server"));
      long quads = quads();
      String direct =
          "PREFIX rkg: <https://w3id.org/ruralkg/ont#> INSERT DATA { GRAPH <"
              + Vocab.SUMMARY_GRAPH.getURI()
              + "> { <urn:test:row> rkg:total 1 } }";
      int refused =
          UpdateSecurityIT.send(
                  url, "POST", "application/sparql-update", direct, "admin", "s3cret-pw")
              .statusCode();
      assertTrue(refused >= 400, "a direct write to the summary graph is refused: " + refused);
      assertEquals(quads, quads(), "and changes nothing");
    } finally {
      server.stop();
    }
  }

  @Test
  void writesTheSummaryCouldNotFollowAreRefused() throws IOException {
    String before = sameAnswers("after the bulk build");
    long quads = quads();
    assertThrows(
        RuntimeException.class,
        () ->
            update(
                "INSERT DATA { GRAPH <"
                    + Vocab.SUMMARY_GRAPH.getURI()
                    + "> { <urn:test:row> <urn:test:p> 1 } }"));
    assertThrows(
        RuntimeException.class,
        () ->
            update(
                "PREFIX rkg: <https://w3id.org/ruralkg/ont#> INSERT DATA { GRAPH <urn:test:g> {"
                    + " <urn:test:f> a rkg:Figure ; rkg:value \"1.5e3\"^^<http://www.w3.org/2001/XMLSchema#double> } }"));
    assertEquals(quads, quads(), "nothing written");
    assertEquals(before, sameAnswers("after the refused writes"));
  }
}
