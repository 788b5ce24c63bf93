package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.store.StoreOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "compact",
    mixinStandardHelpOptions = true,
    description =
        "Compact a TDB2 store into a new generation and delete the old one (stop the server first).")
final class CompactCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, description = "TDB2 store folder")
  Path store;

  @Override
  public Integer call() {
    StoreOps.compact(store);
    System.err.println("ruralkg: compacted " + store);
    return 0;
  }
}
