package org.w3id.ruralkg.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ruralkg.RuralKgException;

/**
 * Loads the folder the extraction job writes ({@link ExtractedOutput}) into a store, as a build
 * of the same pages would: a new or empty store in one pass by the bulk loader with its text
 * index; a store with data file by file, each file's old graphs replaced by its new ones in one
 * transaction. The graphs carry the same bookkeeping as a build's (the source's SHA-256, the
 * producing software), so a later build of the same pages skips them. Files the job refused are
 * reported as failed with its reason. The caller holds the store's build lock.
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
    Parts parts = new Parts(parts(), rows);
    if (BulkBuilder.applies(storeDir)) return new BulkBuilder(storeDir, null, threads).load(ontology, parts, report);
    DatasetGraph dsg = Store.openOrCreate(storeDir);
    try {
      StoreBuilder builder = new StoreBuilder(dsg, null, threads);
      builder.loadOntology(ontology);
      builder.load(parts, report);
    } finally {
      dsg.close();
    }
    if (StoreBuilder.worthCompacting(report)) StoreOps.compactLocked(storeDir);
    return report;
  }

  /** The manifest's rows by file, in its order; a file listed twice is the job's error. */
  private Map<String, ExtractedOutput.Row> manifest() {
    Path manifest = dir.resolve(ExtractedOutput.MANIFEST);
    if (!Files.isDirectory(dir)) throw new RuralKgException(dir + ": no such folder");
    if (!Files.isRegularFile(manifest)) throw new RuralKgException(dir + ": no " + ExtractedOutput.MANIFEST + " (not the output of a finished extraction job)");
    Map<String, ExtractedOutput.Row> rows = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank()) continue;
        ExtractedOutput.Row row = ExtractedOutput.Row.parse(line, manifest + ":" + n);
        if (rows.put(row.file(), row) != null) throw new RuralKgException(manifest + ":" + n + ": " + row.file() + " is listed twice");
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
  private static final class Parts implements Iterator<FileQuads> {
    private final Iterator<Path> parts;
    private final Map<String, ExtractedOutput.Row> rows;
    private final Map<String, Boolean> seen = new LinkedHashMap<>();
    private BufferedReader in;
    private Path part;
    private String pendingMark;
    private int lineNo;
    private FileQuads next;

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
    public FileQuads next() {
      if (!hasNext()) throw new NoSuchElementException();
      FileQuads fq = next;
      next = null;
      return fq;
    }

    private FileQuads advance() {
      try {
        while (true) {
          if (in == null) {
            if (!parts.hasNext()) {
              checkAllSeen();
              return null;
            }
            part = parts.next();
            in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(part), 1 << 16), StandardCharsets.UTF_8));
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
          if (!mark.startsWith(ExtractedOutput.FILE_MARK)) throw new RuralKgException(part + ":" + lineNo + ": quads before the first file mark");
          int markLine = lineNo;
          ExtractedOutput.Row row = ExtractedOutput.Row.parse(mark.substring(ExtractedOutput.FILE_MARK.length()), part + ":" + markLine);
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

    private FileQuads file(ExtractedOutput.Row row, StringBuilder block, int markLine) {
      String where = part + ":" + markLine;
      ExtractedOutput.Row listed = rows.get(row.file());
      if (listed == null || !listed.ok() || !row.sha256().equals(listed.sha256())) throw new RuralKgException(where + ": " + row.file() + " is not in the manifest as loaded with this hash");
      if (seen.put(row.file(), true) != null) throw new RuralKgException(where + ": " + row.file() + " is in the parts twice");
      List<Quad> quads = new ArrayList<>();
      try {
        RDFParser.fromString(block.toString(), Lang.NQUADS).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
            .parse(new org.apache.jena.riot.system.StreamRDFBase() {
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
        throw new RuralKgException(where + ": " + row.file() + ": bad N-Quads: " + Store.oneLine(e), e);
      }
      if (row.quads() != null && row.quads() != quads.size()) {
        throw new RuralKgException(where + ": " + row.file() + ": " + quads.size() + " quads, the manifest says " + row.quads() + " (a truncated part?)");
      }
      for (Quad q : quads) {
        if (q.isDefaultGraph()) throw new RuralKgException(where + ": " + row.file() + ": a quad outside a named graph");
      }
      return new FileQuads(new InputFile(part, row.file()), row.sha256(), row.graphs() == null ? 0 : row.graphs(), quads);
    }

    private void checkAllSeen() {
      for (ExtractedOutput.Row r : rows.values()) {
        if (r.ok() && !seen.containsKey(r.file())) throw new RuralKgException(r.file() + ": in the manifest as loaded but in no part (a part is missing)");
      }
    }
  }
}
