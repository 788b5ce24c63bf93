package org.w3id.ruralkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.store.SeedStores;
import org.w3id.ruralkg.store.Store;
import org.w3id.ruralkg.store.StoreCounts;

/**
 * The query phase on a one-page store: every call is measured cold, then again after a write that
 * empties the response cache (the live store's case), and that write leaves the data as it was.
 */
class QueryBenchIT {
  @Test
  void afterAWriteEveryCallRunsItsQueryAgainAndTheStoreKeepsItsData(@TempDir Path dir)
      throws Exception {
    Path store = SeedStores.onePage(dir, "store", "000_08c3608711e2fccf.txt", "page.txt");
    long quadsBefore = StoreCounts.quads(store);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Map<String, Object> out =
        new QueryBench(
                List.of(1),
                2,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                false,
                new PrintStream(log, true, StandardCharsets.UTF_8))
            .run(store);

    List<QueryLoad.Cold> cold = colds(out, "cold");
    List<QueryLoad.Cold> afterWrite = colds(out, "coldAfterWrite");
    assertFalse(cold.isEmpty());
    assertEquals(
        cold.stream().map(QueryLoad.Cold::query).toList(),
        afterWrite.stream().map(QueryLoad.Cold::query).toList(),
        "the same calls in the same order");
    for (int i = 0; i < cold.size(); i++) {
      QueryLoad.Cold before = cold.get(i);
      QueryLoad.Cold after = afterWrite.get(i);
      assertEquals(200, after.status(), after.query());
      // the warm cells cached every response; only an emptied cache makes this a miss
      assertEquals("miss", after.cache(), after.query() + " was answered from the cache");
      assertEquals(before.rows(), after.rows(), after.query() + ": the write changed its answer");
    }
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("a write that empties the cache: status 2"), text);
    assertTrue(
        QueryBench.table(out).contains("| after a write (ms) |"), "the report shows the column");

    assertEquals(quadsBefore, StoreCounts.quads(store), "the write adds and drops a scratch graph");
    assertFalse(hasScratchGraph(store), "the scratch graph is gone");
  }

  @SuppressWarnings("unchecked")
  private static List<QueryLoad.Cold> colds(Map<String, Object> out, String key) {
    return ((List<Object>) out.get(key)).stream().map(o -> (QueryLoad.Cold) o).toList();
  }

  private static boolean hasScratchGraph(Path store) {
    DatasetGraph dsg = Store.openExisting(store);
    try {
      return Txn.calculateRead(
          dsg, () -> dsg.containsGraph(NodeFactory.createURI(QueryLoad.SCRATCH_GRAPH)));
    } finally {
      dsg.close();
    }
  }
}
