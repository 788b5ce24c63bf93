package org.w3id.ruralkg.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a normalised page into its articles: needs a {@link SourceText}, adds the page header,
 * the articles (title, subtitle, authors) and their paragraphs as offsets into the page text.
 * Stateless and thread-safe.
 *
 * <p>An article starts at a title cluster: up to three heading lines (a kicker ending in ——, the
 * title, a —— subtitle) followed by a byline, a dateline (本报讯(记者 …)), or at least a ——
 * subtitle; the first heading of a page also counts. Other short lines are subheads of the current
 * article. Which article each paragraph belongs to is decided by {@link ArticleAssigner}.
 */
public final class PageSplitter {
  private static final Pattern EDITOR_KEY =
      Pattern.compile("(责编|责任编辑|组版|校对|美编|版式|审核|审签|值班主任|编辑|终审|二审|三审|E-mail|邮箱)\\s*[:：]");
  private static final Pattern NEWSPAPER = Pattern.compile("(\\p{IsHan}{2,10}(?:日报|晚报|早报|时报|报))");
  private static final Pattern DATE_OR_EDITION =
      Pattern.compile("(\\d{4}年\\d{1,2}月\\d{1,2}日|星期[一二三四五六日天]|第?\\s*\\d+\\s*版|\\p{IsHan}{2}版\\b)");
  /** A full date as mastheads print it: 2025年11月20日, 2025-11-20, 2025.11.20. */
  private static final Pattern FULL_DATE =
      Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})\\s*(?:年|-|\\.|/)\\s*([01]?[0-9])\\s*(?:月|-|\\.|/)\\s*([0-3]?[0-9])(?:日|(?![0-9]))");
  /** A masthead line that holds nothing but a date, a weekday, an edition, a lunar date or an issue number. */
  private static final Pattern DATE_LINE = Pattern.compile(
      "^[\\s0-9年月日./\\-]*(?:(星期|周)[一二三四五六日天])?[\\s]*(?:农历\\S{2,8})?[\\s]*(?:第?\\s*[0-9]+\\s*(版|期))?[\\s]*(?:(星期|周)[一二三四五六日天])?\\s*$");
  private static final Pattern CREDIT = Pattern.compile(
      "^[(（]?((图片|照片|本版图片|图)(均)?(由|为|/).{1,40}|.{0,30}\\s摄|\\p{IsHan}{2,4}\\s*摄|摄影[:：/].{1,30})[)）]?$");
  private static final Pattern PLACE_LABEL = Pattern.compile("^\\p{IsHan}{2,10}(省|市|州|县|区|镇|乡|村|街道|社区)$");

  /** The longest paragraph; a real one is far shorter (the seeds' longest line has 474 chars). */
  public static final int MAX_PARAGRAPH_CHARS = 2_000;

  /** Where an over-long paragraph starting at {@code from} ends: after the last sentence end in its second half, else a comma or space, else at the limit. */
  static int paragraphCut(String text, int from) {
    int limit = from + MAX_PARAGRAPH_CHARS;
    for (String ends : new String[] {"。！？；!?;", "，,、：: \u3000"}) {
      for (int i = limit - 1; i > from + MAX_PARAGRAPH_CHARS / 2; i--) if (ends.indexOf(text.charAt(i)) >= 0) return i + 1;
    }
    return Character.isLowSurrogate(text.charAt(limit)) && Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
  }

  public Page split(SourceText source) {
    String text = source.text();
    List<Block> blocks = blocks(text);
    int n = blocks.size();
    boolean[] used = new boolean[n];
    PageHeader header = header(blocks, used);

    List<Cluster> clusters = clusters(blocks, used);
    for (Cluster c : clusters) for (int i = c.first; i < c.end; i++) used[i] = true;

    // paragraphs in text order, each with the segment (number of titles above it)
    List<ArticleAssigner.Item> items = new ArrayList<>();
    List<Paragraph> paragraphs = new ArrayList<>();
    int ci = 0;
    for (Block b : blocks) {
      while (ci < clusters.size() && clusters.get(ci).first <= b.index()) ci++;
      int start = b.start();
      if (ci > 0 && clusters.get(ci - 1).inlineBlock == b.index()) start += clusters.get(ci - 1).inlineBodyStart;
      else if (used[b.index()]) continue;
      // a block of megabytes (no line break) becomes paragraphs of bounded length: the
      // extractor scans a paragraph per figure, which made such a block quadratic
      for (int from = start; from < b.end(); ) {
        int to = b.end() - from > MAX_PARAGRAPH_CHARS ? paragraphCut(text, from) : b.end();
        String t = text.substring(from, to);
        paragraphs.add(new Paragraph(from, to, t));
        items.add(new ArticleAssigner.Item(t, kind(b, t), from == start ? b.blanksBefore() : 0, ci));
        from = to;
      }
    }
    int[] photo = photoStories(items);
    List<ArticleAssigner.Item> rest = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) if (photo[i] < 0) rest.add(items.get(i));
    List<String> titles = new ArrayList<>();
    for (Cluster c : clusters) titles.add(c.title + (c.subtitle == null ? "" : "\n" + c.subtitle));
    int[] restOwner = ArticleAssigner.assign(rest, titles);
    int[] owner = new int[items.size()];
    int stories = 0;
    for (int i = 0, r = 0; i < items.size(); i++) {
      owner[i] = photo[i] >= 0 ? clusters.size() + 1 + photo[i] : restOwner[r++];
      stories = Math.max(stories, photo[i] + 1);
    }

    // articles in order of first appearance (their title, or their first paragraph)
    int k = clusters.size() + 1 + stories;
    int[] firstPos = new int[k];
    Arrays.fill(firstPos, Integer.MAX_VALUE);
    for (int i = 0; i < clusters.size(); i++) firstPos[i + 1] = blocks.get(clusters.get(i).first).start();
    List<List<Paragraph>> byArticle = new ArrayList<>();
    List<List<ArticleAssigner.Kind>> kinds = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      byArticle.add(new ArrayList<>());
      kinds.add(new ArrayList<>());
    }
    for (int i = 0; i < paragraphs.size(); i++) {
      byArticle.get(owner[i]).add(paragraphs.get(i));
      kinds.get(owner[i]).add(items.get(i).kind());
      firstPos[owner[i]] = Math.min(firstPos[owner[i]], paragraphs.get(i).start());
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < k; i++) if (i > 0 || !byArticle.get(0).isEmpty()) order.add(i);
    order.sort(Comparator.comparingInt(i -> firstPos[i]));
    List<Article> articles = new ArrayList<>();
    for (int a : order) {
      List<Paragraph> ps = captionsAfterLead(byArticle.get(a), kinds.get(a));
      if (a == 0 || a > clusters.size()) {
        articles.add(new Article(articles.size(), "", null, List.of(), ps));
      } else {
        Cluster c = clusters.get(a - 1);
        articles.add(new Article(articles.size(), c.title, c.subtitle, c.authors, ps, c.heads));
      }
    }
    return new Page(source, header, List.copyOf(articles));
  }

  /**
   * A photo story (图片新闻): an image caption, one to three paragraphs, and a photographer's credit
   * (… 摄). It is an untitled item of its own, not part of the article around it. Returns a story
   * number per item, -1 for items outside stories.
   */
  private static int[] photoStories(List<ArticleAssigner.Item> items) {
    int[] out = new int[items.size()];
    Arrays.fill(out, -1);
    int stories = 0;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).kind() != ArticleAssigner.Kind.CAPTION || items.get(i).blanksBefore() < 2) continue;
      int j = i + 1;
      while (j < items.size() && j - i <= 3 && items.get(j).kind() == ArticleAssigner.Kind.BODY
          && items.get(j).segment() == items.get(i).segment()) {
        j++;
      }
      if (j == i + 1 || j >= items.size() || items.get(j).segment() != items.get(i).segment()) continue;
      String credit = items.get(j).text();
      if (items.get(j).kind() != ArticleAssigner.Kind.CREDIT || !credit.endsWith("摄")) continue;
      for (int x = i; x <= j; x++) out[x] = stories;
      stories++;
      i = j;
    }
    return out;
  }

  /** A caption printed above the text is not where the article starts: it follows the lead paragraph. */
  private static List<Paragraph> captionsAfterLead(List<Paragraph> ps, List<ArticleAssigner.Kind> kinds) {
    int lead = -1;
    for (int i = 0; i < ps.size(); i++) {
      if (kinds.get(i) == ArticleAssigner.Kind.BODY) {
        lead = i;
        break;
      }
    }
    if (lead <= 0) return List.copyOf(ps);
    List<Paragraph> out = new ArrayList<>();
    out.add(ps.get(lead));
    out.addAll(ps.subList(0, lead));
    out.addAll(ps.subList(lead + 1, ps.size()));
    return List.copyOf(out);
  }

  // --- blocks -------------------------------------------------------------------------------

  static List<Block> blocks(String text) {
    List<Block> out = new ArrayList<>();
    int blanks = 0;
    int pos = 0;
    int n = text.length();
    int[] pending = null; // start, end of the block waiting to learn its blanksAfter
    int pendingBlanks = 0;
    while (pos <= n) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? n : nl;
      if (end > pos && !text.substring(pos, end).isBlank()) {
        if (pending != null) {
          out.add(new Block(out.size(), pending[0], pending[1], text.substring(pending[0], pending[1]), pendingBlanks, blanks));
        }
        pending = new int[] {pos, end};
        pendingBlanks = blanks;
        blanks = 0;
      } else if (nl >= 0 || end > pos) {
        blanks++;
      }
      if (nl < 0) break;
      pos = nl + 1;
    }
    if (pending != null) {
      out.add(new Block(out.size(), pending[0], pending[1], text.substring(pending[0], pending[1]), pendingBlanks, blanks));
    }
    return out;
  }

  // --- header -------------------------------------------------------------------------------

  private static PageHeader header(List<Block> blocks, boolean[] used) {
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
    return new PageHeader(newspaper, editorLine, List.copyOf(new LinkedHashSet<>(editors)), published);
  }

  /** The first valid full date in a header line, or null. */
  static LocalDate dateIn(String t) {
    Matcher m = FULL_DATE.matcher(t);
    while (m.find()) {
      try {
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
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
    while (m.find()) keys.add(new int[] {m.start(), m.end(), m.group(1).equals("E-mail") || m.group(1).equals("邮箱") ? 1 : 0});
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

  // --- line kinds ---------------------------------------------------------------------------

  private static ArticleAssigner.Kind kind(Block b, String t) {
    if (isCredit(t)) return ArticleAssigner.Kind.CREDIT;
    if (isCaption(b, t)) return ArticleAssigner.Kind.CAPTION;
    if (isHeading(t) || Bylines.standalone(t, false) != null) return ArticleAssigner.Kind.SUBHEAD;
    return ArticleAssigner.Kind.BODY;
  }

  static boolean isCredit(String t) {
    return t.length() <= 50 && CREDIT.matcher(t).matches();
  }

  /** A one-sentence line standing next to an image break. */
  static boolean isCaption(Block b, String t) {
    if (!Chars.endsSentence(t)) return false;
    int body = t.length() - 1;
    while (body > 0 && Chars.isClosing(t.charAt(body))) body--;
    for (int i = 0; i < body; i++) if (Chars.isSentenceEnd(t.charAt(i))) return false;
    return (b.blanksBefore() >= 2 && t.length() <= 100) || (b.blanksAfter() >= 2 && t.length() <= 40);
  }

  /** A short line that does not read as prose: a title or a subhead. */
  static boolean isHeading(String t) {
    if (t.length() > 50 || Chars.hanCount(t) < 2 || Chars.endsSentence(t)) return false;
    char last = t.charAt(t.length() - 1);
    if (last == ',' || last == '、' || last == ':' || last == ';' || last == '-' || last == '—') return false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '。' || c == ';' || c == '!' || c == '?') return false;
      if ((c == ',' || c == '、') && t.length() > 30) return false;
    }
    return !isCredit(t);
  }

  static boolean isKicker(String t) {
    return t.length() <= 100 && t.endsWith("—") && Chars.hanCount(t) >= 4 && !t.startsWith("—");
  }

  static boolean isSubtitle(String t) {
    return t.length() <= 80 && (t.startsWith("—") || t.startsWith("--")) && Chars.hanCount(t) >= 2;
  }

  private static boolean headingish(String t) {
    return isKicker(t) || isSubtitle(t) || isHeading(t);
  }

  // --- title clusters -----------------------------------------------------------------------

  /** A title cluster: blocks [first, end), and the article facts it prints. */
  private static final class Cluster {
    int first;
    int end;
    String title;
    String subtitle;
    /** The lines title and subtitle are printed on: title first, then subtitle. */
    List<Paragraph> heads = List.of();
    List<String> authors = List.of();
    int inlineBlock = -1; // a body block that opens with a dateline byline
    int inlineBodyStart;
  }

  private static List<Cluster> clusters(List<Block> blocks, boolean[] used) {
    List<Cluster> out = new ArrayList<>();
    int firstContent = 0;
    while (firstContent < blocks.size() && used[firstContent]) firstContent++;
    int i = firstContent;
    while (i < blocks.size()) {
      Cluster c = clusterAt(blocks, used, i, i == firstContent);
      if (c == null) {
        i++;
        continue;
      }
      out.add(c);
      i = Math.max(c.end, c.inlineBlock + 1);
    }
    return out;
  }

  private static Cluster clusterAt(List<Block> blocks, boolean[] used, int i, boolean pageStart) {
    if (used[i] || !headingish(blocks.get(i).text()) || isCaption(blocks.get(i), blocks.get(i).text())) return null;
    int j = i;
    List<String> authors = null;
    while (j < blocks.size() && j - i < 3 && !used[j]) {
      String t = blocks.get(j).text();
      if (j > i) {
        authors = Bylines.standalone(t, true);
        if (authors != null) break;
      }
      if (!headingish(t) || (j > i && isSubtitle(blocks.get(j - 1).text()) && !isSubtitle(t))) break;
      j++;
    }
    if (j == i) return null;
    List<String> heads = new ArrayList<>();
    for (int h = i; h < j; h++) heads.add(blocks.get(h).text());
    List<Block> headBlocks = blocks.subList(i, j);
    if (heads.stream().noneMatch(PageSplitter::isHeading)) return null;
    Cluster c = new Cluster();
    c.first = i;
    if (authors == null && j < blocks.size() && !used[j] && Bylines.standalone(blocks.get(j).text(), false) != null) {
      authors = Bylines.standalone(blocks.get(j).text(), false);
    }
    if (authors != null) {
      Set<String> all = new LinkedHashSet<>(authors);
      int e = j + 1;
      while (e < blocks.size() && !used[e]) {
        List<String> more = Bylines.standalone(blocks.get(e).text(), false);
        if (more == null) break;
        all.addAll(more);
        e++;
      }
      c.end = e;
      c.authors = List.copyOf(all);
    } else if (j < blocks.size() && !used[j] && Bylines.inline(blocks.get(j).text()) != null) {
      Bylines.Inline in = Bylines.inline(blocks.get(j).text());
      c.end = j;
      c.authors = List.copyOf(new LinkedHashSet<>(in.names()));
      c.inlineBlock = j;
      c.inlineBodyStart = in.bodyStart();
    } else if (heads.stream().anyMatch(PageSplitter::isSubtitle) || pageStart) {
      c.end = j;
    } else {
      return null;
    }
    titleParts(c, headBlocks);
    return c;
  }

  /** Title, subtitle (—— line, else a kicker, else a second heading line) from the heading lines. */
  private static void titleParts(Cluster c, List<Block> heads) {
    Paragraph kicker = null;
    Paragraph sub = null;
    List<Paragraph> titles = new ArrayList<>();
    for (Block b : heads) {
      String h = b.text();
      if (isSubtitle(h)) sub = span(b, stripDashes(h));
      else if (isKicker(h)) kicker = span(b, stripDashes(h));
      else titles.add(span(b, h));
    }
    List<Paragraph> titleLines = new ArrayList<>();
    String title = "";
    // heads may be only a —— subtitle or kicker line (a page that opens with one): no title then
    if (!titles.isEmpty()) {
      title = titles.get(0).text();
      titleLines.add(titles.get(0));
    }
    if (titles.size() > 1) {
      if (PLACE_LABEL.matcher(titles.get(0).text()).matches()) {
        // a place label printed above the headline (德江台头村 / “四领模式”…) belongs to it
        title = titles.get(0).text() + " " + titles.get(1).text();
        // printed on two lines, the joined title is no span of the page: no head for it (as when
        // titles were searched for in the text, which never found it; linking the two lines is a
        // change of behaviour to be measured on the gold on its own)
        titleLines.clear();
      } else if (sub == null) {
        sub = titles.get(1);
      }
    }
    Paragraph subtitle = sub != null ? sub : kicker;
    c.title = title;
    c.subtitle = subtitle == null ? null : subtitle.text();
    List<Paragraph> spans = new ArrayList<>();
    for (Paragraph t : titleLines) if (!t.text().isBlank()) spans.add(t);
    if (subtitle != null && !subtitle.text().isBlank()) spans.add(subtitle);
    c.heads = List.copyOf(spans);
  }

  /** Where {@code part} (the block's text, or that text stripped of its dashes) is printed in the block, as a paragraph. */
  private static Paragraph span(Block b, String part) {
    int at = b.start() + b.text().indexOf(part);
    return new Paragraph(at, at + part.length(), part);
  }

  private static String stripDashes(String s) {
    return s.replaceAll("^[—\\-\\s]+", "").replaceAll("[—\\-\\s]+$", "");
  }
}
