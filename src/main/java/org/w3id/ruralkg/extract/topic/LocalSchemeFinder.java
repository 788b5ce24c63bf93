package org.w3id.ruralkg.extract.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3id.ruralkg.common.Wordlist;

/**
 * Finds named local schemes written in quotes: “2+5”工作机制, “721”利益分配机制, “三联三争”机制, “巧十条”, “四领模式”,
 * “一线工作法”. Needs nothing but the text; stateless and thread-safe.
 *
 * <p>Label convention (SPEC/gold): a code-like quoted part (digits, letters, +) keeps the head
 * phrase that follows it ("2+5工作机制", "131就业帮扶服务"); a quoted Chinese name is the label by itself
 * ("三联三争" from “三联三争”机制).
 */
final class LocalSchemeFinder {
  /** One scheme: [start, end) is the span the label was read from. */
  record Scheme(int start, int end, String label) {
    /** The label is the quoted name itself (not a code with the head after the quote). */
    boolean quotedName() {
      return end - start == label.length();
    }
  }

  /**
   * Head nouns after a code-like quoted name, after a Chinese one, and those needing a qualifier:
   * lexicon/scheme-heads.tsv.
   */
  private static final List<String> HEADS = List.copyOf(Wordlist.words("scheme-heads.tsv", "code"));

  private static final List<String> NAME_HEADS =
      List.copyOf(Wordlist.words("scheme-heads.tsv", "name"));
  private static final Set<String> WEAK_HEADS = Wordlist.words("scheme-heads.tsv", "weak");

  /** A head followed by one of these is part of a longer noun (服务站, 服务平台, 服务队). */
  private static final String COMPOUND_NEXT = "站队员所部台心点岗区厂室馆平中群车";

  private static final Pattern CODE = Pattern.compile("[0-9A-Za-z+＋]+");

  /** 巧十条, 十条, 20条: a short name for a numbered list of measures. */
  private static final Pattern NUMBERED = Pattern.compile("\\p{IsHan}{0,2}[一二三四五六七八九十百0-9]+条");

  private static final Pattern NAME_SCHEME =
      Pattern.compile(
          "\\p{IsHan}{2,8}("
              + String.join("|", Wordlist.words("scheme-heads.tsv", "inside"))
              + ")");

  private LocalSchemeFinder() {}

  static List<Scheme> find(String text, Set<String> conceptLabels) {
    List<Scheme> out = new ArrayList<>();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int close = -1;
      if (c == '“' || c == '‘' || c == '「' || c == '『') {
        close = closing(text, i);
      } else if (c == '"') {
        // ASCII quotes do not say which end they are: pair with the next one only if what lies
        // between reads as a short term, else take this one for a stray closing quote
        close = text.indexOf('"', i + 1);
        if (close < 0 || close - i > 16 || !term(text.substring(i + 1, close))) continue;
      }
      if (close < 0) continue;
      Scheme s = scheme(text, i, close, conceptLabels);
      if (s != null) out.add(s);
      if (c == '"') i = close;
    }
    return out;
  }

  private static boolean term(String s) {
    if (s.isBlank()) return false;
    for (int k = 0; k < s.length(); k++) {
      if ("，。；：！？,;:!?\n 　".indexOf(s.charAt(k)) >= 0) return false;
    }
    return true;
  }

  private static int closing(String text, int open) {
    char want =
        switch (text.charAt(open)) {
          case '“' -> '”';
          case '‘' -> '’';
          case '「' -> '」';
          default -> '』';
        };
    int limit = Math.min(text.length(), open + 20);
    for (int j = open + 1; j < limit; j++) {
      char d = text.charAt(j);
      if (d == want) return j;
      if (d == '\n' || d == '。') return -1;
    }
    return -1;
  }

  private static Scheme scheme(String text, int open, int close, Set<String> conceptLabels) {
    String x = text.substring(open + 1, close).strip();
    if (x.length() < 2 || x.length() > 14 || conceptLabels.contains(x)) return null;
    boolean code = CODE.matcher(x).matches() && x.chars().anyMatch(Character::isDigit);
    // a middle dot joins the parts of one name (党建统领·四共四筹), an enumeration comma its parallel
    // parts (“微改造、精提升”, “人人持证、技能河南”)
    if (!code
        && !x.codePoints()
            .allMatch(
                cp ->
                    Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                        || Character.isDigit(cp)
                        || Character.isLetter(cp)
                        || cp == '·'
                        || cp == '、')) return null;
    // a scheme's name is compact: one with 的 is a description (“家门口的务工车间”建设)
    if (!parallelParts(x) || !code && x.indexOf('的') >= 0) return null;
    String head = headAfter(text, close + 1, code);
    if (code) {
      return head == null ? null : new Scheme(open + 1, close + 1 + head.length(), x + head);
    }
    if (head != null || NUMBERED.matcher(x).matches() || NAME_SCHEME.matcher(x).matches()) {
      return new Scheme(open + 1, close, x);
    }
    return null;
  }

  /**
   * Parts joined by 、 are parallel phrases (three characters or more, all of one length), not a
   * list of words.
   */
  private static boolean parallelParts(String x) {
    if (x.indexOf('、') < 0) return true;
    String[] parts = x.split("、", -1);
    int len = parts[0].length();
    for (String p : parts) if (p.length() < 3 || p.length() != len) return false;
    return true;
  }

  /**
   * The shortest run of Han characters right after the quote that ends in a head noun, or null.
   * After a Chinese name only a short run with a noun-like head counts ("“两委”迅速行动" is a verb
   * phrase).
   */
  private static String headAfter(String text, int from, boolean code) {
    int n = text.length();
    int end = from;
    int max = code ? 14 : 6;
    while (end < n
        && end - from < max
        && Character.UnicodeScript.of(text.charAt(end)) == Character.UnicodeScript.HAN) end++;
    String run = text.substring(from, end);
    if (run.isEmpty() || "等的和与及".indexOf(run.charAt(0)) >= 0) return null;
    for (int k = 2; k <= run.length(); k++) {
      String prefix = run.substring(0, k);
      if (prefix.contains("的")) return null;
      for (String h : code ? HEADS : NAME_HEADS) {
        if (!prefix.endsWith(h)) continue;
        if (k < run.length() && COMPOUND_NEXT.indexOf(run.charAt(k)) >= 0) continue;
        if (WEAK_HEADS.contains(h) && prefix.length() == h.length()) return null;
        return prefix;
      }
    }
    return null;
  }
}
