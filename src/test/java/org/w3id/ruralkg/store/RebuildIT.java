package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * Building again: unchanged files are skipped, a changed file replaces its graphs, bad files are
 * skipped, nothing is lost.
 */
class RebuildIT {
  @TempDir Path tmp;

  /** tmp/in with two seed pages, a.txt (001) and b.txt (003). */
  private Path twoPages() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("seeds/001_9a9fe845a7e3c4ef.txt"), in.resolve("a.txt"));
    Files.copy(Path.of("seeds/003_bb169abb74cc64f6.txt"), in.resolve("b.txt"));
    return in;
  }

  @Test
  void rebuildingUnchangedFilesDoesNothingAndChangedFilesAreReplaced() throws Exception {
    Path in = twoPages();
    Path store = tmp.resolve("store");

    BuildReport first = Pipeline.build(in, store, 2);
    assertEquals(2, first.loaded().size());
    long quads = StoreCounts.quads(store);
    assertTrue(quads > 100);

    BuildReport second = Pipeline.build(in, store, 2);
    assertEquals(0, second.loaded().size());
    assertEquals(2, second.unchanged().size());
    assertEquals(
        quads, StoreCounts.quads(store), "an unchanged rebuild must not add or lose quads");

    // b.txt now holds another page: its old graphs go, the new ones come, a.txt is untouched
    Files.copy(
        Path.of("seeds/004_dcf0163b378ea7cb.txt"),
        in.resolve("b.txt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    BuildReport third = Pipeline.build(in, store, 2);
    assertEquals(java.util.List.of("b.txt"), third.loaded());
    Path fresh = tmp.resolve("fresh");
    Path in2 = Files.createDirectories(tmp.resolve("in2"));
    Files.copy(in.resolve("a.txt"), in2.resolve("a.txt"));
    Files.copy(in.resolve("b.txt"), in2.resolve("b.txt"));
    Pipeline.build(in2, fresh, 2);
    // the same content built from scratch gives the same article and file graphs; the shared graph
    // keeps the old page's units besides (true descriptions no article points at any more), and
    // nothing an article points at is left undescribed
    assertEquals(StoreCounts.quadsOutsideShared(fresh), StoreCounts.quadsOutsideShared(store));
    assertTrue(StoreCounts.shared(store).containsAll(StoreCounts.shared(fresh)));
    assertTrue(
        StoreCounts.shared(store).size() > StoreCounts.shared(fresh).size(),
        "the replaced page's units stay");
    assertEquals(java.util.Set.of(), StoreCounts.undescribed(store));
  }

  @Test
  void aBuildThatReplacesMostFilesCompactsTheStoreIntoOneGeneration() throws Exception {
    Path in = twoPages();
    Path store = tmp.resolve("store");
    Pipeline.build(in, store, 2);
    // both files change: the build rewrites all of them, then compacts
    Files.copy(
        Path.of("seeds/004_dcf0163b378ea7cb.txt"),
        in.resolve("a.txt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        Path.of("seeds/000_08c3608711e2fccf.txt"),
        in.resolve("b.txt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    BuildReport second = Pipeline.build(in, store, 2);
    assertEquals(2, second.loaded().size());
    assertTrue(StoreBuilder.worthCompacting(second));
    assertEquals(1, StoreOps.generations(store));
    assertTrue(Files.isDirectory(store.resolve("Data-0002")), "compacted into the next generation");
    SortedLoaderTest.assertIndexesAgree(store);
    BulkBuilder.expel(store);
    Path fresh = tmp.resolve("fresh");
    Pipeline.build(in, fresh, 2);
    assertEquals(StoreCounts.quadsOutsideShared(fresh), StoreCounts.quadsOutsideShared(store));
    assertTrue(StoreCounts.shared(store).containsAll(StoreCounts.shared(fresh)));
    assertEquals(java.util.Set.of(), StoreCounts.undescribed(store));
    // the text index was kept through the compaction and finds the same facts of the new pages
    // (scores differ: the replaced pages' deleted documents still count in Lucene's statistics)
    String hits = TextIndexIT.search(store, "劳务报酬");
    assertTrue(facts(hits).size() > 3, hits);
    assertEquals(facts(TextIndexIT.search(fresh, "劳务报酬")), facts(hits));
    assertTrue(hits.contains("8059.47"), hits);
  }

  /** The fact IRIs of search-sentences CSV rows. */
  private static java.util.Set<String> facts(String csv) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "https://w3id.org/ruralkg/id/(figure|programme|org-mention|industry)[^,]*")
            .matcher(csv);
    while (m.find()) out.add(m.group());
    return out;
  }

  @Test
  void aFileMadeByAnotherVersionOfTheMappingIsExtractedAgain() throws Exception {
    Path in = twoPages();
    Path store = tmp.resolve("store");
    Pipeline.build(in, store, 2);

    // what a store built by an earlier ruralkg holds for a.txt: the same bytes, another producer
    String current = Pipeline.fileProcessor().producer();
    org.apache.jena.graph.Node old =
        org.apache.jena.graph.NodeFactory.createLiteralString("ruralkg 0.0.9 mapping 1");
    org.apache.jena.sparql.core.DatasetGraph dsg = Store.openExisting(store);
    try {
      org.apache.jena.system.Txn.executeWrite(
          dsg,
          () -> {
            var source =
                org.w3id.ruralkg.rdf.Iris.source(org.w3id.ruralkg.rdf.Iris.fileKey("a.txt"));
            var graphs = new java.util.HashSet<org.apache.jena.graph.Node>();
            dsg.find(
                    org.apache.jena.graph.Node.ANY,
                    source,
                    org.w3id.ruralkg.rdf.Vocab.SHA256,
                    org.apache.jena.graph.Node.ANY)
                .forEachRemaining(q -> graphs.add(q.getGraph()));
            assertTrue(!graphs.isEmpty());
            for (var g : graphs) {
              var versions = new java.util.ArrayList<org.apache.jena.sparql.core.Quad>();
              dsg.find(
                      g,
                      org.apache.jena.graph.Node.ANY,
                      org.w3id.ruralkg.rdf.Vocab.SCHEMA_SOFTWARE_VERSION,
                      org.apache.jena.graph.Node.ANY)
                  .forEachRemaining(versions::add);
              for (var q : versions) {
                assertEquals(current, q.getObject().getLiteralLexicalForm());
                dsg.delete(q);
                dsg.add(g, q.getSubject(), q.getPredicate(), old);
              }
            }
          });
    } finally {
      dsg.close();
    }

    BuildReport again = Pipeline.build(in, store, 2);
    assertEquals(java.util.List.of("a.txt"), again.loaded(), "a.txt was made by another producer");
    assertEquals(java.util.List.of("b.txt"), again.unchanged());
    BuildReport last = Pipeline.build(in, store, 2);
    assertEquals(0, last.loaded().size(), "now both are current");
  }

  @Test
  void badFilesAreSkippedAndReportedWhileTheOthersLoad() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("seeds/001_9a9fe845a7e3c4ef.txt"), in.resolve("good.txt"));
    Files.write(in.resolve("binary.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 9, 0, 7});
    Files.writeString(in.resolve("empty.txt"), "  \n", StandardCharsets.UTF_8);
    Path store = tmp.resolve("store");
    BuildReport report = Pipeline.build(in, store, 2);
    assertEquals(java.util.List.of("good.txt"), report.loaded());
    assertEquals(2, report.failed().size(), report.failed().toString());
    for (BuildReport.Failure f : report.failed())
      assertTrue(!f.reason().contains("\n"), "one line: " + f.reason());
  }

  @Test
  void aFolderThatIsNotAStoreIsRefusedAndLeftAlone() throws Exception {
    Path notStore = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(notStore.resolve("notes.md"), "keep me");
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("seeds/001_9a9fe845a7e3c4ef.txt"), in.resolve("a.txt"));
    RuralKgException e =
        assertThrows(RuralKgException.class, () -> Pipeline.build(in, notStore, 1));
    assertTrue(e.getMessage().contains("not a TDB2 store"), e.getMessage());
    assertEquals("keep me", Files.readString(notStore.resolve("notes.md")));
  }
}
