package org.w3id.ruralkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.cli.Main;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.rdf.Vocab;
import org.w3id.ruralkg.server.QueryApi;
import org.w3id.ruralkg.server.SavedQueries;
import org.w3id.ruralkg.server.SavedQuery;
import org.w3id.ruralkg.store.Store;
import org.w3id.ruralkg.store.StoreCounts;
import org.w3id.ruralkg.store.StoreOps;

/**
 * compact, backup and restore: the restored store answers every saved query as the original does.
 */
class StoreOpsIT {
  @TempDir static Path tmp;
  static Path store;

  @BeforeAll
  static void buildSeeds() {
    store = tmp.resolve("store");
    assertEquals(5, Pipeline.build(Path.of("seeds"), store, 2).loaded().size());
  }

  /** Every saved query that runs without parameters, as sorted CSV lines (header first). */
  static Map<String, List<String>> answers(Path storeDir) {
    SavedQueries queries = new SavedQueries(Path.of("queries"));
    Map<String, List<String>> out = new java.util.TreeMap<>();
    DatasetGraph dsg = Store.openExisting(storeDir);
    try {
      for (String name : queries.names()) {
        SavedQuery q = queries.get(name);
        if (q.params().values().stream().anyMatch(p -> p.defaultValue() == null)) continue;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QueryApi.stream(dsg, q, Map.of(), QueryApi.Format.CSV, 0, bytes);
        List<String> lines =
            new ArrayList<>(List.of(bytes.toString(StandardCharsets.UTF_8).split("\r?\n")));
        String header = lines.remove(0);
        Collections.sort(lines);
        lines.add(0, header);
        out.put(name, lines);
      }
    } finally {
      dsg.close();
    }
    return out;
  }

  @Test
  void backupAndRestoreRoundTripAnswersEverySavedQueryTheSame() throws Exception {
    Path backup = tmp.resolve("b/seeds.nq.gz");
    assertEquals(
        0, Main.execute("backup", "--store", store.toString(), "--out", backup.toString()));
    assertTrue(Files.size(backup) > 1000);
    String nq;
    try (var in = new GZIPInputStream(Files.newInputStream(backup))) {
      nq = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(
        nq.contains("<" + Vocab.ONTOLOGY_GRAPH.getURI() + ">"), "the ontology graph is backed up");
    assertEquals(
        StoreCounts.quads(store),
        nq.lines().filter(l -> !l.isBlank()).count(),
        "one N-Quads line per stored quad");

    Path restored = tmp.resolve("restored");
    assertEquals(
        0, Main.execute("restore", "--in", backup.toString(), "--store", restored.toString()));
    assertEquals(StoreCounts.quads(store), StoreCounts.quads(restored));
    // restored by the bulk loader: finished, every index packed alike, the same text index
    assertFalse(Files.exists(restored.resolve(org.w3id.ruralkg.store.BulkBuilder.MARKER)));
    assertEquals(StoreCounts.indexDocs(store), StoreCounts.indexDocs(restored));
    assertEquals(
        org.w3id.ruralkg.store.TextIndexIT.search(store, "劳务报酬"),
        org.w3id.ruralkg.store.TextIndexIT.search(restored, "劳务报酬"));
    Map<String, List<String>> before = answers(store);
    Map<String, List<String>> after = answers(restored);
    assertTrue(
        before.keySet().containsAll(List.of("figures", "admin-units", "party-orgs")),
        before.keySet().toString());
    for (var e : before.entrySet()) {
      assertTrue(e.getValue().size() > 1, e.getKey() + " answers something on the seeds");
      assertEquals(e.getValue(), after.get(e.getKey()), "saved query " + e.getKey());
    }
  }

  @Test
  void restoreRefusesAStoreThatHoldsDataAndLeavesItAlone() throws Exception {
    Path backup = tmp.resolve("refuse.nq.gz");
    StoreOps.backup(store, backup);
    Path other = tmp.resolve("other");
    Path in = Files.createDirectories(tmp.resolve("one"));
    Files.copy(Path.of("seeds/001_9a9fe845a7e3c4ef.txt"), in.resolve("a.txt"));
    Pipeline.build(in, other, 1);
    long before = StoreCounts.quads(other);
    RuralKgException e =
        assertThrows(RuralKgException.class, () -> StoreOps.restore(backup, other));
    assertTrue(e.getMessage().contains("already holds data"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(before, StoreCounts.quads(other));
  }

  @Test
  void aBadBackupFileIsRefusedInOneLineAndTheStoreStaysEmpty() throws Exception {
    Path bad = tmp.resolve("bad.nq");
    Files.writeString(bad, "<http://a> <http://b> <http://c> <http://g> .\nthis is not n-quads\n");
    Path target = tmp.resolve("target");
    RuralKgException e = assertThrows(RuralKgException.class, () -> StoreOps.restore(bad, target));
    assertTrue(e.getMessage().contains("not an N-Quads backup"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(0, StoreCounts.quads(target), "nothing half-loaded");
    // a quad outside a named graph, after good ones: refused, and the store is left empty again
    Path triple = tmp.resolve("triple.nq");
    Files.writeString(
        triple,
        "<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> <http://c> .\n");
    e = assertThrows(RuralKgException.class, () -> StoreOps.restore(triple, target));
    assertTrue(e.getMessage().contains("named graphs only"), e.getMessage());
    assertEquals(0, StoreCounts.quads(target));
    assertFalse(Files.exists(target.resolve(org.w3id.ruralkg.store.BulkBuilder.MARKER)));
    assertEquals(
        2,
        Main.execute(
            "restore",
            "--in",
            tmp.resolve("missing.nq.gz").toString(),
            "--store",
            target.toString()));
  }

  @Test
  void compactionLeavesOneGenerationAndAWorkingStore() throws Exception {
    Path s = tmp.resolve("compact");
    Path in = Files.createDirectories(tmp.resolve("c-in"));
    Files.copy(Path.of("seeds/001_9a9fe845a7e3c4ef.txt"), in.resolve("a.txt"));
    Files.copy(Path.of("seeds/003_bb169abb74cc64f6.txt"), in.resolve("b.txt"));
    Pipeline.build(in, s, 1);
    // replace b.txt so the store carries freed space from the old graphs
    Files.copy(
        Path.of("seeds/004_dcf0163b378ea7cb.txt"),
        in.resolve("b.txt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Pipeline.build(in, s, 1);
    long before = StoreCounts.quads(s);
    Map<String, List<String>> answersBefore = answers(s);
    String hitsBefore = org.w3id.ruralkg.store.TextIndexIT.search(s, "劳务报酬");
    // what a compaction killed half-way leaves behind: it must not get in the way
    Files.writeString(
        Files.createDirectories(s.resolve("Data-0002-tmp")).resolve("GSPO.dat"), "half-written");
    assertEquals(0, Main.execute("compact", "--store", s.toString()));
    assertEquals(1, StoreOps.generations(s));
    assertTrue(Files.isDirectory(s.resolve("Data-0002")), "the compacted generation");
    assertFalse(Files.exists(s.resolve("Data-0002-tmp")));
    assertEquals(before, StoreCounts.quads(s));
    assertEquals(answersBefore, answers(s));
    assertEquals(
        hitsBefore,
        org.w3id.ruralkg.store.TextIndexIT.search(s, "劳务报酬"),
        "the text index still matches the store");
    // written by the sorted loader: every index lists the same quads
    org.w3id.ruralkg.store.SortedLoaderTest.assertIndexesAgree(s);
    org.w3id.ruralkg.store.BulkBuilder.expel(s);
    // and it still takes a build
    assertEquals(2, Pipeline.build(in, s, 1).unchanged().size());
  }
}
