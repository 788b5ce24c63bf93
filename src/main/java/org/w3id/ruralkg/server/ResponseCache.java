package org.w3id.ruralkg.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serialised saved-query responses in a Caffeine cache bounded in bytes (a weigher and a maximum
 * weight; Caffeine's policy keeps what is used often and recently): needs a byte budget; adds
 * hit/miss counters and a write generation. A response computed while the store was written is
 * never stored ({@link #put} checks the generation the computation started with), and {@link
 * #invalidate} empties the cache after a write. Thread-safe (Caffeine's, plus one lock that orders
 * a put's generation check against an invalidation; the bodies are immutable once stored).
 */
public final class ResponseCache {
  /**
   * What identifies a response: the query, its request parameters (paging included) and the format.
   */
  public record Key(String query, SortedMap<String, String> params, QueryApi.Format format) {}

  /**
   * One cached response; the arrays must not be modified. {@code gzip} is the body compressed once
   * (null when compression does not pay), sent to clients that accept it: a 10,000-row answer is
   * megabytes of repetitive JSON, and copying it is what a cache hit costs.
   */
  public record Entry(
      byte[] body, QueryApi.Format format, boolean truncated, String etag, byte[] gzip) {
    public Entry(byte[] body, QueryApi.Format format, boolean truncated, String etag) {
      this(body, format, truncated, etag, null);
    }

    /**
     * The entity tag of the gzip-coded representation (a different byte sequence, so a different
     * strong tag).
     */
    public String gzipEtag() {
      return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }
  }

  private final long maxBytes;

  /**
   * Null when caching is off. Caffeine evicts by weight, near-LRU (W-TinyLFU), in the background of
   * calls.
   */
  private final Cache<Key, Entry> map;

  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  /** {@code maxBytes} 0 turns caching off (every lookup misses, nothing is stored). */
  public ResponseCache(long maxBytes) {
    if (maxBytes < 0)
      throw new org.w3id.ruralkg.common.RuralKgException("the cache size must not be negative");
    this.maxBytes = maxBytes;
    this.map =
        maxBytes == 0
            ? null
            : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> (int) Math.min(Integer.MAX_VALUE, weight(k, e)))
                .executor(
                    Runnable
                        ::run) // evict in the caller: bytes() and size() are then exact after each
                // put
                .build();
  }

  public boolean enabled() {
    return map != null;
  }

  /** The cached response, counted as a hit, or null (a miss). */
  public Entry get(Key key) {
    Entry e = enabled() ? map.getIfPresent(key) : null;
    (e == null ? misses : hits).incrementAndGet();
    return e;
  }

  /** The cached response without counting a hit or a miss, or null. */
  public Entry peek(Key key) {
    return enabled() ? map.asMap().get(key) : null;
  }

  /** Looks without counting (the warmer uses it to skip what a request already cached). */
  public boolean contains(Key key) {
    return enabled() && map.asMap().containsKey(key);
  }

  /** The generation to pass to {@link #put}: read it before running the query. */
  public long generation() {
    return generation.get();
  }

  /**
   * Stores a response computed from the store as it was at {@code startGeneration}; refused when a
   * write started or ended since, or when the body alone exceeds a quarter of the budget (one huge
   * answer would evict everything else). The generation check and the insert are one step against
   * {@link #invalidate} (the lock), so a stale answer cannot land after the cache was emptied.
   */
  public boolean put(Key key, Entry entry, long startGeneration) {
    if (!enabled() || weight(key, entry) > maxBytes / 4) return false;
    synchronized (this) {
      if (generation.get() != startGeneration) return false;
      map.put(key, entry);
    }
    map.cleanUp();
    return true;
  }

  /**
   * A write begins or ends: stored responses are dropped and computations in flight will not be
   * stored.
   */
  public void invalidate() {
    synchronized (this) {
      generation.incrementAndGet();
      if (enabled()) map.invalidateAll();
    }
    if (enabled()) map.cleanUp();
  }

  /** The weight of the stored responses (their bodies plus an allowance for keys and entries). */
  public long bytes() {
    if (!enabled()) return 0;
    return map.policy().eviction().map(ev -> ev.weightedSize().orElse(0L)).orElse(0L);
  }

  public int size() {
    return enabled() ? (int) map.estimatedSize() : 0;
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
    long w =
        e.body().length
            + (e.gzip() == null ? 0 : e.gzip().length)
            + 256L
            + key.query().length() * 2L;
    for (var p : key.params().entrySet())
      w += 2L * (p.getKey().length() + p.getValue().length()) + 64;
    return w;
  }
}
