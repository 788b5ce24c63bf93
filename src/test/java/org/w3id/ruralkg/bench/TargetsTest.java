package org.w3id.ruralkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {
  @Test
  void upperLimitMetAndMissedWithTheirMargin() {
    Targets.Target missed =
        Targets.of("density", Targets.Op.AT_MOST, 600, "quads", 737, "737 per article");
    assertEquals(Boolean.FALSE, missed.met());
    assertEquals(-137, missed.by(), 1e-9);
    assertEquals("missed by 137 quads (23 %)", missed.verdict());

    Targets.Target met = Targets.of("build", Targets.Op.AT_MOST, 45, "s", 40.5, "40.5 s");
    assertEquals(Boolean.TRUE, met.met());
    assertEquals(4.5, met.by(), 1e-9);
    assertEquals("met by 4.50 s (10 %)", met.verdict());

    assertEquals(
        Boolean.TRUE, Targets.of("x", Targets.Op.AT_MOST, 600, "q", 600, "").met(), "≤ holds at");
  }

  @Test
  void strictLimitIsMissedAtTheLimitItself() {
    assertEquals(Boolean.FALSE, Targets.of("cold", Targets.Op.BELOW, 1000, "ms", 1000, "").met());
    assertEquals(Boolean.TRUE, Targets.of("cold", Targets.Op.BELOW, 1000, "ms", 999, "").met());
  }

  @Test
  void lowerLimitCountsTheMarginAboveIt() {
    Targets.Target t = Targets.of("write path", Targets.Op.AT_LEAST, 1.3, "×", 1.2, "1.2×");
    assertEquals(Boolean.FALSE, t.met());
    assertEquals(-0.1, t.by(), 1e-9);
    assertEquals("missed by 0.10 × (8 %)", t.verdict());
  }

  @Test
  void aMarginTooSmallForTwoDecimalsIsNotShownAsZero() {
    // 1.298 rounds to 1.30, yet misses 1.3
    Targets.Target t = Targets.of("write path", Targets.Op.AT_LEAST, 1.3, "×", 1.2982, "1.30×");
    assertEquals(Boolean.FALSE, t.met());
    assertEquals("missed by 0.002 × (0.1 %)", t.verdict());
    assertEquals(
        "met by 0.01 × (1 %)",
        Targets.of("write path", Targets.Op.AT_LEAST, 1.3, "×", 1.3113, "").verdict());
  }

  @Test
  void infoRowsAndMissingValuesHaveNoVerdict() {
    Targets.Target info = Targets.of("xloader", Targets.Op.INFO, Double.NaN, "×", 1.1, "1.1×");
    assertNull(info.met());
    assertEquals("—", info.verdict());
    Targets.Target none = Targets.of("cold", Targets.Op.BELOW, 1000, "ms", Double.NaN, "");
    assertNull(none.met());
    assertEquals("not measured", none.verdict());
    Targets.Target failed =
        Targets.of("build", Targets.Op.AT_MOST, 45, "s", Double.POSITIVE_INFINITY, "exit 1");
    assertEquals(Boolean.FALSE, failed.met());
    assertEquals("missed (failed or timed out)", failed.verdict());
  }

  @Test
  void nearestRankPercentileWithFailuresSortedLast() {
    double[] ms = new double[20];
    for (int i = 0; i < 20; i++) ms[i] = i + 1;
    assertEquals(19, Targets.percentile(ms, 95));
    assertEquals(20, Targets.percentile(ms, 100));
    ms[3] = Double.NaN; // one failed call: it is the slowest
    assertEquals(20, Targets.percentile(ms, 95));
    assertEquals(Double.POSITIVE_INFINITY, Targets.percentile(ms, 100));
    assertTrue(Double.isNaN(Targets.percentile(new double[0], 95)));
    assertEquals(7, Targets.percentile(new double[] {7}, 95));
  }

  @Test
  void latenciesCountCallsUnderTheLimitAndNameTheSlowest() {
    Targets.Latencies l =
        Targets.latencies(
            List.of(
                new Targets.Timed("a", 200),
                new Targets.Timed("b", 1500),
                new Targets.Timed("c", Double.NaN),
                new Targets.Timed("d", 999.9),
                new Targets.Timed("e", 3000)),
            1000);
    assertEquals(5, l.calls());
    assertEquals(1, l.failed());
    assertEquals(2, l.underLimit(), "a and d; a failed call is not under the limit");
    assertEquals(List.of("c failed", "e 3,000 ms", "b 1,500 ms"), l.worst());
    assertEquals(200 + 1500 + 999.9 + 3000, l.sumMs(), 1e-9);
    assertEquals(Double.POSITIVE_INFINITY, l.p95Ms());
  }

  @Test
  void tableHasOneRowPerTargetWithLimitAndVerdict() {
    String table =
        Targets.table(
            10_000,
            List.of(
                Targets.of("density", Targets.Op.AT_MOST, 600, "quads", 737, "737.0"),
                Targets.of("xloader", Targets.Op.INFO, Double.NaN, "×", 1.1, "1.10×"),
                Targets.check("scale", true, "built")));
    assertTrue(table.contains("Targets (issue 18), 10,000 articles"), table);
    assertTrue(
        table.contains("| density | ≤ 600 quads | 737.0 | missed by 137 quads (23 %) |"), table);
    assertTrue(table.contains("| xloader | — | 1.10× | — |"), table);
    assertTrue(table.contains("| scale | — | built | met |"), table);
    assertEquals(3 + 4, table.lines().filter(x -> x.startsWith("|")).count() + 2);
    assertFalse(table.contains("NaN"), table);
  }

  @Test
  void numbersRoundByTheirSize() {
    assertEquals("1,234", Targets.number(1234.4));
    assertEquals("12.3", Targets.number(12.34));
    assertEquals("0.12", Targets.number(0.123));
    assertEquals("—", Targets.number(Double.NaN));
  }
}
