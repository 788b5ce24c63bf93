package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.server.QueryApi;
import org.w3id.ruralkg.server.SavedQueries;
import org.w3id.ruralkg.server.Server;

/** The text index through the build, the saved query, the embedded server and stock Fuseki. */
public class TextIndexIT {
  @TempDir Path tmp;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String PREFIXES =
      "PREFIX text: <http://jena.apache.org/text#>\nPREFIX rkg: <https://w3id.org/ruralkg/ont#>\n"
          + "PREFIX schema: <https://schema.org/>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n";

  public static String search(Path store, String words) {
    DatasetGraph dsg = Store.openExisting(store);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      QueryApi.stream(
          dsg,
          new SavedQueries(Path.of("queries")).get("search-sentences"),
          Map.of("q", words, "limit", "100"),
          QueryApi.Format.CSV,
          0,
          out);
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      dsg.close();
    }
  }

  static int rows(String csv) {
    return csv.split("\r\n").length - 1;
  }

  /** A store built from seed page 003 (思南县, 销号) alone, in {@code tmp/NAME}. */
  private Path storeOfPage003(String name) throws Exception {
    return SeedStores.onePage(tmp, name, "003_bb169abb74cc64f6.txt", "b.txt");
  }

  @Test
  void aReplacedFileLeavesNoStaleHits() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("seeds/001_9a9fe845a7e3c4ef.txt"), in.resolve("a.txt"));
    Files.copy(Path.of("seeds/003_bb169abb74cc64f6.txt"), in.resolve("b.txt"));
    Path store = tmp.resolve("store");
    Pipeline.build(in, store, 2);
    // 销号 and 思南县 are only in 003, 湖畔 only in 004
    assertTrue(rows(search(store, "销号")) > 0);
    assertTrue(search(store, "思南县").contains(",b.txt"));
    assertEquals(0, rows(search(store, "湖畔")));

    Files.copy(
        Path.of("seeds/004_dcf0163b378ea7cb.txt"),
        in.resolve("b.txt"),
        StandardCopyOption.REPLACE_EXISTING);
    BuildReport again = Pipeline.build(in, store, 2);
    assertEquals(List.of("b.txt"), again.loaded());
    assertEquals(
        0, rows(search(store, "销号")), "the old page's sentences must be gone from the index");
    assertEquals(0, rows(search(store, "思南县")));
    assertTrue(rows(search(store, "湖畔")) > 0, "the new page's sentences must be found");
    // headlines and labels too: the old title goes, the new one comes
    DatasetGraph dsg = Store.openExisting(store);
    try {
      assertEquals(0, count(dsg, "?s text:query (schema:headline \"思南\")"));
      assertTrue(count(dsg, "?s text:query (schema:headline \"湖畔\")") > 0);
    } finally {
      dsg.close();
    }
  }

  @Test
  void aShortNameFindsTheLongerWordAndAnIndexOfAnotherAnalyzerIsRebuilt() throws Exception {
    Path store = storeOfPage003("store2");
    Path analyzer = store.resolve(TextIndex.FOLDER).resolve(TextIndex.ANALYZER_FILE);
    assertEquals(TextIndex.FORMAT, Files.readString(analyzer).strip());
    // bigrams: 思南 is found in sentences that only write 思南县
    String hits = search(store, "思南");
    assertTrue(hits.lines().skip(1).anyMatch(l -> l.contains("思南县")), hits);

    Files.writeString(analyzer, "org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer\n");
    int before = rows(hits);
    assertEquals(before, rows(search(store, "思南")), "rebuilt on open, same hits");
    assertEquals(
        TextIndex.FORMAT,
        Files.readString(analyzer).strip(),
        "the rebuilt index records its analyzer");
  }

  @Test
  void anIndexLeftBehindBetweenTheTwoCommitsIsRebuiltOnOpen() throws Exception {
    Path store = storeOfPage003("store3");
    Path mark = store.resolve(TextIndex.FOLDER).resolve(TextIndex.WRITING_FILE);
    assertFalse(Files.exists(mark), "no write mark after a finished build");
    int hits = rows(search(store, "销号"));
    assertTrue(hits > 0);

    // what a crash after TDB2's commit and before Lucene's leaves: fewer documents, and the mark
    editIndex(
        store,
        w ->
            w.deleteDocuments(
                new org.apache.lucene.queryparser.classic.QueryParser(
                        TextIndex.FIELD_SENTENCE, TextIndex.analyzer())
                    .parse("\"销号\"")));
    Files.createFile(mark);
    assertEquals(hits, rows(search(store, "销号")), "counted against the store and rebuilt on open");
    assertFalse(Files.exists(mark), "the mark is cleared once the index is in step");

    // an emptied index is rebuilt with no mark at all
    editIndex(store, org.apache.lucene.index.IndexWriter::deleteAll);
    assertEquals(hits, rows(search(store, "销号")));
  }

  interface IndexEdit {
    void apply(org.apache.lucene.index.IndexWriter w) throws Exception;
  }

  /** Changes a closed store's Lucene index behind TDB2's back and commits it. */
  static void editIndex(Path store, IndexEdit edit) throws Exception {
    try (var dir = org.apache.lucene.store.FSDirectory.open(store.resolve(TextIndex.FOLDER));
        var w =
            new org.apache.lucene.index.IndexWriter(
                dir, new org.apache.lucene.index.IndexWriterConfig(TextIndex.analyzer()))) {
      edit.apply(w);
      w.commit();
    }
  }

  static int count(DatasetGraph dsg, String pattern) {
    return org.apache.jena.system.Txn.calculateRead(
        dsg,
        () -> {
          try (var qe =
              org.apache.jena.sparql.exec.QueryExec.dataset(dsg)
                  .query(PREFIXES + "SELECT DISTINCT ?s WHERE { " + pattern + " }")
                  .build()) {
            int n = 0;
            for (var it = qe.select(); it.hasNext(); it.next()) n++;
            return n;
          }
        });
  }

  @Test
  void theSeedsAreSearchableInProcessOverHttpAndFromStockFuseki() throws Exception {
    Path store = tmp.resolve("seeds");
    Pipeline.build(Path.of("seeds"), store, 2);

    String csv = search(store, "劳务报酬");
    assertTrue(csv.startsWith("sentence,score,fact,kind,source\r\n"), csv);
    String wages = csv.lines().filter(l -> l.contains("发放劳务报酬8059.47万元")).findFirst().orElse("");
    assertTrue(
        wages.contains("https://w3id.org/ruralkg/ont#Figure")
            && wages.endsWith(",000_08c3608711e2fccf.txt"),
        csv);
    assertTrue(
        csv.lines().skip(1).allMatch(l -> l.contains("劳务") && l.contains("报酬")),
        "every hit holds both words");

    String query =
        PREFIXES
            + "SELECT DISTINCT ?f WHERE { ?f text:query (rkg:sentence \"劳务报酬\") ; a rkg:Figure ; rkg:quantityText \"8059.47万元\"@zh }";
    DatasetGraph dsg = Store.openExisting(store);
    FusekiServer server = Server.start(dsg, freePort(), null);
    try {
      String body = get("http://localhost:" + server.getHttpPort() + "/ruralkg/sparql", query);
      assertTrue(body.contains("https://w3id.org/ruralkg/id/figure/000_08c3608711e2fccf/"), body);
    } finally {
      server.stop();
      dsg.close();
    }

    // stock Fuseki from the assembler file, pointed at this store (closed above: Lucene allows one
    // writer)
    String location = store.toAbsolutePath().toString().replace("\\", "/");
    String config =
        Files.readString(Path.of("fuseki-config/ruralkg.ttl"), StandardCharsets.UTF_8)
            .replace("tdb2:location \"data/store\"", "tdb2:location \"" + location + "\"")
            .replace("<file:data/store/text>", "<file:" + location + "/text>");
    assertTrue(
        config.contains("<file:" + location + "/text>"),
        "the test must point the config at its index");
    Path file = tmp.resolve("ruralkg.ttl");
    Files.writeString(file, config, StandardCharsets.UTF_8);
    FusekiServer stock =
        FusekiServer.create().port(freePort()).parseConfigFile(file.toString()).build().start();
    try {
      String url = "http://localhost:" + stock.getHttpPort() + "/ruralkg/query";
      assertTrue(
          get(url, query).contains("https://w3id.org/ruralkg/id/figure/000_08c3608711e2fccf/"));
      String labels =
          get(
              url,
              PREFIXES
                  + "SELECT DISTINCT ?u WHERE { ?u text:query (skos:prefLabel \"巧家县\") ; rkg:divisionCode \"530622\" }");
      assertEquals(
          1,
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(labels)
              .path("results")
              .path("bindings")
              .size(),
          labels);
    } finally {
      stock.stop();
    }
  }

  static String get(String endpoint, String query) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .header("Accept", "application/sparql-results+json")
            .GET()
            .build();
    HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, resp.statusCode(), resp.body());
    assertFalse(resp.body().isBlank());
    return resp.body();
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
