package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * The endpoint describes itself (SPARQL 1.1 Service Description) and the editor and API docs pages
 * are served locally.
 */
class ServiceDescriptionIT {
  static FusekiServer server;
  static String base;

  @BeforeAll
  static void start() {
    server =
        Server.start(
            SeedStore.dataset(),
            ServerSettings.local(SeedStore.freePort()),
            null,
            QueryGuard.DEFAULT,
            SeedStore.queries(),
            CacheSettings.OFF);
    base = "http://localhost:" + server.getHttpPort();
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
  }

  static Node sd(String local) {
    return NodeFactory.createURI(Vocab.SD + local);
  }

  @Test
  void endpointWithoutAQueryDescribesItself() throws Exception {
    for (String e : new String[] {"/ruralkg/sparql", "/ruralkg/query"}) {
      HttpResponse<String> r = SeedStore.get(base + e, "Accept", "text/turtle");
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
      Graph g = RDFParser.fromString(r.body(), Lang.TURTLE).toGraph();
      Node endpoint = NodeFactory.createURI(base + e);
      Node service = g.find(Node.ANY, sd("endpoint"), endpoint).next().getSubject();
      assertTrue(g.contains(service, sd("supportedLanguage"), sd("SPARQL11Query")));
      assertTrue(
          g.contains(
              service,
              sd("resultFormat"),
              NodeFactory.createURI(Vocab.FORMATS + "SPARQL_Results_JSON")));
      Node dataset = NodeFactory.createURI(VoidDescription.DATASET_IRI);
      assertTrue(g.contains(service, sd("defaultDataset"), dataset));
      assertTrue(
          g.contains(
              dataset,
              org.apache.jena.graph.NodeFactory.createURI(VOID.NS + "sparqlEndpoint"),
              NodeFactory.createURI(base + "/ruralkg/sparql")));
      assertTrue(
          g.contains(
              dataset,
              org.apache.jena.vocabulary.RDFS.seeAlso.asNode(),
              NodeFactory.createURI(base + VoidServlet.PATH)));
    }
  }

  @Test
  void queriesStillRunAndOtherSyntaxesAreOffered() throws Exception {
    var r =
        SeedStore.get(
            base + "/ruralkg/sparql?query=ASK%7B%7D", "Accept", "application/sparql-results+json");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"boolean\""), r.body());
    var jsonld = SeedStore.get(base + "/ruralkg/sparql", "Accept", "application/ld+json");
    assertTrue(
        RDFParser.fromString(jsonld.body(), Lang.JSONLD)
            .toGraph()
            .contains(Node.ANY, sd("endpoint"), Node.ANY));
    var noAccept = SeedStore.get(base + "/ruralkg/sparql");
    assertTrue(noAccept.body().contains("sd:endpoint"), noAccept.body());
  }

  @Test
  void editorAndApiDocsAreServedLocally() throws Exception {
    var page = SeedStore.get(base + "/editor/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("vendor/yasgui.min.js"));
    assertEquals(200, SeedStore.get(base + "/editor/vendor/yasgui.min.js").statusCode());
    var ex = SeedStore.get(base + "/editor/examples.json");
    assertTrue(
        ex.body().contains("\"name\":\"admin-units\"")
            && ex.body().contains("\"rkg\":\"" + Vocab.ONT + "\""),
        ex.body());
    assertEquals(200, SeedStore.get(base + "/api/docs/").statusCode());
    assertEquals(200, SeedStore.get(base + "/api/docs/swagger-ui-bundle.js").statusCode());
    int traversal = SeedStore.get(base + "/editor/..%2Fdashboard%2Findex.html").statusCode();
    assertTrue(
        traversal == 400 || traversal == 404, "a path outside /editor/ is refused: " + traversal);
    // a browser on the endpoint lands in the editor
    var browser = SeedStore.get(base + "/ruralkg/sparql", "Accept", "text/html");
    assertEquals(302, browser.statusCode());
    assertTrue(browser.headers().firstValue("Location").orElse("").endsWith("/editor"));
  }
}
