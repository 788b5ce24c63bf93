package org.w3id.ruralkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.server.Server;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.Store;

/** Builds the five seed pages into a fresh store, serves it, and asks real questions over HTTP. */
class EndToEndIT {
  @TempDir static Path tmp;
  static Path store;
  static DatasetGraph dsg;
  static FusekiServer server;
  static String endpoint;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void buildAndServe() throws Exception {
    store = tmp.resolve("store");
    BuildReport report = Pipeline.build(Path.of("seeds"), store, 2);
    assertEquals(5, report.loaded().size(), report.summary() + " " + report.failed());
    dsg = Store.openExisting(store);
    server = Server.start(dsg, freePort(), null);
    endpoint = "http://localhost:" + server.getHttpPort() + "/ruralkg/sparql";
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
    if (dsg != null) dsg.close();
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static List<Map<String, String>> select(String query) throws Exception {
    String body = "query=" + URLEncoder.encode(PREFIXES + query, StandardCharsets.UTF_8);
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(endpoint))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/sparql-results+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, resp.statusCode(), resp.body());
    JsonNode json = JSON.readTree(resp.body());
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode b : json.path("results").path("bindings")) {
      Map<String, String> row = new java.util.HashMap<>();
      b.properties().forEach(e -> row.put(e.getKey(), e.getValue().path("value").asText()));
      rows.add(row);
    }
    return rows;
  }

  static final String PREFIXES =
      """
      PREFIX rkg: <https://w3id.org/ruralkg/ont#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      PREFIX prov: <http://www.w3.org/ns/prov#>
      """;

  @Test
  void qiaojiaCountyHasItsCodeAndParent() throws Exception {
    var rows =
        select(
            "SELECT ?code ?parent WHERE { ?u skos:prefLabel \"巧家县\"@zh ; rkg:divisionCode ?code ; rkg:parent/skos:prefLabel ?parent }");
    assertEquals(1, rows.size(), rows.toString());
    assertEquals("530622", rows.get(0).get("code"));
    assertEquals("昭通市", rows.get(0).get("parent"));
  }

  @Test
  void workForReliefProgrammeIsAttachedToQiaojia() throws Exception {
    var rows =
        select(
            "SELECT DISTINCT ?f WHERE { ?f a rkg:ProgrammeImplementation ; rkg:programme/skos:prefLabel \"以工代赈\"@zh ; rkg:carriedOutIn/rkg:divisionCode \"530622\" }");
    assertFalse(rows.isEmpty());
  }

  @Test
  void wagesFigureIsNormalisedToYuan() throws Exception {
    var rows =
        select(
            "SELECT ?v ?unit WHERE { ?f a rkg:Figure ; rkg:quantityText \"8059.47万元\"@zh ; rkg:value ?v ; rkg:unitOfMeasure/skos:notation ?unit }");
    assertEquals(1, rows.size(), rows.toString());
    assertEquals(
        0,
        new java.math.BigDecimal("80594700")
            .compareTo(new java.math.BigDecimal(rows.get(0).get("v"))));
    assertEquals("CNY", rows.get(0).get("unit"));
  }

  @Test
  void everyFactTracesBackToASourceFileWithItsHash() throws Exception {
    var rows =
        select(
            "SELECT (COUNT(*) AS ?n) WHERE { ?f a rkg:Figure . FILTER NOT EXISTS { ?f prov:wasDerivedFrom/prov:wasDerivedFrom/rkg:sha256 ?h } }");
    assertEquals("0", rows.get(0).get("n"));
  }

  @Test
  void contractQueriesReturnExactlyTheContractColumns() {
    Map<String, String> header =
        Map.of(
            "admin-units", "unit,name,level,code,parentName,source",
            "party-orgs", "org,mention,kind,unitName,hostName,source",
            "programmes", "programme,label,unitName,source",
            "industries", "industry,label,unitName,source",
            "figures",
                "figure,quantity,value,valueMax,unit,qualifier,metric,counted,placeName,year,sentence,source");
    for (var e : header.entrySet()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      org.w3id.ruralkg.server.QueryApi.stream(
          dsg,
          new org.w3id.ruralkg.server.SavedQueries(Path.of("queries")).get(e.getKey()),
          Map.of(),
          org.w3id.ruralkg.server.QueryApi.Format.CSV,
          0,
          out);
      String csv = out.toString(StandardCharsets.UTF_8);
      String[] lines = csv.split("\r\n");
      assertEquals(e.getValue(), lines[0], e.getKey());
      assertTrue(lines.length > 1, e.getKey() + " returned no rows");
    }
  }

  @Test
  void graphStoreReadServesTheUnionOfArticleGraphs() throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(endpoint.replace("/sparql", "/get") + "?default"))
            .header("Accept", "application/n-triples")
            .GET()
            .build();
    HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, resp.statusCode());
    assertTrue(
        resp.body().contains("\"巧家县\"@zh"),
        "GET ?default must return the union of the article graphs");
  }

  @Test
  void updatesAreRefusedByDefault() throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(endpoint.replace("/sparql", "/update")))
            .header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString("DROP ALL"))
            .build();
    HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    assertTrue(resp.statusCode() >= 400, "update must be refused, got " + resp.statusCode());
    assertFalse(select("SELECT ?s WHERE { ?s a rkg:Figure } LIMIT 1").isEmpty());
  }

  @Test
  void stockFusekiServesTheSameStoreFromTheAssemblerFile() throws Exception {
    // stock Fuseki opens its own Lucene writer on the text index, which the store open here locks:
    // give it its own build
    Path stockStore = tmp.resolve("stock-store");
    Pipeline.build(Path.of("seeds"), stockStore, 2);
    String location = stockStore.toAbsolutePath().toString().replace("\\", "/");
    String config =
        Files.readString(Path.of("fuseki-config/ruralkg.ttl"), StandardCharsets.UTF_8)
            .replace("tdb2:location \"data/store\"", "tdb2:location \"" + location + "\"")
            .replace("<file:data/store/text>", "<file:" + location + "/text>");
    assertTrue(
        config.contains("\"" + location + "\"") && config.contains("<file:" + location + "/text>"),
        "the test must point the config at its store");
    Path file = tmp.resolve("ruralkg.ttl");
    Files.writeString(file, config, StandardCharsets.UTF_8);
    FusekiServer stock =
        FusekiServer.create().port(freePort()).parseConfigFile(file.toString()).build().start();
    try {
      String url =
          "http://localhost:"
              + stock.getHttpPort()
              + "/ruralkg/query?query="
              + URLEncoder.encode(
                  PREFIXES
                      + "SELECT ?code WHERE { ?u skos:prefLabel \"巧家县\"@zh ; rkg:divisionCode ?code }",
                  StandardCharsets.UTF_8);
      HttpResponse<String> resp =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/csv").GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, resp.statusCode(), resp.body());
      assertTrue(resp.body().contains("530622"), resp.body());
      // SERVICE is off: the stock server must not fetch a URL a query names (here itself)
      String service =
          "http://localhost:"
              + stock.getHttpPort()
              + "/ruralkg/query?query="
              + URLEncoder.encode(
                  "SELECT * { SERVICE <http://localhost:"
                      + stock.getHttpPort()
                      + "/ruralkg/sparql> { ?s ?p ?o } } LIMIT 1",
                  StandardCharsets.UTF_8);
      HttpResponse<String> refused =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(service))
                  .header("Accept", "text/csv")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(
          refused.statusCode() >= 400,
          "SERVICE must be refused: " + refused.statusCode() + " " + refused.body());
    } finally {
      stock.stop();
    }
  }

  @Test
  void theSeedsGraphConformsToTheShapes() {
    var validator = new org.w3id.ruralkg.rdf.StoreValidator();
    var report = validator.validate(dsg);
    assertFalse(
        org.w3id.ruralkg.rdf.StoreValidator.hasViolations(report),
        () -> validator.describe(report, 10));
  }

  @Test
  void theOntologyIsServedAsTurtleAndAsHtml() throws Exception {
    String base = "http://localhost:" + server.getHttpPort() + "/ont";
    HttpResponse<String> ttl =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base)).header("Accept", "text/turtle").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ttl.statusCode());
    assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    org.apache.jena.riot.RDFParser.fromString(ttl.body(), org.apache.jena.riot.Lang.TURTLE)
        .toGraph();
    HttpResponse<String> html =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base)).header("Accept", "text/html").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, html.statusCode());
    assertTrue(
        html.body().contains("Figure") && html.body().contains("数据"),
        "the HTML page lists terms with labels");
  }
}
