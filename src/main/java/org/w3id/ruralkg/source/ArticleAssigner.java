package org.w3id.ruralkg.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which article each paragraph of a page belongs to: needs the paragraphs in text order
 * with the segment (the last title above them) they sit in, adds an article number per paragraph.
 * Stateless and thread-safe.
 *
 * <p>By default a paragraph belongs to the title above it. Interleaved layouts break that: text
 * after an image may be the start of a story whose title comes later, and paragraphs after a new
 * title may continue an older story. So paragraphs are grouped into runs (cut at subheads, images,
 * captions, and where a paragraph stops mid-sentence), and a run moves to another article only when
 * its distinctive vocabulary (IDF-weighted Han bigrams) and sentence continuity clearly favour it.
 * Only articles whose titles are near the run are considered, so long pages stay linear.
 */
final class ArticleAssigner {
  enum Kind {
    BODY,
    SUBHEAD,
    CAPTION,
    CREDIT
  }

  /** A paragraph to place: its text, kind, blank lines before it, and its default article. */
  record Item(String text, Kind kind, int blanksBefore, int segment) {}

  private static final int WINDOW = 3;
  private static final double MARGIN = 0.1;
  private static final double QUOTE_CONTINUATION = 0.25;
  private static final double TEXT_CONTINUATION = 0.1;
  private static final double RATIO = 2.5;

  private ArticleAssigner() {}

  /**
   * Article number per item. Articles are numbered 0 (untitled text before the first title) to
   * {@code titles}; segment s items default to article s.
   */
  static int[] assign(List<Item> items, List<String> titles) {
    int n = items.size();
    int[] out = new int[n];
    if (n == 0) return out;
    int articles = titles.size() + 1;
    List<Run> runs = runs(items);
    List<String> texts = new ArrayList<>();
    for (Item it : items) texts.add(it.text());
    texts.addAll(titles);
    Map<Long, Double> idf = idf(texts);
    for (Run r : runs) r.vector = vector(items, r, idf);

    // Each article is known by its title and the text right under it (its anchor). Profiles are
    // not grown with the runs they attract: on a page of look-alike items that would snowball.
    int[] assign = new int[runs.size()];
    boolean[] fixed = new boolean[runs.size()];
    boolean[] anchored = new boolean[articles];
    Profiles prof = new Profiles(articles);
    for (int k = 1; k < articles; k++) prof.add(k, vector(titles.get(k - 1), idf));
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      assign[i] = r.segment;
      if (r.positional) fixed[i] = true;
      else if (!anchored[r.segment]) {
        anchored[r.segment] = true; // the text right under a title is that article's by definition
        fixed[i] = true;
        prof.add(r.segment, r.vector);
      }
    }
    int[] lastItem = new int[articles];
    Arrays.fill(lastItem, -1);
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      if (!fixed[i]) {
        int d = defaultArticle(r, i, runs, assign);
        double base = score(r, d, prof, items, lastItem);
        int best = d;
        double bestScore = base;
        int lo = Math.max(0, r.segment - WINDOW);
        int hi = Math.min(articles - 1, r.segment + WINDOW);
        for (int k = lo; k <= hi; k++) {
          if (k == d
              || (k == 0 && r.segment != 0)
              || !eligible(r, k, i, runs, assign, items, lastItem)) continue;
          double s = score(r, k, prof, items, lastItem);
          if (s > bestScore) {
            bestScore = s;
            best = k;
          }
        }
        assign[i] = bestScore >= base + MARGIN && bestScore >= RATIO * base ? best : d;
      }
      if (!r.positional) lastItem[assign[i]] = r.last;
    }
    placePositional(items, runs, assign);
    for (int i = 0; i < runs.size(); i++) {
      for (int k = runs.get(i).first; k <= runs.get(i).last; k++) out[k] = assign[i];
    }
    return out;
  }

  /**
   * Text flows on: a run continues the article of the run before it in the same segment, unless the
   * text visibly jumps (image, caption, cut-off sentence); then it falls back to the title above.
   */
  private static int defaultArticle(Run r, int i, List<Run> runs, int[] assign) {
    if (r.hardStart) return r.segment;
    for (int j = i - 1; j >= 0; j--) {
      Run p = runs.get(j);
      if (p.segment != r.segment) break;
      if (!p.positional) return assign[j];
    }
    return r.segment;
  }

  /**
   * Where a run may go besides its default: back to an earlier article only if that one was cut off
   * mid-sentence (a column jump) or the run before went there; forward to a later title only after
   * an image break (text printed beside a picture, before its title), to finish a sentence the
   * later article left open, or to follow the run before it.
   */
  private static boolean eligible(
      Run r, int k, int i, List<Run> runs, int[] assign, List<Item> items, int[] lastItem) {
    if (k < r.segment) return open(k, r, items, lastItem) || previousRunIn(k, i, runs, assign);
    if (k == r.segment) return true;
    if (r.segment == 0 || r.afterImage || continuation(r, k, items, lastItem) > 0) return true;
    return previousRunIn(k, i, runs, assign);
  }

  private static double score(Run r, int k, Profiles prof, List<Item> items, int[] lastItem) {
    return prof.cosine(k, r.vector) + continuation(r, k, items, lastItem);
  }

  /** Article k was interrupted: its latest paragraph before the run stops mid-sentence. */
  private static boolean open(int k, Run r, List<Item> items, int[] lastItem) {
    int last = lastItem[k];
    if (last < 0 || last >= r.first) return false;
    Item prev = items.get(last);
    return prev.kind() == Kind.BODY && !Chars.endsSentence(prev.text());
  }

  private static boolean previousRunIn(int k, int i, List<Run> runs, int[] assign) {
    for (int j = i - 1; j >= 0; j--) {
      if (!runs.get(j).positional) return assign[j] == k;
    }
    return false;
  }

  /** Bonus when article k's latest paragraph stops mid-sentence and the run can finish it. */
  private static double continuation(Run r, int k, List<Item> items, int[] lastItem) {
    int last = lastItem[k];
    if (last < 0 || last >= r.first) return 0;
    Item prev = items.get(last);
    String t = prev.text();
    if (prev.kind() != Kind.BODY || t.isEmpty() || Chars.endsSentence(t)) return 0;
    char end = t.charAt(t.length() - 1);
    char first = items.get(r.first).text().charAt(0);
    if (end == ':' && first == '“') return QUOTE_CONTINUATION;
    if (end != ':' && Chars.isHan(first) && items.get(r.first).kind() == Kind.BODY)
      return TEXT_CONTINUATION;
    return 0;
  }

  /** Captions and credits go with the article of the text (or title) just before them. */
  private static void placePositional(List<Item> items, List<Run> runs, int[] assign) {
    int current = -1;
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      if (!r.positional) {
        current = assign[i];
        continue;
      }
      boolean newSegment = i == 0 || runs.get(i - 1).segment != r.segment;
      if (newSegment && r.segment > 0) current = r.segment;
      if (current < 0) current = nextBody(runs, assign, i, r.segment);
      assign[i] = current;
    }
  }

  private static int nextBody(List<Run> runs, int[] assign, int from, int fallback) {
    for (int j = from + 1; j < runs.size(); j++) if (!runs.get(j).positional) return assign[j];
    return fallback;
  }

  // --- runs ---------------------------------------------------------------------------------

  private static final class Run {
    int first;
    int last;
    int segment;
    boolean positional; // caption or credit: placed by position, not by content
    boolean hardStart; // starts after an image, a caption or a sentence cut off mid-way
    boolean afterImage; // starts after an image break or its caption
    Map<Long, Double> vector;
  }

  private static List<Run> runs(List<Item> items) {
    List<Run> runs = new ArrayList<>();
    Run cur = null;
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      boolean positional = it.kind() == Kind.CAPTION || it.kind() == Kind.CREDIT;
      Item prev = i > 0 ? items.get(i - 1) : null;
      boolean cutOff = prev != null && prev.kind() == Kind.BODY && !Chars.endsSentence(prev.text());
      boolean afterPositional =
          prev != null && (prev.kind() == Kind.CAPTION || prev.kind() == Kind.CREDIT);
      boolean start =
          cur == null
              || positional
              || cur.positional
              || cur.segment != it.segment
              || it.blanksBefore() >= 2
              || it.kind() == Kind.SUBHEAD
              || cutOff;
      if (start) {
        cur = new Run();
        cur.first = i;
        cur.segment = it.segment();
        cur.positional = positional;
        cur.afterImage = it.blanksBefore() >= 2 || afterPositional;
        cur.hardStart = cur.afterImage || cutOff;
        runs.add(cur);
      }
      cur.last = i;
    }
    return runs;
  }

  // --- vectors ------------------------------------------------------------------------------

  private static Map<Long, Double> idf(List<String> texts) {
    Map<Long, Integer> df = new HashMap<>();
    for (String t : texts) for (Long g : bigrams(t).keySet()) df.merge(g, 1, Integer::sum);
    Map<Long, Double> idf = new HashMap<>();
    double n = texts.size() + 1;
    // a bigram in one paragraph says nothing about which article it shares words with
    for (Map.Entry<Long, Integer> e : df.entrySet()) {
      if (e.getValue() >= 2) idf.put(e.getKey(), Math.log(n / e.getValue()));
    }
    return idf;
  }

  private static Map<Long, Integer> bigrams(String t) {
    Map<Long, Integer> m = new HashMap<>();
    for (int i = 0; i + 1 < t.length(); i++) {
      char a = t.charAt(i);
      char b = t.charAt(i + 1);
      if (Chars.isHan(a) && Chars.isHan(b)) m.merge(((long) a << 16) | b, 1, Integer::sum);
    }
    return m;
  }

  private static Map<Long, Double> vector(List<Item> items, Run r, Map<Long, Double> idf) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.first; i <= r.last; i++) sb.append(items.get(i).text()).append('\n');
    return vector(sb.toString(), idf);
  }

  private static Map<Long, Double> vector(String text, Map<Long, Double> idf) {
    Map<Long, Integer> tf = bigrams(text);
    Map<Long, Double> v = new HashMap<>();
    for (Map.Entry<Long, Integer> e : tf.entrySet()) {
      Double w = idf.get(e.getKey());
      if (w == null) continue;
      double x = (1 + Math.log(e.getValue())) * w;
      v.put(e.getKey(), x);
    }
    return v;
  }

  /** Summed run vectors per article, with the squared norms kept up to date. */
  private static final class Profiles {
    final List<Map<Long, Double>> sums = new ArrayList<>();
    final double[] norm2;

    Profiles(int articles) {
      for (int i = 0; i < articles; i++) sums.add(new HashMap<>());
      norm2 = new double[articles];
    }

    void add(int k, Map<Long, Double> v) {
      update(k, v, 1);
    }

    private void update(int k, Map<Long, Double> v, int sign) {
      Map<Long, Double> s = sums.get(k);
      for (Map.Entry<Long, Double> e : v.entrySet()) {
        double old = s.getOrDefault(e.getKey(), 0.0);
        double nw = old + sign * e.getValue();
        norm2[k] += nw * nw - old * old;
        if (Math.abs(nw) < 1e-12) s.remove(e.getKey());
        else s.put(e.getKey(), nw);
      }
    }

    /** Cosine between the run and article k's profile. */
    double cosine(int k, Map<Long, Double> v) {
      Map<Long, Double> s = sums.get(k);
      double dot = 0;
      double self = 0;
      for (Map.Entry<Long, Double> e : v.entrySet()) {
        dot += e.getValue() * s.getOrDefault(e.getKey(), 0.0);
        self += e.getValue() * e.getValue();
      }
      if (self <= 0 || norm2[k] <= 1e-9) return 0;
      return Math.max(0, dot) / Math.sqrt(self * norm2[k]);
    }
  }
}
