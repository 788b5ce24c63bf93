package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
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
  /** What one run of the command took. */
  record Result(double seconds, double cpuSeconds, double storeMiB) {}

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
   * threads} threads. Its temporary files stay in the store folder (Jena 5.6's all-in-one command
   * writes them under --loc even when --tmpdir is given, then fails to find them, so --tmpdir is
   * not used); they are not counted in the store's size.
   */
  static Result xloader(Path dir, int threads, List<String> files)
      throws IOException, InterruptedException {
    Path store = dir.resolve("store-xloader");
    List<String> a =
        new ArrayList<>(List.of("--loc", store.toString(), "--threads", String.valueOf(threads)));
    a.addAll(files);
    return runCommand(dir, "xloader", "tdb2.xloader.CmdxLoader", a, store);
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
    Result r = new Result(seconds, cpu, Machine.folderBytes(store) / (1024.0 * 1024));
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
