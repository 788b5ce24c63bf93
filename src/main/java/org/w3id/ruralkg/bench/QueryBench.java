package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.server.CacheSettings;
import org.w3id.ruralkg.server.QueryGuard;
import org.w3id.ruralkg.server.SavedQueries;
import org.w3id.ruralkg.server.Server;
import org.w3id.ruralkg.store.Store;

/**
 * The query part of the benchmark: needs a built store; serves it read-only with the response cache
 * on and warming off, then adds for every saved query that runs without arguments the cold latency
 * of the API (its first request after the server started: the query really runs) and warm
 * percentiles of the API with each client count, and optionally the same percentiles of the raw
 * SPARQL endpoint (no cache there). Not thread-safe (one run at a time).
 */
final class QueryBench {
  private final List<Integer> clients;
  private final int requestsPerClient;
  private final Duration cellLimit;
  private final Duration requestTimeout;
  private final boolean sparqlToo;
  private final PrintStream log;

  QueryBench(
      List<Integer> clients,
      int requestsPerClient,
      Duration cellLimit,
      Duration requestTimeout,
      boolean sparqlToo,
      PrintStream log) {
    this.clients = clients;
    this.requestsPerClient = requestsPerClient;
    this.cellLimit = cellLimit;
    this.requestTimeout = requestTimeout;
    this.sparqlToo = sparqlToo;
    this.log = log;
  }

  /**
   * {@code cold}: list of {@link QueryLoad.Cold}; {@code api} and {@code sparql}: lists of {@link
   * QueryLoad.Cell}.
   */
  Map<String, Object> run(Path store) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, String> runnable = QueryLoad.runnable(new SavedQueries(Pipeline.queriesDir()));
    QueryGuard guard = new QueryGuard(requestTimeout.toMillis(), QueryGuard.DEFAULT.maxRows());
    long t0 = System.nanoTime();
    DatasetGraph dsg = Store.openExisting(store);
    // updates on (loopback only, a password of this run) for the write that empties the cache
    String password = java.util.UUID.randomUUID().toString();
    FusekiServer server =
        Server.start(
            dsg,
            freePort(),
            password,
            guard,
            new SavedQueries(Pipeline.queriesDir()),
            new CacheSettings(256L << 20, false));
    try {
      String root = "http://localhost:" + server.getHttpPort();
      QueryLoad api =
          new QueryLoad(root, QueryLoad.Target.API, requestsPerClient, cellLimit, requestTimeout);
      out.put("cold", firstRequests(api, runnable, "cold"));
      out.put("api", cells(api, runnable, "api"));
      out.put("coldAfterWrite", afterWrite(api, runnable, root, password));
      if (sparqlToo) {
        QueryLoad sparql =
            new QueryLoad(
                root + Server.DATASET + "/sparql",
                QueryLoad.Target.SPARQL,
                requestsPerClient,
                cellLimit,
                requestTimeout);
        out.put("sparql", cells(sparql, runnable, "sparql"));
      }
    } finally {
      server.stop();
      dsg.close();
    }
    out.put("seconds", (System.nanoTime() - t0) / 1e9);
    return out;
  }

  /**
   * The live store's case: a write empties the response cache, and each call's next request runs
   * its query again, in a JVM that has run every query once already (issue 18: "with --update every
   * write empties the cache, so cold is the normal case for a live store").
   */
  private List<Object> afterWrite(
      QueryLoad api, Map<String, String> runnable, String root, String password) throws Exception {
    int status = api.writeNothing(root + Server.DATASET + "/update", password);
    log.printf(java.util.Locale.ROOT, "bench: a write that empties the cache: status %d%n", status);
    return firstRequests(api, runnable, "after a write");
  }

  /** One request per call, one after another, each logged under {@code label}. */
  private List<Object> firstRequests(QueryLoad api, Map<String, String> runnable, String label)
      throws InterruptedException {
    List<Object> out = new ArrayList<>();
    for (var q : runnable.entrySet()) {
      QueryLoad.Cold c = api.cold(q.getKey(), q.getValue());
      out.add(c);
      log.printf(
          java.util.Locale.ROOT,
          "bench: api %s %-28s %9.1f ms (status %d, %d rows, cache %s)%n",
          label,
          c.query(),
          c.ms(),
          c.status(),
          c.rows(),
          c.cache());
    }
    return out;
  }

  private List<Object> cells(QueryLoad load, Map<String, String> runnable, String label)
      throws Exception {
    List<Object> out = new ArrayList<>();
    for (var q : runnable.entrySet()) {
      for (int c : clients) {
        QueryLoad.Cell cell = load.measure(q.getKey(), q.getValue(), c);
        out.add(cell);
        log.printf(
            java.util.Locale.ROOT,
            "bench: %s %-28s %2d clients: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d requests, %d errors, %d rows)%n",
            label,
            cell.query(),
            c,
            cell.p50Ms(),
            cell.p95Ms(),
            cell.p99Ms(),
            cell.requests(),
            cell.errors(),
            cell.rows());
        // a query slower than the request timeout with few clients only times out with more
        if (cell.requests() == 0 || cell.errors() == cell.requests()) break;
      }
    }
    return out;
  }

  private static String milliseconds(QueryLoad.Cold c) {
    if (c == null) return "—";
    if (Double.isNaN(c.ms())) return "— (status " + c.status() + ")";
    return String.format(java.util.Locale.ROOT, "%.1f", c.ms());
  }

  /**
   * The query part of a report as Markdown tables: cold API latency, warm API percentiles, SPARQL
   * endpoint percentiles.
   */
  @SuppressWarnings("unchecked")
  static String table(Object queries) {
    StringBuilder sb = new StringBuilder();
    if (!(queries instanceof Map<?, ?> m)) return sb.toString();
    Map<String, Object> q = (Map<String, Object>) m;
    sb.append(
        "\nSaved-query API (GET /api/queries/NAME?format=json, Accept-Encoding: gzip): cold = first request after the server started (the query runs), after a write = the first request after a SPARQL Update emptied the cache (the query runs again, in a JVM that ran it once), warm = served from the response cache\n");
    Map<String, QueryLoad.Cold> cold = new LinkedHashMap<>();
    for (Object o : (List<Object>) q.getOrDefault("cold", List.of()))
      cold.put(((QueryLoad.Cold) o).query(), (QueryLoad.Cold) o);
    Map<String, QueryLoad.Cold> afterWrite = new LinkedHashMap<>();
    for (Object o : (List<Object>) q.getOrDefault("coldAfterWrite", List.of()))
      afterWrite.put(((QueryLoad.Cold) o).query(), (QueryLoad.Cold) o);
    Map<String, Map<Integer, QueryLoad.Cell>> warm = new LinkedHashMap<>();
    for (Object o : (List<Object>) q.getOrDefault("api", List.of())) {
      QueryLoad.Cell c = (QueryLoad.Cell) o;
      warm.computeIfAbsent(c.query(), k -> new LinkedHashMap<>()).put(c.clients(), c);
    }
    List<Integer> counts = new ArrayList<>();
    warm.values()
        .forEach(
            x ->
                x.keySet()
                    .forEach(
                        k -> {
                          if (!counts.contains(k)) counts.add(k);
                        }));
    sb.append("\n| query | rows | cold (ms) | after a write (ms) |");
    for (int c : counts)
      sb.append(" ")
          .append(c)
          .append(c == 1 ? " client" : " clients")
          .append(" p50 / p95 / p99 (ms) |");
    sb.append("\n|---|---:|---:|---:|");
    for (int i = 0; i < counts.size(); i++) sb.append("---:|");
    sb.append('\n');
    for (var e : cold.entrySet()) {
      QueryLoad.Cold c = e.getValue();
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "| %s | %d | %s | %s |",
              e.getKey(),
              c.rows(),
              milliseconds(c),
              milliseconds(afterWrite.get(e.getKey()))));
      Map<Integer, QueryLoad.Cell> w = warm.getOrDefault(e.getKey(), Map.of());
      for (int n : counts) {
        QueryLoad.Cell cell = w.get(n);
        sb.append(
            cell == null || cell.requests() == 0
                ? " — |"
                : String.format(
                    java.util.Locale.ROOT,
                    " %.1f / %.1f / %.1f |",
                    cell.p50Ms(),
                    cell.p95Ms(),
                    cell.p99Ms()));
      }
      sb.append('\n');
    }
    double coldSum =
        cold.values().stream().mapToDouble(QueryLoad.Cold::ms).filter(x -> !Double.isNaN(x)).sum();
    if (!cold.isEmpty()) {
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "%nAll cold requests one after another: %.1f s (what warming the cache after a start costs, unless the responses kept beside the store are still valid)%n",
              coldSum / 1000));
    }
    if (q.get("sparql") instanceof List<?> sparql) {
      sb.append("\nSPARQL endpoint (POST /ruralkg/sparql, CSV; no cache)\n");
      sb.append(
          "\n| query | clients | requests | errors | rows | p50 (ms) | p95 (ms) | p99 (ms) | req/s |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Object o : sparql) {
        QueryLoad.Cell c = (QueryLoad.Cell) o;
        sb.append(
            String.format(
                java.util.Locale.ROOT,
                "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                c.query(),
                c.clients(),
                c.requests(),
                c.errors(),
                c.rows(),
                c.p50Ms(),
                c.p95Ms(),
                c.p99Ms(),
                c.perSecond()));
      }
    }
    return sb.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
