package org.w3id.ruralkg.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3id.ruralkg.nlp.DictionaryMatcher.Hit;

/**
 * Finds keywords by their last character: at each text position whose character ends some keyword,
 * hashes the few possible spans backwards (String.hashCode arithmetic, no allocation) and probes an
 * open-addressing table. Used for the ~70 000 township and village names, which end in a handful of
 * characters (镇 乡 道 村 区 会 ...): building it takes milliseconds where a double-array trie of that
 * size takes seconds on a cold JVM. Immutable and thread-safe after construction.
 */
final class SuffixIndex {
  private static final int MAX_LEN = 63;
  private static final int[] POW31 = new int[MAX_LEN + 1];

  static {
    POW31[0] = 1;
    for (int i = 1; i <= MAX_LEN; i++) POW31[i] = POW31[i - 1] * 31;
  }

  private final String[] keys;
  private final Alias[] values;
  private final int mask;

  /** For each last character, a bit mask of the keyword lengths (1..63) that end in it. */
  private final long[] lengthsByLastChar = new long[Character.MAX_VALUE + 1];

  /**
   * Bloom-style bits over (first char, last char, length): skips most probes without a cache miss.
   */
  private final long[] shapeFilter = new long[1 << 14];

  SuffixIndex(Map<String, Alias> entries) {
    int cap = Integer.highestOneBit(Math.max(16, entries.size() * 3)) << 1;
    keys = new String[cap];
    values = new Alias[cap];
    mask = cap - 1;
    for (Map.Entry<String, Alias> e : entries.entrySet()) {
      String k = e.getKey();
      if (k.isEmpty() || k.length() > MAX_LEN) continue;
      int i = mix(k.hashCode()) & mask;
      while (keys[i] != null) i = (i + 1) & mask;
      keys[i] = k;
      values[i] = e.getValue();
      lengthsByLastChar[k.charAt(k.length() - 1)] |= 1L << k.length();
      int b = shape(k.charAt(0), k.charAt(k.length() - 1), k.length());
      shapeFilter[b >>> 6] |= 1L << b;
    }
  }

  private static int shape(char first, char last, int len) {
    return ((first * 0x9E3779B1) ^ (last * 0x85EBCA6B) ^ (len * 0xC2B2AE35)) >>> 12;
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }

  Alias get(String key) {
    int i = mix(key.hashCode()) & mask;
    for (String k; (k = keys[i]) != null; i = (i + 1) & mask) if (k.equals(key)) return values[i];
    return null;
  }

  /** Every occurrence, ordered by end position then length. */
  List<Hit<Alias>> findAll(String text) {
    List<Hit<Alias>> out = new ArrayList<>();
    for (int end = 1; end <= text.length(); end++) {
      long m = lengthsByLastChar[text.charAt(end - 1)];
      int hash = 0;
      int len = 0;
      while (m != 0) {
        int want = Long.numberOfTrailingZeros(m);
        m &= m - 1;
        if (want > end) break;
        // extend the hash of text[end-len, end) leftwards to length want
        while (len < want) {
          hash += text.charAt(end - len - 1) * POW31[len];
          len++;
        }
        int start = end - len;
        int b = shape(text.charAt(start), text.charAt(end - 1), len);
        if ((shapeFilter[b >>> 6] & (1L << b)) == 0) continue;
        for (int i = mix(hash) & mask; keys[i] != null; i = (i + 1) & mask) {
          String k = keys[i];
          if (k.length() == len && text.regionMatches(start, k, 0, len)) {
            out.add(new Hit<>(start, end, k, values[i]));
            break;
          }
        }
      }
    }
    return out;
  }
}
