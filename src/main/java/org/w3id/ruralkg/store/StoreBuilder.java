package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.Printable;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.rdf.Iris;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * Builds a TDB2 store from a folder of input files. Needs a {@link FileProcessor}; adds each file's
 * article graphs within one write transaction (which may hold several whole files), so a file is
 * either fully in the store or not at all. A file whose SHA-256 is already in the store is skipped;
 * a changed file's old graphs are dropped in the same transaction that adds the new ones. Files are
 * processed on several threads and written by one, in input order; memory holds at most a window of
 * files and one batch. Not thread-safe: one build per store at a time (TDB2 also locks the folder).
 */
public final class StoreBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(StoreBuilder.class);

  /**
   * Input files above this size are refused: a newspaper page is ~20 KB, and extraction holds a
   * file's text and quads in memory.
   */
  public static final long MAX_FILE_BYTES = 20L << 20;

  /** A write transaction holds whole files up to about this many quads, or this many files. */
  static final long BATCH_QUADS = 200_000;

  static final int BATCH_FILES = 64;

  private final DatasetGraph dsg;
  private final FileProcessor processor;
  private final int threads;
  private final int filesPerTransaction;
  private final java.time.Duration fileTimeout;

  public StoreBuilder(DatasetGraph dsg, FileProcessor processor, int threads) {
    this(dsg, processor, threads, BATCH_FILES);
  }

  public StoreBuilder(DatasetGraph dsg, FileProcessor processor, BuildSettings settings) {
    this(dsg, processor, settings.threads(), BATCH_FILES, settings.fileTimeout());
  }

  /**
   * @param filesPerTransaction most whole files one write transaction holds (1: a transaction per
   *     file)
   */
  public StoreBuilder(
      DatasetGraph dsg, FileProcessor processor, int threads, int filesPerTransaction) {
    this(dsg, processor, threads, filesPerTransaction, BuildSettings.DEFAULT_FILE_TIMEOUT);
  }

  /**
   * @param fileTimeout how long one file may take to extract before it is skipped (zero: no limit)
   */
  public StoreBuilder(
      DatasetGraph dsg,
      FileProcessor processor,
      int threads,
      int filesPerTransaction,
      java.time.Duration fileTimeout) {
    this.fileTimeout = fileTimeout;
    this.dsg = dsg;
    this.processor = processor;
    this.threads = Math.max(1, threads);
    this.filesPerTransaction = Math.max(1, filesPerTransaction);
  }

  /**
   * The input files under a folder: every *.txt, recursively, in a stable order; links are not
   * followed.
   */
  public static List<InputFile> listInputs(Path inDir) {
    return InputScan.scan(inDir, false).files();
  }

  /** Replaces the ontology graph (code lists the saved queries read) when its content changed. */
  public void loadOntology(org.apache.jena.graph.Graph ontology) {
    try {
      Txn.executeWrite(
          dsg,
          () -> {
            org.apache.jena.graph.Graph current = dsg.getGraph(Vocab.ONTOLOGY_GRAPH);
            if (current.isIsomorphicWith(ontology)) return;
            dsg.removeGraph(Vocab.ONTOLOGY_GRAPH);
            ontology
                .find()
                .forEachRemaining(
                    t ->
                        dsg.add(
                            Vocab.ONTOLOGY_GRAPH, t.getSubject(), t.getPredicate(), t.getObject()));
          });
    } catch (RuntimeException | InternalError e) {
      // even an unchanged ontology commits (TDB2 writes its journal): the first write on a full
      // disk
      if (Store.diskFull(e)) throw Store.noSpace(storeName(), e);
      throw e;
    }
  }

  public BuildReport build(List<InputFile> inputs) {
    BuildReport report = new BuildReport();
    try (FileWorkers workers = new FileWorkers(threads, fileTimeout, report)) {
      // Several complete files share a write transaction: a commit per file costs more than the
      // inserts of a small file. Each file still has its graphs dropped and added in that one
      // transaction, so a file is fully in or absent.
      Batch batch = new Batch(report);
      workers.drain(inputs.iterator(), f -> prepare(f, report), null, batch::add);
      batch.write();
    }
    return report;
  }

  /** Whole files waiting for their shared write transaction. */
  private final class Batch {
    private final BuildReport report;
    private final List<FileQuads> files = new ArrayList<>();
    private long quads;

    Batch(BuildReport report) {
      this.report = report;
    }

    /** Adds a file; writes the batch once it holds enough quads or files. */
    void add(FileQuads fq) {
      files.add(fq);
      quads += fq.quads().size();
      if (quads >= BATCH_QUADS || files.size() >= filesPerTransaction) write();
    }

    /** Writes what the batch holds, if anything. */
    void write() {
      if (files.isEmpty()) return;
      writeBatch(files, report);
      files.clear();
      quads = 0;
    }
  }

  /**
   * Loads files already turned into quads (the extraction job's output, see {@link
   * ExtractedLoader}) as {@link #build} loads what it extracts: a file whose hash is stored, made
   * by the same producer as its new quads, is unchanged; a changed file's graphs are replaced in
   * the transaction that adds the new ones, several whole files per transaction.
   */
  public BuildReport load(Iterator<FileQuads> files, BuildReport report) {
    List<FileQuads> batch = new ArrayList<>();
    long batchQuads = 0;
    while (files.hasNext()) {
      FileQuads fq = files.next();
      if (unchanged(fq.file().relativePath(), fq.sha256(), producerOf(fq))) {
        report.unchanged(fq.file().relativePath());
      } else {
        batch.add(fq);
        batchQuads += fq.quads().size();
      }
      if (!batch.isEmpty()
          && (!files.hasNext()
              || batchQuads >= BATCH_QUADS
              || batch.size() >= filesPerTransaction)) {
        writeBatch(batch, report);
        batch.clear();
        batchQuads = 0;
      }
    }
    return report;
  }

  /** The schema:softwareVersion of the build activity in a file's quads (null: none). */
  private static String producerOf(FileQuads fq) {
    for (Quad q : fq.quads()) {
      if (q.getPredicate().equals(Vocab.SCHEMA_SOFTWARE_VERSION) && q.getObject().isLiteral())
        return q.getObject().getLiteralLexicalForm();
    }
    return null;
  }

  /**
   * True when an incremental build rewrote more than half of the files it was given: compaction
   * copies the whole store (at 1,000 articles it takes about 70 % of a fresh build), so it is only
   * worth it once the freed space is at least the size of what stays.
   */
  public static boolean worthCompacting(BuildReport report) {
    int loaded = report.loaded().size();
    return loaded > 0 && loaded * 2 > loaded + report.unchanged().size();
  }

  /** Reads and extracts a file; null when it is unchanged or bad (already reported). */
  private FileQuads prepare(InputFile f, BuildReport report) {
    return read(f, processor, report, sha -> unchanged(f.relativePath(), sha));
  }

  /**
   * Reads and extracts a file for either build path; null when {@code unchanged} holds for its
   * SHA-256 (reported as unchanged) or when it is bad (reported as failed, with why).
   */
  static FileQuads read(
      InputFile f,
      FileProcessor processor,
      BuildReport report,
      java.util.function.Predicate<String> unchanged) {
    try {
      // the scan saw a regular file; something swapped in since (a FIFO would block the read
      // forever) is not read
      if (!Files.isRegularFile(f.path())) {
        fail(report, f.relativePath(), "no longer a regular file; never read");
        return null;
      }
      long size = Files.size(f.path());
      if (size > MAX_FILE_BYTES) {
        fail(
            report,
            f.relativePath(),
            "too large ("
                + (size >> 20)
                + " MB; the limit is "
                + (MAX_FILE_BYTES >> 20)
                + " MB per file)");
        return null;
      }
      byte[] bytes = Files.readAllBytes(f.path());
      String sha = sha256(bytes);
      if (unchanged.test(sha)) {
        report.unchanged(f.relativePath());
        return null;
      }
      return processor.process(f, bytes, sha);
    } catch (IOException e) {
      fail(report, f.relativePath(), "cannot read: " + e.getMessage());
    } catch (RuralKgException e) {
      fail(report, f.relativePath(), e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.debug("extraction failed", e);
      fail(report, f.relativePath(), "extraction failed: " + e);
    }
    return null;
  }

  private static void fail(BuildReport report, String file, String reason) {
    // a file over its time budget is reported once, when it is given up
    if (FileWorkers.abandoned()) return;
    report.failed(file, reason);
    LOG.warn("skipped {}: {}", Printable.escape(file), Printable.escape(reason));
  }

  /** Waits for a task that returns nothing; its failure becomes the caller's. */
  static void awaitDone(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuralKgException("load interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new RuralKgException("load failed: " + e.getCause(), e.getCause());
    }
  }

  static FileQuads await(Future<FileQuads> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuralKgException("build interrupted");
    } catch (ExecutionException e) {
      throw new RuralKgException("build failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * True when the store holds this file with this hash, made by the same producer (see {@link
   * FileProcessor#producer}).
   */
  private boolean unchanged(String relativePath, String sha) {
    return unchanged(relativePath, sha, processor.producer());
  }

  private boolean unchanged(String relativePath, String sha, String producer) {
    Node source = Iris.source(Iris.fileKey(relativePath));
    return Txn.calculateRead(
        dsg,
        () -> {
          Iterator<Quad> it = dsg.find(Node.ANY, source, Vocab.SHA256, Node.ANY);
          if (!it.hasNext()) return false;
          Quad stored = it.next();
          if (!sha.equals(stored.getObject().getLiteralLexicalForm())) return false;
          if (producer == null) return true;
          Iterator<Quad> v =
              dsg.find(stored.getGraph(), Node.ANY, Vocab.SCHEMA_SOFTWARE_VERSION, Node.ANY);
          return v.hasNext() && producer.equals(v.next().getObject().getLiteralLexicalForm());
        });
  }

  /**
   * One transaction for whole files; if it fails, each file again in its own, so one bad file stays
   * alone.
   */
  private void writeBatch(List<FileQuads> batch, BuildReport report) {
    if (batch.size() == 1) {
      write(batch.get(0), report);
      return;
    }
    try {
      Txn.executeWrite(
          dsg,
          () -> {
            for (FileQuads fq : batch) replace(fq);
          });
    } catch (RuntimeException | InternalError e) {
      if (Store.diskFull(e)) throw Store.noSpace(storeName(), e);
      LOG.debug("batch of {} files failed, retrying one by one", batch.size(), e);
      for (FileQuads fq : batch) write(fq, report);
      return;
    }
    for (FileQuads fq : batch) {
      report.loaded(fq);
      LOG.info(
          "loaded {} ({} articles, {} quads)",
          Printable.escape(fq.file().relativePath()),
          fq.articles(),
          fq.quads().size());
    }
  }

  private void replace(FileQuads fq) {
    Node source = Iris.source(Iris.fileKey(fq.file().relativePath()));
    for (Node g : graphsOf(source)) dsg.removeGraph(g);
    for (Quad q : fq.quads()) dsg.add(q);
  }

  /** One transaction: drop the file's old graphs, add the new ones. */
  private void write(FileQuads fq, BuildReport report) {
    try {
      Txn.executeWrite(dsg, () -> replace(fq));
      report.loaded(fq);
      LOG.info(
          "loaded {} ({} articles, {} quads)",
          Printable.escape(fq.file().relativePath()),
          fq.articles(),
          fq.quads().size());
    } catch (RuntimeException | InternalError e) {
      // a full disk fails every file after this one too: stop, the store keeps what it had
      if (Store.diskFull(e)) throw Store.noSpace(storeName(), e);
      fail(report, fq.file().relativePath(), "cannot load into store: " + Store.oneLine(e));
    }
  }

  /** The store's folder for messages, when this builder writes a store opened by {@link Store}. */
  private Object storeName() {
    return dsg instanceof IndexedDataset indexed ? indexed.storeDir() : "the store";
  }

  /**
   * The graphs of a source file: the file's graph (it states the file's SHA-256) and its article
   * graphs (each says its article prov:wasDerivedFrom the file). The shared graph is not among
   * them: what it says holds whatever the file said. A store of an earlier mapping, where every
   * article graph stated the SHA-256, is found the same way.
   */
  private List<Node> graphsOf(Node source) {
    List<Node> graphs = new ArrayList<>();
    java.util.function.Consumer<Quad> add =
        q -> {
          if (!q.isDefaultGraph()
              && !q.getGraph().equals(Vocab.SHARED_GRAPH)
              && !graphs.contains(q.getGraph())) graphs.add(q.getGraph());
        };
    dsg.find(Node.ANY, source, Vocab.SHA256, Node.ANY).forEachRemaining(add);
    dsg.find(Node.ANY, Node.ANY, Vocab.PROV_DERIVED_FROM, source).forEachRemaining(add);
    return graphs;
  }

  public static String sha256(byte[] bytes) {
    return org.w3id.ruralkg.common.Hashes.sha256(bytes);
  }

  static Node uri(String s) {
    return NodeFactory.createURI(s);
  }
}
