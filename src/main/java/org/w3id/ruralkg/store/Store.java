package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.w3id.ruralkg.RuralKgException;

/**
 * Opens the TDB2 store at a folder, refusing a folder that holds something else. The default graph
 * of the returned dataset is the union of the named (article) graphs, and the dataset keeps the
 * Chinese full-text index in {@code STORE/text} in step ({@link TextIndex}).
 */
public final class Store {
  private Store() {}

  /** Opens an existing store or creates one in a missing or empty folder. */
  public static DatasetGraph openOrCreate(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) throw new RuralKgException(dir + ": not a folder, cannot hold a TDB2 store");
    if (Files.isDirectory(dir) && !isEmpty(dir) && !looksLikeTdb2(dir)) {
      throw new RuralKgException(dir + ": not a TDB2 store (folder is not empty and has no Data-NNNN)");
    }
    return connect(dir);
  }

  /** Opens a store that must exist already. */
  public static DatasetGraph openExisting(Path dir) {
    if (!Files.isDirectory(dir)) throw new RuralKgException(dir + ": no such store folder");
    if (!looksLikeTdb2(dir)) throw new RuralKgException(dir + ": not a TDB2 store (no Data-NNNN inside)");
    return connect(dir);
  }

  private static DatasetGraph connect(Path dir) {
    // a killed bulk build leaves index files half written: never serve or add to them
    if (BulkBuilder.incomplete(dir)) throw new RuralKgException(dir + ": a bulk build of this store did not finish; run build again to make it anew");
    try {
      DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
      dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
      return TextIndex.over(dsg, dir);
    } catch (RuralKgException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RuralKgException(dir + ": cannot open TDB2 store: " + oneLine(e), e);
    }
  }

  static boolean looksLikeTdb2(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("Data-"));
    } catch (IOException e) {
      throw new RuralKgException(dir + ": unreadable: " + e.getMessage(), e);
    }
  }

  static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new RuralKgException(dir + ": unreadable: " + e.getMessage(), e);
    }
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replace('\n', ' ');
  }
}
