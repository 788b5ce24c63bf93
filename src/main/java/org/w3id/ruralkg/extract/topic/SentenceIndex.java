package org.w3id.ruralkg.extract.topic;

import java.util.List;
import org.w3id.ruralkg.extract.Evidence;
import org.w3id.ruralkg.nlp.Sentence;

/**
 * Finds the sentence around a page offset and builds {@link Evidence}. Needs the page's sentences
 * (sorted by start); immutable and thread-safe.
 */
public final class SentenceIndex {
  private final String pageText;
  private final List<Sentence> sentences;

  public SentenceIndex(String pageText, List<Sentence> sentences) {
    this.pageText = pageText;
    this.sentences = sentences == null ? List.of() : List.copyOf(sentences);
  }

  /** The sentence containing {@code offset}, or null. */
  public Sentence at(int offset) {
    int lo = 0;
    int hi = sentences.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Sentence s = sentences.get(mid);
      if (offset < s.start()) hi = mid - 1;
      else if (offset >= s.end()) lo = mid + 1;
      else return s;
    }
    return null;
  }

  /** [start, end) of the sentence around {@code offset}, falling back to the line around it. */
  public int[] bounds(int offset) {
    Sentence s = at(offset);
    if (s != null) return new int[] {s.start(), s.end()};
    int b = pageText.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    int e = pageText.indexOf('\n', offset);
    return new int[] {b, e < 0 ? pageText.length() : e};
  }

  public Evidence evidence(int start, int end, double confidence) {
    int[] b = bounds(start);
    return new Evidence(
        start,
        end,
        pageText.substring(start, end),
        b[0],
        pageText.substring(b[0], b[1]),
        confidence);
  }
}
