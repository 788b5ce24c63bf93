package org.w3id.ruralkg.extract.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3id.ruralkg.nlp.DictionaryMatcher;
import org.w3id.ruralkg.nlp.WordBoundaries;

/**
 * Longest-match lookup of SKOS labels in page text. Needs the concepts; adds nothing. One-character
 * labels (竹, 茶, 牛) are only taken where the text lists products ("竹、药产业", "茶产业"); a label that
 * begins inside a word of the text (山药 in 高山药材, 桃 in 核桃) is not taken, by HanLP's segmenters
 * ({@link WordBoundaries}). Immutable and thread-safe.
 */
final class ConceptMatcher {
  /** A label's concept and whether the label is a hidden (matching-only) variant. */
  record Entry(SkosConcept concept, boolean hidden) {}

  /** One accepted occurrence. */
  record Match(int start, int end, SkosConcept concept, boolean hidden) {}

  private final DictionaryMatcher<Entry> matcher;
  private final WordBoundaries words;

  ConceptMatcher(List<SkosConcept> concepts) {
    this(concepts, new WordBoundaries());
  }

  ConceptMatcher(List<SkosConcept> concepts, WordBoundaries words) {
    this.words = words;
    Map<String, Entry> dict = new HashMap<>();
    for (SkosConcept c : concepts) {
      if (c.top()) continue;
      for (String l : c.matchLabels()) {
        Entry e = new Entry(c, c.hiddenLabels().contains(l) && !l.equals(c.label()));
        Entry old = dict.putIfAbsent(l, e);
        // a label claimed twice goes to the concept whose own name it is
        if (old != null && !old.concept().label().equals(l) && c.label().equals(l)) dict.put(l, e);
      }
    }
    matcher = new DictionaryMatcher<>(dict);
  }

  /** Non-overlapping longest matches, single-character labels only in list or 产业 context. */
  List<Match> find(String text) {
    List<Match> out = new ArrayList<>();
    for (DictionaryMatcher.Hit<Entry> h : matcher.findLongest(text)) {
      if (h.length() == 1 && !listContext(text, h.start(), h.end())) continue;
      if (words != null && words.startsInsideWord(text, h.start(), h.end())) continue;
      out.add(new Match(h.start(), h.end(), h.value().concept(), h.value().hidden()));
    }
    return out;
  }

  private static boolean listContext(String text, int start, int end) {
    char next = end < text.length() ? text.charAt(end) : ' ';
    char prev = start > 0 ? text.charAt(start - 1) : ' ';
    if (text.startsWith("产业", end)) return true;
    if (next == '、' || next == '，' && prev == '、') return true;
    return prev == '、' && (next == '等' || next == '产' || next == '和' || next == '及');
  }
}
