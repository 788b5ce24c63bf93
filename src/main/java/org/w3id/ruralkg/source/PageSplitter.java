package org.w3id.ruralkg.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a normalised page into its articles: needs a {@link SourceText}, adds the page header
 * ({@link Masthead}), the articles (title, subtitle, authors and the lines they are printed on,
 * from {@link TitleClusters}) and their paragraphs as offsets into the page text. Stateless and
 * thread-safe.
 *
 * <p>An article starts at a title cluster: up to three heading lines (a kicker ending in ——, the
 * title, a —— subtitle) followed by a byline, a dateline (本报讯(记者 …)), or at least a —— subtitle;
 * the first heading of a page also counts. Other short lines are subheads of the current article.
 * Which article each paragraph belongs to is decided by {@link ArticleAssigner}.
 */
public final class PageSplitter {
  private static final Pattern CREDIT =
      Pattern.compile(
          "^[(（]?((图片|照片|本版图片|图)(均)?(由|为|/).{1,40}|.{0,30}\\s摄|\\p{IsHan}{2,4}\\s*摄|摄影[:：/].{1,30})[)）]?$");

  /** The longest paragraph; a real one is far shorter (the seeds' longest line has 474 chars). */
  public static final int MAX_PARAGRAPH_CHARS = 2_000;

  /**
   * Where an over-long paragraph starting at {@code from} ends: after the last sentence end in its
   * second half, else a comma or space, else at the limit.
   */
  static int paragraphCut(String text, int from) {
    int limit = from + MAX_PARAGRAPH_CHARS;
    for (String ends : new String[] {"。！？；!?;", "，,、：: \u3000"}) {
      for (int i = limit - 1; i > from + MAX_PARAGRAPH_CHARS / 2; i--)
        if (ends.indexOf(text.charAt(i)) >= 0) return i + 1;
    }
    return Character.isLowSurrogate(text.charAt(limit))
            && Character.isHighSurrogate(text.charAt(limit - 1))
        ? limit - 1
        : limit;
  }

  public Page split(SourceText source) {
    String text = source.text();
    List<Block> blocks = blocks(text);
    int n = blocks.size();
    boolean[] used = new boolean[n];
    PageHeader header = Masthead.header(blocks, used);

    List<TitleClusters.Cluster> clusters = TitleClusters.clusters(blocks, used);
    for (TitleClusters.Cluster c : clusters) for (int i = c.first; i < c.end; i++) used[i] = true;

    // paragraphs in text order, each with the segment (number of titles above it)
    List<ArticleAssigner.Item> items = new ArrayList<>();
    List<Paragraph> paragraphs = new ArrayList<>();
    int ci = 0;
    for (Block b : blocks) {
      while (ci < clusters.size() && clusters.get(ci).first <= b.index()) ci++;
      int start = b.start();
      if (ci > 0 && clusters.get(ci - 1).inlineBlock == b.index())
        start += clusters.get(ci - 1).inlineBodyStart;
      else if (used[b.index()]) continue;
      // a block of megabytes (no line break) becomes paragraphs of bounded length: the
      // extractor scans a paragraph per figure, which made such a block quadratic
      for (int from = start; from < b.end(); ) {
        int to = b.end() - from > MAX_PARAGRAPH_CHARS ? paragraphCut(text, from) : b.end();
        String t = text.substring(from, to);
        paragraphs.add(new Paragraph(from, to, t));
        items.add(
            new ArticleAssigner.Item(t, kind(b, t), from == start ? b.blanksBefore() : 0, ci));
        from = to;
      }
    }
    int[] photo = photoStories(items);
    List<ArticleAssigner.Item> rest = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) if (photo[i] < 0) rest.add(items.get(i));
    List<String> titles = new ArrayList<>();
    for (TitleClusters.Cluster c : clusters)
      titles.add(c.title + (c.subtitle == null ? "" : "\n" + c.subtitle));
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
    for (int i = 0; i < clusters.size(); i++)
      firstPos[i + 1] = blocks.get(clusters.get(i).first).start();
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
        TitleClusters.Cluster c = clusters.get(a - 1);
        articles.add(
            new Article(
                articles.size(), c.title, c.subtitle, c.authors, ps, c.heads, c.affiliations));
      }
    }
    return new Page(source, header, List.copyOf(articles));
  }

  /**
   * A photo story (图片新闻): an image caption, one to three paragraphs, and a photographer's credit (…
   * 摄). It is an untitled item of its own, not part of the article around it. Returns a story
   * number per item, -1 for items outside stories.
   */
  private static int[] photoStories(List<ArticleAssigner.Item> items) {
    int[] out = new int[items.size()];
    Arrays.fill(out, -1);
    int stories = 0;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).kind() != ArticleAssigner.Kind.CAPTION || items.get(i).blanksBefore() < 2)
        continue;
      int j = i + 1;
      while (j < items.size()
          && j - i <= 3
          && items.get(j).kind() == ArticleAssigner.Kind.BODY
          && items.get(j).segment() == items.get(i).segment()) {
        j++;
      }
      if (j == i + 1 || j >= items.size() || items.get(j).segment() != items.get(i).segment())
        continue;
      String credit = items.get(j).text();
      if (items.get(j).kind() != ArticleAssigner.Kind.CREDIT || !credit.endsWith("摄")) continue;
      for (int x = i; x <= j; x++) out[x] = stories;
      stories++;
      i = j;
    }
    return out;
  }

  /**
   * A caption printed above the text is not where the article starts: it follows the lead
   * paragraph.
   */
  private static List<Paragraph> captionsAfterLead(
      List<Paragraph> ps, List<ArticleAssigner.Kind> kinds) {
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
        if (pending != null) out.add(block(text, out.size(), pending, pendingBlanks, blanks));
        pending = new int[] {pos, end};
        pendingBlanks = blanks;
        blanks = 0;
      } else if (nl >= 0 || end > pos) {
        blanks++;
      }
      if (nl < 0) break;
      pos = nl + 1;
    }
    if (pending != null) out.add(block(text, out.size(), pending, pendingBlanks, blanks));
    return out;
  }

  /** The block of text at [span[0], span[1]) with the blank lines around it. */
  private static Block block(
      String text, int index, int[] span, int blanksBefore, int blanksAfter) {
    return new Block(
        index, span[0], span[1], text.substring(span[0], span[1]), blanksBefore, blanksAfter);
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
    return (b.blanksBefore() >= 2 && t.length() <= 100)
        || (b.blanksAfter() >= 2 && t.length() <= 40);
  }

  /** A short line that does not read as prose: a title or a subhead. */
  static boolean isHeading(String t) {
    if (t.length() > 50 || Chars.hanCount(t) < 2 || Chars.endsSentence(t)) return false;
    char last = t.charAt(t.length() - 1);
    if (last == ',' || last == '、' || last == ':' || last == ';' || last == '-' || last == '—')
      return false;
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

  static boolean headingish(String t) {
    return isKicker(t) || isSubtitle(t) || isHeading(t);
  }
}
