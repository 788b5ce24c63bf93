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
 * Jena's {@code tdb2.tdbloader} command (from the jena-cmds jar on this classpath) in a child JVM
 * with this JVM's heap limit: needs the N-Quads files and a scratch folder; adds the wall seconds,
 * the child's CPU seconds (NaN where /proc is missing) and the store's size, then deletes the
 * store. Thread-safe (no state); each run has its own files under the scratch folder.
 */
final class TdbLoaderRun {
  /** What one run of the command took. */
  record Result(double seconds, double cpuSeconds, double storeMiB) {}

  private TdbLoaderRun() {}

  /**
   * Loads {@code files} into a fresh store under {@code dir}. {@code loader} is a value of
   * --loader, or null for none (the command's default, the phased loader).
   */
  static Result run(Path dir, String loader, List<String> files)
      throws IOException, InterruptedException {
    String name = loader == null ? "default" : loader;
    Path store = dir.resolve("store-tdbloader-" + name);
    Path args = dir.resolve("tdbloader-" + name + ".args");
    Path out = dir.resolve("tdbloader-" + name + ".log");
    List<String> a = new ArrayList<>(List.of("--loc", store.toString()));
    if (loader != null) a.add("--loader=" + loader);
    a.addAll(files);
    writeArgFile(args, a);
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
          "tdb2.tdbloader ("
              + name
              + ") failed (exit "
              + exit
              + "): "
              + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
    }
    Result r = new Result(seconds, cpu, Machine.folderBytes(store) / (1024.0 * 1024));
    Machine.deleteTree(store);
    return r;
  }

  /** An @argfile for the child JVM: 2,000 file names would be a long command line. */
  private static void writeArgFile(Path args, List<String> commandArgs) throws IOException {
    Files.write(
        args,
        List.of(
            "-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m",
            "-cp",
            quoted(System.getProperty("java.class.path")),
            "tdb2.tdbloader"),
        StandardCharsets.UTF_8);
    Files.write(
        args,
        commandArgs.stream().map(TdbLoaderRun::quoted).toList(),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  /** A Java @argfile token: quoted, backslashes and quotes escaped. */
  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
