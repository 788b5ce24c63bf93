package org.w3id.ruralkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetRowsTest {
  private static FreshBuild.Result build(double seconds, int exit, String options) {
    return new FreshBuild.Result(
        List.of("java", "-jar", "ruralkg.jar", "build"),
        options,
        exit,
        seconds,
        seconds * 1.9,
        3_800,
        1_900,
        1_200,
        2_224,
        10_000,
        8_000_000,
        0,
        1_750,
        20e6 / seconds,
        "2.0 2.0 2.0",
        "3.0 2.0 2.0",
        "ruralkg: loaded ...");
  }

  private static Targets.Target row(List<Targets.Target> rows, String start) {
    return rows.stream().filter(t -> t.target().startsWith(start)).findFirst().orElseThrow();
  }

  @Test
  void buildIsJudgedAtTenThousandArticlesOnly() {
    List<Targets.Target> at10k =
        TargetRows.of(10_000, build(84.7, 0, "-Xmx2g"), null, null, null, null, null, null, null);
    Targets.Target b = row(at10k, "build");
    assertEquals(Boolean.FALSE, b.met());
    assertEquals(-39.7, b.by(), 1e-9);
    assertEquals(1, at10k.size(), "no scale row below 100,000 articles");

    Targets.Target at1k =
        row(
            TargetRows.of(1_000, build(20, 0, "-Xmx2g"), null, null, null, null, null, null, null),
            "build");
    assertNull(at1k.met());
    assertTrue(at1k.target().contains("target at 10,000 articles"));

    Targets.Target failed =
        row(
            TargetRows.of(10_000, build(30, 1, "-Xmx2g"), null, null, null, null, null, null, null),
            "build");
    assertEquals(Boolean.FALSE, failed.met(), "a failed build misses however fast it failed");
  }

  @Test
  void scaleNeedsTheDefaultHeapAndASuccessfulBuild() {
    assertEquals(
        Boolean.TRUE,
        row(
                TargetRows.of(
                    100_000, build(900, 0, "-Xmx2g"), null, null, null, null, null, null, null),
                "scale")
            .met());
    assertEquals(
        Boolean.FALSE,
        row(
                TargetRows.of(
                    100_000, build(900, 0, "-Xmx8g"), null, null, null, null, null, null, null),
                "scale")
            .met());
    // the launcher's build options: the default heap with the throughput collector
    assertEquals(
        Boolean.TRUE,
        row(
                TargetRows.of(
                    100_000,
                    build(900, 0, "-Xmx2g -XX:+UseParallelGC"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                "scale")
            .met());
  }

  @Test
  void coldAndAnalystRowsComeFromTheirLatencies() {
    Targets.Latencies cold =
        Targets.latencies(
            List.of(new Targets.Timed("a", 200), new Targets.Timed("b", 1500)),
            Bench.COLD_LIMIT_MS);
    Targets.Latencies analyst =
        Targets.latencies(List.of(new Targets.Timed("q", 500)), Bench.ANALYST_LIMIT_MS);
    Targets.Latencies again =
        Targets.latencies(
            List.of(new Targets.Timed("q", 300), new Targets.Timed("r", Double.NaN)),
            Bench.ANALYST_LIMIT_MS);
    Targets.Latencies afterWrite =
        Targets.latencies(
            List.of(new Targets.Timed("a", 100), new Targets.Timed("b", 700)), Bench.COLD_LIMIT_MS);
    List<Targets.Target> rows =
        TargetRows.of(10_000, null, null, null, cold, afterWrite, analyst, again, Map.of());
    Targets.Target c = row(rows, "cold: p95");
    assertEquals(1500, c.value(), 1e-9);
    assertEquals(Boolean.FALSE, c.met());
    assertTrue(c.measured().contains("1 of 2 under 1 s"), c.measured());
    Targets.Target w = row(rows, "cold after a write");
    assertEquals(700, w.value(), 1e-9);
    assertEquals(Boolean.TRUE, w.met());
    assertTrue(w.measured().contains("2 of 2 under 1 s"), w.measured());
    assertEquals(Boolean.TRUE, row(rows, "analyst queries: each").met());
    // a query that failed or hit the limit the first time is not run again, and counts as missed
    Targets.Target a = row(rows, "analyst queries run again");
    assertEquals(Boolean.FALSE, a.met());
    assertTrue(a.measured().contains("1 of 2 under 2 s, 1 not run again"), a.measured());
    assertEquals(Boolean.FALSE, row(rows, "analyst queries: at least ten").met());
  }

  @Test
  void warmIsTheSlowestP95WithTheFewestClients() {
    Map<String, Object> q =
        Map.of(
            "api",
            List.of(
                new QueryLoad.Cell("a", 1, 5, 0, 3, 7, 7, 7, 100, 10),
                new QueryLoad.Cell("a", 4, 20, 0, 9, 30, 30, 30, 100, 10),
                new QueryLoad.Cell("b", 1, 5, 0, 4, 12, 12, 12, 100, 10)));
    assertEquals(12, TargetRows.warmP95Max(q), 1e-9);
    assertTrue(Double.isNaN(TargetRows.warmP95Max(null)));
  }
}
