package org.w3id.ruralkg.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3id.ruralkg.nlp.DictionaryMatcher.Hit;

/**
 * Finds keywords by their last character: at each text position whose character ends some
 * keyword, looks the few possible spans up in a hash map. Used for the ~70 000 township and
 * village names, which all end in a handful of characters (镇 乡 道 村 区 会 ...); building it takes
 * a few milliseconds where a double-array trie of the same size takes seconds on a cold JVM.
 * Immutable and thread-safe after construction.
 */
final class SuffixIndex {
  private final Map<String, Alias> keys;
  /** For each last character, a bit mask of the keyword lengths (1..63) that end in it. */
  private final long[] lengthsByLastChar = new long[Character.MAX_VALUE + 1];

  SuffixIndex(Map<String, Alias> keys) {
    this.keys = keys; // owned: the caller hands over a map it no longer touches
    for (String k : keys.keySet()) {
      if (k.length() < 64) lengthsByLastChar[k.charAt(k.length() - 1)] |= 1L << k.length();
    }
  }

  Alias get(String key) {
    return keys.get(key);
  }

  /** Every occurrence, ordered by end position. */
  List<Hit<Alias>> findAll(String text) {
    List<Hit<Alias>> out = new ArrayList<>();
    for (int end = 1; end <= text.length(); end++) {
      long m = lengthsByLastChar[text.charAt(end - 1)];
      while (m != 0) {
        int len = Long.numberOfTrailingZeros(m);
        m &= m - 1;
        if (len > end) break;
        String key = text.substring(end - len, end);
        Alias a = keys.get(key);
        if (a != null) out.add(new Hit<>(end - len, end, key, a));
      }
    }
    return out;
  }
}
