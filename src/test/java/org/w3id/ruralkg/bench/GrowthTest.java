package org.w3id.ruralkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrowthTest {
  private static Map<String, Double> figures(double build, double store, double cold) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("build s", build);
    m.put("store MiB", store);
    m.put("cold p95 ms", cold);
    return m;
  }

  @Test
  void linearFiguresGrowInStepQuadraticOnesFaster() {
    List<Growth.Step> steps =
        Growth.of(
            List.of(
                new Growth.Point(100_000, figures(900, 20_000, 40_000)),
                new Growth.Point(10_000, figures(90, 2_000, 400))));
    assertEquals(3, steps.size());
    Growth.Step build = steps.get(0);
    assertEquals("build s", build.figure());
    assertEquals(10_000, build.fromArticles(), "the smallest size is the base");
    assertEquals(100_000, build.toArticles());
    assertEquals(1.0, build.exponent(), 1e-9);
    assertEquals(10.0, build.factorPer10x(), 1e-9);
    assertFalse(build.fasterThanCorpus());
    Growth.Step cold = steps.get(2);
    assertEquals(2.0, cold.exponent(), 1e-9);
    assertEquals(100.0, cold.factorPer10x(), 1e-6);
    assertTrue(cold.fasterThanCorpus());
  }

  @Test
  void factorIsPerTenfoldWhateverTheSizes() {
    // 1,000 → 4,000 articles, time × 16: quadratic, so × 100 per 10×
    List<Growth.Step> steps =
        Growth.of(
            List.of(
                new Growth.Point(1_000, Map.of("t", 1.0)),
                new Growth.Point(4_000, Map.of("t", 16.0))));
    assertEquals(2.0, steps.get(0).exponent(), 1e-9);
    assertEquals(100.0, steps.get(0).factorPer10x(), 1e-6);
  }

  @Test
  void missingFailedOrSingleSizesGiveNoStep() {
    assertTrue(Growth.of(List.of(new Growth.Point(10, Map.of("t", 1.0)))).isEmpty());
    List<Growth.Step> steps =
        Growth.of(
            List.of(
                new Growth.Point(10, Map.of("t", 1.0, "u", Double.NaN, "v", 2.0)),
                new Growth.Point(100, Map.of("t", 10.0, "u", 5.0, "v", Double.POSITIVE_INFINITY))));
    assertEquals(List.of("t"), steps.stream().map(Growth.Step::figure).toList());
    assertTrue(Growth.table(List.of()).isEmpty());
    String table = Growth.table(steps);
    assertTrue(table.contains("| t | 1 (10) | 10 (100) | 10.0 | 1.00 | no |"), table);
  }
}
