package org.w3id.ruralkg.nlp;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds every occurrence of a fixed set of keywords in a text, with HanLP's Aho-Corasick double
 * array trie. Built once; {@link #findAll} and {@link #findLongest} are thread-safe (the trie is
 * read-only after construction).
 *
 * @param <V> the value attached to each keyword
 */
public final class DictionaryMatcher<V> {
  /** One occurrence: [start, end) in the searched text. */
  public record Hit<V>(int start, int end, String key, V value) {
    public int length() {
      return end - start;
    }
  }

  private final AhoCorasickDoubleArrayTrie<V> trie = new AhoCorasickDoubleArrayTrie<>();
  private final boolean empty;

  public DictionaryMatcher(Map<String, V> dictionary) {
    empty = dictionary.isEmpty();
    if (!empty) trie.build(new TreeMap<>(dictionary));
  }

  /** Every occurrence, overlapping ones included, ordered by start then longest first. */
  public List<Hit<V>> findAll(String text) {
    if (empty || text.isEmpty()) return List.of();
    List<Hit<V>> hits = new ArrayList<>();
    trie.parseText(
        text,
        (begin, end, value) -> hits.add(new Hit<>(begin, end, text.substring(begin, end), value)));
    hits.sort(
        (a, b) ->
            a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
    return hits;
  }

  /**
   * Non-overlapping occurrences, preferring at each position the longest keyword (left to right).
   */
  public List<Hit<V>> findLongest(String text) {
    List<Hit<V>> all = findAll(text);
    if (all.isEmpty()) return all;
    List<Hit<V>> out = new ArrayList<>();
    int covered = 0;
    for (Hit<V> h : all) {
      if (h.start < covered) continue;
      // a longer hit starting inside this one but reaching further wins only if it starts at the
      // same place
      out.add(h);
      covered = h.end;
    }
    return Collections.unmodifiableList(out);
  }

  public V get(String key) {
    return empty ? null : trie.get(key);
  }
}
