package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * A new store is bulk-loaded and ends up as the transactional path would make it, text index
 * included.
 */
class BulkBuildIT {
  @TempDir Path tmp;

  /** The store made the old way: a transaction per batch of files, the index kept by jena-text. */
  static void transactionalBuild(Path in, Path store) {
    DatasetGraph dsg = Store.openOrCreate(store);
    try {
      StoreBuilder b = new StoreBuilder(dsg, Pipeline.fileProcessor(), 2);
      b.loadOntology(Pipeline.ontologyGraph());
      b.build(StoreBuilder.listInputs(in));
    } finally {
      dsg.close();
    }
  }

  @Test
  void aBulkBuiltStoreHoldsWhatTheTransactionalPathMakesAndIsSearchable() throws Exception {
    Path bulk = tmp.resolve("bulk");
    assertTrue(BulkBuilder.applies(bulk), "a missing folder is a new store");
    BuildReport report = Pipeline.build(Path.of("seeds"), bulk, 2);
    assertEquals(5, report.loaded().size(), report.summary());
    assertFalse(
        Files.exists(bulk.resolve(BulkBuilder.MARKER)), "the marker goes when the build is done");
    assertEquals(1, StoreOps.generations(bulk));
    assertFalse(BulkBuilder.applies(bulk), "a store with data takes the transactional path");

    Path tx = tmp.resolve("tx");
    transactionalBuild(Path.of("seeds"), tx);
    long n = StoreCounts.quads(tx);
    assertTrue(n > 1000);
    assertEquals(n, StoreCounts.quads(bulk));
    // the sorted loader packed every index; each lists the same quads
    SortedLoaderTest.assertIndexesAgree(bulk);
    BulkBuilder.expel(bulk);
    // one index document per indexed literal, as jena-text makes them: the store opens without a
    // reindex
    assertEquals(StoreCounts.indexDocs(tx), StoreCounts.indexDocs(bulk));
    String hits = TextIndexIT.search(bulk, "劳务报酬");
    assertEquals(TextIndexIT.search(tx, "劳务报酬"), hits);
    assertTrue(hits.contains("发放劳务报酬8059.47万元"), hits);
    DatasetGraph dsg = Store.openExisting(bulk);
    try {
      // headlines and labels (the ontology graph's too) are indexed as well
      assertTrue(TextIndexIT.count(dsg, "?s text:query (schema:headline \"思南\")") > 0);
      assertTrue(TextIndexIT.count(dsg, "?s text:query (skos:prefLabel \"党支部\")") > 0);
    } finally {
      dsg.close();
    }
  }

  @Test
  void anEmptyTdb2StoreIsBulkLoaded() {
    Path store = tmp.resolve("empty");
    Store.openOrCreate(store).close();
    assertTrue(Store.looksLikeTdb2(store));
    assertTrue(BulkBuilder.applies(store));
    assertEquals(5, Pipeline.build(Path.of("seeds"), store, 2).loaded().size());
    assertTrue(StoreCounts.quads(store) > 1000);
  }

  @Test
  void aStoreLeftMarkedIsRefusedThenRebuiltFromNothing() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("seeds/001_9a9fe845a7e3c4ef.txt"), in.resolve("a.txt"));
    Path store = tmp.resolve("store");
    Pipeline.build(in, store, 1);
    long clean = StoreCounts.quads(store);
    // as a killed bulk build leaves it: the marker, and data that must not count
    Files.writeString(store.resolve(BulkBuilder.MARKER), "");
    RuralKgException e = assertThrows(RuralKgException.class, () -> Store.openExisting(store));
    assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    assertThrows(RuralKgException.class, () -> Store.openOrCreate(store));
    assertTrue(BulkBuilder.applies(store));
    Files.copy(Path.of("seeds/003_bb169abb74cc64f6.txt"), in.resolve("b.txt"));
    BuildReport again = Pipeline.build(in, store, 1);
    assertEquals(
        java.util.List.of("a.txt", "b.txt"),
        again.loaded(),
        "nothing counts as unchanged in a half-made store");
    assertFalse(Files.exists(store.resolve(BulkBuilder.MARKER)));
    Path fresh = tmp.resolve("fresh");
    Pipeline.build(in, fresh, 1);
    assertEquals(StoreCounts.quads(fresh), StoreCounts.quads(store));
    assertTrue(StoreCounts.quads(store) > clean);
    assertEquals(StoreCounts.indexDocs(fresh), StoreCounts.indexDocs(store));
  }
}
