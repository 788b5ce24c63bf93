package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The saved-query API over HTTP on the seeds' graph: listing, formats, OpenAPI, errors, CORS, row
 * cap, injection.
 */
class QueryApiIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static FusekiServer server;
  static FusekiServer capped;
  static String api;

  @BeforeAll
  static void start() {
    server = SeedStore.server();
    capped =
        Server.start(
            SeedStore.dataset(),
            SeedStore.freePort(),
            null,
            new QueryGuard(30_000, 5),
            SeedStore.queries());
    api = "http://localhost:" + server.getHttpPort() + "/api";
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
    if (capped != null) capped.stop();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void listsEverySavedQueryWithItsParameters() throws Exception {
    var resp = SeedStore.get(api + "/queries");
    assertEquals(200, resp.statusCode());
    JsonNode list = JSON.readTree(resp.body());
    assertEquals(SeedStore.queries().names().size(), list.size());
    JsonNode top = null;
    for (JsonNode q : list) if (q.path("name").asText().equals("top-figures")) top = q;
    assertEquals("The largest figures of a metric", top.path("summary").asText());
    JsonNode limit = top.path("params").get(1);
    assertEquals("limit", limit.path("name").asText());
    assertEquals("integer", limit.path("type").asText());
    assertEquals("10", limit.path("default").asText());
    assertTrue(top.path("params").get(0).path("enum").toString().contains("income_increase"));
  }

  @Test
  void runsAQueryInEachFormat() throws Exception {
    String url = api + "/queries/totals-by-county?metric=wages";
    var json = SeedStore.get(url);
    assertEquals(200, json.statusCode(), json.body());
    assertTrue(
        json.headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/sparql-results+json"));
    assertEquals("false", json.headers().firstValue(QueryApiServlet.TRUNCATED_HEADER).orElse(""));
    JsonNode sparql = JSON.readTree(json.body());
    int n = sparql.path("results").path("bindings").size();
    assertTrue(n > 0);
    assertTrue(sparql.path("head").path("vars").toString().contains("countyName"));

    var rows = SeedStore.get(url + "&format=rows");
    assertTrue(rows.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode arr = JSON.readTree(rows.body());
    assertEquals(n, arr.size());
    assertTrue(arr.get(0).path("total").isNumber(), "numbers stay numbers: " + arr.get(0));
    assertEquals("wages", arr.get(0).path("metricCode").asText());

    var csv = SeedStore.get(url, "Accept", "text/csv");
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(
        csv.body()
            .startsWith("metricCode,unit,county,countyName,countyCode,year,total,figures\r\n"),
        csv.body());
    assertEquals(n + 1, csv.body().split("\r\n").length);

    var tsv = SeedStore.get(url + "&format=tsv");
    assertTrue(tsv.body().startsWith("?metricCode\t?unit"), tsv.body());
    assertTrue(tsv.body().contains("\"巧家县\"@zh"));

    var accept = SeedStore.get(url, "Accept", "application/json");
    assertTrue(JSON.readTree(accept.body()).isArray(), "Accept: application/json gives rows");
  }

  @Test
  void badInputGivesJsonErrors() throws Exception {
    assertError(SeedStore.get(api + "/queries/no-such-query"), 404, "unknown query");
    assertError(SeedStore.get(api + "/queries/top-figures?limit=ten"), 400, "not a valid integer");
    assertError(SeedStore.get(api + "/queries/top-figures?metric=salary"), 400, "is not one of");
    assertError(
        SeedStore.get(api + "/queries/top-figures?colour=red"), 400, "no parameter 'colour'");
    assertError(SeedStore.get(api + "/queries/top-figures?format=xml"), 400, "unknown format");
    assertError(SeedStore.get(api + "/queries/top-figures?limit=1&limit=2"), 400, "given 2 times");
    assertError(SeedStore.get(api + "/nothing"), 404, "no such API resource");
  }

  private static void assertError(HttpResponse<String> resp, int status, String fragment)
      throws Exception {
    assertEquals(status, resp.statusCode(), resp.body());
    assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    String error = JSON.readTree(resp.body()).path("error").asText();
    assertTrue(error.contains(fragment), error);
  }

  @Test
  void openApiHasOnePathPerQueryWithTypedParameters() throws Exception {
    var resp = SeedStore.get(api + "/openapi.json");
    assertEquals(200, resp.statusCode());
    JsonNode doc = JSON.readTree(resp.body());
    assertTrue(doc.path("openapi").asText().startsWith("3."));
    // on the default loopback base the server URL is relative to the document's own address
    assertEquals("/api", doc.path("servers").get(0).path("url").asText());
    assertEquals(SeedStore.queries().names().size() + 1, doc.path("paths").size());
    JsonNode get = doc.path("paths").path("/queries/top-figures").path("get");
    assertEquals("topFigures", get.path("operationId").asText());
    JsonNode limit = get.path("parameters").get(1);
    assertEquals("limit", limit.path("name").asText());
    assertEquals("integer", limit.path("schema").path("type").asText());
    assertEquals(10, limit.path("schema").path("default").asInt());
    // the query's first example call fills in its parameters' examples
    assertEquals("3", limit.path("example").asText());
    assertEquals("income_increase", get.path("parameters").get(0).path("example").asText());
    assertTrue(get.path("responses").path("200").path("content").has("text/csv"));
    assertTrue(
        doc.path("paths")
            .path("/queries/admin-units")
            .path("get")
            .path("tags")
            .toString()
            .contains("contract"));
  }

  @Test
  void corsIsOpenForReads() throws Exception {
    var resp =
        SeedStore.get(api + "/queries/orgs-by-kind", "Origin", "https://dashboard.example.org");
    assertEquals(200, resp.statusCode());
    String origin = resp.headers().firstValue("Access-Control-Allow-Origin").orElse("");
    assertTrue(origin.equals("*") || origin.equals("https://dashboard.example.org"), origin);
    assertEquals(
        1,
        resp.headers().allValues("Access-Control-Allow-Origin").size(),
        "one CORS header, not two");
    var sparql =
        SeedStore.get(
            "http://localhost:" + server.getHttpPort() + "/ruralkg/sparql?query=" + enc("ASK {}"),
            "Origin",
            "https://dashboard.example.org");
    assertFalse(
        sparql.headers().firstValue("Access-Control-Allow-Origin").orElse("").isEmpty(),
        "the SPARQL endpoint too");
  }

  @Test
  void theRowCapTruncatesAndSaysSo() throws Exception {
    var resp =
        SeedStore.get(
            "http://localhost:" + capped.getHttpPort() + "/api/queries/figures?format=rows");
    assertEquals(200, resp.statusCode());
    assertEquals("true", resp.headers().firstValue(QueryApiServlet.TRUNCATED_HEADER).orElse(""));
    assertEquals(5, JSON.readTree(resp.body()).size());
    var small =
        SeedStore.get(
            "http://localhost:" + capped.getHttpPort() + "/api/queries/sources?format=rows");
    assertEquals(
        "false",
        small.headers().firstValue(QueryApiServlet.TRUNCATED_HEADER).orElse(""),
        "5 sources fit in 5 rows");
  }

  @Test
  void parametersCannotInjectSparql() throws Exception {
    long before = SeedStore.size(SeedStore.dataset());
    String[] attacks = {
      "x\" } ; DROP ALL ; #",
      "<http://a> } DELETE WHERE {?s ?p ?o}",
      "530622\" . } DELETE WHERE { ?s ?p ?o } #"
    };
    for (String a : attacks) {
      var asString = SeedStore.get(api + "/queries/unit-figures?format=rows&code=" + enc(a));
      assertEquals(200, asString.statusCode(), asString.body());
      assertEquals(
          0, JSON.readTree(asString.body()).size(), "a string parameter is one literal: no match");
      var asLangString =
          SeedStore.get(
              api + "/queries/programme-figures-by-county?format=rows&programme=" + enc(a));
      assertEquals(200, asLangString.statusCode());
      assertEquals(0, JSON.readTree(asLangString.body()).size());
      assertEquals(400, SeedStore.get(api + "/queries/top-figures?limit=" + enc(a)).statusCode());
      assertEquals(
          400, SeedStore.get(api + "/queries/totals-by-county?metric=" + enc(a)).statusCode());
    }
    assertEquals(before, SeedStore.size(SeedStore.dataset()), "the store is unchanged");
    assertFalse(
        JSON.readTree(SeedStore.get(api + "/queries/unit-figures?format=rows").body()).isEmpty(),
        "and still answers");
  }
}
