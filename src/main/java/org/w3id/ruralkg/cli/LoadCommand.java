package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.common.RuralKgException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description =
        "Load the output of the Spark extraction job (part-*.nq.gz and manifest.jsonl under --nquads) into the store, as 'build' would: "
            + "a new store in one bulk pass, a store with data file by file (changed files replaced, unchanged ones skipped).")
final class LoadCommand implements Callable<Integer> {
  @Option(
      names = "--nquads",
      required = true,
      description = "folder written by org.w3id.ruralkg.spark.ExtractJob (local file system)")
  Path nquads;

  @Option(
      names = "--store",
      required = true,
      description = "TDB2 store folder (created if missing)")
  Path store;

  @Option(names = "--threads", description = "loader threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    if (threads <= 0) throw new RuralKgException("--threads must be positive");
    return BuildCommand.exitStatus(Pipeline.load(nquads, store, threads));
  }
}
