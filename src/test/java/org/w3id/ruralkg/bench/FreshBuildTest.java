package org.w3id.ruralkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.common.RuralKgException;

class FreshBuildTest {
  @Test
  void peakHeapIsTheLargestHeapBeforeAndAfterAnyCollection() {
    List<String> log =
        List.of(
            "[0.003s][info][gc] Using G1",
            "[0.850s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 41M->21M(380M) 21.078ms",
            "[5.100s][info][gc] GC(9) Pause Young (Concurrent Start) (G1 Humongous Allocation) 1843M->1210M(2048M) 40.1ms",
            "[5.200s][info][gc] GC(10) Concurrent Mark Cycle",
            "[5.900s][info][gc] GC(10) Pause Remark 1300M->1290M(2048M) 3.2ms",
            "[7.000s][info][gc] GC(11) Pause Full (G1 Compaction Pause) 2G->1638M(2G) 900.0ms",
            "[9.000s][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 512000K->256000K(2097152K) 5.0ms");
    FreshBuild.HeapPeaks p = FreshBuild.heapPeaks(log);
    assertEquals(2048, p.beforeMiB(), "2G before the full collection");
    assertEquals(1638, p.afterMiB());
    assertEquals(new FreshBuild.HeapPeaks(-1, -1), FreshBuild.heapPeaks(List.of("Using G1")));
  }

  @Test
  void summaryIsReadFromTheBuildsLastLine() {
    List<String> out =
        List.of(
            "ruralkg: building ...",
            "ruralkg: loaded 2224 file(s) (10000 articles, 8043833 quads), 0 unchanged, 3 failed");
    assertEquals(new FreshBuild.Summary(2224, 10000, 8_043_833L, 3), FreshBuild.summary(out));
    assertEquals(new FreshBuild.Summary(0, 0, 0, 0), FreshBuild.summary(List.of("killed")));
  }

  @Test
  void launcherOptionsAreTheEnvironmentsOrTheLaunchersBuildDefaults() {
    String defaults = "-Xmx2g -XX:+UseParallelGC";
    assertEquals(
        List.of("-Xmx2g", "-XX:+UseParallelGC"), FreshBuild.launcherOptions(null, defaults));
    assertEquals(
        List.of("-Xmx2g", "-XX:+UseParallelGC"), FreshBuild.launcherOptions("  ", defaults));
    assertEquals(
        List.of("-Xmx6g", "-XX:+UseG1GC"),
        FreshBuild.launcherOptions(" -Xmx6g  -XX:+UseG1GC ", defaults));
  }

  @Test
  void buildDefaultsAreReadFromTheLauncherThatRunsTheBuild(@TempDir Path dir) throws IOException {
    // the project's own launcher: a build there gets a heap limit, and the bench must see the same
    String own = FreshBuild.buildDefaults(Path.of("ruralkg"));
    assertTrue(own.contains("-Xmx"), own);
    Path script = dir.resolve("ruralkg");
    Files.writeString(
        script, "#!/bin/sh\nDEFAULT_JAVA_OPTS=\"-Xmx1g\"\nBUILD_JAVA_OPTS=\"-Xmx3g -Xss2m\"\n");
    assertEquals("-Xmx3g -Xss2m", FreshBuild.buildDefaults(script));
    Files.writeString(script, "#!/bin/sh\nexec java -jar x.jar\n");
    RuralKgException e =
        assertThrows(RuralKgException.class, () -> FreshBuild.buildDefaults(script));
    assertTrue(e.getMessage().contains("BUILD_JAVA_OPTS"), e.getMessage());
  }

  @Test
  void theJarRunsAsTheLauncherRunsItClassesThroughTheMainClass() {
    assertEquals(
        List.of("-jar", "/p/target/ruralkg.jar"), FreshBuild.mainOf("/p/target/ruralkg.jar"));
    String cp = "/p/target/classes" + java.io.File.pathSeparator + "/m2/jena.jar";
    assertEquals(List.of("-cp", cp, "org.w3id.ruralkg.cli.Main"), FreshBuild.mainOf(cp));
  }
}
