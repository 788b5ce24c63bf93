package org.w3id.ruralkg.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * The folder an extraction job writes and {@code load} reads: gzipped N-Quads in parts ({@value
 * #PART_GLOB}) and {@value #MANIFEST}, one JSON line per input file. In a part, each file's quads
 * follow a comment line {@value #FILE_MARK} with that file's manifest row, so a loader can cut the
 * stream into whole files; any N-Quads reader (tdb2.xloader) skips comments.
 */
public final class ExtractedOutput {
  private ExtractedOutput() {}

  public static final String MANIFEST = "manifest.jsonl";
  public static final String PART_GLOB = "part-*.nq.gz";
  public static final String FILE_MARK = "# ruralkg-file ";

  /**
   * The ontology graph, for a loader that does not add it itself (tdb2.xloader); {@code load}
   * ignores it.
   */
  public static final String ONTOLOGY = "ontology.nq.gz";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * One input file: loaded ({@code reason} null; its quads are in {@code part}) or refused with a
   * one-line reason (as {@code build} would have skipped it).
   */
  public record Row(
      String file,
      String sha256,
      Integer graphs,
      Long quads,
      String charset,
      String part,
      String reason) {
    public static Row refused(String file, String sha256, String reason) {
      return new Row(file, sha256, null, null, null, null, reason);
    }

    public boolean ok() {
      return reason == null;
    }

    public String json() {
      try {
        return JSON.writeValueAsString(this);
      } catch (JsonProcessingException e) {
        throw new RuralKgException("cannot write a manifest row: " + e.getOriginalMessage(), e);
      }
    }

    public static Row parse(String line, Object where) {
      try {
        Row r = JSON.readValue(line, Row.class);
        if (r.file() == null)
          throw new RuralKgException(where + ": a manifest row without \"file\"");
        return r;
      } catch (JsonProcessingException e) {
        throw new RuralKgException(where + ": not a manifest row: " + e.getOriginalMessage(), e);
      }
    }
  }

  /** The row of a file the processor turned into quads, to be written to {@code part}. */
  public static Row loaded(FileQuads fq, String part) {
    String charset = null;
    for (Quad q : fq.quads()) {
      if (q.getPredicate().equals(Vocab.CHARSET) && q.getObject().isLiteral()) {
        charset = q.getObject().getLiteralLexicalForm();
        break;
      }
    }
    return new Row(
        fq.file().relativePath(),
        fq.sha256(),
        fq.articles(),
        (long) fq.quads().size(),
        charset,
        part,
        null);
  }

  /** Writes the ontology graph as N-Quads in its named graph. */
  public static void writeOntology(org.apache.jena.graph.Graph ontology, OutputStream out) {
    java.util.Iterator<Quad> quads =
        org.apache.jena.atlas.iterator.Iter.map(
            ontology.find(), t -> Quad.create(Vocab.ONTOLOGY_GRAPH, t));
    RDFDataMgr.writeQuads(out, quads);
  }

  /** Writes one file's block to a part: its marker line, then its quads. */
  public static void write(Row row, List<Quad> quads, OutputStream out) throws IOException {
    out.write((FILE_MARK + row.json() + "\n").getBytes(StandardCharsets.UTF_8));
    RDFDataMgr.writeQuads(out, quads.iterator());
  }

  /**
   * Reads one file, refusing it with a one-line reason as the build does (too large, unreadable,
   * extraction failed). Never throws for a bad file: a job over millions of pages must not stop for
   * one.
   */
  public static Outcome process(
      FileProcessor processor, String relativePath, long size, BytesSource bytes) {
    if (size > StoreBuilder.MAX_FILE_BYTES) {
      return new Outcome(
          null,
          Row.refused(
              relativePath,
              null,
              "too large ("
                  + (size >> 20)
                  + " MB; the limit is "
                  + (StoreBuilder.MAX_FILE_BYTES >> 20)
                  + " MB per file)"));
    }
    byte[] data;
    try {
      data = bytes.read();
    } catch (IOException e) {
      return new Outcome(null, Row.refused(relativePath, null, "cannot read: " + e.getMessage()));
    }
    String sha = StoreBuilder.sha256(data);
    try {
      FileQuads fq =
          processor.process(new InputFile(Path.of(relativePath), relativePath), data, sha);
      return new Outcome(fq, null);
    } catch (RuralKgException e) {
      return new Outcome(null, Row.refused(relativePath, sha, e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(null, Row.refused(relativePath, sha, "extraction failed: " + e));
    }
  }

  /** A file's bytes, read only when the file is small enough. */
  @FunctionalInterface
  public interface BytesSource {
    byte[] read() throws IOException;
  }

  /** Either the file's quads or the row saying why it was refused. */
  public record Outcome(FileQuads quads, Row refused) {}
}
