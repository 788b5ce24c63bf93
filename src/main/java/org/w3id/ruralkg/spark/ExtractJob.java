package org.w3id.ruralkg.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.store.ExtractedOutput;
import org.w3id.ruralkg.store.FileProcessor;

/**
 * Extraction as a Spark job: every *.txt under {@code --in} (any Hadoop file system: a local
 * folder, hdfs://, s3a://) read, extracted and mapped by the very processor {@code build} uses
 * ({@link Pipeline#fileProcessor(String)}), written to {@code --out} as gzipped N-Quads parts and a
 * manifest ({@link ExtractedOutput}), with the ontology graph beside them, for {@code ruralkg load}
 * or tdb2.xloader. A bad file is a manifest row with its reason, never a failed job.
 *
 * <pre>
 * spark-submit --class org.w3id.ruralkg.spark.ExtractJob target/ruralkg.jar --in URI --out URI [--partitions N]
 * </pre>
 */
public final class ExtractJob {
  private ExtractJob() {}

  /** What a run did. */
  public record Summary(
      int files, int loaded, int refused, long graphs, long quads, int partitions, double seconds) {
    public String line() {
      return String.format(
          Locale.ROOT,
          "extracted %d file(s): %d loaded (%d graphs, %d quads), %d refused, %d partitions, %.1f s",
          files,
          loaded,
          graphs,
          quads,
          refused,
          partitions,
          seconds);
    }
  }

  public static void main(String[] args) {
    String in = null;
    String out = null;
    int partitions = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--in" -> in = value(args, ++i);
        case "--out" -> out = value(args, ++i);
        case "--partitions" -> partitions = Integer.parseInt(value(args, ++i));
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (in == null || out == null) usage("--in and --out are required");
    SparkConf conf = new SparkConf().setAppName("ruralkg-extract");
    if (!conf.contains("spark.master")) conf.setMaster("local[*]"); // run without spark-submit too
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      Summary s = run(sc, in, out, partitions);
      System.err.println("ruralkg: " + s.line() + "; output in " + out);
    } catch (RuralKgException e) {
      System.err.println("ruralkg: " + e.getMessage());
      System.exit(2);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) usage(args[i - 1] + " needs a value");
    return args[i];
  }

  private static void usage(String why) {
    System.err.println(
        "ruralkg: "
            + why
            + "\nusage: spark-submit --class "
            + ExtractJob.class.getName()
            + " ruralkg.jar --in URI --out URI [--partitions N]");
    System.exit(2);
  }

  /**
   * Runs the job; {@code partitions} 0 picks a number from the cluster's parallelism and the
   * corpus.
   */
  public static Summary run(JavaSparkContext sc, String in, String out, int partitions) {
    long t0 = System.nanoTime();
    Configuration hconf = sc.hadoopConfiguration();
    List<Input> inputs = list(hconf, in);
    if (inputs.isEmpty()) throw new RuralKgException(in + ": no *.txt input files");
    Path outDir = new Path(out);
    try {
      FileSystem fs = outDir.getFileSystem(hconf);
      if (fs.exists(outDir) && fs.listStatus(outDir).length > 0)
        throw new RuralKgException(out + ": exists and is not empty; the job writes a new folder");
      fs.mkdirs(outDir);
    } catch (IOException e) {
      throw new RuralKgException(out + ": cannot create: " + e.getMessage(), e);
    }
    int n =
        partitions > 0
            ? partitions
            : Math.max(2 * sc.defaultParallelism(), (inputs.size() + 1999) / 2000);
    n = Math.min(n, inputs.size());
    // one build activity for the whole job, as a build has one: every executor names the same start
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Task task = new Task(outDir.toString(), startedAt, confOf(hconf));
    JavaRDD<Input> rdd = sc.parallelize(inputs, n);
    List<String> rows = new ArrayList<>(rdd.mapPartitionsWithIndex(task::run, false).collect());
    rows.sort(null);
    int loaded = 0;
    long graphs = 0;
    long quads = 0;
    for (String line : rows) {
      ExtractedOutput.Row r = ExtractedOutput.Row.parse(line, "manifest");
      if (!r.ok()) continue;
      loaded++;
      graphs += r.graphs();
      quads += r.quads();
    }
    try {
      FileSystem fs = outDir.getFileSystem(hconf);
      try (OutputStream os = fs.create(new Path(outDir, ExtractedOutput.MANIFEST), true)) {
        for (String line : rows) os.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      try (OutputStream os =
          new GZIPOutputStream(fs.create(new Path(outDir, ExtractedOutput.ONTOLOGY), true))) {
        ExtractedOutput.writeOntology(Pipeline.ontologyGraph(), os);
      }
      fs.delete(new Path(outDir, TEMP), true);
      fs.create(new Path(outDir, "_SUCCESS"), true).close();
    } catch (IOException e) {
      throw new RuralKgException(out + ": cannot write the manifest: " + e.getMessage(), e);
    }
    return new Summary(
        rows.size(),
        loaded,
        rows.size() - loaded,
        graphs,
        quads,
        n,
        (System.nanoTime() - t0) / 1e9);
  }

  /**
   * An input file: its URI, its path relative to --in (the file's name in the graphs, as in a
   * build) and its size.
   */
  public record Input(String uri, String relativePath, long size) implements Serializable {}

  /** Every *.txt under the folder, recursively, in path order (as a build takes them). */
  static List<Input> list(Configuration hconf, String in) {
    Path root = new Path(in);
    List<Input> inputs = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(hconf);
      if (!fs.exists(root)) throw new RuralKgException(in + ": no such input folder");
      if (!fs.getFileStatus(root).isDirectory()) throw new RuralKgException(in + ": not a folder");
      Path qualified = fs.makeQualified(root);
      String prefix = qualified.toUri().getPath();
      if (!prefix.endsWith("/")) prefix += "/";
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualified, true);
      while (it.hasNext()) {
        LocatedFileStatus st = it.next();
        if (!st.isFile() || !st.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".txt"))
          continue;
        String path = st.getPath().toUri().getPath();
        if (!path.startsWith(prefix)) continue;
        inputs.add(
            new Input(st.getPath().toString(), path.substring(prefix.length()), st.getLen()));
      }
    } catch (IOException e) {
      throw new RuralKgException(in + ": cannot list input folder: " + e.getMessage(), e);
    }
    inputs.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
    return inputs;
  }

  private static Map<String, String> confOf(Configuration hconf) {
    Map<String, String> m = new HashMap<>();
    for (Map.Entry<String, String> e : hconf) m.put(e.getKey(), e.getValue());
    return m;
  }

  static final String TEMP = "_temporary";

  /**
   * What runs on the executors, per partition. Holds only strings (serialised with the closure);
   * the processor comes from a per-JVM holder, built at the first partition an executor runs.
   */
  record Task(String outDir, String startedAt, Map<String, String> conf) implements Serializable {
    Iterator<String> run(int partition, Iterator<Input> inputs) throws IOException {
      FileProcessor processor = Processors.get(startedAt);
      Configuration hconf = new Configuration(false);
      conf.forEach(hconf::set);
      Path out = new Path(outDir);
      FileSystem fs = out.getFileSystem(hconf);
      String partName = String.format(Locale.ROOT, "part-%05d.nq.gz", partition);
      // a task attempt writes its own temporary file; the part appears whole, by rename, or not at
      // all
      TaskContext tc = TaskContext.get();
      Path tmp =
          new Path(new Path(out, TEMP), partName + "." + (tc == null ? 0 : tc.taskAttemptId()));
      List<String> rows = new ArrayList<>();
      boolean any = false;
      try (OutputStream os = fastGzip(fs.create(tmp, true))) {
        while (inputs.hasNext()) {
          Input in = inputs.next();
          Path p = new Path(in.uri());
          ExtractedOutput.Outcome o =
              ExtractedOutput.process(
                  processor, in.relativePath(), in.size(), () -> read(fs, p, in.size()));
          if (o.refused() != null) {
            System.err.println(
                "ruralkg: skipped " + in.relativePath() + ": " + o.refused().reason());
            rows.add(o.refused().json());
            continue;
          }
          ExtractedOutput.Row row = ExtractedOutput.loaded(o.quads(), partName);
          ExtractedOutput.write(row, o.quads().quads(), os);
          rows.add(row.json());
          any = true;
        }
      }
      Path part = new Path(out, partName);
      if (any) {
        fs.delete(part, false);
        if (!fs.rename(tmp, part)) throw new IOException("cannot rename " + tmp + " to " + part);
      } else {
        fs.delete(tmp, false);
      }
      return rows.iterator();
    }

    private static byte[] read(FileSystem fs, Path p, long size) throws IOException {
      // the input may be on another file system than the output
      FileSystem src = p.getFileSystem(fs.getConf());
      byte[] data = new byte[(int) size];
      try (FSDataInputStream s = src.open(p)) {
        s.readFully(0, data);
      }
      return data;
    }
  }

  /**
   * Gzip at its fastest level: N-Quads compress well at any level, the default one costs several
   * times the CPU, and the parts are read once, by the loader.
   */
  static OutputStream fastGzip(OutputStream out) throws IOException {
    return new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
      }
    };
  }

  /**
   * One processor per executor JVM and job start: the gazetteer and HanLP load once, never travel
   * with a closure.
   */
  static final class Processors {
    private static final Map<String, FileProcessor> BY_START = new ConcurrentHashMap<>();

    static FileProcessor get(String startedAt) {
      return BY_START.computeIfAbsent(startedAt, Pipeline::fileProcessor);
    }
  }
}
