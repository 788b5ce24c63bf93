package org.w3id.ruralkg.extract.figure;

import org.w3id.ruralkg.common.Wordlist;

/**
 * Finds the noun a count refers to: the span right after the measure word (1.25万个就业岗位 -> 就业岗位),
 * else the span right before the number (培训班75期 -> 培训班). A span ends at punctuation, a digit, or a
 * verb/particle from a short list; compounds that contain such a word but are nouns (党组织, 就业岗位) are
 * stepped over whole. Stateless, thread-safe.
 */
final class CountedNoun {
  private static final int MAX = 14;

  /** Nouns that contain a stop word; they are taken whole: lexicon/counted-noun-bounds.tsv. */
  private static final String[] PROTECTED = bounds("protected");

  /** Words that end a noun read rightwards from the measure word. */
  private static final String[] RIGHT_STOPS = bounds("right-stop");

  /** Words that end a noun read leftwards from the number. */
  private static final String[] LEFT_STOPS = bounds("left-stop");

  private static String[] bounds(String role) {
    return Wordlist.words("counted-noun-bounds.tsv", role).toArray(String[]::new);
  }

  private static final String PUNCT = "，,。；;：:！？!?（）()“”‘’「」《》、—－-…·\n\r\t ";

  /**
   * The counted noun next to a quantity whose number starts at {@code numberStart} and whose
   * measure (and post-qualifier) ends at {@code after}; null if none.
   */
  String find(String t, int numberStart, int after) {
    String r = right(t, after);
    return r != null ? r : left(t, numberStart);
  }

  private static String right(String t, int pos) {
    return right(t, pos, false);
  }

  private static String rightOf(String t, int pos) {
    return right(t, pos, true);
  }

  private static String right(String t, int pos, boolean afterRelative) {
    int k = pos;
    while (k < t.length()) {
      if (k - pos > MAX) return null;
      String prot = startsWith(t, k, PROTECTED);
      if (prot != null) {
        k += prot.length();
        continue;
      }
      String stop = startsWith(t, k, RIGHT_STOPS);
      if (stop != null) {
        // 4名不想为、不敢为的村支书: the noun after a relative clause's 的 is what is counted
        if (stop.equals("的") && k > pos && !afterRelative && !startsWithNoun(t, pos)) {
          String head = rightOf(t, k + 1);
          if (head != null && head.length() <= 6) return head;
        }
        break;
      }
      char c = t.charAt(k);
      if (c == '(' || c == '（') {
        int close = closing(t, k, c == '(' ? ')' : '）', 10);
        if (close < 0 || k == pos) break;
        k = close + 1;
        continue;
      }
      if (c == '“' || c == '‘') {
        int close = closing(t, k, c == '“' ? '”' : '’', 12);
        if (close < 0) break;
        k = close + 1;
        continue;
      }
      if (c == '、' && k > pos) {
        k++;
        continue;
      }
      if (PUNCT.indexOf(c) >= 0 || isDigitLike(c)) break;
      k++;
    }
    String span = trimRight(t.substring(pos, k));
    return span.isEmpty() ? null : span;
  }

  private static String left(String t, int pos) {
    int k = pos;
    while (k > 0) {
      if (pos - k > MAX) return null;
      String prot = endsWith(t, k, PROTECTED);
      if (prot != null) {
        k -= prot.length();
        continue;
      }
      if (endsWith(t, k, LEFT_STOPS) != null) break;
      char c = t.charAt(k - 1);
      if (c == ')' || c == '）') {
        int open = opening(t, k - 1, c == ')' ? '(' : '（', 10);
        if (open < 0) break;
        k = open;
        continue;
      }
      if (c == '”' || c == '’') {
        int open = opening(t, k - 1, c == '”' ? '“' : '‘', 12);
        if (open < 0) break;
        k = open;
        continue;
      }
      if (c == '、' && k < pos) {
        k--;
        continue;
      }
      if (PUNCT.indexOf(c) >= 0 || isDigitLike(c)) break;
      k--;
    }
    if (k > 0 && isDigitLike(t.charAt(k - 1))) return null; // the noun of an earlier number
    String span = t.substring(k, pos);
    while (span.startsWith("、")) span = span.substring(1);
    return span.isEmpty() ? null : span;
  }

  /** 20名村民分工…负责村内的卫生: a noun right after the measure is the head, not a relative clause. */
  private static boolean startsWithNoun(String t, int pos) {
    for (String w : QuantityParser.PEOPLE) if (w.length() > 1 && t.startsWith(w, pos)) return true;
    return false;
  }

  private static boolean isDigitLike(char c) {
    return c >= '0' && c <= '9' || c == '%' || c == '％';
  }

  private static String trimRight(String s) {
    while (s.endsWith("、")) s = s.substring(0, s.length() - 1);
    if (s.length() > 2 && "上中里内".indexOf(s.charAt(s.length() - 1)) >= 0)
      s = s.substring(0, s.length() - 1);
    return s;
  }

  private static int closing(String t, int from, char close, int within) {
    for (int k = from + 1; k < t.length() && k - from <= within + 1; k++)
      if (t.charAt(k) == close) return k;
    return -1;
  }

  private static int opening(String t, int from, char open, int within) {
    for (int k = from - 1; k >= 0 && from - k <= within + 1; k--) if (t.charAt(k) == open) return k;
    return -1;
  }

  private static String startsWith(String t, int pos, String[] words) {
    String best = null;
    for (String w : words)
      if (t.startsWith(w, pos) && (best == null || w.length() > best.length())) best = w;
    return best;
  }

  private static String endsWith(String t, int pos, String[] words) {
    String best = null;
    for (String w : words) {
      int s = pos - w.length();
      if (s >= 0 && t.startsWith(w, s) && (best == null || w.length() > best.length())) best = w;
    }
    return best;
  }
}
