package org.w3id.ruralkg.server;

import org.w3id.ruralkg.RuralKgException;

/**
 * How the saved-query API caches its responses. Immutable; thread-safe.
 *
 * @param maxBytes the byte budget of the response cache (0: no cache)
 * @param warm whether to run, in the background at startup, the saved queries that need no argument
 */
public record CacheSettings(long maxBytes, boolean warm) {
  /** 128 MiB, not warmed: what tests and embedded servers get unless they ask. */
  public static final CacheSettings DEFAULT = new CacheSettings(128L << 20, false);
  public static final CacheSettings OFF = new CacheSettings(0, false);

  public CacheSettings {
    if (maxBytes < 0) throw new RuralKgException("the cache size must not be negative");
  }

  /** From the command line: the budget in MiB. */
  public static CacheSettings ofMiB(int mib, boolean warm) {
    if (mib < 0) throw new RuralKgException("--cache-mb must not be negative");
    return new CacheSettings((long) mib << 20, warm && mib > 0);
  }
}
