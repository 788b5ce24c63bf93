package org.w3id.ruralkg.extract.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Needs a sentence or its whole paragraph, the offset of a figure in it and the page's publication
 * year (or null); adds the calendar year the figure refers to when the text states it earlier in
 * the same full sentence: the nearest "2024年" (截至2025年10月, 2025年以来), or 今年/去年/前年/明年 relative to the
 * publication year (unresolved without it). A full sentence runs to 。！？ or a line break, so
 * semicolon parts share a year ("2024年，…8000余人次；…培训班1期"): pass the paragraph to get that. Years
 * inside quotes (“十四五”) and the start of a span (2021—2025年) are ignored. For many figures of one
 * paragraph, scan it once with {@link #marks}. Stateless, thread-safe.
 */
public final class YearFinder {
  private static final Pattern YEAR =
      Pattern.compile("(?<![0-9])((?:19[5-9]|20[0-9])[0-9])年|(今年|去年|前年|明年)");

  /**
   * The year for a figure starting at {@code quantityStart}, or null when the text does not say.
   */
  public Integer yearFor(String sentence, int quantityStart, Integer publicationYear) {
    if (sentence == null) return null;
    return marks(sentence).yearFor(quantityStart, publicationYear);
  }

  /** The year words of a paragraph, found once; ask them for each figure of the paragraph. */
  public Marks marks(String paragraph) {
    List<int[]> found = new ArrayList<>();
    if (paragraph != null) {
      Matcher m = YEAR.matcher(paragraph);
      while (m.find()) {
        if (insideQuote(paragraph, m.start())) continue;
        if (m.group(1) != null) {
          if (isRangeStart(paragraph, m.end())) continue;
          found.add(new int[] {m.start(), Integer.parseInt(m.group(1)), 0});
        } else {
          int shift =
              switch (m.group(2)) {
                case "今年" -> 0;
                case "去年" -> -1;
                case "前年" -> -2;
                default -> 1;
              };
          found.add(new int[] {m.start(), shift, 1});
        }
      }
    }
    return new Marks(paragraph == null ? "" : paragraph, found);
  }

  /** A paragraph's year words in text order: {start, year or shift, relative?}. Immutable. */
  public static final class Marks {
    private final String text;
    private final List<int[]> marks;

    private Marks(String text, List<int[]> marks) {
      this.text = text;
      this.marks = marks;
    }

    /**
     * The year for a figure at {@code quantityStart} of the paragraph: the nearest mark before it
     * in its full sentence.
     */
    public Integer yearFor(int quantityStart, Integer publicationYear) {
      int limit = Math.min(Math.max(quantityStart, 0), text.length());
      int from = limit;
      while (from > 0 && "。！？!?\n".indexOf(text.charAt(from - 1)) < 0) from--;
      int[] last = null;
      for (int[] mark : marks) {
        if (mark[0] >= limit) break;
        if (mark[0] >= from) last = mark;
      }
      if (last == null) return null;
      if (last[2] == 0) return last[1];
      // a relative year we cannot resolve hides any earlier absolute one
      return publicationYear == null ? null : publicationYear + last[1];
    }
  }

  /** 2021—2025年: the start of a span is not the year of the figure. */
  private static boolean isRangeStart(String s, int end) {
    return end < s.length() && "—-－~～至到".indexOf(s.charAt(end)) >= 0;
  }

  private static boolean insideQuote(String s, int pos) {
    int open = s.lastIndexOf('“', pos);
    if (open < 0) return false;
    int close = s.indexOf('”', open);
    return close > pos && close - open <= 8;
  }
}
