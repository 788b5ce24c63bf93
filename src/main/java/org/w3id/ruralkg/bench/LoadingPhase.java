package org.w3id.ruralkg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.rdf.Vocab;
import org.w3id.ruralkg.store.BulkBuilder;
import org.w3id.ruralkg.store.FileProcessor;
import org.w3id.ruralkg.store.FileQuads;
import org.w3id.ruralkg.store.InputFile;
import org.w3id.ruralkg.store.StoreBuilder;

/**
 * The benchmark's loading phase, the write path alone against Jena's loader on the same quads: each
 * file's quads are written as N-Quads first (not timed); ruralkg's build path for a new store then
 * loads them (parse, bulk loader, text index), once more without the text index, and Jena's
 * tdb2.tdbloader command loads the same files (plus the ontology, without a text index) into fresh
 * stores, as it runs by default and with its parallel loader, and so does tdb2.xloader ({@link
 * TdbLoaderRun}). Not thread-safe (one phase at a time).
 */
final class LoadingPhase {
  private final int threads;
  private final PrintStream log;

  LoadingPhase(int threads, PrintStream log) {
    this.threads = threads;
    this.log = log;
  }

  /** ruralkg's write path on the prepared quads: time, CPU, peak heap, store size. */
  private record Ours(double seconds, double cpuSeconds, long peakHeapMiB, double storeMiB) {}

  BenchReport.Loading run(Path dir, List<InputFile> inputs, FileProcessor processor)
      throws Exception {
    Path nq = dir.resolve("nq");
    Files.createDirectories(nq);
    List<String> files = new ArrayList<>();
    long quads = writeQuads(nq, inputs, processor, files);
    Path ontology = writeOntology(nq);

    // ruralkg: the path `build` takes for a new store (bulk loader and text index), fed the
    // prepared quads
    FileProcessor fromNq = fromNQuads(nq);
    Ours ours = ours(dir.resolve("store-writeonly"), fromNq, inputs);

    // the same path without the Lucene index: the quad loading alone, which is all Jena's loader
    // does
    Path quadsOnly = dir.resolve("store-quadsonly");
    long t = System.nanoTime();
    long c0 = CpuClock.process();
    new BulkBuilder(quadsOnly, fromNq, threads, false).build(Pipeline.ontologyGraph(), inputs);
    double quadsOnlySeconds = CpuClock.secs(t);
    double quadsOnlyCpu = (CpuClock.process() - c0) / 1e9;
    Machine.deleteTree(quadsOnly);

    // Jena's own command, tdb2.tdbloader, on the same files: as it runs by default (the phased
    // loader) and with --loader=parallel, each in a child JVM with this one's heap limit
    List<String> all = new ArrayList<>(files);
    all.add(ontology.toString());
    TdbLoaderRun.Result jena = TdbLoaderRun.run(dir, null, all);
    TdbLoaderRun.Result parallel = TdbLoaderRun.run(dir, "parallel", all);
    // tdb2.xloader, the external-sort loader for data larger than memory, on the same files; a
    // failure (no sort(1), no gzip) is reported, not fatal to the rest of the benchmark
    TdbLoaderRun.Result xloader;
    String xloaderError = null;
    try {
      xloader = TdbLoaderRun.xloader(dir, threads, all);
    } catch (RuntimeException e) {
      xloader = new TdbLoaderRun.Result(Double.NaN, Double.NaN, Double.NaN, -1);
      xloaderError = e.getMessage();
      log.println("bench: tdb2.xloader failed: " + xloaderError);
    }
    Machine.deleteTree(nq);
    BenchReport.Loading m =
        new BenchReport.Loading(
            quads,
            ours.cpuSeconds(),
            ours.seconds(),
            quads / ours.seconds(),
            ours.peakHeapMiB(),
            ours.storeMiB(),
            quadsOnlySeconds,
            quadsOnlyCpu,
            jena.seconds(),
            jena.cpuSeconds(),
            quads / jena.seconds(),
            jena.storeMiB(),
            jena.seconds() / ours.seconds(),
            jena.seconds() / quadsOnlySeconds,
            parallel.seconds(),
            parallel.cpuSeconds(),
            quads / parallel.seconds(),
            parallel.storeMiB(),
            parallel.seconds() / ours.seconds(),
            parallel.seconds() / quadsOnlySeconds,
            jena.cpuSeconds() / ours.cpuSeconds(),
            xloader.seconds(),
            xloader.cpuSeconds(),
            quads / xloader.seconds(),
            xloader.storeMiB(),
            xloader.seconds() / ours.seconds(),
            xloader.seconds() / quadsOnlySeconds,
            xloader.quadsLoaded(),
            xloaderError);
    log.printf(
        Locale.ROOT,
        "bench: write path %.1f s (without the text index %.1f s); tdb2.tdbloader %.1f s, --loader=parallel %.1f s, tdb2.xloader %.1f s (ruralkg speed / Jena speed = %.2f, %.2f and %.2f; without the text index %.2f and %.2f)%n",
        ours.seconds(),
        quadsOnlySeconds,
        m.jenaSeconds(),
        m.jenaParallelSeconds(),
        m.xloaderSeconds(),
        m.ruralkgOverJenaSpeed(),
        m.ruralkgOverJenaParallelSpeed(),
        m.ruralkgOverXloaderSpeed(),
        m.ruralkgQuadsOnlyOverJenaSpeed(),
        m.ruralkgQuadsOnlyOverJenaParallelSpeed());
    return m;
  }

  /** Extracts each file and writes its quads as N-Quads under {@code nq}; the number of quads. */
  private static long writeQuads(
      Path nq, List<InputFile> inputs, FileProcessor processor, List<String> files)
      throws IOException {
    long quads = 0;
    for (InputFile f : inputs) {
      FileQuads fq =
          processor.process(
              f, Files.readAllBytes(f.path()), StoreBuilder.sha256(Files.readAllBytes(f.path())));
      Path out = nqFile(nq, f);
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
        StreamRDF w = StreamRDFLib.writer(os);
        w.start();
        for (Quad q : fq.quads()) w.quad(q);
        w.finish();
      }
      quads += fq.quads().size();
      files.add(out.toString());
    }
    return quads;
  }

  /** Writes the ontology graph as N-Quads under {@code nq}. */
  private static Path writeOntology(Path nq) throws IOException {
    Path ontology = nq.resolve("ontology.nq");
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(ontology))) {
      StreamRDF w = StreamRDFLib.writer(os);
      w.start();
      Pipeline.ontologyGraph()
          .find()
          .forEachRemaining(tr -> w.quad(Quad.create(Vocab.ONTOLOGY_GRAPH, tr)));
      w.finish();
    }
    return ontology;
  }

  private static Path nqFile(Path nq, InputFile f) {
    return nq.resolve(f.relativePath().replace('/', '_') + ".nq");
  }

  /** A processor that reads a file's quads back from its N-Quads file instead of extracting. */
  private static FileProcessor fromNQuads(Path nq) {
    return (file, b, sha) -> {
      List<Quad> qs = new ArrayList<>();
      RDFParser.source(nqFile(nq, file))
          .lang(Lang.NQUADS)
          .parse(
              new StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                  qs.add(q);
                }
              });
      return new FileQuads(file, sha, 1, qs);
    };
  }

  /** ruralkg's bulk build path into {@code store}, fed the prepared quads; the store is deleted. */
  private Ours ours(Path store, FileProcessor fromNq, List<InputFile> inputs) {
    HeapWatch heap = HeapWatch.start();
    long t = System.nanoTime();
    long c0 = CpuClock.process();
    new BulkBuilder(store, fromNq, threads).build(Pipeline.ontologyGraph(), inputs);
    heap.close();
    double seconds = CpuClock.secs(t);
    double cpu = (CpuClock.process() - c0) / 1e9;
    Ours ours =
        new Ours(
            seconds, cpu, heap.peakBytes() >> 20, Machine.folderBytes(store) / (1024.0 * 1024));
    Machine.deleteTree(store);
    return ours;
  }
}
