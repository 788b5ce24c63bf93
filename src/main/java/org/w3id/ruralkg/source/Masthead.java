package org.w3id.ruralkg.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a page's masthead and editor line: needs the page's lines ({@link Block}s); adds a {@link
 * PageHeader} (newspaper, editor line and editors, publication date) and marks the lines it used,
 * so that the splitter leaves them out of the articles. Stateless and thread-safe.
 */
final class Masthead {
  private static final Pattern EDITOR_KEY =
      Pattern.compile("(责编|责任编辑|组版|校对|美编|版式|审核|审签|值班主任|编辑|终审|二审|三审|E-mail|邮箱)\\s*[:：]");
  private static final Pattern NEWSPAPER = Pattern.compile("(\\p{IsHan}{2,10}(?:日报|晚报|早报|时报|报))");
  private static final Pattern DATE_OR_EDITION =
      Pattern.compile("(\\d{4}年\\d{1,2}月\\d{1,2}日|星期[一二三四五六日天]|第?\\s*\\d+\\s*版|\\p{IsHan}{2}版\\b)");

  /** A full date as mastheads print it: 2025年11月20日, 2025-11-20, 2025.11.20. */
  private static final Pattern FULL_DATE =
      Pattern.compile(
          "(?<![0-9])((?:19|20)[0-9]{2})\\s*(?:年|-|\\.|/)\\s*([01]?[0-9])\\s*(?:月|-|\\.|/)\\s*([0-3]?[0-9])(?:日|(?![0-9]))");

  /**
   * A masthead line that holds nothing but a date, a weekday, an edition, a lunar date or an issue
   * number.
   */
  private static final Pattern DATE_LINE =
      Pattern.compile(
          "^[\\s0-9年月日./\\-]*(?:(星期|周)[一二三四五六日天])?[\\s]*(?:农历\\S{2,8})?[\\s]*(?:第?\\s*[0-9]+\\s*(版|期))?[\\s]*(?:(星期|周)[一二三四五六日天])?\\s*$");

  private Masthead() {}

  static PageHeader header(List<Block> blocks, boolean[] used) {
    String newspaper = null;
    String editorLine = null;
    LocalDate published = null;
    List<String> editors = new ArrayList<>();
    for (Block b : blocks) {
      String t = b.text();
      if (t.length() > 200) continue;
      Matcher m = EDITOR_KEY.matcher(t);
      int keys = 0;
      while (m.find()) keys++;
      if (keys >= 2 || (keys == 1 && t.matches("^(责编|责任编辑)\\s*[:：].{0,40}$"))) {
        used[b.index()] = true;
        if (published == null) published = dateIn(t);
        if (editorLine == null) editorLine = t;
        editors.addAll(editors(t));
        if (newspaper == null) newspaper = newspaperIn(t);
      }
    }
    // a masthead line (报名 + 日期/版次) among the first lines
    for (int i = 0; i < Math.min(3, blocks.size()); i++) {
      Block b = blocks.get(i);
      String t = b.text();
      if (used[i] || t.length() > 80 || Chars.hasProsePunctuation(t.replace(",", ""))) continue;
      String paper = newspaperIn(t);
      LocalDate date = dateIn(t);
      if (paper != null && DATE_OR_EDITION.matcher(t).find()) {
        used[i] = true;
        if (newspaper == null) newspaper = paper;
        if (published == null) published = date;
      } else if (date != null && DATE_LINE.matcher(t).matches()) {
        // a line with only the date (and weekday/edition) is masthead, not article text
        used[i] = true;
        if (published == null) published = date;
      }
    }
    if (newspaper == null && editorLine == null && published == null) return PageHeader.NONE;
    return new PageHeader(
        newspaper, editorLine, List.copyOf(new LinkedHashSet<>(editors)), published);
  }

  /** The first valid full date in a header line, or null. */
  static LocalDate dateIn(String t) {
    Matcher m = FULL_DATE.matcher(t);
    while (m.find()) {
      try {
        return LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      } catch (java.time.DateTimeException e) {
        // 2025年13月..: not a date, look further
      }
    }
    return null;
  }

  private static String newspaperIn(String t) {
    Matcher m = NEWSPAPER.matcher(t);
    return m.find() ? m.group(1) : null;
  }

  /** Names after each editor key (责编:孔 竣 组版:田银川 …), up to the next key. */
  static List<String> editors(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = EDITOR_KEY.matcher(line);
    List<int[]> keys = new ArrayList<>();
    while (m.find())
      keys.add(
          new int[] {
            m.start(), m.end(), m.group(1).equals("E-mail") || m.group(1).equals("邮箱") ? 1 : 0
          });
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i)[2] == 1) continue;
      int end = i + 1 < keys.size() ? keys.get(i + 1)[0] : line.length();
      String seg = line.substring(keys.get(i)[1], end).trim();
      List<String> tokens = new ArrayList<>();
      for (String t : seg.split("[\\s、,，]+")) if (t.matches("\\p{IsHan}{1,4}")) tokens.add(t);
      List<String> names = Bylines.mergeSplitNames(tokens);
      if (names != null) out.addAll(names);
    }
    return out;
  }
}
