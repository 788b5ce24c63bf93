package org.w3id.ruralkg.extract.figure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Needs a sentence or its whole paragraph, the offset of a figure in it and the page's publication
 * year (or null); adds the calendar year the figure refers to when the text states it earlier in
 * the same full sentence: the nearest "2024年" (截至2025年10月, 2025年以来), or 今年/去年/前年
 * relative to the publication year. A full sentence runs to 。！？ or a line break, so semicolon
 * parts share a year ("2024年，…8000余人次；…培训班1期"): pass the paragraph to get that. Years
 * inside quotes (“十四五”) and the start of a span (2021—2025年) are ignored. Stateless, thread-safe.
 */
public final class YearFinder {
  private static final Pattern YEAR = Pattern.compile("(?<![0-9])((?:19[5-9]|20[0-9])[0-9])年|(今年|去年|前年|明年)");

  /** The year for a figure starting at {@code quantityStart}, or null when the text does not say. */
  public Integer yearFor(String sentence, int quantityStart, Integer publicationYear) {
    if (sentence == null) return null;
    int limit = Math.min(Math.max(quantityStart, 0), sentence.length());
    int from = limit;
    while (from > 0 && "。！？!?\n".indexOf(sentence.charAt(from - 1)) < 0) from--;
    Matcher m = YEAR.matcher(sentence);
    m.region(from, sentence.length());
    Integer found = null;
    while (m.find() && m.start() < limit) {
      if (insideQuote(sentence, m.start())) continue;
      if (m.group(1) != null) {
        if (isRangeStart(sentence, m.end())) continue;
        found = Integer.valueOf(m.group(1));
      } else if (publicationYear != null) {
        found = switch (m.group(2)) {
          case "今年" -> publicationYear;
          case "去年" -> publicationYear - 1;
          case "前年" -> publicationYear - 2;
          default -> publicationYear + 1;
        };
      } else {
        found = null; // a relative year we cannot resolve hides any earlier absolute one
      }
    }
    return found;
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
