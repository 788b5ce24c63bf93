package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's response cache over HTTP: identical bytes cached or not, hit header, ETag and 304,
 * paging, warming, writes seen at once.
 */
class QueryCacheIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static FusekiServer cached;
  static FusekiServer uncached;
  static String api;
  static String plain;

  @BeforeAll
  static void start() {
    cached =
        Server.start(
            SeedStore.dataset(),
            SeedStore.freePort(),
            null,
            QueryGuard.DEFAULT,
            SeedStore.queries(),
            CacheSettings.DEFAULT);
    uncached =
        Server.start(
            SeedStore.dataset(),
            SeedStore.freePort(),
            null,
            QueryGuard.DEFAULT,
            SeedStore.queries(),
            CacheSettings.OFF);
    api = "http://localhost:" + cached.getHttpPort() + "/api/queries/";
    plain = "http://localhost:" + uncached.getHttpPort() + "/api/queries/";
  }

  @AfterAll
  static void stop() {
    if (cached != null) cached.stop();
    if (uncached != null) uncached.stop();
  }

  static HttpResponse<byte[]> get(String url, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return SeedStore.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse("");
  }

  @Test
  void aSecondRequestComesFromTheCacheWithTheSameBytesAsAnUncachedServer() throws Exception {
    for (String q :
        new String[] {
          "industries?format=json",
          "party-orgs?format=csv",
          "totals-by-county?metric=wages&format=rows",
          "top-figures?limit=3&format=tsv"
        }) {
      var first = get(api + q);
      var second = get(api + q);
      var reference = get(plain + q);
      assertEquals(200, first.statusCode(), q);
      assertEquals("miss", header(first, QueryApiServlet.CACHE_HEADER), q);
      assertEquals("hit", header(second, QueryApiServlet.CACHE_HEADER), q);
      assertEquals(
          "miss", header(get(plain + q), QueryApiServlet.CACHE_HEADER), "no cache, no hit: " + q);
      assertArrayEquals(reference.body(), first.body(), q);
      assertArrayEquals(reference.body(), second.body(), q);
      assertEquals(header(reference, "ETag"), header(second, "ETag"), q);
      assertEquals(header(first, "Content-Type"), header(second, "Content-Type"), q);
      assertTrue(
          header(second, "Cache-Control").contains("max-age"), "read-only: clients may keep it");
    }
  }

  @Test
  void ifNoneMatchWithTheCurrentEtagIsANotModified() throws Exception {
    var full = get(api + "programmes?format=json");
    String etag = header(full, "ETag");
    assertTrue(etag.startsWith("\""), etag);
    var again = get(api + "programmes?format=json", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(etag, header(again, "ETag"));
    assertEquals(
        200, get(api + "programmes?format=json", "If-None-Match", "\"stale\"").statusCode());
    var csv = get(api + "programmes?format=csv", "If-None-Match", etag);
    assertEquals(200, csv.statusCode(), "another format is another entity");
  }

  @Test
  void clientsThatAcceptGzipGetTheSameBytesCompressedWithTheirOwnEtag() throws Exception {
    String url = api + "figures?format=json";
    var plainBody = get(url);
    var gz = get(url, "Accept-Encoding", "gzip, deflate");
    assertEquals(200, gz.statusCode());
    assertEquals("gzip", header(gz, "Content-Encoding"));
    assertTrue(
        gz.body().length * 3 < plainBody.body().length,
        "compressed " + gz.body().length + " of " + plainBody.body().length);
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
      assertArrayEquals(plainBody.body(), in.readAllBytes());
    }
    assertEquals("", header(plainBody, "Content-Encoding"), "no gzip unless asked");
    assertFalse(
        header(gz, "ETag").equals(header(plainBody, "ETag")),
        "another representation, another strong ETag");
    assertEquals(
        304, get(url, "Accept-Encoding", "gzip", "If-None-Match", header(gz, "ETag")).statusCode());
    assertEquals("", header(get(url, "Accept-Encoding", "gzip;q=0"), "Content-Encoding"));
    assertTrue(Conneg.acceptsGzip("br, gzip;q=0.5"));
    assertFalse(Conneg.acceptsGzip("identity"));
    assertFalse(Conneg.acceptsGzip("gzip; q=0.0"));
  }

  @Test
  void limitAndOffsetPageTheRowsInTheQueryOrder() throws Exception {
    JsonNode all = JSON.readTree(get(api + "admin-units?format=rows").body());
    assertTrue(all.size() > 12, "the seeds mention more than 12 units: " + all.size());
    JsonNode p1 = JSON.readTree(get(api + "admin-units?format=rows&limit=5").body());
    JsonNode p2 = JSON.readTree(get(api + "admin-units?format=rows&limit=5&offset=5").body());
    JsonNode tail =
        JSON.readTree(get(api + "admin-units?format=rows&offset=" + (all.size() - 2)).body());
    assertEquals(5, p1.size());
    assertEquals(5, p2.size());
    for (int i = 0; i < 5; i++) {
      assertEquals(all.get(i), p1.get(i));
      assertEquals(all.get(5 + i), p2.get(i));
    }
    assertEquals(2, tail.size());
    assertEquals(all.get(all.size() - 1), tail.get(1));
    assertEquals(
        0, JSON.readTree(get(api + "admin-units?format=rows&offset=100000").body()).size());
    assertEquals(400, get(api + "admin-units?limit=-3").statusCode());
    assertEquals(400, get(api + "admin-units?offset=x").statusCode());
    // top-figures declares its own limit (ranks per unit of measure): that one is the query's
    JsonNode top = JSON.readTree(get(api + "top-figures?format=rows&limit=1").body());
    assertTrue(top.size() >= 1);
    for (JsonNode r : top) assertEquals(1, r.path("rank").asInt(), r.toString());
  }

  @Test
  void pagesUnderTheCapAreNotMarkedTruncated() throws Exception {
    FusekiServer capped =
        Server.start(
            SeedStore.dataset(),
            SeedStore.freePort(),
            null,
            new QueryGuard(30_000, 4),
            SeedStore.queries(),
            CacheSettings.DEFAULT);
    try {
      String base = "http://localhost:" + capped.getHttpPort() + "/api/queries/";
      var cut = get(base + "admin-units?format=rows");
      assertEquals("true", header(cut, QueryApiServlet.TRUNCATED_HEADER));
      assertEquals(4, JSON.readTree(cut.body()).size());
      var page = get(base + "admin-units?format=rows&limit=3&offset=2");
      assertEquals("false", header(page, QueryApiServlet.TRUNCATED_HEADER));
      assertEquals(3, JSON.readTree(page.body()).size());
      var big = get(base + "admin-units?format=rows&limit=50&offset=2");
      assertEquals(
          "true", header(big, QueryApiServlet.TRUNCATED_HEADER), "asked for 50, the cap gave 4");
    } finally {
      capped.stop();
    }
  }

  @Test
  void openApiDocumentsPagingAndTheCacheHeaders() throws Exception {
    JsonNode doc =
        JSON.readTree(get("http://localhost:" + cached.getHttpPort() + "/api/openapi.json").body());
    JsonNode params = doc.path("paths").path("/queries/admin-units").path("get").path("parameters");
    assertTrue(params.toString().contains("\"offset\""), params.toString());
    assertTrue(params.toString().contains("\"limit\""), params.toString());
    JsonNode headers =
        doc.path("paths")
            .path("/queries/admin-units")
            .path("get")
            .path("responses")
            .path("200")
            .path("headers");
    assertTrue(
        headers.has("ETag") && headers.has(QueryApiServlet.CACHE_HEADER), headers.toString());
    assertTrue(
        doc.path("paths").path("/queries/admin-units").path("get").path("responses").has("304"));
  }

  @Test
  void warmingFillsTheCacheForQueriesWithoutArguments() {
    ResponseCache cache = new ResponseCache(64L << 20);
    QueryResponder r =
        new QueryResponder(
            new QueryApi(SeedStore.dataset(), SeedStore.queries(), QueryGuard.DEFAULT), cache);
    int warmed = r.warm();
    long needArgs =
        SeedStore.queries().names().stream()
            .filter(
                n ->
                    SeedStore.queries().get(n).params().values().stream()
                        .anyMatch(p -> p.defaultValue() == null))
            .count();
    assertEquals(SeedStore.queries().names().size() - needArgs, warmed);
    assertEquals(2 * warmed, cache.size(), "json and rows of each");
    var a = r.answer("figures", java.util.Map.of(), QueryApi.Page.ALL, QueryApi.Format.JSON);
    assertTrue(a.hit());
    assertFalse(
        r.answer("figures", java.util.Map.of(), QueryApi.Page.ALL, QueryApi.Format.CSV).hit());
  }

  @Test
  void withUpdatesOnAWriteIsVisibleRightAfterIt(@TempDir Path queries) throws Exception {
    Files.writeString(
        queries.resolve("things.rq"),
        "#+ summary: test things\nSELECT ?s ?o WHERE { ?s <urn:test:p> ?o } ORDER BY ?s\n");
    DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
    dsg.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
    FusekiServer server =
        Server.start(
            dsg,
            SeedStore.freePort(),
            "s3cret-pw",
            QueryGuard.DEFAULT,
            new SavedQueries(queries),
            CacheSettings.DEFAULT);
    try {
      String base = "http://localhost:" + server.getHttpPort();
      String url = base + "/api/queries/things?format=rows";
      assertEquals(0, JSON.readTree(get(url).body()).size());
      var hit = get(url);
      assertEquals("hit", header(hit, QueryApiServlet.CACHE_HEADER));
      assertEquals("no-cache", header(hit, "Cache-Control"), "with updates on, clients revalidate");
      String etag = header(hit, "ETag");
      for (int i = 1; i <= 3; i++) {
        String insert =
            "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s"
                + i
                + "> <urn:test:p> \"o"
                + i
                + "\" } }";
        int st =
            UpdateSecurityIT.send(
                    base + "/ruralkg/update",
                    "POST",
                    "application/sparql-update",
                    insert,
                    "admin",
                    "s3cret-pw")
                .statusCode();
        assertTrue(st == 200 || st == 204, "status " + st);
        var after = get(url);
        assertEquals(i, JSON.readTree(after.body()).size(), "write " + i + " visible at once");
        assertEquals("miss", header(after, QueryApiServlet.CACHE_HEADER));
        assertEquals(
            200, get(url, "If-None-Match", etag).statusCode(), "the old ETag no longer matches");
        etag = header(after, "ETag");
      }
      int put =
          UpdateSecurityIT.send(
                  base + "/ruralkg/data?graph=urn:test:h",
                  "PUT",
                  "text/turtle",
                  "<urn:test:z> <urn:test:p> \"z\" .",
                  "admin",
                  "s3cret-pw")
              .statusCode();
      assertTrue(put == 200 || put == 201 || put == 204, "status " + put);
      assertEquals(4, JSON.readTree(get(url).body()).size(), "a Graph Store write is seen too");
    } finally {
      server.stop();
      dsg.close();
    }
  }
}
