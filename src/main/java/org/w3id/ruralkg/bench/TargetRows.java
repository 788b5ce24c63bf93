package org.w3id.ruralkg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of the targets table of one corpus size, from what its phases measured (null: phase not
 * run, row left out). The build, cold and analyst targets of issue 18 hold at 10,000 articles; at
 * other sizes those rows are reported without a verdict. Pure; thread-safe.
 */
final class TargetRows {
  private TargetRows() {}

  static final int TARGET_ARTICLES = 10_000;
  static final int SCALE_ARTICLES = 100_000;

  static List<Targets.Target> of(
      int articles,
      FreshBuild.Result fresh,
      DensityPhase.Density density,
      BenchReport.Loading loading,
      Targets.Latencies cold,
      Targets.Latencies coldAfterWrite,
      Targets.Latencies analyst,
      Targets.Latencies analystAgain,
      Map<String, Object> queries) {
    List<Targets.Target> out = new ArrayList<>();
    boolean atTarget = articles == TARGET_ARTICLES;
    String at = atTarget ? "" : " (target at 10,000 articles)";
    Targets.Op upTo = atTarget ? Targets.Op.AT_MOST : Targets.Op.INFO;
    Targets.Op below = atTarget ? Targets.Op.BELOW : Targets.Op.INFO;
    if (density != null)
      out.add(
          Targets.of(
              "density: quads per article, all graphs but the ontology",
              Targets.Op.AT_MOST,
              600,
              "quads",
              density.quadsPerArticle(),
              String.format(
                  Locale.ROOT,
                  "%.1f (article graphs %.1f, shared graph %.1f, file graphs %.1f, summary graph %.1f; %,d quads, %,d articles)",
                  density.quadsPerArticle(),
                  density.articleGraphQuadsPerArticle(),
                  density.sharedGraphQuadsPerArticle(),
                  density.fileGraphQuadsPerArticle(),
                  density.summaryGraphQuadsPerArticle(),
                  density.quads(),
                  density.articles())));
    if (fresh != null) {
      out.add(
          Targets.of(
              "build: `./ruralkg build` in a fresh JVM" + at,
              upTo,
              45,
              "s",
              fresh.exitCode() == 0 ? fresh.seconds() : Double.POSITIVE_INFINITY,
              String.format(
                  Locale.ROOT,
                  "%.1f s wall, %.1f CPU s, peak RSS %,d MiB, peak heap %,d MiB (%s; exit %d; load average %s → %s)",
                  fresh.seconds(),
                  fresh.cpuSeconds(),
                  fresh.peakRssMiB(),
                  fresh.peakHeapMiB(),
                  fresh.javaOptions(),
                  fresh.exitCode(),
                  fresh.loadAverageBefore(),
                  fresh.loadAverageAfter())));
      if (articles >= SCALE_ARTICLES) {
        // the launcher's default heap, whatever else the options choose (the collector)
        boolean defaultHeap = List.of(fresh.javaOptions().split(" ")).contains("-Xmx2g");
        boolean built = fresh.exitCode() == 0 && fresh.failed() == 0;
        out.add(
            Targets.check(
                "scale: 100,000 articles build with the launcher's default heap",
                built && defaultHeap,
                String.format(
                    Locale.ROOT,
                    "%s with %s%s: store %,.0f MiB, peak heap %,d MiB, peak RSS %,d MiB",
                    built ? "built" : "failed (exit " + fresh.exitCode() + ")",
                    fresh.javaOptions(),
                    defaultHeap ? " (the default)" : " (not the default -Xmx2g)",
                    fresh.storeMiB(),
                    fresh.peakHeapMiB(),
                    fresh.peakRssMiB())));
      }
    }
    if (loading != null) {
      out.add(
          Targets.of(
              "write path ≥ 1.3× tdb2.tdbloader (speed on the same quads)",
              Targets.Op.AT_LEAST,
              1.3,
              "×",
              loading.ruralkgOverJenaSpeed(),
              String.format(
                  Locale.ROOT,
                  "%.2f× (write path %.1f s, tdb2.tdbloader %.1f s, %,d quads)",
                  loading.ruralkgOverJenaSpeed(),
                  loading.ruralkgSeconds(),
                  loading.jenaSeconds(),
                  loading.quads())));
      out.add(
          Targets.of(
              "write path compared with tdb2.xloader (same quads)",
              Targets.Op.INFO,
              Double.NaN,
              "×",
              loading.ruralkgOverXloaderSpeed(),
              loading.xloaderError() != null
                  ? "xloader failed: " + loading.xloaderError()
                  : String.format(
                      Locale.ROOT,
                      "%.2f× (write path %.1f s, tdb2.xloader %.1f s, %,d quads ingested; without the text index %.2f×)",
                      loading.ruralkgOverXloaderSpeed(),
                      loading.ruralkgSeconds(),
                      loading.xloaderSeconds(),
                      loading.xloaderQuadsLoaded(),
                      loading.ruralkgQuadsOnlyOverXloaderSpeed())));
    }
    if (cold != null)
      out.add(
          coldRow(
              "cold: p95 of the first request (cache off), every saved query and example call" + at,
              below,
              cold));
    if (coldAfterWrite != null)
      out.add(
          coldRow(
              "cold after a write (live store): p95 of the first request once a SPARQL Update"
                  + " emptied the cache"
                  + at,
              below,
              coldAfterWrite));
    double warm = warmP95Max(queries);
    if (!Double.isNaN(warm))
      out.add(
          Targets.of(
              "warm: p95 from the response cache, slowest call, fewest clients",
              Targets.Op.INFO,
              Double.NaN,
              "ms",
              warm,
              String.format(Locale.ROOT, "%s ms", Targets.number(warm))));
    if (analyst != null) {
      out.add(
          analystRow(
              "analyst queries: each under 2 s (union default graph)" + at,
              below,
              analyst,
              "failed"));
      if (analystAgain != null)
        out.add(
            analystRow(
                "analyst queries run again in the same JVM: each under 2 s" + at,
                below,
                analystAgain,
                "not run again"));
      out.add(
          Targets.of(
              "analyst queries: at least ten",
              Targets.Op.AT_LEAST,
              10,
              "queries",
              analyst.calls(),
              String.valueOf(analyst.calls())));
    }
    return out;
  }

  /** An analyst row: the slowest query against the 2 s limit; {@code unrun} names the NaNs. */
  private static Targets.Target analystRow(
      String what, Targets.Op op, Targets.Latencies analyst, String unrun) {
    return Targets.of(
        what,
        op,
        2000,
        "ms",
        analyst.maxMs(),
        String.format(
            Locale.ROOT,
            "slowest %s ms; %d of %d under 2 s%s; slowest: %s",
            Targets.number(analyst.maxMs()),
            analyst.underLimit(),
            analyst.calls(),
            analyst.failed() > 0 ? ", " + analyst.failed() + " " + unrun : "",
            String.join(", ", analyst.worst())));
  }

  /** A cold row: p95 of first requests against the 1 s limit, the slowest calls named. */
  private static Targets.Target coldRow(String what, Targets.Op op, Targets.Latencies cold) {
    return Targets.of(
        what,
        op,
        1000,
        "ms",
        cold.p95Ms(),
        String.format(
            Locale.ROOT,
            "p95 %s ms; %d of %d under 1 s%s; all one after another %.1f s; slowest: %s",
            Targets.number(cold.p95Ms()),
            cold.underLimit(),
            cold.calls(),
            cold.failed() > 0 ? ", " + cold.failed() + " failed" : "",
            cold.sumMs() / 1000,
            String.join(", ", cold.worst())));
  }

  /**
   * The p95 of the slowest call with the fewest clients in the API's warm cells; NaN when there are
   * none.
   */
  @SuppressWarnings("unchecked")
  static double warmP95Max(Map<String, Object> queries) {
    if (queries == null || !(queries.get("api") instanceof List<?> cells)) return Double.NaN;
    int fewest = Integer.MAX_VALUE;
    for (Object o : cells) fewest = Math.min(fewest, ((QueryLoad.Cell) o).clients());
    double max = Double.NaN;
    for (Object o : (List<Object>) cells) {
      QueryLoad.Cell c = (QueryLoad.Cell) o;
      if (c.clients() == fewest && c.requests() > 0)
        max = Double.isNaN(max) ? c.p95Ms() : Math.max(max, c.p95Ms());
    }
    return max;
  }
}
