package org.w3id.ruralkg.nlp;

import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Word segmentation and part-of-speech tags from HanLP, for boundary and grammar checks (never as a
 * source of facts by themselves). Needs a text; adds {@link Token}s with offsets into it.
 *
 * <p>Two configurations, chosen by measurement on the seeds (README "HanLP's role in extraction"):
 * {@link Mode#DICTIONARY} is HanLP's longest-match double-array-trie segmenter on the core
 * dictionary with the dictionary's most frequent tag (~12 M chars per CPU second), {@link
 * Mode#VITERBI} is the Viterbi segmenter with the core dictionary and its tagging but no
 * name/place/organisation recognition (~1.1 M chars per CPU second: only for short windows). The
 * user custom dictionary is off in both: its phrases (茶产业, 李子坪) would hide the word boundaries the
 * checks need. Each instance configures its own HanLP segment once in the constructor and never
 * again (HanLP's analysers are thread-safe while their configuration does not change,
 * hankcs/HanLP#732), so {@link #segment} is thread-safe.
 */
public final class Segmenter {
  /** Which HanLP segmenter to use. */
  public enum Mode {
    DICTIONARY,
    VITERBI
  }

  private final Segment segment;

  /** The fast dictionary segmenter. */
  public Segmenter() {
    this(Mode.DICTIONARY);
  }

  public Segmenter(Mode mode) {
    Segment s =
        switch (mode) {
          case DICTIONARY -> new DoubleArrayTrieSegment();
          case VITERBI ->
              new ViterbiSegment()
                  .enableAllNamedEntityRecognize(false)
                  .enableNameRecognize(false)
                  .enableTranslatedNameRecognize(false)
                  .enableJapaneseNameRecognize(false)
                  .enablePlaceRecognize(false)
                  .enableOrganizationRecognize(false);
        };
    this.segment =
        s.enableCustomDictionary(false).enablePartOfSpeechTagging(true).enableOffset(false);
  }

  /** The words of a text, offsets into it; an empty list for null or empty text. */
  public List<Token> segment(String text) {
    if (text == null || text.isEmpty()) return List.of();
    return segment(text, 0, text.length());
  }

  /** The words of text[from, to), with offsets into the whole text. */
  public List<Token> segment(String text, int from, int to) {
    if (text == null || from >= to) return List.of();
    String window = text.substring(from, to);
    List<Term> terms = segment.seg(window);
    List<Token> out = new ArrayList<>(terms.size());
    int cursor = 0;
    for (Term t : terms) {
      String w = t.word;
      if (w == null || w.isEmpty()) continue;
      int at = window.startsWith(w, cursor) ? cursor : window.indexOf(w, cursor);
      if (at < 0) continue; // HanLP changed the text (normalisation); no offset to report
      String pos = t.nature == null ? "x" : t.nature.toString();
      out.add(new Token(w, pos, from + at, from + at + w.length()));
      cursor = at + w.length();
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * True when no word of the text crosses {@code start} or {@code end}: the span [start, end)
   * begins and ends at word boundaries. Segments only a small window around the span.
   */
  public boolean alignsWithWords(String text, int start, int end) {
    return crossing(text, start, end) == null;
  }

  /** The word that spans exactly [start, end), or null when the span is not one word. */
  public Token wordAt(String text, int start, int end) {
    for (Token t : segment(text, windowStart(text, start), Math.min(text.length(), end + AHEAD))) {
      if (t.start() == start && t.end() == end) return t;
    }
    return null;
  }

  /**
   * The first word that straddles start or end of [start, end), or null when both are word
   * boundaries.
   */
  public Token crossing(String text, int start, int end) {
    int to = Math.min(text.length(), end + AHEAD);
    for (Token t : segment(text, windowStart(text, start), to)) {
      if (t.start() < start && t.end() > start) return t;
      if (t.start() < end && t.end() > end) return t;
    }
    return null;
  }

  /** The word that starts exactly at {@code offset}, or null when a word runs across it. */
  public Token wordAfter(String text, int offset) {
    if (offset < 0 || offset >= text.length()) return null;
    for (Token t :
        segment(text, windowStart(text, offset), Math.min(text.length(), offset + AHEAD))) {
      if (t.start() == offset) return t;
      if (t.start() > offset) break;
    }
    return null;
  }

  /**
   * The word that ends exactly at {@code offset} (the word before a span), or null when a word runs
   * across the offset or nothing precedes it in the clause.
   */
  public Token wordBefore(String text, int offset) {
    if (offset <= 0 || offset > text.length()) return null;
    Token before = null;
    for (Token t :
        segment(text, windowStart(text, offset), Math.min(text.length(), offset + AHEAD))) {
      if (t.end() == offset) before = t;
      if (t.start() < offset && t.end() > offset) return null;
      if (t.start() >= offset) break;
    }
    return before;
  }

  /**
   * Where to start segmenting for a span at {@code start}: longest-match segmentation depends on
   * where it starts, so at the clause's punctuation when it is near (the window is cut as the whole
   * sentence would be).
   */
  private static int windowStart(String text, int start) {
    int from = Math.max(0, start - BACK);
    for (int i = start - 1; i >= from; i--) {
      if (!Character.isLetterOrDigit(text.charAt(i))) return i + 1;
    }
    return from;
  }

  /** Context before a checked span, at most (the clause start when nearer). */
  private static final int BACK = 24;

  /** Context after a checked span: longer words are rare in the core dictionary. */
  private static final int AHEAD = 8;
}
