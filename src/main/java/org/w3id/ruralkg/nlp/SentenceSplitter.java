package org.w3id.ruralkg.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a paragraph into sentences at 。！？；!?; and line breaks, keeping a closing quote with its
 * sentence. Offsets are shifted by the paragraph's start so they point into the page text.
 * Stateless and thread-safe.
 */
public final class SentenceSplitter {
  private SentenceSplitter() {}

  public static List<Sentence> split(String paragraph, int offset) {
    List<Sentence> out = new ArrayList<>();
    int n = paragraph.length();
    int begin = 0;
    for (int i = 0; i < n; i++) {
      char c = paragraph.charAt(i);
      boolean end = c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';' || c == '\n';
      if (!end) continue;
      int stop = i + 1;
      while (stop < n && isClosing(paragraph.charAt(stop))) stop++;
      add(out, paragraph, begin, stop, offset);
      begin = stop;
      i = stop - 1;
    }
    add(out, paragraph, begin, n, offset);
    return out;
  }

  private static boolean isClosing(char c) {
    return c == '”' || c == '’' || c == '"' || c == '」' || c == '』' || c == ')' || c == '）';
  }

  private static void add(List<Sentence> out, String p, int b, int e, int offset) {
    while (b < e && Character.isWhitespace(p.charAt(b))) b++;
    while (e > b && Character.isWhitespace(p.charAt(e - 1))) e--;
    if (e > b) out.add(new Sentence(b + offset, e + offset, p.substring(b, e)));
  }
}
