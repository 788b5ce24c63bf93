package org.w3id.ruralkg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.bench.Synth;
import org.w3id.ruralkg.rdf.Vocab;
import org.w3id.ruralkg.server.QueryApi;
import org.w3id.ruralkg.server.SavedQueries;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.BulkBuilder;
import org.w3id.ruralkg.store.ExtractedOutput;
import org.w3id.ruralkg.store.Store;

/**
 * The Spark job in local mode plus {@code load} makes the store {@code build} makes: every named
 * graph isomorphic (but for the build activity's name and start, which differ between any two
 * runs), the same answers to the contract queries, a bad file in the manifest with its reason, and
 * a later job over a changed page plus {@code load} replaces it as an incremental build does.
 */
class SparkEquivalenceIT {
  private static final List<String> CONTRACT =
      List.of("admin-units", "figures", "party-orgs", "programmes", "industries");
  private static final Node SOME_BUILD = NodeFactory.createURI(Vocab.ID + "build/X");
  private static final Node SOME_TIME = NodeFactory.createLiteralString("T");

  private static JavaSparkContext sc;

  @TempDir static Path tmp;

  @BeforeAll
  static void spark() {
    SparkConf conf =
        new SparkConf()
            .setMaster("local[2]")
            .setAppName("ruralkg-it")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1");
    sc = new JavaSparkContext(conf);
  }

  @AfterAll
  static void stop() {
    if (sc != null) sc.close();
  }

  @Test
  void sparkAndLoadGiveTheStoreTheBuildGives() throws Exception {
    Path corpus = tmp.resolve("in");
    Synth.fromSeeds(Path.of("seeds")).write(corpus.resolve("synth"), 40, 1);
    Files.createDirectories(corpus.resolve("seeds"));
    try (var s = Files.list(Path.of("seeds"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".txt")).toList())
        Files.copy(p, corpus.resolve("seeds").resolve(p.getFileName()));
    }
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Files.write(corpus.resolve("garbage.txt"), garbage);

    Path built = tmp.resolve("built");
    BuildReport b = Pipeline.build(corpus, built, 2);
    assertEquals(1, b.failed().size(), b.summary());

    Path out = tmp.resolve("out");
    ExtractJob.Summary s = ExtractJob.run(sc, corpus.toUri().toString(), out.toUri().toString(), 3);
    assertEquals(b.loaded().size() + 1, s.files(), s.line());
    assertEquals(1, s.refused(), s.line());
    Map<String, ExtractedOutput.Row> manifest = manifest(out);
    ExtractedOutput.Row bad = manifest.get("garbage.txt");
    assertNotNull(bad, manifest.keySet().toString());
    assertFalse(bad.ok());
    assertEquals(b.failed().get(0).reason(), bad.reason(), "the build's reason");
    ExtractedOutput.Row seed = manifest.get("seeds/000_08c3608711e2fccf.txt");
    assertTrue(
        seed.ok() && seed.graphs() > 0 && seed.quads() > 0 && seed.charset() != null, seed.json());

    Path loaded = tmp.resolve("loaded");
    BuildReport l = Pipeline.load(out, loaded, 2);
    assertEquals(b.loaded().size(), l.loaded().size(), l.summary());
    assertEquals(1, l.failed().size(), l.summary());
    assertFalse(
        Files.exists(loaded.resolve(BulkBuilder.MARKER)), "loaded by the bulk loader, to the end");
    assertSameStore(built, loaded);

    // the per-file bookkeeping is the build's: a build of the same pages finds nothing to do
    BuildReport again = Pipeline.build(corpus, loaded, 2);
    assertEquals(0, again.loaded().size(), again.summary());
    assertEquals(b.loaded().size(), again.unchanged().size(), again.summary());

    // a later job over a changed page, loaded into the store with data, replaces that page's graphs
    Path other = tmp.resolve("other");
    Synth.fromSeeds(Path.of("seeds")).write(other, 40, 2);
    Path changed = tmp.resolve("changed");
    Files.createDirectories(changed.resolve("synth"));
    Files.copy(other.resolve("page-00001.txt"), changed.resolve("synth/page-00001.txt"));
    Files.copy(
        other.resolve("page-00001.txt"),
        corpus.resolve("synth/page-00001.txt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    BuildReport b2 = Pipeline.build(corpus, built, 2);
    assertEquals(1, b2.loaded().size(), b2.summary());
    Path out2 = tmp.resolve("out2");
    ExtractJob.run(sc, changed.toUri().toString(), out2.toUri().toString(), 0);
    BuildReport l2 = Pipeline.load(out2, loaded, 2);
    assertEquals(List.of("synth/page-00001.txt"), l2.loaded(), l2.summary());
    assertSameStore(built, loaded);
  }

  private static Map<String, ExtractedOutput.Row> manifest(Path out) throws Exception {
    Map<String, ExtractedOutput.Row> rows = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve(ExtractedOutput.MANIFEST))) {
      ExtractedOutput.Row r = ExtractedOutput.Row.parse(line, "manifest");
      rows.put(r.file(), r);
    }
    return rows;
  }

  private static void assertSameStore(Path expected, Path actual) {
    DatasetGraph a = Store.openExisting(expected);
    DatasetGraph b = Store.openExisting(actual);
    try {
      Txn.executeRead(
          a,
          () ->
              Txn.executeRead(
                  b,
                  () -> {
                    Set<String> names = graphNames(a);
                    assertEquals(names, graphNames(b), "the same named graphs");
                    for (String g : names) {
                      Node n = NodeFactory.createURI(g);
                      Graph ga = normalised(a.getGraph(n));
                      Graph gb = normalised(b.getGraph(n));
                      assertTrue(
                          ga.isIsomorphicWith(gb),
                          g + ": " + ga.size() + " vs " + gb.size() + " triples");
                    }
                  }));
      for (String q : CONTRACT) assertEquals(answers(a, q), answers(b, q), q);
    } finally {
      a.close();
      b.close();
    }
  }

  private static Set<String> graphNames(DatasetGraph dsg) {
    Set<String> names = new TreeSet<>();
    dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
    return names;
  }

  /**
   * The graph with its build activity renamed and its start time blanked: the only parts that
   * differ between two runs.
   */
  private static Graph normalised(Graph g) {
    Graph n = GraphFactory.createDefaultGraph();
    g.find()
        .forEachRemaining(
            t -> {
              Node o =
                  t.getPredicate().equals(Vocab.PROV_STARTED_AT) ? SOME_TIME : build(t.getObject());
              n.add(Triple.create(build(t.getSubject()), t.getPredicate(), o));
            });
    return n;
  }

  private static Node build(Node n) {
    return n.isURI() && n.getURI().startsWith(Vocab.ID + "build/") ? SOME_BUILD : n;
  }

  /** A saved query's rows as CSV lines, sorted (row order is not part of the comparison). */
  private static List<String> answers(DatasetGraph dsg, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SavedQueries queries = new SavedQueries(Path.of("queries"));
    QueryApi.stream(dsg, queries.get(name), Map.of(), QueryApi.Format.CSV, 0, out);
    List<String> rows = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
    assertTrue(rows.size() > 1, name + " answers");
    rows.sort(null);
    return rows;
  }
}
