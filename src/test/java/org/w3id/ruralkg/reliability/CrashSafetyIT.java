package org.w3id.ruralkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.source.PageReader;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.Store;
import org.w3id.ruralkg.store.StoreBuilder;
import org.w3id.ruralkg.store.StoreCounts;

/**
 * A build into a store with data killed with SIGKILL halfway leaves a store that opens and holds
 * every file either whole or not at all; the next build loads the rest and ends with exactly what a
 * clean build gives.
 */
class CrashSafetyIT {
  static final int COPIES_PER_SEED = 60; // 5 seeds → 300 distinct files
  static final int KILL_AFTER_LOADED = 25;
  static final int PREBUILT = 5;
  static final Pattern LOADED = Pattern.compile("StoreBuilder :: loaded (\\S+) \\(");

  @TempDir Path tmp;

  /** 300 distinct pages: the seeds, each copy with its own trailing line so its SHA-256 differs. */
  static List<Path> corpus(Path dir) throws Exception {
    Files.createDirectories(dir);
    List<Path> seeds;
    try (Stream<Path> s = Files.list(Path.of("seeds"))) {
      seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < COPIES_PER_SEED; i++) {
      for (Path seed : seeds) {
        String text =
            Files.readString(seed, StandardCharsets.UTF_8) + "\n\n（本报第" + (i + 1) + "次转载）\n";
        Path f =
            dir.resolve(String.format(java.util.Locale.ROOT, "c%03d_%s", i, seed.getFileName()));
        Files.writeString(f, text, StandardCharsets.UTF_8);
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void aBuildKilledWhileLoadingLeavesWholeFilesAndTheNextBuildCompletesIt() throws Exception {
    Path in = tmp.resolve("in");
    List<Path> files = corpus(in);
    Path store = tmp.resolve("store");
    // a store that already holds a few files: builds into it take the transactional path (a new
    // store is bulk-loaded, whose crash safety BulkCrashSafetyIT checks)
    Path later = Files.createDirectories(tmp.resolve("later"));
    for (Path f : files.subList(PREBUILT, files.size()))
      Files.move(f, later.resolve(f.getFileName()));
    assertEquals(PREBUILT, Pipeline.build(in, store, 2).loaded().size());
    for (Path f : files.subList(PREBUILT, files.size()))
      Files.move(later.resolve(f.getFileName()), f);

    Set<String> loadedBeforeKill = ConcurrentHashMap.newKeySet();
    KilledBuild.run(
        in,
        store,
        line -> {
          Matcher m = LOADED.matcher(line);
          return m.find() && loadedBeforeKill.add(m.group(1));
        },
        KILL_AFTER_LOADED,
        "loaded files");
    Set<String> killedAt = Set.copyOf(loadedBeforeKill);
    assertTrue(killedAt.size() < files.size(), "killed in the middle, not after the end");

    // the store opens and every file in it is whole: as many article graphs as the reader finds
    // articles, one SHA-256 per file, the SHA of the file on disk
    PageReader pages = org.w3id.ruralkg.app.Extraction.shared().reader();
    Map<String, Integer> articlesOf = new HashMap<>();
    Map<String, String> shaOf = new HashMap<>();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      String rel = in.relativize(f).toString();
      articlesOf.put(rel, pages.read(rel, bytes).articles().size());
      shaOf.put(rel, StoreBuilder.sha256(bytes));
    }
    DatasetGraph dsg = Store.openExisting(store);
    int present;
    try {
      var sources = Txn.calculateRead(dsg, () -> StoreView.sources(dsg));
      present = sources.size();
      assertTrue(
          sources.keySet().containsAll(killedAt),
          "every file reported loaded before the kill is in the store");
      for (StoreView.SourceState s : sources.values()) {
        assertEquals(
            articlesOf.get(s.path()),
            s.graphs().size(),
            s.path() + ": all of its article graphs or none");
        assertEquals(Set.of(shaOf.get(s.path())), s.sha256s(), s.path());
      }
    } finally {
      dsg.close();
    }
    assertTrue(present < files.size(), "the kill came before the end");

    // the next build loads the rest, skips what is in, duplicates nothing
    BuildReport resumed = Pipeline.build(in, store, 2);
    assertTrue(resumed.failed().isEmpty(), resumed.failed().toString());
    assertEquals(present, resumed.unchanged().size(), resumed.summary());
    assertEquals(files.size() - present, resumed.loaded().size(), resumed.summary());

    assertEquals(
        cleanBuildQuads(in, files),
        StoreCounts.quads(store),
        "the resumed store holds exactly what a clean build gives");
    DatasetGraph after = Store.openExisting(store);
    try {
      var sources = Txn.calculateRead(after, () -> StoreView.sources(after));
      assertEquals(files.size(), sources.size());
      for (StoreView.SourceState s : sources.values())
        assertEquals(articlesOf.get(s.path()), s.graphs().size(), s.path());
    } finally {
      after.close();
    }
  }

  /**
   * The quads a clean build of the folder stores: the ontology graph, each file's distinct quads in
   * its own graphs, the distinct quads all files state in the shared graph, and the figure summary
   * graph a bulk build would write for all the files, computed in memory with the build's own file
   * processor (a second TDB2 build of 300 files would only repeat the same work with a commit per
   * file).
   */
  static long cleanBuildQuads(Path in, List<Path> files) throws Exception {
    var processor = Pipeline.fileProcessor();
    long n = Pipeline.ontologyGraph().size();
    var shared = new java.util.HashSet<org.apache.jena.sparql.core.Quad>();
    var all = new java.util.ArrayList<List<org.apache.jena.sparql.core.Quad>>();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      var fq =
          processor.process(
              new org.w3id.ruralkg.store.InputFile(f, in.relativize(f).toString()),
              bytes,
              StoreBuilder.sha256(bytes));
      var own = new java.util.HashSet<org.apache.jena.sparql.core.Quad>();
      for (var q : fq.quads())
        (q.getGraph().equals(org.w3id.ruralkg.rdf.Vocab.SHARED_GRAPH) ? shared : own).add(q);
      n += own.size();
      all.add(fq.quads());
    }
    // the summary rows of a store that was resumed (kept by each file's transaction) are those a
    // bulk build makes for the same files
    return n + shared.size() + org.w3id.ruralkg.store.FigureSummary.summaryQuads(all).size();
  }
}
