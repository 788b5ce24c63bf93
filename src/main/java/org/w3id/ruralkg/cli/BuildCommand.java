package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.BuildSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Extract every *.txt under --in and load it into the TDB2 store at --store.")
final class BuildCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, description = "input folder")
  Path in;

  @Option(
      names = "--store",
      required = true,
      description = "TDB2 store folder (created if missing)")
  Path store;

  @Option(names = "--threads", description = "extraction threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--file-timeout",
      paramLabel = "SECONDS",
      description =
          "skip a file whose extraction takes longer (0: no limit; default ${DEFAULT-VALUE})")
  double fileTimeout = BuildSettings.DEFAULT_FILE_TIMEOUT.toSeconds();

  @Option(
      names = "--follow-links",
      description = "follow symbolic links under --in (never to a target outside it)")
  boolean followLinks;

  @Override
  public Integer call() {
    if (threads <= 0 || fileTimeout < 0 || Double.isNaN(fileTimeout))
      throw new RuralKgException("--threads must be positive and --file-timeout at least 0");
    BuildSettings settings =
        new BuildSettings(
            threads,
            Duration.ofNanos((long) Math.min(fileTimeout * 1e9, Long.MAX_VALUE)),
            followLinks);
    BuildReport report = Pipeline.build(in, store, settings);
    return exitStatus(report);
  }

  static int exitStatus(BuildReport report) {
    System.err.println("ruralkg: " + report.summary());
    for (BuildReport.Failure n : report.notes())
      System.err.println("ruralkg: note " + n.file() + ": " + n.reason());
    for (BuildReport.Failure f : report.failed())
      System.err.println("ruralkg: skipped " + f.file() + ": " + f.reason());
    return report.anyProcessed() ? 0 : 1;
  }
}
