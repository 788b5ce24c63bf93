package org.w3id.ruralkg.server;

import org.w3id.ruralkg.common.RuralKgException;

/**
 * How the saved-query API caches its responses. Immutable; thread-safe.
 *
 * @param maxBytes the byte budget of the response cache (0: no cache)
 * @param warm whether to run, in the background at startup, the saved queries that need no argument
 * @param keepIn the store folder in which warmed responses are kept for the next server on the same
 *     store content ({@link ResponseStore}); null to keep them in memory only. Ignored when the
 *     server accepts writes.
 */
public record CacheSettings(long maxBytes, boolean warm, java.nio.file.Path keepIn) {
  /** 128 MiB, not warmed: what tests and embedded servers get unless they ask. */
  public static final CacheSettings DEFAULT = new CacheSettings(128L << 20, false);

  public static final CacheSettings OFF = new CacheSettings(0, false);

  public CacheSettings {
    if (maxBytes < 0) throw new RuralKgException("the cache size must not be negative");
  }

  public CacheSettings(long maxBytes, boolean warm) {
    this(maxBytes, warm, null);
  }

  /** The same settings, keeping warmed responses in the store folder {@code storeDir}. */
  public CacheSettings keptIn(java.nio.file.Path storeDir) {
    return new CacheSettings(maxBytes, warm, storeDir);
  }

  /** From the command line: the budget in MiB. */
  public static CacheSettings ofMiB(int mib, boolean warm) {
    if (mib < 0) throw new RuralKgException("--cache-mb must not be negative");
    return new CacheSettings((long) mib << 20, warm && mib > 0);
  }
}
