package org.w3id.ruralkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny benchmark end to end with the phases that read the fresh-JVM build's store: the child
 * build runs, its CPU, RSS and heap are read, the store's quads add up, every analyst query runs
 * (and runs again, with the same rows, as {@code bench --store S --phases analyst}).
 */
class BenchIT {
  @Test
  void buildDensityAndAnalystOnTwentyArticles(@TempDir Path work) throws Exception {
    Bench.Options o =
        new Bench.Options(
            List.of(20),
            1,
            Path.of("seeds"),
            work,
            2,
            List.of(1),
            1,
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            true,
            Phase.parse("build,density,analyst"),
            Phase.parse("build"),
            Path.of("."));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    BenchReport.Run run =
        new Bench(o, new PrintStream(log, true, StandardCharsets.UTF_8))
            .withCommand("./ruralkg bench --articles 20 --phases build,density,analyst")
            .run();
    BenchReport.Size s = run.sizes().get(0);

    FreshBuild.Result b = s.freshBuild();
    assertEquals(0, b.exitCode(), b.lastLine());
    assertEquals(20, b.articles());
    assertEquals(0, b.failed());
    assertTrue(b.cpuSeconds() > 0, "the child's CPU time is read");
    assertTrue(b.peakRssMiB() > 100, "a JVM with the gazetteer: " + b.peakRssMiB());
    assertTrue(b.peakHeapMiB() > 0 && b.peakHeapMiB() <= 2048, "from the GC log, under -Xmx2g");

    DensityPhase.Density d = s.density();
    assertEquals(20, d.articles());
    assertEquals(
        d.quads(),
        d.articleGraphQuads()
            + d.sharedGraphQuads()
            + d.fileGraphQuads()
            + d.summaryGraphQuads()
            + d.otherQuads());
    assertEquals(20, d.articleGraphs(), "the summary graph is not an article's");
    assertTrue(d.summaryGraphQuads() > 0, d.toString());
    assertTrue(d.ontologyQuads() > 0 && d.sharedGraphQuads() > 0, d.toString());
    // the build's quads written include the ontology and repeat shared descriptions per file
    // (the summary graph is the store's own, not among the quads the build reports)
    long extracted = d.quads() - d.summaryGraphQuads();
    assertTrue(b.quads() >= extracted, b.quads() + " written, " + extracted + " stored");

    assertTrue(s.analyst().size() >= 10, "queries/analyst: " + s.analyst());
    for (AnalystPhase.Query q : s.analyst()) {
      assertNull(q.error(), q.name() + ": " + q.error());
      assertTrue(q.cpuMs() > 0 && q.ms() > 0, q.toString());
      assertTrue(q.againCpuMs() > 0 && q.againMs() > 0, "run again: " + q);
    }
    assertTrue(s.analyst().stream().anyMatch(q -> q.rows() > 0));

    // the same queries alone on the store built already (kept: keep is true)
    BenchReport.AnalystOnly alone =
        new Bench(o, new PrintStream(log, true, StandardCharsets.UTF_8))
            .analystOnly(work.resolve("n20").resolve("store"));
    assertEquals(
        s.analyst().stream().map(q -> q.name() + "=" + q.rows()).toList(),
        alone.analyst().stream().map(q -> q.name() + "=" + q.rows()).toList());
    String aloneTable = BenchReport.analystOnlyTable(alone);
    assertTrue(aloneTable.startsWith("machine: ") && aloneTable.contains("| CPU ms |"), aloneTable);

    assertNull(s.queries(), "queries were not among the phases");
    assertNull(s.loading());
    assertTrue(
        s.targets().stream().anyMatch(t -> t.target().startsWith("density") && t.met() != null));

    String table = BenchReport.table(run);
    assertTrue(table.startsWith("machine: "), table);
    assertTrue(table.contains("Targets (issue 18), 20 articles"), table);
    assertTrue(table.contains("Build in a fresh JVM"), table);

    Path json = work.resolve("bench.json");
    BenchReport.writeJson(run, json);
    JsonNode size = new ObjectMapper().readTree(json.toFile()).get("sizes").get(0);
    assertEquals(20, size.get("freshBuild").get("articles").asInt());
    assertTrue(size.get("targets").isArray());
    assertTrue(!size.has("loading"), "absent phases leave no field");
  }
}
