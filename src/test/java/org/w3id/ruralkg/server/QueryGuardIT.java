package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runaway cross product is stopped by a 2 s timeout, on the SPARQL endpoint and the API, while a
 * simple query still answers promptly.
 */
class QueryGuardIT {
  static final String RUNAWAY = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
  @TempDir static Path queriesDir;
  static FusekiServer server;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(
        queriesDir.resolve("runaway.rq"),
        "#+ summary: a cross product that never ends\nSELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n");
    Files.writeString(
        queriesDir.resolve("runaway-rows.rq"),
        "#+ summary: a cross product, streamed\n" + RUNAWAY + "\n");
    Files.copy(Path.of("queries/sources.rq"), queriesDir.resolve("sources.rq"));
    server =
        Server.start(
            SeedStore.dataset(),
            SeedStore.freePort(),
            null,
            new QueryGuard(2_000, 10_000),
            new SavedQueries(queriesDir));
    base = "http://localhost:" + server.getHttpPort();
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
  }

  static HttpResponse<String> sparql(String query) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + "/ruralkg/sparql"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/sparql-results+json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .build();
    return SeedStore.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theEndpointStopsARunawayAggregateWithinTheTimeout() throws Exception {
    long t0 = System.nanoTime();
    CompletableFuture<HttpResponse<String>> runaway =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return sparql("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    Thread.sleep(300);
    long s0 = System.nanoTime();
    var simple =
        sparql(
            "SELECT ?code { ?u <http://www.w3.org/2004/02/skos/core#prefLabel> \"巧家县\"@zh ; <https://w3id.org/ruralkg/ont#divisionCode> ?code }");
    long simpleMillis = (System.nanoTime() - s0) / 1_000_000;
    assertEquals(200, simple.statusCode());
    assertTrue(simple.body().contains("530622"));
    assertTrue(
        simpleMillis < 1_500,
        "a simple query answers while the runaway runs: " + simpleMillis + " ms");
    var resp = runaway.get();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(503, resp.statusCode(), resp.body());
    assertTrue(millis < 10_000, "stopped after " + millis + " ms");
  }

  @Test
  void theEndpointCutsOffAStreamedRunaway() throws Exception {
    long t0 = System.nanoTime();
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(
                    base
                        + "/ruralkg/sparql?query="
                        + URLEncoder.encode(RUNAWAY, StandardCharsets.UTF_8)))
            .header("Accept", "text/tab-separated-values")
            .GET()
            .build();
    long bytes;
    boolean failed = false;
    try {
      HttpResponse<java.io.InputStream> resp =
          SeedStore.HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
      try (var in = resp.body()) {
        bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      failed = resp.statusCode() != 200;
    } catch (java.io.IOException e) {
      failed = true; // the server aborted the response mid-stream
      bytes = -1;
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(millis < 20_000, "the stream ends: " + millis + " ms, " + bytes + " bytes");
    assertTrue(
        failed || bytes < 25_000L * 25_000 * 10,
        "the result is cut off long before the full cross product");
  }

  @Test
  void theApiAnswers503ForARunawayAndCapsAStreamedOne() throws Exception {
    long t0 = System.nanoTime();
    var resp = SeedStore.get(base + "/api/queries/runaway");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(503, resp.statusCode(), resp.body());
    assertTrue(resp.body().contains("did not finish within 2.0 s"), resp.body());
    assertTrue(millis < 10_000, millis + " ms");
    var rows = SeedStore.get(base + "/api/queries/runaway-rows?format=rows");
    assertEquals(200, rows.statusCode());
    assertEquals("true", rows.headers().firstValue(QueryApiServlet.TRUNCATED_HEADER).orElse(""));
    var ok = SeedStore.get(base + "/api/queries/sources?format=rows");
    assertEquals(200, ok.statusCode());
  }
}
