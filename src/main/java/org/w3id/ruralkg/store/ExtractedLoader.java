package org.w3id.ruralkg.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * Loads the folder the extraction job writes ({@link ExtractedOutput}) into a store, as a build of
 * the same pages would: a new or empty store in one pass by the bulk loader with its text index; a
 * store with data file by file, each file's old graphs replaced by its new ones in one transaction.
 * The graphs carry the same bookkeeping as a build's (the source's SHA-256, the producing
 * software), so a later build of the same pages skips them. Files the job refused are reported as
 * failed with its reason. The caller holds the store's build lock.
 */
public final class ExtractedLoader {
  private final Path dir;
  private final Path storeDir;
  private final int threads;

  public ExtractedLoader(Path dir, Path storeDir, int threads) {
    this.dir = dir;
    this.storeDir = storeDir;
    this.threads = Math.max(1, threads);
  }

  public BuildReport load(Graph ontology) {
    Map<String, ExtractedOutput.Row> rows = manifest();
    BuildReport report = new BuildReport();
    for (ExtractedOutput.Row r : rows.values()) {
      if (!r.ok()) report.failed(r.file(), r.reason());
    }
    Parts blocks = new Parts(parts(), rows);
    ExecutorService parsers =
        Executors.newFixedThreadPool(threads, DaemonThreads.named("ruralkg-load-parse"));
    try {
      Iterator<FileQuads> parts = new Parsed(blocks, parsers, 2 * threads);
      return load(ontology, parts, report);
    } finally {
      parsers.shutdownNow();
    }
  }

  private BuildReport load(Graph ontology, Iterator<FileQuads> parts, BuildReport report) {
    if (BulkBuilder.applies(storeDir))
      return new BulkBuilder(storeDir, null, threads).load(ontology, parts, report);
    DatasetGraph dsg = Store.openOrCreate(storeDir);
    long sources;
    try {
      StoreBuilder builder = new StoreBuilder(dsg, null, threads);
      builder.loadOntology(ontology);
      builder.load(parts, report);
      sources = sources(dsg);
    } finally {
      dsg.close();
    }
    // a job's output usually holds only the changed pages: compact, as a build does, once they are
    // more than half the store's pages (a build compares with the pages it was given)
    if (report.loaded().size() * 2L > sources) StoreOps.compactLocked(storeDir);
    return report;
  }

  /** How many source files the store holds (each has its SHA-256 recorded). */
  private static long sources(DatasetGraph dsg) {
    return org.apache.jena.system.Txn.calculateRead(
        dsg,
        () -> {
          java.util.Set<org.apache.jena.graph.Node> seen = new java.util.HashSet<>();
          dsg.find(
                  org.apache.jena.graph.Node.ANY,
                  org.apache.jena.graph.Node.ANY,
                  org.w3id.ruralkg.rdf.Vocab.SHA256,
                  org.apache.jena.graph.Node.ANY)
              .forEachRemaining(q -> seen.add(q.getSubject()));
          return (long) seen.size();
        });
  }

  /** The manifest's rows by file, in its order; a file listed twice is the job's error. */
  private Map<String, ExtractedOutput.Row> manifest() {
    Path manifest = dir.resolve(ExtractedOutput.MANIFEST);
    if (!Files.isDirectory(dir)) throw new RuralKgException(dir + ": no such folder");
    if (!Files.isRegularFile(manifest))
      throw new RuralKgException(
          dir
              + ": no "
              + ExtractedOutput.MANIFEST
              + " (not the output of a finished extraction job)");
    Map<String, ExtractedOutput.Row> rows = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank()) continue;
        ExtractedOutput.Row row = ExtractedOutput.Row.parse(line, manifest + ":" + n);
        if (rows.put(row.file(), row) != null)
          throw new RuralKgException(manifest + ":" + n + ": " + row.file() + " is listed twice");
      }
    } catch (IOException e) {
      throw new RuralKgException(manifest + ": cannot read: " + e.getMessage(), e);
    }
    return rows;
  }

  private List<Path> parts() {
    List<Path> parts = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ExtractedOutput.PART_GLOB)) {
      s.forEach(parts::add);
    } catch (IOException e) {
      throw new RuralKgException(dir + ": cannot list: " + e.getMessage(), e);
    }
    parts.sort(null);
    return parts;
  }

  /**
   * The parts' files, one whole file at a time (memory holds one file's quads), each checked
   * against its manifest row; at the end, every file the manifest lists as loaded must have come.
   */
  /** One file's block of a part, not yet parsed. */
  private record Block(ExtractedOutput.Row row, String text, String where) {}

  /** The blocks parsed on a pool, a window ahead, handed on in their order. */
  private static final class Parsed implements Iterator<FileQuads> {
    private final Iterator<Block> blocks;
    private final ExecutorService pool;
    private final int window;
    private final java.util.ArrayDeque<Future<FileQuads>> ahead = new java.util.ArrayDeque<>();

    Parsed(Iterator<Block> blocks, ExecutorService pool, int window) {
      this.blocks = blocks;
      this.pool = pool;
      this.window = Math.max(1, window);
    }

    @Override
    public boolean hasNext() {
      while (ahead.size() < window && blocks.hasNext()) {
        Block b = blocks.next();
        ahead.add(pool.submit(() -> parse(b)));
      }
      return !ahead.isEmpty();
    }

    @Override
    public FileQuads next() {
      if (!hasNext()) throw new NoSuchElementException();
      try {
        return ahead.poll().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuralKgException("load interrupted");
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        throw new RuralKgException("load failed: " + e.getCause(), e.getCause());
      }
    }
  }

  private static FileQuads parse(Block b) {
    ExtractedOutput.Row row = b.row();
    List<Quad> quads = new ArrayList<>();
    try {
      // written by the job from Jena's own nodes: IRI checking would only cost time
      RDFParser.fromString(b.text(), Lang.NQUADS)
          .checking(false)
          .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
          .parse(
              new org.apache.jena.riot.system.StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                  quads.add(q);
                }

                @Override
                public void triple(org.apache.jena.graph.Triple t) {
                  quads.add(Quad.create(Quad.defaultGraphNodeGenerated, t));
                }
              });
    } catch (RiotException e) {
      throw new RuralKgException(
          b.where() + ": " + row.file() + ": bad N-Quads: " + Store.oneLine(e), e);
    }
    if (row.quads() != null && row.quads() != quads.size()) {
      throw new RuralKgException(
          b.where()
              + ": "
              + row.file()
              + ": "
              + quads.size()
              + " quads, the manifest says "
              + row.quads()
              + " (a truncated part?)");
    }
    for (Quad q : quads) {
      if (q.isDefaultGraph())
        throw new RuralKgException(
            b.where() + ": " + row.file() + ": a quad outside a named graph");
    }
    return new FileQuads(
        new InputFile(Path.of(row.file()), row.file()),
        row.sha256(),
        row.graphs() == null ? 0 : row.graphs(),
        quads);
  }

  private static final class Parts implements Iterator<Block> {
    private final Iterator<Path> parts;
    private final Map<String, ExtractedOutput.Row> rows;
    private final Map<String, Boolean> seen = new LinkedHashMap<>();
    private BufferedReader in;
    private Path part;
    private String pendingMark;
    private int lineNo;
    private Block next;

    Parts(List<Path> parts, Map<String, ExtractedOutput.Row> rows) {
      this.parts = parts.iterator();
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      if (next == null) next = advance();
      return next != null;
    }

    @Override
    public Block next() {
      if (!hasNext()) throw new NoSuchElementException();
      Block fq = next;
      next = null;
      return fq;
    }

    private Block advance() {
      try {
        while (true) {
          if (in == null) {
            if (!parts.hasNext()) {
              checkAllSeen();
              return null;
            }
            part = parts.next();
            in =
                new BufferedReader(
                    new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(part), 1 << 16),
                        StandardCharsets.UTF_8));
            lineNo = 0;
            pendingMark = null;
          }
          String mark = pendingMark != null ? pendingMark : nextLine();
          pendingMark = null;
          if (mark == null) {
            in.close();
            in = null;
            continue;
          }
          if (!mark.startsWith(ExtractedOutput.FILE_MARK))
            throw new RuralKgException(part + ":" + lineNo + ": quads before the first file mark");
          int markLine = lineNo;
          ExtractedOutput.Row row =
              ExtractedOutput.Row.parse(
                  mark.substring(ExtractedOutput.FILE_MARK.length()), part + ":" + markLine);
          StringBuilder block = new StringBuilder();
          for (String line = nextLine(); line != null; line = nextLine()) {
            if (line.startsWith(ExtractedOutput.FILE_MARK)) {
              pendingMark = line;
              break;
            }
            block.append(line).append('\n');
          }
          return file(row, block, markLine);
        }
      } catch (IOException e) {
        throw new RuralKgException(part + ": cannot read: " + e.getMessage(), e);
      }
    }

    private String nextLine() throws IOException {
      String line = in.readLine();
      if (line != null) lineNo++;
      return line;
    }

    private Block file(ExtractedOutput.Row row, StringBuilder block, int markLine) {
      String where = part + ":" + markLine;
      ExtractedOutput.Row listed = rows.get(row.file());
      if (listed == null || !listed.ok() || !row.sha256().equals(listed.sha256()))
        throw new RuralKgException(
            where + ": " + row.file() + " is not in the manifest as loaded with this hash");
      if (seen.put(row.file(), true) != null)
        throw new RuralKgException(where + ": " + row.file() + " is in the parts twice");
      return new Block(row, block.toString(), where);
    }

    private void checkAllSeen() {
      for (ExtractedOutput.Row r : rows.values()) {
        if (r.ok() && !seen.containsKey(r.file()))
          throw new RuralKgException(
              r.file() + ": in the manifest as loaded but in no part (a part is missing)");
      }
    }
  }
}
