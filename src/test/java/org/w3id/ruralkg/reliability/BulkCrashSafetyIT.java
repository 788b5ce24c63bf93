package org.w3id.ruralkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.Pipeline;
import org.w3id.ruralkg.RuralKgException;
import org.w3id.ruralkg.cli.Main;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.BulkBuilder;
import org.w3id.ruralkg.store.Store;
import org.w3id.ruralkg.store.StoreCounts;

/**
 * A bulk build of a new store killed with SIGKILL halfway leaves a store that nothing opens as if
 * it were complete; the next build wipes it and ends with exactly what a clean build gives.
 */
class BulkCrashSafetyIT {
  static final int KILL_AFTER_STREAMED = 40;

  @TempDir Path tmp;

  @Test
  void aBulkBuildKilledHalfwayIsRefusedAndTheNextBuildMakesItAnew() throws Exception {
    Path in = tmp.resolve("in");
    List<Path> files = CrashSafetyIT.corpus(in);
    Path store = tmp.resolve("store");

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
        "org.w3id.ruralkg.cli.Main", "build", "--in", in.toString(), "--store", store.toString(), "--threads", "2");
    pb.environment().put("RURALKG_LOG", "INFO");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process child = pb.start();
    AtomicInteger streamed = new AtomicInteger();
    CountDownLatch enough = new CountDownLatch(1);
    StringBuffer stderrTail = new StringBuffer();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.contains("BulkBuilder :: streamed ")) {
            if (streamed.incrementAndGet() >= KILL_AFTER_STREAMED) enough.countDown();
          } else if (stderrTail.length() < 4000) {
            stderrTail.append(line).append('\n');
          }
        }
      } catch (java.io.IOException ignored) {
        // the pipe closes when the child is killed
      }
    });
    reader.setDaemon(true);
    reader.start();
    boolean reached = enough.await(5, TimeUnit.MINUTES);
    assertTrue(child.isAlive(), "the build must still be running when it is killed; stderr: " + stderrTail);
    assertTrue(reached, "the build never streamed " + KILL_AFTER_STREAMED + " files; stderr: " + stderrTail);
    child.destroyForcibly(); // SIGKILL: the loader's index files are left half written
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertTrue(child.exitValue() != 0, "killed, not finished");
    reader.join(5000);

    // the half-made store is refused by everything that would serve or add to it
    assertTrue(Files.exists(store.resolve(BulkBuilder.MARKER)));
    RuralKgException e = assertThrows(RuralKgException.class, () -> Store.openExisting(store));
    assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    assertEquals(2, Main.execute("query", "figures", "--store", store.toString(), "--format", "csv"));

    // the next build starts again from nothing and loads every file
    BuildReport again = Pipeline.build(in, store, 2);
    assertTrue(again.failed().isEmpty(), again.summary());
    assertEquals(files.size(), again.loaded().size(), again.summary());
    assertTrue(again.unchanged().isEmpty(), again.summary());
    assertTrue(Files.notExists(store.resolve(BulkBuilder.MARKER)));
    assertEquals(CrashSafetyIT.cleanBuildQuads(in, files), StoreCounts.quads(store), "the rebuilt store holds exactly what a clean build gives");
    assertTrue(StoreCounts.indexDocs(store) > 0);
    var out = new ByteArrayOutputStream();
    Pipeline.query(store, "search-sentences", Map.of("q", "劳务报酬", "limit", "5"), "csv", out);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("发放劳务报酬"), "full-text search works on the rebuilt store");
  }
}
