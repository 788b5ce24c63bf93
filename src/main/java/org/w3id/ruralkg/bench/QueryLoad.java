package org.w3id.ruralkg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.server.SavedQueries;
import org.w3id.ruralkg.server.SavedQuery;

/**
 * Measures the latency of saved queries over HTTP: needs a server on the loopback interface; adds
 * latency percentiles per query and number of concurrent clients, either of the saved-query API as
 * dashboards call it ({@code GET /api/queries/NAME?format=json}) or of the SPARQL endpoint (the
 * query text POSTed). Each client sends a bounded number of requests one after another, and stops
 * early at a time limit, so a run always ends. Stateless apart from its settings; thread-safe.
 */
final class QueryLoad {
  /** Latencies of one query at one concurrency. */
  record Cell(
      String query,
      int clients,
      int requests,
      int errors,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double maxMs,
      double perSecond,
      int rows) {}

  /**
   * The first request for a query after the server started (nothing cached yet): its latency, or
   * NaN when it failed.
   */
  record Cold(String query, double ms, int status, int rows, String cache) {}

  /** Where the requests go. */
  enum Target {
    API,
    SPARQL
  }

  private final String base;
  private final Target target;
  private final int requestsPerClient;
  private final Duration cellLimit;
  private final Duration requestTimeout;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * {@code base}: the server root for the API (http://localhost:PORT), the endpoint URL for SPARQL.
   */
  QueryLoad(
      String base,
      Target target,
      int requestsPerClient,
      Duration cellLimit,
      Duration requestTimeout) {
    if (!base.startsWith("http://localhost:") && !base.startsWith("http://127.0.0.1:")) {
      throw new RuralKgException("the benchmark only sends requests to the loopback interface");
    }
    this.base = base;
    this.target = target;
    this.requestsPerClient = requestsPerClient;
    this.cellLimit = cellLimit;
    this.requestTimeout = requestTimeout;
  }

  /** The SPARQL endpoint, as before. */
  QueryLoad(String endpoint, int requestsPerClient, Duration cellLimit, Duration requestTimeout) {
    this(endpoint, Target.SPARQL, requestsPerClient, cellLimit, requestTimeout);
  }

  /**
   * The calls to measure, as SPARQL text keyed by their label: every saved query that runs without
   * arguments (no parameter, or defaults for all) under its name, and each of its example calls
   * ({@code #+ example:}) as {@code NAME?param=value&...}, which is also the API request's path.
   */
  static Map<String, String> runnable(SavedQueries queries) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String name : queries.names()) {
      SavedQuery q = queries.get(name);
      boolean required = q.params().values().stream().anyMatch(p -> p.defaultValue() == null);
      if (!required) out.put(name, bound(q, Map.of()));
      for (Map<String, String> example : q.examples()) {
        StringBuilder label = new StringBuilder(name);
        example.forEach(
            (k, v) ->
                label.append(label.indexOf("?") < 0 ? '?' : '&').append(k).append('=').append(v));
        out.put(label.toString(), bound(q, example));
      }
    }
    return out;
  }

  private static String bound(SavedQuery q, Map<String, String> args) {
    Map<Var, Node> subst = new HashMap<>();
    q.bind(args).forEach((k, v) -> subst.put(Var.alloc(k), v));
    Query bound = subst.isEmpty() ? q.query() : QueryTransformOps.replaceVars(q.query(), subst);
    return bound.serialize();
  }

  /**
   * A write that changes nothing in the end, as an editor's would empty the response cache: a
   * SPARQL Update that adds a triple to a scratch graph and drops the graph again, sent to {@code
   * updateUrl} as user admin. The HTTP status (204 or 200 when it was applied).
   */
  int writeNothing(String updateUrl, String password)
      throws java.io.IOException, InterruptedException {
    String update =
        "INSERT DATA { GRAPH <"
            + SCRATCH_GRAPH
            + "> { <"
            + SCRATCH_GRAPH
            + "> <http://www.w3.org/2000/01/rdf-schema#comment> \"bench write\" } } ;\n"
            + "DROP SILENT GRAPH <"
            + SCRATCH_GRAPH
            + ">";
    String auth =
        java.util.Base64.getEncoder()
            .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(updateUrl))
            .timeout(requestTimeout)
            .header("Content-Type", "application/sparql-update")
            .header("Authorization", "Basic " + auth)
            .POST(HttpRequest.BodyPublishers.ofString(update))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The graph the benchmark's write adds to and drops: no query reads it. */
  static final String SCRATCH_GRAPH = "urn:ruralkg:bench:scratch";

  /**
   * One request for a query nobody asked for yet (call it once per query, right after the server
   * started).
   */
  Cold cold(String name, String sparql) throws InterruptedException {
    long s = System.nanoTime();
    try {
      HttpResponse<byte[]> r = exchange(name, sparql);
      double ms = (System.nanoTime() - s) / 1e6;
      return new Cold(
          name,
          r.statusCode() == 200 ? ms : Double.NaN,
          r.statusCode(),
          r.statusCode() == 200 ? rows(r) : -1,
          r.headers().firstValue("X-Ruralkg-Cache").orElse(""));
    } catch (java.io.IOException e) {
      return new Cold(name, Double.NaN, -1, -1, "");
    }
  }

  /**
   * Latencies of one query with {@code clients} concurrent clients; a query that fails its warm-up
   * gives a cell of errors only.
   */
  Cell measure(String name, String sparql, int clients) throws Exception {
    // warm the caches and the JIT once for this query before timing it
    int rows;
    try {
      HttpResponse<byte[]> first = exchange(name, sparql);
      rows = first.statusCode() == 200 ? rows(first) : -1;
      if (rows >= 0) exchange(name, sparql);
    } catch (java.io.IOException e) {
      rows = -1;
    }
    if (rows < 0)
      return new Cell(name, clients, 0, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, -1);
    long deadline = System.nanoTime() + cellLimit.toNanos();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    List<Future<long[]>> futures = new ArrayList<>();
    try {
      for (int c = 0; c < clients; c++) {
        futures.add(
            pool.submit(
                () -> {
                  long[] lat = new long[requestsPerClient];
                  int n = 0;
                  while (n < requestsPerClient && System.nanoTime() < deadline) {
                    long s = System.nanoTime();
                    try {
                      if (exchange(name, sparql).statusCode() != 200) errors.incrementAndGet();
                    } catch (java.io.IOException e) {
                      errors.incrementAndGet();
                    }
                    lat[n++] = System.nanoTime() - s;
                  }
                  return Arrays.copyOf(lat, n);
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<long[]> f : futures) for (long l : f.get()) all.add(l);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Cell(
          name,
          clients,
          sorted.length,
          errors.get(),
          pct(sorted, 50),
          pct(sorted, 95),
          pct(sorted, 99),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
          sorted.length / seconds,
          rows);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Nearest-rank percentile in milliseconds. */
  static double pct(long[] sortedNanos, int p) {
    if (sortedNanos.length == 0) return 0;
    return Targets.percentile(Arrays.stream(sortedNanos).asDoubleStream().toArray(), p) / 1e6;
  }

  /** Sends one request and reads the whole answer (the timed part). */
  /**
   * The request path of a call's label (NAME or NAME?param=value&...), ready for one more argument.
   */
  static String apiPath(String label) {
    int q = label.indexOf('?');
    if (q < 0) return label + "?";
    StringBuilder path = new StringBuilder(label.substring(0, q + 1));
    for (String pair : label.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      path.append(pair, 0, eq + 1)
          .append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8))
          .append('&');
    }
    return path.toString();
  }

  private HttpResponse<byte[]> exchange(String name, String sparql)
      throws java.io.IOException, InterruptedException {
    HttpRequest req =
        switch (target) {
          // as a browser asks: compressed if the server can
          case API ->
              HttpRequest.newBuilder(
                      URI.create(base + "/api/queries/" + apiPath(name) + "format=json"))
                  .timeout(requestTimeout)
                  .header("Accept-Encoding", "gzip")
                  .GET()
                  .build();
          case SPARQL ->
              HttpRequest.newBuilder(URI.create(base))
                  .timeout(requestTimeout)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "text/csv")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8)))
                  .build();
        };
    return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * The number of result rows of a response: CSV lines after the header, or SPARQL JSON bindings
   * (gunzipped if need be).
   */
  int rows(HttpResponse<byte[]> r) {
    byte[] body = r.body();
    if (r.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      } catch (java.io.IOException e) {
        return -1;
      }
    }
    return rows(body);
  }

  int rows(byte[] body) {
    if (target == Target.SPARQL) {
      int lines = 0;
      for (byte b : body) if (b == '\n') lines++;
      return Math.max(0, lines - 1);
    }
    try {
      return JSON.readTree(body).path("results").path("bindings").size();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
}
