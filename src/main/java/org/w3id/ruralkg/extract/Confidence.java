package org.w3id.ruralkg.extract;

import java.util.HashMap;
import java.util.Map;
import org.w3id.ruralkg.common.Wordlist;

/**
 * The named confidence levels of lexicon/confidence.tsv, calibrated on both dev sets with
 * tools/reliability.py. Immutable after class loading; thread-safe.
 */
public final class Confidence {
  private static final Map<String, Double> LEVELS = new HashMap<>();

  static {
    for (String[] f : Wordlist.rows("confidence.tsv")) LEVELS.put(f[0], Double.parseDouble(f[1]));
  }

  private Confidence() {}

  /** The level named {@code name}; a missing name is a packaging error. */
  public static double of(String name) {
    Double v = LEVELS.get(name);
    if (v == null)
      throw new IllegalStateException("no confidence level " + name + " in lexicon/confidence.tsv");
    return v;
  }

  /** The level named {@code prefix + "." + e.name()}. */
  public static double of(String prefix, Enum<?> e) {
    return of(prefix + "." + e.name());
  }
}
