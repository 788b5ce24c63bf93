package org.w3id.ruralkg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Load probe of a running server (docs/SECURITY.md, "Load"): fires N concurrent slow queries (a
 * three-way cross product that runs until the timeout) at its SPARQL endpoint and, meanwhile, a
 * cheap ASK every 100 ms; prints how many slow queries got 503, which other answers came back, and
 * the ASK latency (p50, p95, max). Usage: {@code java -cp target/ruralkg.jar
 * org.w3id.ruralkg.bench.SlowQueryFlood [BASE-URL [N]]} (default http://localhost:3030, 200).
 */
public final class SlowQueryFlood {
  static final String SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
  static final String ASK = "ASK { ?s ?p ?o }";

  private SlowQueryFlood() {}

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:3030";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long t0 = System.nanoTime();
    List<CompletableFuture<String>> slow = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger fast503 =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int i = 0; i < n; i++) {
      slow.add(
          client
              .sendAsync(get(base, SLOW), HttpResponse.BodyHandlers.discarding())
              .handle(
                  (r, e) -> {
                    if (e != null) return "no response (" + e.getClass().getSimpleName() + ")";
                    if (r.statusCode() == 503 && System.nanoTime() - t0 < 2_000_000_000L)
                      fast503.incrementAndGet();
                    return Integer.toString(r.statusCode());
                  }));
    }
    List<Long> ask = new ArrayList<>();
    int askFailed = 0;
    while (!CompletableFuture.allOf(slow.toArray(CompletableFuture[]::new)).isDone()) {
      long a0 = System.nanoTime();
      try {
        HttpResponse<Void> r = client.send(get(base, ASK), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) ask.add((System.nanoTime() - a0) / 1_000_000);
        else askFailed++;
      } catch (java.io.IOException e) {
        askFailed++;
      }
      Thread.sleep(100);
    }
    Map<String, Integer> codes = new TreeMap<>();
    for (var f : slow) codes.merge(f.get(), 1, Integer::sum);
    Collections.sort(ask);
    System.out.printf(
        java.util.Locale.ROOT,
        "slow queries: %d in %.1f s; answers: %s; 503 within 2 s of the start: %d%n",
        n,
        (System.nanoTime() - t0) / 1e9,
        codes,
        fast503.get());
    System.out.printf(
        java.util.Locale.ROOT,
        "ASK meanwhile: %d answered 200, %d not; latency p50 %d ms, p95 %d ms, max %d ms%n",
        ask.size(),
        askFailed,
        pct(ask, 50),
        pct(ask, 95),
        ask.isEmpty() ? -1 : ask.get(ask.size() - 1));
  }

  private static HttpRequest get(String base, String query) {
    return HttpRequest.newBuilder(
            URI.create(
                base + "/ruralkg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
        .header("Accept", "application/sparql-results+json")
        .timeout(Duration.ofSeconds(120))
        .GET()
        .build();
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.isEmpty()
        ? -1
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
