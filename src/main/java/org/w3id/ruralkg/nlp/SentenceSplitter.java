package org.w3id.ruralkg.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a paragraph into sentences at 。！？；!?; and line breaks, keeping a closing quote with its
 * sentence. A run longer than {@link #MAX_CHARS} without such an end is cut into pieces of at most
 * that length, after a comma or space where one is near the limit: every later stage works per
 * sentence (and each fact stores and indexes its sentence), so an unbounded sentence made the build
 * quadratic in the paragraph's length. Offsets are shifted by the paragraph's start so they point
 * into the page text. Stateless and thread-safe.
 */
public final class SentenceSplitter {
  /** The longest sentence; real ones are far shorter (the seeds' longest has 231 chars). */
  public static final int MAX_CHARS = 1000;

  /** How far back from the limit a cut looks for a comma or space before cutting mid-run. */
  private static final int CUT_WINDOW = 200;

  private SentenceSplitter() {}

  public static List<Sentence> split(String paragraph, int offset) {
    List<Sentence> out = new ArrayList<>();
    int n = paragraph.length();
    int begin = 0;
    for (int i = 0; i < n; i++) {
      char c = paragraph.charAt(i);
      if (!isEnd(c)) continue;
      int stop = i + 1;
      while (stop < n && isClosing(paragraph.charAt(stop))) stop++;
      add(out, paragraph, begin, stop, offset);
      begin = stop;
      i = stop - 1;
    }
    add(out, paragraph, begin, n, offset);
    return out;
  }

  /**
   * How many runs of the text are longer than {@link #MAX_CHARS} without a sentence end, i.e. get
   * cut.
   */
  public static int overlongRuns(String text) {
    int runs = 0;
    int len = 0;
    for (int i = 0; i < text.length(); i++) {
      if (isEnd(text.charAt(i))) {
        len = 0;
      } else if (++len == MAX_CHARS + 1) {
        runs++;
      }
    }
    return runs;
  }

  private static boolean isEnd(char c) {
    return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';'
        || c == '\n';
  }

  private static boolean isClosing(char c) {
    return c == '”' || c == '’' || c == '"' || c == '」' || c == '』' || c == ')' || c == '）';
  }

  private static void add(List<Sentence> out, String p, int b, int e, int offset) {
    while (b < e && Character.isWhitespace(p.charAt(b))) b++;
    while (e > b && Character.isWhitespace(p.charAt(e - 1))) e--;
    while (e - b > MAX_CHARS) {
      int cut = cut(p, b);
      add(out, p, b, cut, offset);
      b = cut;
      while (b < e && Character.isWhitespace(p.charAt(b))) b++;
    }
    if (e > b) out.add(new Sentence(b + offset, e + offset, p.substring(b, e)));
  }

  /**
   * Where a run starting at {@code b} is cut: after the last comma or space near the limit, else at
   * it (never inside a surrogate pair).
   */
  private static int cut(String p, int b) {
    int limit = b + MAX_CHARS;
    for (int i = limit - 1; i > limit - CUT_WINDOW; i--) {
      char c = p.charAt(i);
      if (c == '，'
          || c == ','
          || c == '、'
          || c == '：'
          || c == ':'
          || c == ' '
          || c == '\u3000'
          || c == '\t') return i + 1;
    }
    return Character.isLowSurrogate(p.charAt(limit))
            && Character.isHighSurrogate(p.charAt(limit - 1))
        ? limit - 1
        : limit;
  }
}
