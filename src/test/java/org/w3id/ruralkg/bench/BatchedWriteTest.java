package org.w3id.ruralkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.rdf.Iris;
import org.w3id.ruralkg.rdf.Vocab;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.FileProcessor;
import org.w3id.ruralkg.store.FileQuads;
import org.w3id.ruralkg.store.StoreBuilder;

/**
 * Files written together in one transaction stay whole: a file the store refuses leaves the others
 * in.
 */
class BatchedWriteTest {
  static Node graph(String file) {
    return NodeFactory.createURI("https://example.org/graph/" + file);
  }

  /**
   * Every file becomes two quads in its own graph; bad.txt also carries a variable, which TDB2
   * cannot store.
   */
  static final FileProcessor PROCESSOR =
      (file, bytes, sha) -> {
        Node g = graph(file.relativePath());
        Node source = Iris.source(Iris.fileKey(file.relativePath()));
        Quad shaQuad = Quad.create(g, source, Vocab.SHA256, NodeFactory.createLiteralString(sha));
        Quad other =
            Quad.create(
                g,
                source,
                NodeFactory.createURI("https://example.org/p"),
                file.relativePath().equals("bad.txt")
                    ? Var.alloc("x")
                    : NodeFactory.createLiteralString("ok"));
        return new FileQuads(file, sha, 1, List.of(shaQuad, other));
      };

  @Test
  void aRefusedFileFallsBackAloneAndTheRestOfItsBatchLoads(@TempDir Path in) throws Exception {
    for (String f : List.of("a.txt", "bad.txt", "c.txt")) Files.writeString(in.resolve(f), f);
    DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
    BuildReport report = new StoreBuilder(dsg, PROCESSOR, 2).build(StoreBuilder.listInputs(in));
    assertEquals(List.of("a.txt", "c.txt"), report.loaded());
    assertEquals(1, report.failed().size());
    assertEquals("bad.txt", report.failed().get(0).file());
    Txn.executeRead(
        dsg,
        () -> {
          assertTrue(dsg.containsGraph(graph("a.txt")));
          assertTrue(dsg.containsGraph(graph("c.txt")));
          assertFalse(dsg.containsGraph(graph("bad.txt")), "nothing of the refused file is left");
          assertEquals(2, dsg.getGraph(graph("a.txt")).size());
        });
  }

  @Test
  void unchangedFilesAreSkippedOnRebuild(@TempDir Path in) throws Exception {
    for (String f : List.of("a.txt", "c.txt")) Files.writeString(in.resolve(f), f);
    DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
    new StoreBuilder(dsg, PROCESSOR, 2).build(StoreBuilder.listInputs(in));
    BuildReport again = new StoreBuilder(dsg, PROCESSOR, 2).build(StoreBuilder.listInputs(in));
    assertEquals(List.of("a.txt", "c.txt"), again.unchanged());
    assertTrue(again.loaded().isEmpty());
  }
}
