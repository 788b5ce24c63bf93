package org.w3id.ruralkg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the figures of a run grow with the corpus: each size against the smallest one of the same
 * run, as a factor per 10× the articles and as an exponent (1: in step with the corpus, 2:
 * quadratic). A figure grows faster than the corpus when its exponent is above 1.1 (the margin
 * keeps the noise of a shared machine from flagging linear figures). Pure; immutable.
 */
public final class Growth {
  private Growth() {}

  /** The exponent above which a figure counts as growing faster than the corpus. */
  static final double FASTER = 1.1;

  /** The figures of one corpus size, by name (NaN or absent when not measured). */
  public record Point(int articles, Map<String, Double> figures) {}

  /** One figure between two sizes. */
  public record Step(
      String figure,
      int fromArticles,
      int toArticles,
      double from,
      double to,
      double factorPer10x,
      double exponent,
      boolean fasterThanCorpus) {}

  /** Every figure of every larger size against the smallest size that has it. */
  public static List<Step> of(List<Point> points) {
    List<Step> out = new ArrayList<>();
    if (points.size() < 2) return out;
    Point base = points.get(0);
    for (Point p : points) if (p.articles() < base.articles()) base = p;
    for (Point p : points) {
      if (p.articles() <= base.articles()) continue;
      for (var e : base.figures().entrySet()) {
        Double to = p.figures().get(e.getKey());
        Double from = e.getValue();
        if (from == null || to == null || !(from > 0) || !(to > 0) || to.isInfinite()) continue;
        double exponent = Math.log(to / from) / Math.log(p.articles() / (double) base.articles());
        out.add(
            new Step(
                e.getKey(),
                base.articles(),
                p.articles(),
                from,
                to,
                Math.pow(10, exponent),
                exponent,
                exponent > FASTER));
      }
    }
    return out;
  }

  /** The Markdown table of the steps; empty when the run had one size. */
  public static String table(List<Step> steps) {
    if (steps.isEmpty()) return "";
    StringBuilder sb =
        new StringBuilder(
            "\nGrowth with the corpus (exponent 1 = in step with the articles; above "
                + FASTER
                + ": faster than the corpus)\n\n| figure | from (articles) | to (articles) | factor per 10× | exponent | faster than the corpus? |\n|---|---:|---:|---:|---:|---|\n");
    for (Step s : steps) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s (%,d) | %s (%,d) | %.1f | %.2f | %s |%n",
              s.figure(),
              Targets.number(s.from()),
              s.fromArticles(),
              Targets.number(s.to()),
              s.toArticles(),
              s.factorPer10x(),
              s.exponent(),
              s.fasterThanCorpus() ? "**yes**" : "no"));
    }
    return sb.toString();
  }
}
