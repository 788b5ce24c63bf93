package org.w3id.ruralkg.store;

import java.time.Duration;

/**
 * How a build runs: extraction threads, the time one file may take to extract (zero: no limit), and
 * whether symbolic links under the input folder are followed (never to a target outside it).
 */
public record BuildSettings(int threads, Duration fileTimeout, boolean followLinks) {
  /**
   * A pathological file (a paragraph of megabytes) is skipped after this long; a real page takes
   * well under a second.
   */
  public static final Duration DEFAULT_FILE_TIMEOUT = Duration.ofSeconds(60);

  public BuildSettings {
    threads = Math.max(1, threads);
    if (fileTimeout == null || fileTimeout.isNegative()) fileTimeout = Duration.ZERO;
  }

  public static BuildSettings defaults(int threads) {
    return new BuildSettings(threads, DEFAULT_FILE_TIMEOUT, false);
  }
}
