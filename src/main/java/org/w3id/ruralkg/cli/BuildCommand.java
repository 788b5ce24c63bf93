package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.Pipeline;
import org.w3id.ruralkg.store.BuildReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true, description = "Extract every *.txt under --in and load it into the TDB2 store at --store.")
final class BuildCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, description = "input folder") Path in;
  @Option(names = "--store", required = true, description = "TDB2 store folder (created if missing)") Path store;
  @Option(names = "--threads", description = "extraction threads (default: all cores)") int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    BuildReport report = Pipeline.build(in, store, threads);
    return exitStatus(report);
  }

  static int exitStatus(BuildReport report) {
    System.err.println("ruralkg: " + report.summary());
    for (BuildReport.Failure f : report.failed()) System.err.println("ruralkg: skipped " + f.file() + ": " + f.reason());
    return report.anyProcessed() ? 0 : 1;
  }
}
