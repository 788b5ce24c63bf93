package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * Jena's loader commands (from the jena-cmds jar on this classpath) in a child JVM with this JVM's
 * heap limit: {@code tdb2.tdbloader}, and {@code tdb2.xloader} as its all-in-one Java command
 * ({@code tdb2.xloader.CmdxLoader}: node table, ingest, then every index through sort(1), the steps
 * the distribution's shell script runs one JVM each). Needs the N-Quads files and a scratch folder;
 * adds the wall seconds, the child's CPU seconds (NaN where /proc is missing; sort(1) children of
 * the child are included once they are waited for) and the store's size, then deletes the store.
 * Thread-safe (no state); each run has its own files under the scratch folder.
 */
final class TdbLoaderRun {
  /** What one run of the command took; {@code quadsLoaded} -1 where the log does not say. */
  record Result(double seconds, double cpuSeconds, double storeMiB, long quadsLoaded) {}

  // tdb2.xloader's ingest step: "Triples = 0 ; Quads = 8,080,180"
  private static final Pattern XLOADER_COUNTS =
      Pattern.compile("Triples = ([\\d,]+) ; Quads = ([\\d,]+)");

  private TdbLoaderRun() {}

  /**
   * Loads {@code files} into a fresh store under {@code dir} with tdb2.tdbloader. {@code loader} is
   * a value of --loader, or null for none (the command's default, the phased loader).
   */
  static Result run(Path dir, String loader, List<String> files)
      throws IOException, InterruptedException {
    String name = loader == null ? "default" : loader;
    Path store = dir.resolve("store-tdbloader-" + name);
    List<String> a = new ArrayList<>(List.of("--loc", store.toString()));
    if (loader != null) a.add("--loader=" + loader);
    a.addAll(files);
    return runCommand(dir, "tdbloader-" + name, "tdb2.tdbloader", a, store);
  }

  /**
   * Loads {@code files} into a fresh store under {@code dir} with tdb2.xloader, sort(1) on {@code
   * threads} threads. Jena 5.6's all-in-one command reads only its first file argument (two files
   * of 8,000 quads each load 8,000 quads), so it gets the same quads as one N-Quads file,
   * concatenated before the clock starts (the files' blank node labels are Jena's unique ids, so
   * concatenation keeps them apart). Its temporary files stay in the store folder (with --tmpdir it
   * writes them under --loc all the same, then fails to find them); they are not counted in the
   * store's size. {@code quadsLoaded} is what its ingest step reports.
   */
  static Result xloader(Path dir, int threads, List<String> files)
      throws IOException, InterruptedException {
    Path store = dir.resolve("store-xloader");
    Path one = dir.resolve("xloader-input.nq");
    try (OutputStream out = Files.newOutputStream(one)) {
      for (String f : files) Files.copy(Path.of(f), out);
    }
    try {
      List<String> a =
          List.of("--loc", store.toString(), "--threads", String.valueOf(threads), one.toString());
      Result r = runCommand(dir, "xloader", "tdb2.xloader.CmdxLoader", a, store);
      Matcher m =
          XLOADER_COUNTS.matcher(
              Files.readString(dir.resolve("xloader.log"), StandardCharsets.UTF_8));
      long loaded = -1;
      while (m.find())
        loaded =
            Long.parseLong(m.group(1).replace(",", ""))
                + Long.parseLong(m.group(2).replace(",", ""));
      return new Result(r.seconds(), r.cpuSeconds(), r.storeMiB(), loaded);
    } finally {
      Files.deleteIfExists(one);
    }
  }

  private static Result runCommand(
      Path dir, String name, String mainClass, List<String> commandArgs, Path store)
      throws IOException, InterruptedException {
    Path args = dir.resolve(name + ".args");
    Path out = dir.resolve(name + ".log");
    writeArgFile(args, mainClass, commandArgs);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    double cpu0 = Machine.childrenCpuSeconds();
    long t = System.nanoTime();
    Process p =
        new ProcessBuilder(java, "@" + args)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    int exit = p.waitFor();
    double seconds = CpuClock.secs(t);
    double cpu = Machine.childrenCpuSeconds() - cpu0;
    if (exit != 0) {
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      throw new RuralKgException(
          mainClass
              + " ("
              + name
              + ") failed (exit "
              + exit
              + "): "
              + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
    }
    deleteTemporaryFiles(store);
    Result r = new Result(seconds, cpu, Machine.folderBytes(store) / (1024.0 * 1024), -1);
    Machine.deleteTree(store);
    return r;
  }

  /** xloader's intermediate files (triples.tmp.gz, quads.tmp.gz) left beside the database. */
  private static void deleteTemporaryFiles(Path store) throws IOException {
    try (var files = Files.list(store)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tmp.gz")).toList())
        Files.deleteIfExists(f);
    }
  }

  /** An @argfile for the child JVM: 2,000 file names would be a long command line. */
  private static void writeArgFile(Path args, String mainClass, List<String> commandArgs)
      throws IOException {
    Files.write(
        args,
        List.of(
            "-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m",
            "-cp",
            quoted(System.getProperty("java.class.path")),
            mainClass),
        StandardCharsets.UTF_8);
    Files.write(
        args,
        commandArgs.stream().map(TdbLoaderRun::quoted).toList(),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  /** A Java @argfile token: quoted, backslashes and quotes escaped. */
  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
