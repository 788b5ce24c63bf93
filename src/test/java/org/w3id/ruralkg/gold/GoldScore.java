package org.w3id.ruralkg.gold;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recall and precision of one kind of fact against the gold, summed over pages: the one scoring
 * helper of the gold tests. {@code matched} of the {@code gold} items were found among the {@code
 * predicted} ones; {@code misses} and {@code extras} name them for the failure message.
 */
public record GoldScore(
    String what, int gold, int predicted, int matched, String misses, String extras) {
  public static GoldScore empty(String what) {
    return new GoldScore(what, 0, 0, 0, "", "");
  }

  /** Exact set comparison on one page (labels, names): matched = |gold ∩ predicted|. */
  public static GoldScore ofSets(
      String what, String page, Set<String> gold, Set<String> predicted) {
    Set<String> missed = new TreeSet<>(gold);
    missed.removeAll(predicted);
    Set<String> extra = new TreeSet<>(predicted);
    extra.removeAll(gold);
    return new GoldScore(
        what,
        gold.size(),
        predicted.size(),
        gold.size() - missed.size(),
        missed.isEmpty() ? "" : page + ":" + missed + " ",
        extra.isEmpty() ? "" : page + ":" + extra + " ");
  }

  /** Counts from a matcher of its own (figures, organisations). */
  public static GoldScore ofCounts(String what, int gold, int predicted, int matched) {
    return new GoldScore(what, gold, predicted, matched, "", "");
  }

  public GoldScore plus(GoldScore o) {
    return new GoldScore(
        what,
        gold + o.gold,
        predicted + o.predicted,
        matched + o.matched,
        misses + o.misses,
        extras + o.extras);
  }

  public double recall() {
    return gold == 0 ? 1 : (double) matched / gold;
  }

  public double precision() {
    return predicted == 0 ? 1 : (double) matched / predicted;
  }

  /**
   * Fails, with the score and what was missed or extra, when recall or precision is below its
   * floor.
   */
  public void assertAtLeast(double recallFloor, double precisionFloor) {
    assertTrue(gold > 0, what + ": no gold items: the gold files were not read");
    assertTrue(recall() >= recallFloor, this + " is below the recall floor " + recallFloor);
    assertTrue(
        precision() >= precisionFloor, this + " is below the precision floor " + precisionFloor);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: recall %.3f (%d/%d) precision %.3f (%d/%d)%s%s",
        what,
        recall(),
        matched,
        gold,
        precision(),
        matched,
        predicted,
        misses.isEmpty() ? "" : "; missed " + misses.trim(),
        extras.isEmpty() ? "" : "; extra " + extras.trim());
  }
}
