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
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.w3id.ruralkg.RuralKgException;

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
   * Compacts a store into a fresh Data-NNNN generation and deletes the old ones: TDB2 never reuses
   * space freed by replaced graphs, so a store that is rebuilt often grows until compacted.
   */
  public static void compact(Path storeDir) {
    Store.openExisting(storeDir).close(); // the same checks and one-line errors as every command
    // compaction works on the TDB2 database itself, not through the text-index wrapper
    DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(storeDir.toString());
    try {
      DatabaseMgr.compact(tdb, true);
    } catch (RuntimeException e) {
      throw new RuralKgException(storeDir + ": compaction failed: " + Store.oneLine(e), e);
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
      try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)), 1 << 16)) {
        Txn.executeRead(dsg, () -> {
          StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
          w.start();
          Iterator<org.apache.jena.graph.Node> graphs = dsg.listGraphNodes();
          while (graphs.hasNext()) {
            org.apache.jena.graph.Node g = graphs.next();
            counts[1]++;
            Iterator<Quad> it = dsg.find(g, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY);
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
   * ({@link BulkBuilder#restore}): a bad or truncated file leaves the store empty. Refuses a store
   * that already holds data (restore never merges) or a folder that is not a store.
   */
  public static Result restore(Path inFile, Path storeDir) {
    if (!Files.isRegularFile(inFile)) throw new RuralKgException(inFile + ": no such backup file");
    if (!BulkBuilder.applies(storeDir)) {
      String why = Files.isDirectory(storeDir) && Store.looksLikeTdb2(storeDir) ? "store already holds data" : "neither an empty folder nor a TDB2 store";
      throw new RuralKgException(storeDir + ": " + why + "; restore only into a new or empty store");
    }
    try (InputStream in = open(inFile)) {
      return new BulkBuilder(storeDir, null, Runtime.getRuntime().availableProcessors()).restore(inFile, in);
    } catch (IOException e) {
      throw new RuralKgException(inFile + ": cannot read backup: " + Store.oneLine(e), e);
    }
  }


  /** The number of Data-NNNN generations in a store folder (1 after compaction). */
  public static long generations(Path storeDir) {
    try (Stream<Path> s = Files.list(storeDir)) {
      return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("Data-")).count();
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
