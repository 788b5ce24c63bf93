package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.bench.LongLines;
import org.w3id.ruralkg.cli.Main;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.nlp.SentenceSplitter;
import org.w3id.ruralkg.rdf.Iris;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * Findings 9-12 of the security review: builds on hostile or careless input and under contention.
 */
class HostileBuildIT {
  @TempDir Path dir;

  private Path seedsIn(String name, int pages) throws Exception {
    Path in = Files.createDirectories(dir.resolve(name));
    try (Stream<Path> s = Files.list(Path.of("seeds"))) {
      for (Path p : s.sorted().limit(pages).toList()) Files.copy(p, in.resolve(p.getFileName()));
    }
    return in;
  }

  // 9: a paragraph without sentence ends

  @Test
  void aLongParagraphGivesBoundedSentencesAndTextIndexEntriesAndOneNote() throws Exception {
    Path in = seedsIn("in", 1);
    Path page = in.resolve("long.txt");
    Files.writeString(page, LongLines.page(200_000, 3), StandardCharsets.UTF_8);
    Path store = dir.resolve("store");
    BuildReport report = Pipeline.build(in, store, 2);
    assertEquals(2, report.loaded().size(), report.failed().toString());
    assertEquals(1, report.notes().size());
    assertEquals("long.txt", report.notes().get(0).file());
    DatasetGraph dsg = Store.openExisting(store);
    try {
      int[] longest = {0};
      long sentences =
          Txn.calculateRead(
              dsg,
              () -> {
                long n = 0;
                for (var it = dsg.find(Node.ANY, Node.ANY, Vocab.SENTENCE, Node.ANY);
                    it.hasNext();
                    n++) {
                  longest[0] =
                      Math.max(longest[0], it.next().getObject().getLiteralLexicalForm().length());
                }
                return n;
              });
      assertTrue(sentences > 1000, "the long page has facts: " + sentences);
      assertTrue(
          longest[0] <= SentenceSplitter.MAX_CHARS,
          "the longest indexed sentence has " + longest[0] + " chars");
    } finally {
      dsg.close();
    }
    // each fact indexes its (bounded) sentence: the index grows with the text, not with text x
    // facts
    long index;
    try (Stream<Path> s = Files.walk(store.resolve(TextIndex.FOLDER))) {
      index = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertTrue(
        index < 40 * Files.size(page),
        "text index of " + index + " bytes for a page of " + Files.size(page));
  }

  /**
   * Each file is one quad in its own graph; slow.txt spins until interrupted (at most a minute).
   */
  private static final FileProcessor SLOW_ONE =
      (file, bytes, sha) -> {
        if (file.relativePath().equals("slow.txt")) {
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (System.nanoTime() < end && !Thread.currentThread().isInterrupted())
            Thread.onSpinWait();
        }
        Node g = NodeFactory.createURI("https://example.org/graph/" + file.relativePath());
        Quad q =
            Quad.create(
                g,
                Iris.source(Iris.fileKey(file.relativePath())),
                Vocab.SHA256,
                NodeFactory.createLiteralString(sha));
        return new FileQuads(file, sha, 1, List.of(q));
      };

  private Path slowIn() throws Exception {
    Path in = Files.createDirectories(dir.resolve("slow-in"));
    for (String f : List.of("a.txt", "slow.txt", "c.txt", "d.txt"))
      Files.writeString(in.resolve(f), f);
    return in;
  }

  @Test
  void aFileOverItsTimeBudgetIsSkippedWithOneLineAndTheOthersLoadInBothBuildPaths()
      throws Exception {
    List<InputFile> inputs = StoreBuilder.listInputs(slowIn());
    BuildSettings tight = new BuildSettings(2, Duration.ofMillis(300), false);
    Path bulk = dir.resolve("bulk");
    BuildReport b =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> new BulkBuilder(bulk, SLOW_ONE, tight).build(Pipeline.ontologyGraph(), inputs));
    assertSkippedSlow(b);
    DatasetGraph incremental = Store.openOrCreate(dir.resolve("incremental"));
    try {
      BuildReport r =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> new StoreBuilder(incremental, SLOW_ONE, tight).build(inputs));
      assertSkippedSlow(r);
      assertFalse(
          Txn.calculateRead(
              incremental,
              () ->
                  incremental
                      .find(Node.ANY, Iris.source(Iris.fileKey("slow.txt")), Node.ANY, Node.ANY)
                      .hasNext()));
    } finally {
      incremental.close();
    }
  }

  private static void assertSkippedSlow(BuildReport report) {
    assertEquals(List.of("a.txt", "c.txt", "d.txt"), report.loaded());
    assertEquals(1, report.failed().size());
    assertEquals("slow.txt", report.failed().get(0).file());
    assertTrue(
        report.failed().get(0).reason().startsWith("took more than 0.3 s"),
        report.failed().get(0).reason());
  }

  @Test
  void theFileTimeoutOptionSkipsEveryFileThatTakesLonger() throws Exception {
    Path in = seedsIn("in", 2);
    Path store = dir.resolve("store");
    String err =
        cli(
            "build",
            "--in",
            in.toString(),
            "--store",
            store.toString(),
            "--file-timeout",
            "0.000001");
    assertTrue(err.contains("loaded 0 file(s)") && err.contains("2 failed"), err);
    assertEquals(
        2,
        err.lines()
            .filter(
                l -> l.startsWith("ruralkg: skipped ") && l.contains("took more than 0.000001 s"))
            .count(),
        err);
    DatasetGraph dsg = Store.openExisting(store);
    try {
      assertFalse(
          Txn.calculateRead(
              dsg, () -> dsg.find(Node.ANY, Node.ANY, Vocab.SHA256, Node.ANY).hasNext()),
          "no part of a skipped file is in the store");
    } finally {
      dsg.close();
    }
  }

  // 10: two first builds of one store at once

  @Test
  void twoFirstBuildsOfOneStoreNeverLeaveItEmptyWithSuccess() throws Exception {
    Path in = seedsIn("in", 5);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        Path store = dir.resolve("store-" + round);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<BuildReport>> builds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          builds.add(
              two.submit(
                  () -> {
                    together.await();
                    return Pipeline.build(in, store, 1);
                  }));
        }
        int ok = 0;
        for (Future<BuildReport> f : builds) {
          try {
            BuildReport r = f.get(5, TimeUnit.MINUTES);
            assertEquals(5, r.loaded().size());
            ok++;
          } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(e.getCause() instanceof RuralKgException, String.valueOf(e.getCause()));
            assertTrue(
                e.getCause().getMessage().contains("store is in use by another build"),
                e.getCause().getMessage());
          }
        }
        assertTrue(ok >= 1, "one of the builds succeeds");
        assertTrue(
            StoreCounts.quads(store) > 10_000, "the store holds the seeds after round " + round);
      }
    } finally {
      two.shutdownNow();
    }
  }

  // 11: a loader thread that dies

  @Test
  void aDeadLoaderThreadFailsTheBuildWithOneLineInsteadOfHanging() throws Exception {
    Path in = seedsIn("in", 3);
    Path store = dir.resolve("store");
    try {
      SortedLoader.nodeStageFault =
          () -> {
            throw new InternalError(
                "a fault occurred in a recent unsafe memory access operation in compiled Java code");
          };
      RuralKgException full =
          assertTimeoutPreemptively(
              Duration.ofSeconds(120),
              () -> assertThrows(RuralKgException.class, () -> Pipeline.build(in, store, 2)));
      assertTrue(
          full.getMessage().startsWith("no space left on the device of " + store),
          full.getMessage());
      assertFalse(full.getMessage().contains("\n"));
      SortedLoader.nodeStageFault =
          () -> {
            throw new IllegalStateException("boom");
          };
      RuralKgException other =
          assertTimeoutPreemptively(
              Duration.ofSeconds(120),
              () -> assertThrows(RuralKgException.class, () -> Pipeline.build(in, store, 2)));
      assertTrue(
          other.getMessage().contains("bulk load failed") && other.getMessage().contains("boom"),
          other.getMessage());
    } finally {
      SortedLoader.nodeStageFault = null;
    }
    // the half-made store is started again by the next build
    assertEquals(3, Pipeline.build(in, store, 2).loaded().size());
    assertTrue(StoreCounts.quads(store) > 5_000);
  }

  @Test
  void aFullDiskInTheIncrementalPathStopsTheBuildWithOneLineAndKeepsTheStore() throws Exception {
    Path in = Files.createDirectories(dir.resolve("disk-in"));
    Files.writeString(in.resolve("a.txt"), "a");
    DatasetGraph dsg = Store.openOrCreate(dir.resolve("store"));
    try {
      new StoreBuilder(dsg, SLOW_ONE, 1).build(StoreBuilder.listInputs(in));
      Files.writeString(in.resolve("b.txt"), "b");
      // the quads of b.txt fail as a write through a mapped file fails on a full disk
      FileProcessor full =
          (file, bytes, sha) ->
              file.relativePath().equals("b.txt")
                  ? new FileQuads(
                      file,
                      sha,
                      1,
                      new java.util.AbstractList<Quad>() {
                        @Override
                        public Quad get(int i) {
                          throw new InternalError(
                              "a fault occurred in a recent unsafe memory access operation in compiled Java code");
                        }

                        @Override
                        public int size() {
                          return 1;
                        }
                      })
                  : SLOW_ONE.process(file, bytes, sha);
      RuralKgException e =
          assertThrows(
              RuralKgException.class,
              () -> new StoreBuilder(dsg, full, 1).build(StoreBuilder.listInputs(in)));
      assertTrue(
          e.getMessage()
              .startsWith("no space left on the device of " + dir.resolve("store").toRealPath()),
          e.getMessage());
      assertTrue(
          Txn.calculateRead(
              dsg,
              () ->
                  dsg.find(Node.ANY, Iris.source(Iris.fileKey("a.txt")), Vocab.SHA256, Node.ANY)
                      .hasNext()),
          "a.txt stays");
    } finally {
      dsg.close();
    }
  }

  // 12: locks and names

  /** Holds a TDB2 store open (and so its lock) until stdin closes. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(args[0]);
      Txn.executeRead(dsg, () -> dsg.find().hasNext());
      System.out.println("held");
      System.out.flush();
      System.in.read();
    }
  }

  @Test
  void aStoreLockedByAnotherProcessIsOneLineNamingIt() throws Exception {
    Path in = seedsIn("in", 1);
    Path store = dir.resolve("store");
    Pipeline.build(in, store, 1);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Holder.class.getName(),
                store.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("held", r.readLine());
      String err = cli("build", "--in", in.toString(), "--store", store.toString());
      List<String> lines = err.lines().toList();
      assertEquals(1, lines.size(), err);
      assertEquals(
          "ruralkg: "
              + store
              + ": store is locked by another process (pid "
              + child.pid()
              + "); stop it (e.g. the server) and try again",
          lines.get(0));
    } finally {
      child.getOutputStream().close();
      child.destroy();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFileNameWithALineBreakIsPrintedEscaped() throws Exception {
    Path in = seedsIn("in", 1);
    Files.writeString(in.resolve("bad\n12:00:00 INFO  BulkBuilder :: forged.txt"), "");
    String err = cli("build", "--in", in.toString(), "--store", dir.resolve("store").toString());
    assertTrue(
        err.contains(
            "ruralkg: skipped bad\\n12:00:00 INFO  BulkBuilder :: forged.txt: bad\\n12:00:00 INFO  BulkBuilder :: forged.txt: empty file"),
        err);
    assertFalse(err.lines().anyMatch(l -> l.startsWith("12:00:00")), err);
  }

  /** Runs the command line in this JVM; its stderr (the command's own lines, not the log). */
  private static String cli(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      Main.execute(args);
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
