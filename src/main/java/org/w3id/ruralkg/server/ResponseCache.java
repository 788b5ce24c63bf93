package org.w3id.ruralkg.server;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serialised saved-query responses, least recently used first out, bounded in bytes: needs a byte
 * budget; adds hit/miss counters and a write generation. A response computed while the store was
 * written is never stored ({@link #put} checks the generation the computation started with), and
 * {@link #invalidate} empties the cache after a write. Thread-safe (one lock; the bodies are
 * immutable once stored).
 */
public final class ResponseCache {
  /** What identifies a response: the query, its request parameters (paging included) and the format. */
  public record Key(String query, SortedMap<String, String> params, QueryApi.Format format) {}

  /**
   * One cached response; the arrays must not be modified. {@code gzip} is the body compressed once
   * (null when compression does not pay), sent to clients that accept it: a 10,000-row answer is
   * megabytes of repetitive JSON, and copying it is what a cache hit costs.
   */
  public record Entry(byte[] body, QueryApi.Format format, boolean truncated, String etag, byte[] gzip) {
    public Entry(byte[] body, QueryApi.Format format, boolean truncated, String etag) {
      this(body, format, truncated, etag, null);
    }

    /** The entity tag of the gzip-coded representation (a different byte sequence, so a different strong tag). */
    public String gzipEtag() {
      return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }
  }

  private final long maxBytes;
  private final LinkedHashMap<Key, Entry> map = new LinkedHashMap<>(64, 0.75f, true);
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private long bytes;

  /** {@code maxBytes} 0 turns caching off (every lookup misses, nothing is stored). */
  public ResponseCache(long maxBytes) {
    if (maxBytes < 0) throw new org.w3id.ruralkg.common.RuralKgException("the cache size must not be negative");
    this.maxBytes = maxBytes;
  }

  public boolean enabled() {
    return maxBytes > 0;
  }

  /** The cached response, counted as a hit, or null (a miss). */
  public Entry get(Key key) {
    Entry e;
    synchronized (this) {
      e = enabled() ? map.get(key) : null;
    }
    (e == null ? misses : hits).incrementAndGet();
    return e;
  }

  /** The cached response without counting a hit or a miss, or null. */
  public synchronized Entry peek(Key key) {
    return map.get(key);
  }

  /** Looks without counting (the warmer uses it to skip what a request already cached). */
  public synchronized boolean contains(Key key) {
    return map.containsKey(key);
  }

  /** The generation to pass to {@link #put}: read it before running the query. */
  public long generation() {
    return generation.get();
  }

  /**
   * Stores a response computed from the store as it was at {@code startGeneration}; refused when a
   * write started or ended since, or when the body alone exceeds a quarter of the budget (one huge
   * answer would evict everything else).
   */
  public synchronized boolean put(Key key, Entry entry, long startGeneration) {
    if (!enabled() || generation.get() != startGeneration) return false;
    long size = weight(key, entry);
    if (size > maxBytes / 4) return false;
    Entry old = map.put(key, entry);
    if (old != null) bytes -= weight(key, old);
    bytes += size;
    Iterator<Map.Entry<Key, Entry>> it = map.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<Key, Entry> eldest = it.next();
      bytes -= weight(eldest.getKey(), eldest.getValue());
      it.remove();
    }
    return true;
  }

  /** A write begins or ends: stored responses are dropped and computations in flight will not be stored. */
  public synchronized void invalidate() {
    generation.incrementAndGet();
    map.clear();
    bytes = 0;
  }

  public synchronized long bytes() {
    return bytes;
  }

  public synchronized int size() {
    return map.size();
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** The body plus a rough allowance for the key and the entry objects. */
  private static long weight(Key key, Entry e) {
    long w = e.body().length + (e.gzip() == null ? 0 : e.gzip().length) + 256L + key.query().length() * 2L;
    for (var p : key.params().entrySet()) w += 2L * (p.getKey().length() + p.getValue().length()) + 64;
    return w;
  }
}
