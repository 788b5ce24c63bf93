package org.w3id.ruralkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.cli.Main;
import org.w3id.ruralkg.common.RuralKgException;
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

    // SIGKILL halfway: the loader's index files are left half written
    KilledBuild.run(
        in,
        store,
        line -> line.contains("BulkBuilder :: streamed "),
        KILL_AFTER_STREAMED,
        "streamed files");

    // the half-made store is refused by everything that would serve or add to it
    assertTrue(Files.exists(store.resolve(BulkBuilder.MARKER)));
    RuralKgException e = assertThrows(RuralKgException.class, () -> Store.openExisting(store));
    assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    assertEquals(
        2, Main.execute("query", "figures", "--store", store.toString(), "--format", "csv"));

    // the next build starts again from nothing and loads every file
    BuildReport again = Pipeline.build(in, store, 2);
    assertTrue(again.failed().isEmpty(), again.summary());
    assertEquals(files.size(), again.loaded().size(), again.summary());
    assertTrue(again.unchanged().isEmpty(), again.summary());
    assertTrue(Files.notExists(store.resolve(BulkBuilder.MARKER)));
    assertEquals(
        CrashSafetyIT.cleanBuildQuads(in, files),
        StoreCounts.quads(store),
        "the rebuilt store holds exactly what a clean build gives");
    assertTrue(StoreCounts.indexDocs(store) > 0);
    var out = new ByteArrayOutputStream();
    Pipeline.query(store, "search-sentences", Map.of("q", "劳务报酬", "limit", "5"), "csv", out);
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("发放劳务报酬"),
        "full-text search works on the rebuilt store");
  }
}
