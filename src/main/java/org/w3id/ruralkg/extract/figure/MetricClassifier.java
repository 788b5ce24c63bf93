package org.w3id.ruralkg.extract.figure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3id.ruralkg.common.Wordlist;
import org.w3id.ruralkg.extract.MeasureUnit;
import org.w3id.ruralkg.extract.Metric;
import org.w3id.ruralkg.extract.Quantity;
import org.w3id.ruralkg.nlp.DictionaryMatcher;
import org.w3id.ruralkg.nlp.DictionaryMatcher.Hit;
import org.w3id.ruralkg.nlp.Segmenter;
import org.w3id.ruralkg.nlp.Token;

/**
 * Needs a sentence and a {@link Quantity} found in it; adds the contract metric code of the figure
 * (income_increase, wages, ... other). Immutable after construction and thread-safe.
 *
 * <p>Cue words (lexicon/metric-cues.tsv: cue -> metric, the units it may describe, a weight) are
 * found in the sentence; each occurrence scores weight / (1 + distance / 8), halved per clause
 * boundary between it and the quantity. Cues to the right count only within the clause (a
 * parenthesis is stepped over) and a little less than cues to the left. Inside the counted noun,
 * the head (its last cue) counts double and other cues are modifiers (易地扶贫搬迁群众: who, not what) and
 * count little. Where two cues overlap the longer wins (总收入 over 收入). Below a threshold the unit
 * decides (percent -> rate, mu -> area, tonne -> production, 家 -> organisations ...), else other.
 */
public final class MetricClassifier {
  /**
   * {@code noun}: a category noun (党组织, 项目) that names what is counted, so it counts only inside
   * the counted noun or right next to the number, never as the subject of the clause.
   */
  private record Cue(Metric metric, Set<MeasureUnit> units, double weight, boolean noun) {}

  private static final double THRESHOLD = 0.6;

  private final DictionaryMatcher<List<Cue>> cues;

  /** What a counted noun's head implies, for the units it may be counted in. */
  private record Head(Metric metric, Set<MeasureUnit> units) {}

  /** head word -> metric and units: lexicon/counted-heads.tsv. */
  private static final Map<String, Head> HEADS = new HashMap<>();

  private static final Measures MEASURE_WORDS = new Measures();

  /** measure word -> metric: lexicon/measure-metrics.tsv. */
  private static final Map<String, Metric> MEASURES = new HashMap<>();

  static {
    for (String[] f : Wordlist.rows("counted-heads.tsv"))
      HEADS.put(f[0], new Head(Metric.of(f[1]), units(f[2])));
    for (String[] f : Wordlist.rows("measure-metrics.tsv")) MEASURES.put(f[0], Metric.of(f[1]));
  }

  private final Segmenter segmenter;

  public MetricClassifier() {
    this(new Segmenter());
  }

  /**
   * @param segmenter finds the head of a counted noun when no cue word decides
   */
  public MetricClassifier(Segmenter segmenter) {
    this.segmenter = segmenter;
    Map<String, List<Cue>> t = new HashMap<>();
    for (String[] f : Wordlist.rows("metric-cues.tsv")) {
      Cue cue =
          new Cue(Metric.of(f[1]), units(f[2]), Double.parseDouble(f[3]), f[4].equals("noun"));
      t.computeIfAbsent(f[0], k -> new ArrayList<>()).add(cue);
    }
    cues = new DictionaryMatcher<>(t);
  }

  /** Comma-separated unit codes, each checked: a misspelt one fails when the lexicon loads. */
  private static Set<MeasureUnit> units(String codes) {
    Set<MeasureUnit> out = java.util.EnumSet.noneOf(MeasureUnit.class);
    for (String c : codes.split(",")) if (!c.isBlank()) out.add(MeasureUnit.of(c.strip()));
    return out;
  }

  /**
   * What decided a metric, from the strongest evidence to none: the confidence levels follow it.
   */
  public enum Evidence {
    UNIT,
    STRONG_CUE,
    CUE,
    COUNTED_HEAD,
    MEASURE,
    NONE
  }

  /** A metric code and what decided it. */
  public record Decision(Metric metric, Evidence evidence) {}

  /** The metric code of {@code q} in {@code sentence}; never null. */
  public Metric classify(String sentence, Quantity q) {
    return decide(sentence, q).metric();
  }

  /** The metric of {@code q} in {@code sentence} with what decided it; never null. */
  public Decision decide(String sentence, Quantity q) {
    if (q.unit() == MeasureUnit.PERCENT) return new Decision(Metric.RATE, Evidence.UNIT);
    // 平方米, 立方米: measured but without a contract unit, so no metric the guide defines fits
    if (q.unit() == MeasureUnit.COUNT && isMeasuredCount(q.surface()))
      return new Decision(Metric.OTHER, Evidence.UNIT);
    int[] counted = countedSpan(sentence, q);
    Metric best = null;
    double bestScore = THRESHOLD;
    List<Hit<List<Cue>>> hits = longestOnly(cues.findAll(sentence));
    Hit<List<Cue>> head = null;
    if (counted != null) {
      for (Hit<List<Cue>> h : hits) {
        if (h.start() >= counted[0]
            && h.end() <= counted[1]
            && fits(h, q) != null
            && isHeadAtEnd(sentence, h, counted)) head = h;
      }
    }
    int anchor = partOfEarlier(sentence, q.start());
    for (Hit<List<Cue>> h : hits) {
      if (h.end() > q.start() && h.start() < q.end()) continue;
      Cue cue = fits(h, q);
      if (cue == null) continue;
      boolean inCounted = counted != null && h.start() >= counted[0] && h.end() <= counted[1];
      double distance;
      int boundaries;
      double side;
      if (h.end() <= q.start()) {
        boolean inherit = anchor < q.start() && h.end() <= anchor;
        int to = inherit ? anchor : q.start();
        distance = to - h.end();
        boundaries = boundaries(sentence, h.end(), to);
        side = 1.0;
      } else {
        int[] d = rightDistance(sentence, q.end(), h.start());
        if (d == null) continue;
        distance = d[0];
        boundaries = 0;
        side = 0.8;
      }
      // A category noun outside the counted noun names the figure only when the count has no noun
      // of its own and the cue is right next to it (已竣工12个 after 安置区), with no number between.
      if (cue.noun()
          && !inCounted
          && (counted != null
              || boundaries > 0
              || distance > (side < 1 ? 1 : 4)
              || hasDigit(sentence, Math.min(h.end(), q.end()), Math.max(h.start(), q.start()))))
        continue;
      double score = cue.weight() * side / (1 + distance / 8.0) * Math.pow(0.35, boundaries);
      if (inCounted && h != head) {
        if (cue.noun()) continue; // a modifier naming a kind of thing: 企业宣传视频 counts videos
        score *= 0.4;
      } else if (inCounted) {
        score *= 2.0;
      }
      if (score > bestScore) {
        bestScore = score;
        best = cue.metric();
      }
    }
    if (best != null)
      return new Decision(best, bestScore >= STRONG ? Evidence.STRONG_CUE : Evidence.CUE);
    Metric byHead = byCountedHead(q);
    if (byHead != null) return new Decision(byHead, Evidence.COUNTED_HEAD);
    Metric byUnit = byUnit(q);
    if (byUnit != Metric.OTHER) {
      boolean physical = q.unit().physical();
      return new Decision(byUnit, physical ? Evidence.UNIT : Evidence.MEASURE);
    }
    return new Decision(byUnit, Evidence.NONE);
  }

  /**
   * A cue score this far above the threshold leaves little doubt (a cue of weight 4 next to the
   * number).
   */
  private static final double STRONG = 3.0;

  /**
   * The metric the head of the counted noun implies: the noun phrase is the run of nouns it starts
   * with (HanLP's tags; the counted span may run on into a verb: 私建车库|占地款, 村|派驻), its head the last
   * of them, looked up whole, else by its last two or one characters.
   */
  private Metric byCountedHead(Quantity q) {
    String c = q.counted();
    if (c == null || c.isEmpty()) return null;
    Token head = null;
    for (Token t : segmenter.segment(c)) {
      if (t.start() == 0 && c.startsWith("在")) continue; // 在村党员, 在册党员: the noun follows
      if (isNounLike(t)) head = t;
      else if (head != null || !isModifier(t)) break;
    }
    if (head == null) return null;
    String w = head.word();
    for (String key :
        new String[] {
          w, w.length() > 2 ? w.substring(w.length() - 2) : null, w.substring(w.length() - 1)
        }) {
      Head h = key == null ? null : HEADS.get(key);
      if (h != null) return h.units().contains(q.unit()) ? h.metric() : null;
    }
    return null;
  }

  private static boolean isMeasuredCount(String surface) {
    for (int k = Math.max(0, surface.length() - 4); k < surface.length(); k++) {
      Measures.Measure m = MEASURE_WORDS.at(surface, k);
      if (m != null && k + m.word().length() == surface.length())
        return m.kind() == Measures.Kind.MEASURED;
    }
    return false;
  }

  private static boolean isNounLike(Token t) {
    return t.posStartsWith("n") || t.pos().equals("vn") || t.pos().equals("g");
  }

  /** Words that may open a noun phrase before its first noun (大小企业, 私建车库, 古民居). */
  private static boolean isModifier(Token t) {
    return t.posStartsWith("a")
        || t.posStartsWith("b")
        || t.posStartsWith("v")
        || t.posStartsWith("m")
        || t.posStartsWith("q");
  }

  private static boolean hasDigit(String s, int from, int to) {
    for (int k = Math.max(0, from); k < Math.min(to, s.length()); k++)
      if (Character.isDigit(s.charAt(k))) return true;
    return false;
  }

  private static Cue fits(Hit<List<Cue>> h, Quantity q) {
    Cue best = null;
    for (Cue c : h.value())
      if (c.units().contains(q.unit()) && (best == null || c.weight() > best.weight())) best = c;
    return best;
  }

  /** The head cue must end the counted noun (ignoring quotes and a parenthesis). */
  private static boolean isHeadAtEnd(String s, Hit<?> h, int[] counted) {
    String rest = s.substring(h.end(), counted[1]).replaceAll("\\([^)]*\\)|（[^）]*）|[”’“‘]", "");
    return rest.isEmpty();
  }

  /** Where two hits overlap keep the longer (总收入 over 收入, 村民小组 over 小组). */
  private static <V> List<Hit<V>> longestOnly(List<Hit<V>> all) {
    List<Hit<V>> out = new ArrayList<>();
    for (Hit<V> h : all) {
      boolean covered = false;
      for (Hit<V> o : all) {
        if (o != h && o.length() > h.length() && o.start() <= h.start() && o.end() >= h.end()) {
          covered = true;
          break;
        }
      }
      if (!covered) out.add(h);
    }
    return out;
  }

  /** Clause openers whose figure goes on with the one before: lexicon/figure-continuations.txt. */
  private static final Set<String> CONTINUATIONS = Wordlist.words("figure-continuations.txt");

  /**
   * For a figure in a clause opened by 其中 ("…92325人，其中…49619人") or by what the earlier figure grew
   * into ("…从不足15万元，增加到175万元"), the end of the clause before: the figure goes on with the earlier
   * one and shares its cues. Otherwise {@code start} itself.
   */
  private static int partOfEarlier(String s, int start) {
    int b = lastBoundary(s, start);
    if (b < 0) return start;
    String clause = s.substring(b + 1, start).strip();
    if (CONTINUATIONS.stream().anyMatch(clause::startsWith)) return b;
    int b2 = lastBoundary(s, b);
    if (b2 >= 0 && CONTINUATIONS.contains(s.substring(b2 + 1, b).strip())) return b2;
    return start;
  }

  private static int lastBoundary(String s, int before) {
    int b = before - 1;
    while (b >= 0 && BOUNDARY.indexOf(s.charAt(b)) < 0) b--;
    return b;
  }

  private static final String BOUNDARY = "，,；;：:（(";

  private static int boundaries(String s, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) if ("，,；;：:（(".indexOf(s.charAt(k)) >= 0) n++;
    return n;
  }

  /**
   * Distance to a cue on the right within the clause, stepping over a parenthesis; null if none.
   */
  private static int[] rightDistance(String s, int from, int to) {
    int d = 0;
    int k = from;
    while (k < to) {
      char c = s.charAt(k);
      if (c == '(' || c == '（') {
        int close = s.indexOf(c == '(' ? ')' : '）', k);
        if (close < 0 || close >= to) return null;
        k = close + 1;
        continue;
      }
      if ("，,；;：:。".indexOf(c) >= 0) return null;
      d++;
      k++;
    }
    return new int[] {d};
  }

  private static int[] countedSpan(String s, Quantity q) {
    String c = q.counted();
    if (c == null || c.isEmpty()) return null;
    int right = s.indexOf(c, q.end());
    if (right >= 0 && right - q.end() <= 3) return new int[] {right, right + c.length()};
    int left = s.lastIndexOf(c, q.start());
    if (left >= 0 && q.start() - (left + c.length()) <= 4)
      return new int[] {left, left + c.length()};
    return null;
  }

  private static Metric byUnit(Quantity q) {
    MeasureUnit u = q.unit();
    String surface = q.surface();
    return switch (u) {
      case PERCENT -> Metric.RATE;
      case MU, HECTARE -> Metric.AREA;
      case TONNE, KG, JIN -> Metric.PRODUCTION;
      case COUNT ->
          MEASURES.getOrDefault(
              surface.isEmpty() ? "" : surface.substring(surface.length() - 1), Metric.OTHER);
      default -> Metric.OTHER;
    };
  }
}
