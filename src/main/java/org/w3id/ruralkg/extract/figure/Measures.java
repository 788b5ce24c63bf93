package org.w3id.ruralkg.extract.figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.w3id.ruralkg.common.Wordlist;
import org.w3id.ruralkg.extract.MeasureUnit;

/**
 * The measure words that may follow a number, mapped to contract unit codes, longest first. Read
 * from lexicon/measures.tsv. Immutable, thread-safe.
 */
final class Measures {
  /**
   * MEASURED: money and physical measures (两公里 counts); COUNTED: people, households, things;
   * EXCLUDED: time, age, order and other words that make the number a non-figure.
   */
  enum Kind {
    MEASURED,
    COUNTED,
    EXCLUDED
  }

  record Measure(String word, MeasureUnit unit, BigDecimal factor, Kind kind) {}

  private final List<Measure> all;

  Measures() {
    List<Measure> m = new ArrayList<>();
    for (String[] f : Wordlist.rows("measures.tsv")) {
      Kind kind = Kind.valueOf(f[3].toUpperCase(java.util.Locale.ROOT));
      m.add(
          new Measure(
              f[0], f[1].isEmpty() ? null : MeasureUnit.of(f[1]), new BigDecimal(f[2]), kind));
    }
    m.sort(Comparator.comparingInt((Measure x) -> x.word().length()).reversed());
    all = List.copyOf(m);
  }

  /** The longest measure word starting at {@code pos}, or null. */
  Measure at(String text, int pos) {
    for (Measure m : all) {
      if (text.startsWith(m.word(), pos)) return m;
    }
    return null;
  }
}
