package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * Opens the TDB2 store at a folder, refusing a folder that holds something else. The default graph
 * of the returned dataset is the union of the named (article) graphs, the dataset keeps the Chinese
 * full-text index in {@code STORE/text} in step ({@link TextIndex}), and its queries run OPTIONALs
 * over basic patterns with {@link OptionalJoinExecutor}.
 */
public final class Store {
  private Store() {}

  /** Opens an existing store or creates one in a missing or empty folder. */
  public static DatasetGraph openOrCreate(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir))
      throw new RuralKgException(dir + ": not a folder, cannot hold a TDB2 store");
    if (Files.isDirectory(dir) && !isEmpty(dir) && !looksLikeTdb2(dir)) {
      throw new RuralKgException(
          dir + ": not a TDB2 store (folder is not empty and has no Data-NNNN)");
    }
    return connect(dir);
  }

  /** Opens a store that must exist already. */
  public static DatasetGraph openExisting(Path dir) {
    if (!Files.isDirectory(dir)) throw new RuralKgException(dir + ": no such store folder");
    if (!looksLikeTdb2(dir))
      throw new RuralKgException(dir + ": not a TDB2 store (no Data-NNNN inside)");
    return connect(dir);
  }

  private static DatasetGraph connect(Path dir) {
    // a killed bulk build leaves index files half written: never serve or add to them
    if (BulkBuilder.incomplete(dir))
      throw new RuralKgException(
          dir + ": a bulk build of this store did not finish; run build again to make it anew");
    try {
      DatasetGraph dsg = connectTdb(dir);
      dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
      // OPTIONALs over basic patterns join on node ids (the class says why)
      QC.setFactory(dsg.getContext(), OptionalJoinExecutor.FACTORY);
      DatasetGraph indexed = TextIndex.over(dsg, dir);
      try {
        summarise(dsg, dir);
      } catch (RuntimeException e) {
        indexed.close();
        throw e;
      }
      return indexed;
    } catch (RuralKgException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RuralKgException(dir + ": cannot open TDB2 store: " + oneLine(e), e);
    }
  }

  /**
   * A store with figures but no figure summaries of this version (built before they existed, or
   * restored from such a backup) gets them now, in one write transaction: the saved queries that
   * read them would otherwise answer nothing.
   */
  private static void summarise(DatasetGraph tdb, Path dir) {
    boolean missing =
        Txn.calculateRead(
            tdb,
            () ->
                !FigureSummary.stamped(tdb)
                    && tdb.find(Node.ANY, Node.ANY, Vocab.TYPE, Vocab.FIGURE).hasNext());
    if (!missing) return;
    LoggerFactory.getLogger(Store.class)
        .info("{}: making the figure summaries (graph/summary) of a store that has none", dir);
    Txn.executeWrite(
        tdb,
        () -> {
          if (!FigureSummary.stamped(tdb)) FigureSummary.rebuild(tdb);
        });
  }

  /**
   * TDB2's dataset of the folder; a store locked by another process (a server, a build) is a
   * one-line error naming that process, not TDB2's stack trace.
   */
  static DatasetGraph connectTdb(Path dir) {
    try {
      return DatabaseMgr.connectDatasetGraph(dir.toString());
    } catch (RuntimeException e) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("held by process (\\d+)")
              .matcher(String.valueOf(e.getMessage()));
      if (m.find())
        throw new RuralKgException(
            dir
                + ": store is locked by another process (pid "
                + m.group(1)
                + "); stop it (e.g. the server) and try again",
            e);
      if (String.valueOf(e.getMessage()).contains("Failed to get a lock"))
        throw new RuralKgException(
            dir + ": store is locked by another process; stop it and try again", e);
      throw new RuralKgException(dir + ": cannot open TDB2 store: " + oneLine(e), e);
    }
  }

  static boolean looksLikeTdb2(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(
          p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("Data-"));
    } catch (IOException e) {
      throw new RuralKgException(dir + ": unreadable: " + e.getMessage(), e);
    }
  }

  /** True when the folder holds nothing but, perhaps, the build lock file. */
  static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.allMatch(p -> p.getFileName().toString().equals(StoreLock.FILE));
    } catch (IOException e) {
      throw new RuralKgException(dir + ": unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * True when a failure comes from a full disk: an IOException saying so, or the InternalError a
   * write through a memory-mapped file (TDB2's node table and indexes) gets when its page cannot be
   * backed by disk space.
   */
  static boolean diskFull(Throwable e) {
    java.util.Set<Throwable> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
    todo.add(e);
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (!seen.add(t)) continue;
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (m.contains("No space left on device")
          || m.contains("ENOSPC")
          || m.contains("Disk quota exceeded")) return true;
      if (t instanceof InternalError && m.contains("unsafe memory access")) return true;
      if (t.getCause() != null) todo.add(t.getCause());
      todo.addAll(java.util.List.of(t.getSuppressed()));
    }
    return false;
  }

  /** The one-line error of a full disk under {@code where} (a store folder, or "the store"). */
  static RuralKgException noSpace(Object where, Throwable e) {
    return new RuralKgException(
        "no space left on the device of "
            + where
            + " ("
            + e.getClass().getSimpleName()
            + ": "
            + oneLine(e)
            + "); free some space and build again: files not loaded are loaded then",
        e);
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replace('\n', ' ');
  }
}
