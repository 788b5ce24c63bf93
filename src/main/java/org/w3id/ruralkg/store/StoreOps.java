package org.w3id.ruralkg.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.DatabaseOps;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * Operations on a whole store: compaction, backup to gzipped N-Quads and restore from it. Needs a
 * store folder (and a backup file); adds nothing to the pipeline. Stateless and thread-safe, but
 * TDB2 allows one process per store folder, so do not run these against a store a server holds.
 */
public final class StoreOps {
  private StoreOps() {}

  /** What a backup or restore moved. */
  public record Result(long quads, long graphs) {}

  /**
   * Compacts an offline store: writes its quads into the next generation (Data-NNNN) with the bulk
   * loader, whose indexes are sorted and packed, then switches to it and deletes the old one.
   * TDB2's own compaction copies quad by quad into unpacked B+trees: at 10,000 articles it took 176
   * s and grew a bulk-built 2.4 GB store to 4.0 GB. The new generation is written as Data-NNNN-tmp
   * and renamed when complete, as TDB2 does, so a compaction killed half-way leaves the store as it
   * was (TDB2 deletes a left-over -tmp folder when it next opens the store). The text index is
   * kept: the quads, and so its documents, do not change.
   */
  public static void compact(Path storeDir) {
    Store.openExisting(storeDir)
        .close(); // one-line errors for a missing or foreign store before the lock
    try (StoreLock lock = StoreLock.acquire(storeDir)) {
      compactLocked(storeDir);
    }
  }

  /**
   * {@link #compact} by a caller that holds the store's build lock (a build that replaced most
   * files).
   */
  public static void compactLocked(Path storeDir) {
    Store.openExisting(storeDir).close(); // the same checks and one-line errors as every command
    BulkBuilder.expel(storeDir); // nothing of the store stays open in this JVM while its files move
    try (Stream<Path> s = Files.list(storeDir)) {
      // left by a compaction that was killed (TDB2 only clears these when it first opens the store)
      for (Path p : s.filter(p -> p.getFileName().toString().matches("Data-\\d+-tmp")).toList())
        Folders.deleteTree(p);
    } catch (IOException e) {
      throw new RuralKgException(
          storeDir + ": cannot clear an earlier compaction's files: " + e.getMessage(), e);
    }
    Path current = DatabaseOps.findStorageLocation(storeDir);
    if (current == null)
      throw new RuralKgException(storeDir + ": not a TDB2 store (no Data-NNNN inside)");
    String name = current.getFileName().toString();
    int generation;
    try {
      generation = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      throw new RuralKgException(current + ": not a TDB2 generation folder", e);
    }
    Path next = storeDir.resolve(String.format(java.util.Locale.ROOT, "Data-%04d", generation + 1));
    Path tmp = storeDir.resolve(next.getFileName() + "-tmp");
    try {
      Files.createDirectories(tmp);
      try (Stream<Path> files = Files.list(current)) {
        // TDB2's store settings, as its own compaction copies them
        for (Path f :
            files
                .filter(
                    f ->
                        f.getFileName().toString().equals("tdb.cfg")
                            || f.getFileName().toString().endsWith(".opt"))
                .toList()) {
          Files.copy(f, tmp.resolve(f.getFileName()));
        }
      }
      copyInto(current, tmp, storeDir.resolve(BulkLoaders.SORT_FOLDER));
      Files.move(tmp, next, StandardCopyOption.ATOMIC_MOVE);
      // the new generation is the store now; the older ones go
      try (Stream<Path> s = Files.list(storeDir)) {
        for (Path old :
            s.filter(p -> p.getFileName().toString().matches("Data-\\d+") && !p.equals(next))
                .toList()) {
          StoreConnection.internalExpel(Location.create(old.toString()), true);
          Folders.deleteTree(old);
        }
      }
    } catch (IOException | RuntimeException e) {
      StoreConnection.internalExpel(Location.create(tmp.toString()), true);
      try {
        Folders.deleteTree(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new RuralKgException(
          storeDir + ": compaction failed, the store is unchanged: " + Store.oneLine(e), e);
    } finally {
      BulkBuilder.expel(storeDir);
    }
  }

  /** Streams every quad of one TDB2 generation into a new one through the sorted loader. */
  private static void copyInto(Path from, Path to, Path scratch) {
    DatasetGraphTDB source =
        StoreConnection.connectCreate(Location.create(from.toString())).getDatasetGraphTDB();
    DatasetGraphTDB target =
        StoreConnection.connectCreate(Location.create(to.toString())).getDatasetGraphTDB();
    int threads = Runtime.getRuntime().availableProcessors();
    SortedLoader loader =
        new SortedLoader(
            target, scratch, threads, SortedLoader.rowsPerRun(threads), (fmt, args) -> {});
    try {
      loader.startBulk();
      StreamRDF out = loader.stream();
      out.start();
      Txn.executeRead(source, () -> source.find().forEachRemaining(out::quad));
      out.finish();
      loader.finishBulk();
    } catch (RuntimeException e) {
      loader.finishException(e);
      throw e;
    } finally {
      StoreConnection.internalExpel(Location.create(to.toString()), true);
    }
  }

  /**
   * Writes every quad of every named graph (articles and the ontology graph) as gzipped N-Quads,
   * streamed from one read transaction, so the backup is one consistent state even while a build
   * writes. The file appears only when complete (written beside it, then moved).
   */
  public static Result backup(Path storeDir, Path outFile) {
    DatasetGraph dsg = Store.openExisting(storeDir);
    Path parent = outFile.toAbsolutePath().getParent();
    Path tmp = parent.resolve(outFile.getFileName() + ".part");
    try {
      Files.createDirectories(parent);
      long[] counts = new long[2];
      try (OutputStream out =
          new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)), 1 << 16)) {
        Txn.executeRead(
            dsg,
            () -> {
              StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
              w.start();
              Iterator<org.apache.jena.graph.Node> graphs = dsg.listGraphNodes();
              while (graphs.hasNext()) {
                org.apache.jena.graph.Node g = graphs.next();
                counts[1]++;
                Iterator<Quad> it =
                    dsg.find(
                        g,
                        org.apache.jena.graph.Node.ANY,
                        org.apache.jena.graph.Node.ANY,
                        org.apache.jena.graph.Node.ANY);
                while (it.hasNext()) {
                  w.quad(it.next());
                  counts[0]++;
                }
              }
              w.finish();
            });
      }
      Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Result(counts[0], counts[1]);
    } catch (IOException | RuntimeIOException e) {
      deleteQuietly(tmp);
      throw new RuralKgException(outFile + ": cannot write backup: " + Store.oneLine(e), e);
    } finally {
      dsg.close();
    }
  }

  /**
   * Loads a backup into a new or empty store with the bulk loader and text index a build uses
   * ({@link BackupRestore}): a bad or truncated file leaves the store empty. Refuses a store that
   * already holds data (restore never merges) or a folder that is not a store.
   */
  public static Result restore(Path inFile, Path storeDir) {
    if (!Files.isRegularFile(inFile)) throw new RuralKgException(inFile + ": no such backup file");
    if (!BulkBuilder.applies(storeDir)) {
      String why =
          Files.isDirectory(storeDir) && Store.looksLikeTdb2(storeDir)
              ? "store already holds data"
              : "neither an empty folder nor a TDB2 store";
      throw new RuralKgException(
          storeDir + ": " + why + "; restore only into a new or empty store");
    }
    // as a build: a restore wipes a half-made store, which must not be one that a build is making
    try (StoreLock lock = StoreLock.acquire(storeDir);
        InputStream in = open(inFile)) {
      if (!BulkBuilder.applies(storeDir))
        throw new RuralKgException(
            storeDir + ": store already holds data; restore only into a new or empty store");
      return new BackupRestore(storeDir, Runtime.getRuntime().availableProcessors())
          .restore(inFile, in);
    } catch (IOException e) {
      throw new RuralKgException(inFile + ": cannot read backup: " + Store.oneLine(e), e);
    }
  }

  /** The number of Data-NNNN generations in a store folder (1 after compaction). */
  public static long generations(Path storeDir) {
    try (Stream<Path> s = Files.list(storeDir)) {
      return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("Data-"))
          .count();
    } catch (IOException e) {
      throw new RuralKgException(storeDir + ": unreadable: " + e.getMessage(), e);
    }
  }

  /** A gzipped file when it starts with the gzip magic bytes, plain N-Quads otherwise. */
  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // the .part file is only a leftover; the error that matters is reported by the caller
    }
  }
}
