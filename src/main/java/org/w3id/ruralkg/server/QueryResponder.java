package org.w3id.ruralkg.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.Hashes;

/**
 * Answers saved-query requests from a {@link ResponseCache} or by running the query: needs a {@link
 * QueryApi} and a cache; adds the serialised body, its ETag and whether it came from the cache.
 * Concurrent requests for the same uncached response run the query once and share the answer.
 * Thread-safe.
 */
public final class QueryResponder {
  /** A response body and where it came from. */
  public record Answer(ResponseCache.Entry entry, boolean hit) {}

  private static final Logger LOG = LoggerFactory.getLogger(QueryResponder.class);
  private final QueryApi api;
  private final ResponseCache cache;

  /** Computations in flight, by key and the write generation they started in. */
  private final ConcurrentHashMap<Flight, CompletableFuture<ResponseCache.Entry>> inFlight =
      new ConcurrentHashMap<>();

  private volatile boolean stopped;

  /** Where warmed responses are kept for the next server on the same store, or null. */
  private final ResponseStore kept;

  private record Flight(ResponseCache.Key key, long generation) {}

  public QueryResponder(QueryApi api, ResponseCache cache) {
    this(api, cache, null);
  }

  /** With warmed responses loaded from and saved to {@code kept} (null: memory only). */
  public QueryResponder(QueryApi api, ResponseCache cache, ResponseStore kept) {
    this.api = api;
    this.cache = cache;
    this.kept = kept;
  }

  public QueryApi api() {
    return api;
  }

  public ResponseCache cache() {
    return cache;
  }

  /**
   * The response for a query, its parameters, a page and a format: 404/400/503 as {@link ApiError}.
   */
  public Answer answer(
      String name, Map<String, String> params, QueryApi.Page page, QueryApi.Format format) {
    api.find(name);
    ResponseCache.Key key = key(name, params, page, format);
    ResponseCache.Entry hit = cache.get(key);
    if (hit != null) return new Answer(hit, true);
    if (!cache.enabled())
      return new Answer(compute(key, params, page, format, cache.generation()), false);
    long gen = cache.generation();
    Flight flight = new Flight(key, gen);
    CompletableFuture<ResponseCache.Entry> mine = new CompletableFuture<>();
    CompletableFuture<ResponseCache.Entry> running = inFlight.putIfAbsent(flight, mine);
    if (running != null) return new Answer(join(running), false);
    try {
      ResponseCache.Entry e = compute(key, params, page, format, gen);
      mine.complete(e);
      return new Answer(e, false);
    } catch (RuntimeException ex) {
      mine.completeExceptionally(ex);
      throw ex;
    } finally {
      inFlight.remove(flight, mine);
    }
  }

  private ResponseCache.Entry compute(
      ResponseCache.Key key,
      Map<String, String> params,
      QueryApi.Page page,
      QueryApi.Format format,
      long gen) {
    QueryApi.Result r = api.run(key.query(), params, page);
    ResponseCache.Entry e = entry(r, format);
    cache.put(key, e, gen);
    return e;
  }

  /** Serialises a result; the ETag is a digest of the body and the truncation flag. */
  static ResponseCache.Entry entry(QueryApi.Result r, QueryApi.Format format) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    QueryApi.write(r, format, body);
    byte[] bytes = body.toByteArray();
    return new ResponseCache.Entry(
        bytes, format, r.truncated(), etag(bytes, r.truncated()), gzip(bytes));
  }

  /** The body gzip-compressed, or null when it is small (not worth a second copy). */
  static byte[] gzip(byte[] body) {
    if (body.length < 1024) return null;
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out, 65536)) {
      gz.write(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String etag(byte[] body, boolean truncated) {
    MessageDigest md = Hashes.sha256();
    md.update(body);
    md.update((truncated ? "t" : "f").getBytes(StandardCharsets.US_ASCII));
    return '"' + HexFormat.of().formatHex(md.digest(), 0, 16) + '"';
  }

  private static ResponseCache.Entry join(CompletableFuture<ResponseCache.Entry> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw e;
    }
  }

  /**
   * The cache key: parameters sorted, paging folded in under names no saved-query parameter can
   * clash with.
   */
  static ResponseCache.Key key(
      String name, Map<String, String> params, QueryApi.Page page, QueryApi.Format format) {
    TreeMap<String, String> p = new TreeMap<>(params);
    if (page.offset() != 0) p.put(" offset", Long.toString(page.offset()));
    if (page.limit() >= 0) p.put(" limit", Long.toString(page.limit()));
    return new ResponseCache.Key(name, java.util.Collections.unmodifiableSortedMap(p), format);
  }

  /**
   * Fills the cache with the saved queries that run without arguments, in SPARQL JSON and rows
   * (what dashboards ask for), one after another on a daemon thread of low priority; stops early
   * after {@link #stop}. Failures are logged and skipped.
   */
  public Thread warmInBackground() {
    Thread t = new Thread(this::warm, "ruralkg-cache-warmer");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  /**
   * Warms the cache on the calling thread (see {@link #warmInBackground}): each response is taken
   * from the response store when it has one, else computed (and then kept there); the number of
   * queries run.
   */
  public int warm() {
    int n = 0;
    int loaded = 0;
    long t0 = System.nanoTime();
    for (SavedQuery q : api.list()) {
      if (stopped || !cache.enabled()) break;
      if (q.params().values().stream().anyMatch(p -> p.defaultValue() == null)) continue;
      try {
        List<QueryApi.Format> formats = List.of(QueryApi.Format.JSON, QueryApi.Format.ROWS);
        long gen = cache.generation();
        boolean missing = false;
        for (QueryApi.Format f : formats) {
          ResponseCache.Key k = key(q.name(), Map.of(), QueryApi.Page.ALL, f);
          if (cache.contains(k)) {
            // computed for a request before the warmer came to it: keep it for the next server too
            if (kept != null && kept.load(k) == null) {
              ResponseCache.Entry e = cache.peek(k);
              if (e != null) kept.save(k, e);
            }
            continue;
          }
          ResponseCache.Entry fromDisk = kept == null ? null : kept.load(k);
          if (fromDisk != null && cache.put(k, fromDisk, gen)) loaded++;
          else missing = true;
        }
        if (!missing) continue;
        QueryApi.Result r = api.run(q.name(), Map.of(), QueryApi.Page.ALL);
        for (QueryApi.Format f : formats) {
          ResponseCache.Key k = key(q.name(), Map.of(), QueryApi.Page.ALL, f);
          ResponseCache.Entry e = entry(r, f);
          if (cache.put(k, e, gen) && kept != null) kept.save(k, e);
        }
        n++;
      } catch (RuntimeException e) {
        if (stopped) break;
        LOG.warn("cache warming: {}: {}", q.name(), e.getMessage());
      }
    }
    LOG.info(
        "cache warming: {} saved queries run, {} responses read from disk, in {} s, {} MiB cached",
        n,
        loaded,
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9),
        cache.bytes() >> 20);
    return n;
  }

  /** Stops warming after the query in progress (the server is shutting down). */
  public void stop() {
    stopped = true;
  }
}
