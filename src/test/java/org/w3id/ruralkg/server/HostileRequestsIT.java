package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * One test per finding of the security review: each request here hung, leaked, exhausted or
 * misbehaved the server before. The shared server has a 3 s timeout, small sort and graph caps and
 * three query permits, so every bound is reached in seconds.
 */
class HostileRequestsIT {
  static final String ASK = "ASK { ?s ?p ?o }";
  static FusekiServer server;
  static String base;

  @BeforeAll
  static void start() {
    QueryGuard guard = new QueryGuard(3_000, 10_000).withCaps(20_000, 1_000);
    server =
        Server.start(
            SeedStore.dataset(),
            ServerSettings.local(SeedStore.freePort()).withMaxConcurrent(3),
            null,
            guard,
            SeedStore.queries(),
            CacheSettings.OFF);
    base = "http://localhost:" + server.getHttpPort();
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
  }

  static HttpResponse<String> sparql(String root, String query, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(root + "/ruralkg/sparql"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/sparql-results+json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return SeedStore.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  static void assertNoInternals(HttpResponse<String> r) {
    String b = r.body().toLowerCase(java.util.Locale.ROOT);
    for (String s : new String[] {"java.", "exception", "heap", "stackoverflow", "executor"})
      assertFalse(b.contains(s), "'" + s + "' in: " + r.body());
  }

  /** A tiny HTTP server that counts every contact and answers as {@code handler} says. */
  static HttpServer spy(AtomicInteger hits, Map<String, String> paths) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext(
        "/",
        ex -> {
          hits.incrementAndGet();
          String body = paths.get(ex.getRequestURI().getPath());
          if (body != null && body.startsWith("redirect:")) {
            ex.getResponseHeaders().add("Location", body.substring(9));
            ex.sendResponseHeaders(302, -1);
          } else if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
          } else {
            ex.sendResponseHeaders(404, -1);
          }
          ex.close();
        });
    s.start();
    return s;
  }

  // 1. a self-referencing SERVICE chain
  @Test
  void selfReferencingServiceIsRefusedFastAndAskStillAnswers() throws Exception {
    String inner = "?s ?p ?o";
    for (int i = 0; i < 25; i++)
      inner = "SERVICE <" + base + "/ruralkg/sparql> { SELECT * { " + inner + " } LIMIT 1 }";
    long t0 = System.nanoTime();
    var r = sparql(base, "SELECT * { " + inner + " }");
    assertEquals(422, r.statusCode(), r.body());
    assertTrue(millis(t0) < 2_000, millis(t0) + " ms");
    assertEquals(200, sparql(base, ASK).statusCode());
    assertEquals(200, SeedStore.get(base + "/").statusCode());
  }

  // 2. SSRF: SERVICE to any URL
  @Test
  void serviceToAnUnlistedUrlIsRefusedWithoutAnyConnection() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer spy = spy(hits, Map.of());
    try {
      String url = "http://127.0.0.1:" + spy.getAddress().getPort() + "/anything";
      var r = sparql(base, "SELECT * { SERVICE <" + url + "> { ?s ?p ?o } }");
      var silent = sparql(base, "SELECT * { SERVICE SILENT <" + url + "> { ?s ?p ?o } }");
      assertEquals(422, r.statusCode(), r.body());
      assertEquals(422, silent.statusCode(), silent.body());
      assertEquals(0, hits.get(), "no connection made");
    } finally {
      spy.stop(0);
    }
  }

  @Test
  void theFederationAllowListIsHonouredWithoutRedirectsOrNesting() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    String results =
        "{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"x\":{\"type\":\"literal\",\"value\":\"from-peer\"}}]}}";
    Map<String, String> paths = new ConcurrentHashMap<>();
    HttpServer spy = spy(hits, paths);
    String peer = "http://127.0.0.1:" + spy.getAddress().getPort();
    paths.put("/allowed/sparql", results);
    paths.put("/allowed/moved", "redirect:" + peer + "/elsewhere/sparql");
    paths.put("/elsewhere/sparql", results);
    FusekiServer fed =
        Server.start(
            SeedStore.dataset(),
            ServerSettings.local(SeedStore.freePort()).withFederation(List.of(peer + "/allowed/")),
            null,
            new QueryGuard(3_000, 10_000),
            SeedStore.queries(),
            CacheSettings.OFF);
    try {
      String root = "http://localhost:" + fed.getHttpPort();
      var ok = sparql(root, "SELECT ?x { SERVICE <" + peer + "/allowed/sparql> { ?s ?p ?x } }");
      assertEquals(200, ok.statusCode(), ok.body());
      assertTrue(ok.body().contains("from-peer"), ok.body());
      assertEquals(1, hits.get());
      var other =
          sparql(root, "SELECT ?x { SERVICE <" + peer + "/elsewhere/sparql> { ?s ?p ?x } }");
      assertEquals(422, other.statusCode(), other.body());
      var lookalike =
          sparql(root, "SELECT ?x { SERVICE <" + peer + "/allowed-not/sparql> { ?s ?p ?x } }");
      assertEquals(422, lookalike.statusCode(), lookalike.body());
      assertEquals(1, hits.get(), "unlisted URLs are never contacted");
      var moved = sparql(root, "SELECT ?x { SERVICE <" + peer + "/allowed/moved> { ?s ?p ?x } }");
      assertEquals(502, moved.statusCode(), moved.body());
      assertEquals(2, hits.get(), "the redirect is not followed");
      var nested =
          sparql(
              root,
              "SELECT ?x { SERVICE <" + peer + "/allowed/sparql> { ?s ?p ?x } }",
              Federation.DEPTH_HEADER,
              "1");
      assertEquals(
          422,
          nested.statusCode(),
          "a query from a federation call may not federate again: " + nested.body());
      assertEquals(2, hits.get());
    } finally {
      fed.stop();
      spy.stop(0);
    }
  }

  @Test
  void aServerThatMayCallItselfStopsAfterOneHop() throws Exception {
    int port = SeedStore.freePort();
    String self = "http://localhost:" + port + "/ruralkg/";
    FusekiServer loop =
        Server.start(
            SeedStore.dataset(),
            ServerSettings.local(port).withFederation(List.of(self)),
            null,
            new QueryGuard(3_000, 10_000),
            SeedStore.queries(),
            CacheSettings.OFF);
    try {
      String root = "http://localhost:" + port;
      var one =
          sparql(
              root, "SELECT * { SERVICE <" + self + "sparql> { SELECT * { ?s ?p ?o } LIMIT 1 } }");
      assertEquals(200, one.statusCode(), "one hop is allowed: " + one.body());
      String inner = "?s ?p ?o";
      for (int i = 0; i < 25; i++)
        inner = "SERVICE <" + self + "sparql> { SELECT * { " + inner + " } LIMIT 1 }";
      long t0 = System.nanoTime();
      var r = sparql(root, "SELECT * { " + inner + " }");
      assertTrue(r.statusCode() >= 400, r.statusCode() + " " + r.body());
      assertTrue(millis(t0) < 3_000, millis(t0) + " ms");
      assertEquals(200, sparql(root, ASK).statusCode());
    } finally {
      loop.stop();
    }
  }

  // 3. memory: GROUP_CONCAT and ORDER BY of a cross product, whole-graph reads
  @Test
  void aGroupConcatOfACrossProductGets503QuicklyAndTheServerLives() throws Exception {
    long t0 = System.nanoTime();
    var r = sparql(base, "SELECT (GROUP_CONCAT(?c) AS ?x) { ?a ?b ?c . ?d ?e ?f }");
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(millis(t0) < 8_000, millis(t0) + " ms");
    assertNoInternals(r);
    assertEquals(200, sparql(base, ASK).statusCode());
  }

  @Test
  void anOrderByOfACrossProductIsBounded() throws Exception {
    long t0 = System.nanoTime();
    var r = sparql(base, "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f");
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(millis(t0) < 8_000, millis(t0) + " ms");
    assertNoInternals(r);
    var small = sparql(base, "SELECT ?c { ?a ?b ?c } ORDER BY ?c LIMIT 3");
    assertEquals(
        200,
        small.statusCode(),
        "a sort within the cap still runs, again and again: " + small.body());
    assertEquals(
        200,
        sparql(base, "SELECT ?t (COUNT(*) AS ?n) { ?a a ?t } GROUP BY ?t ORDER BY DESC(?n)")
            .statusCode());
  }

  @Test
  void aGraphStoreReadOfTheWholeStoreIsRefused() throws Exception {
    var r = SeedStore.get(base + "/ruralkg/get?default", "Accept", "text/turtle");
    assertEquals(503, r.statusCode());
    assertTrue(r.body().contains("too large"), r.body());
    assertEquals(
        503, SeedStore.get(base + "/ruralkg?default", "Accept", "text/turtle").statusCode());
  }

  // 4. catastrophic backtracking
  @Test
  void aCatastrophicRegexStopsWithinTheTimeout() throws Exception {
    String as = "a".repeat(34) + "b";
    long t0 = System.nanoTime();
    var r =
        sparql(base, "SELECT * { VALUES ?s { \"" + as + "\" } FILTER REGEX(?s, \"^(.*a){14}$\") }");
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(millis(t0) < 8_000, millis(t0) + " ms");
    var ok = sparql(base, "SELECT * { VALUES ?s { \"abc\" } FILTER REGEX(?s, \"^A\", \"i\") }");
    assertEquals(200, ok.statusCode());
    assertTrue(ok.body().contains("abc"), ok.body());
  }

  // 5. worker-pool exhaustion
  @Test
  void excessConcurrentSlowQueriesGet503QuicklyAndAskAnswers() throws Exception {
    HttpClient client = HttpClient.newBuilder().build();
    String slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    List<CompletableFuture<long[]>> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      HttpRequest req =
          HttpRequest.newBuilder(
                  URI.create(
                      base
                          + "/ruralkg/sparql?query="
                          + URLEncoder.encode(slow, StandardCharsets.UTF_8)))
              .GET()
              .build();
      long t0 = System.nanoTime();
      all.add(
          client
              .sendAsync(req, HttpResponse.BodyHandlers.ofString())
              .thenApply(r -> new long[] {r.statusCode(), millis(t0)}));
    }
    Thread.sleep(500);
    long a0 = System.nanoTime();
    var ask = sparql(base, ASK);
    long askMillis = millis(a0);
    int refusedFast = 0;
    int answered = 0;
    for (var f : all) {
      long[] r = f.get();
      answered++;
      if (r[0] == 503 && r[1] < 3_000) refusedFast++;
    }
    assertEquals(40, answered, "every request gets an HTTP answer");
    assertTrue(refusedFast >= 30, refusedFast + " of 40 refused within 3 s");
    assertEquals(200, ask.statusCode());
    assertTrue(askMillis < 2_000, "ASK under load took " + askMillis + " ms");
  }

  // 6. passwords as data, blank refused, failures throttled
  static int write(String root, String user, String password) throws Exception {
    return UpdateSecurityIT.send(
            root + "/ruralkg/update",
            "POST",
            "application/sparql-update",
            UpdateSecurityIT.INSERT,
            user,
            password)
        .statusCode();
  }

  @Test
  void aPasswordMatchesExactlyWhateverItsCharacters() throws Exception {
    String[][] cases = {
      {"Correct,Horse", "Correct", "Correct,Horse "},
      {"back\\slash", "backslash", "back\\\\slash"},
      {" ,x", "", " "}
    };
    for (String[] c : cases) {
      DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
      FusekiServer s = Server.start(dsg, SeedStore.freePort(), c[0]);
      try {
        String root = "http://localhost:" + s.getHttpPort();
        assertEquals(401, write(root, "admin", c[1]), "'" + c[1] + "' for '" + c[0] + "'");
        assertEquals(401, write(root, "admin", c[2]), "'" + c[2] + "' for '" + c[0] + "'");
        int ok = write(root, "admin", c[0]);
        assertTrue(ok == 200 || ok == 204, "the exact password '" + c[0] + "': " + ok);
      } finally {
        s.stop();
        dsg.close();
      }
    }
  }

  @Test
  void aBlankPasswordIsRefusedAtStartup() {
    assertThrows(
        RuralKgException.class,
        () -> Server.start(DatabaseMgr.createDatasetGraph(), SeedStore.freePort(), "   "));
    assertThrows(
        RuralKgException.class,
        () -> Server.start(DatabaseMgr.createDatasetGraph(), SeedStore.freePort(), ""));
  }

  @Test
  void repeatedFailuresAreThrottled() throws Exception {
    DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
    FusekiServer s = Server.start(dsg, SeedStore.freePort(), "s3cret-pw");
    try {
      String root = "http://localhost:" + s.getHttpPort();
      for (int i = 0; i < AdminAuthFilter.MAX_FAILURES; i++)
        assertEquals(401, write(root, "admin", "guess" + i));
      assertEquals(429, write(root, "admin", "guess-more"));
      assertEquals(
          429, write(root, "admin", "s3cret-pw"), "even the right password waits out the minute");
      assertEquals(0, UpdateSecurityIT.quads(dsg));
    } finally {
      s.stop();
      dsg.close();
    }
  }

  // 7. CORS on writes
  @Test
  void corsNeverOpensWritesNorSendsCredentials() throws Exception {
    DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
    FusekiServer s = Server.start(dsg, SeedStore.freePort(), "s3cret-pw");
    try {
      String root = "http://localhost:" + s.getHttpPort();
      HttpClient c = HttpClient.newHttpClient();
      var post =
          c.send(
              HttpRequest.newBuilder(URI.create(root + "/ruralkg/update"))
                  .header("Origin", "http://evil.example")
                  .header("Content-Type", "application/sparql-update")
                  .POST(HttpRequest.BodyPublishers.ofString(UpdateSecurityIT.INSERT))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(
          post.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
          post.headers().toString());
      assertTrue(post.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
      var preflight =
          c.send(
              HttpRequest.newBuilder(URI.create(root + "/ruralkg/update"))
                  .header("Origin", "http://evil.example")
                  .header("Access-Control-Request-Method", "POST")
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(
          preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
          preflight.headers().toString());
      var read =
          SeedStore.get(
              root + "/ruralkg/sparql?query=" + URLEncoder.encode(ASK, StandardCharsets.UTF_8),
              "Origin",
              "http://evil.example");
      assertEquals(
          "*",
          read.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
          "reads stay open");
      assertTrue(read.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
    } finally {
      s.stop();
      dsg.close();
    }
  }

  // 8. smaller findings
  @Test
  void aBareSemicolonAcceptIsNotAServerError() throws Exception {
    var r = SeedStore.get(base + "/api/queries/sources", "Accept", ";");
    assertTrue(r.statusCode() == 200 || r.statusCode() == 406, r.statusCode() + " " + r.body());
    var enc = SeedStore.get(base + "/api/queries/sources", "Accept", ";", "Accept-Encoding", ";");
    assertTrue(
        enc.statusCode() == 200 || enc.statusCode() == 406, enc.statusCode() + " " + enc.body());
    var sparql =
        SeedStore.get(
            base + "/ruralkg/sparql?query=" + URLEncoder.encode(ASK, StandardCharsets.UTF_8),
            "Accept",
            ";");
    assertTrue(sparql.statusCode() < 500, sparql.statusCode() + " " + sparql.body());
  }

  @Test
  void aNegativeLimitParameterIsRefused() throws Exception {
    var r = SeedStore.get(base + "/api/queries/top-figures?limit=-1");
    assertEquals(400, r.statusCode(), r.body());
  }

  @Test
  void errorBodiesCarryNoJavaInternals() throws Exception {
    String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
    var r = sparql(base, "SELECT * { FILTER(" + deep + ") }");
    assertTrue(r.statusCode() >= 400, r.statusCode() + "");
    assertNoInternals(r);
    try {
      var huge = sparql(base, "SELECT * { ?s ?p \"" + "x".repeat(2 << 20) + "\" }");
      assertEquals(413, huge.statusCode());
    } catch (java.io.IOException closed) {
      // the server answered 413 and closed the connection while the client still sent the 2 MB
      // body: the client sees the close, which is the same refusal (the ASK below shows it lives)
    }
    HttpResponse<String> ask;
    try {
      ask = sparql(base, ASK);
    } catch (java.io.IOException staleConnection) {
      ask = sparql(base, ASK); // the client's pooled connection was the one the server closed
    }
    assertEquals(200, ask.statusCode());
  }

  @Test
  void htmlCarriesSecurityHeaders() throws Exception {
    var r = SeedStore.get(base + "/");
    assertEquals(200, r.statusCode());
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), csp);
    assertFalse(r.body().contains("<script>"), "no inline script the policy would block");
  }

  static String raw(int port, String path, String host) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theHostHeaderIsNotEchoed() throws Exception {
    String voidDoc = raw(server.getHttpPort(), VoidServlet.PATH, "evil.example");
    assertTrue(voidDoc.startsWith("HTTP/1.1 200"), voidDoc.lines().findFirst().orElse(""));
    assertFalse(voidDoc.contains("evil.example"), "VoID names the configured base");
    assertTrue(voidDoc.contains("http://localhost:" + server.getHttpPort() + "/ruralkg/sparql"));
    String openapi = raw(server.getHttpPort(), "/api/openapi.json", "evil.example");
    assertTrue(openapi.startsWith("HTTP/1.1 200"));
    assertFalse(openapi.contains("evil.example"));
  }

  @Test
  void theServerListensOnLoopbackByDefault() {
    var c = (org.eclipse.jetty.server.ServerConnector) server.getJettyServer().getConnectors()[0];
    assertEquals("127.0.0.1", c.getHost());
  }
}
