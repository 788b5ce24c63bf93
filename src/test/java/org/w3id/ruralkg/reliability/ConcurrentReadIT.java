package org.w3id.ruralkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.rdf.Vocab;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.FileProcessor;
import org.w3id.ruralkg.store.InputFile;
import org.w3id.ruralkg.store.Store;
import org.w3id.ruralkg.store.StoreBuilder;

/**
 * Eight readers query the store while a rebuild replaces every file with other content: each read
 * transaction sees, for every file, either all of its old article graphs and figures or all of its
 * new ones, never a mix.
 */
class ConcurrentReadIT {
  static final int READERS = 8;
  static final int COPIES_PER_SEED = 4; // 20 files

  @TempDir Path tmp;

  /** What one version of a file must look like in the store. */
  record Version(int articles, int figures) {}

  @Test
  void readersDuringARebuildSeeEachFileWhollyOldOrWhollyNew() throws Exception {
    List<Path> seeds;
    try (Stream<Path> s = Files.list(Path.of("seeds"))) {
      seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    Path in = Files.createDirectories(tmp.resolve("in"));
    List<InputFile> inputs = new ArrayList<>();
    Map<String, Version> expected = new HashMap<>(); // by sha256
    Set<String> oldShas = new HashSet<>();
    FileProcessor processor = Pipeline.fileProcessor();
    for (int generation = 1; generation <= 2; generation++) {
      for (int i = 0; i < COPIES_PER_SEED * seeds.size(); i++) {
        Path f = in.resolve(String.format(java.util.Locale.ROOT, "f%02d.txt", i));
        if (generation == 1) inputs.add(new InputFile(f, f.getFileName().toString()));
        byte[] bytes = content(seeds, i, generation).getBytes(StandardCharsets.UTF_8);
        String sha = StoreBuilder.sha256(bytes);
        if (generation == 1) oldShas.add(sha);
        var fq = processor.process(new InputFile(f, f.getFileName().toString()), bytes, sha);
        expected.put(sha, new Version(fq.articles(), (int) figureCount(fq.quads())));
      }
    }
    writeGeneration(seeds, in, 1);

    DatasetGraph dsg = Store.openOrCreate(tmp.resolve("store"));
    try {
      BuildReport first = new StoreBuilder(dsg, processor, 2).build(inputs);
      assertEquals(inputs.size(), first.loaded().size(), first.summary());
      writeGeneration(seeds, in, 2);

      AtomicBoolean rebuilding = new AtomicBoolean(true);
      AtomicLong reads = new AtomicLong();
      AtomicLong mixedReads = new AtomicLong(); // some files already new, others still old
      ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        Thread t =
            new Thread(
                () -> {
                  while (rebuilding.get() && violations.size() < 10) {
                    try {
                      Txn.executeRead(
                          dsg,
                          () -> {
                            Set<Boolean> generations = new HashSet<>();
                            for (StoreView.SourceState s : StoreView.sources(dsg).values()) {
                              if (s.sha256s().size() != 1) {
                                violations.add(
                                    s.path()
                                        + " shows "
                                        + s.sha256s().size()
                                        + " versions at once");
                                continue;
                              }
                              String sha = s.sha256s().iterator().next();
                              Version v = expected.get(sha);
                              int figures = figureCount(dsg, s.graphs());
                              if (v == null
                                  || v.articles() != s.graphs().size()
                                  || v.figures() != figures) {
                                violations.add(
                                    s.path()
                                        + ": "
                                        + s.graphs().size()
                                        + " article graphs and "
                                        + figures
                                        + " figures, its version has "
                                        + v);
                              }
                              generations.add(oldShas.contains(sha));
                            }
                            if (generations.size() > 1) mixedReads.incrementAndGet();
                          });
                      reads.incrementAndGet();
                    } catch (Throwable e) {
                      violations.add("read failed: " + e);
                    }
                  }
                },
                "reader-" + r);
        t.start();
        readers.add(t);
      }
      BuildReport second;
      try {
        // one file per transaction: the finest interleaving readers can meet
        second = new StoreBuilder(dsg, processor, 2, 1).build(inputs);
      } finally {
        rebuilding.set(false);
        for (Thread t : readers) t.join();
      }
      assertTrue(violations.isEmpty(), String.join("\n", violations));
      assertEquals(inputs.size(), second.loaded().size(), second.summary());
      assertTrue(reads.get() > READERS, "readers ran during the rebuild: " + reads.get());
      assertTrue(
          mixedReads.get() > 0,
          "some reads fell between two files' transactions (" + reads.get() + " reads)");
      System.out.printf(
          java.util.Locale.ROOT,
          "concurrency: %d reads during the rebuild, %d saw old and new files side by side, no read saw half a file%n",
          reads.get(),
          mixedReads.get());
    } finally {
      dsg.close();
    }
  }

  /**
   * File i in a generation: generation 2 holds the next seed's page (other articles, other
   * figures).
   */
  static String content(List<Path> seeds, int i, int generation) {
    try {
      Path seed = seeds.get((i + generation - 1) % seeds.size());
      return Files.readString(seed, StandardCharsets.UTF_8)
          + "\n\n（第"
          + i
          + "份，第"
          + generation
          + "版）\n";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void writeGeneration(List<Path> seeds, Path in, int generation) throws Exception {
    for (int i = 0; i < COPIES_PER_SEED * seeds.size(); i++) {
      Files.writeString(
          in.resolve(String.format(java.util.Locale.ROOT, "f%02d.txt", i)),
          content(seeds, i, generation),
          StandardCharsets.UTF_8);
    }
  }

  static long figureCount(List<Quad> quads) {
    return quads.stream()
        .filter(q -> q.getPredicate().equals(Vocab.TYPE) && q.getObject().equals(Vocab.FIGURE))
        .map(Quad::getSubject)
        .distinct()
        .count();
  }

  static int figureCount(DatasetGraph dsg, Set<Node> graphs) {
    Set<Node> figures = new HashSet<>();
    for (Node g : graphs)
      dsg.find(g, Node.ANY, Vocab.TYPE, Vocab.FIGURE)
          .forEachRemaining(q -> figures.add(q.getSubject()));
    return figures.size();
  }
}
