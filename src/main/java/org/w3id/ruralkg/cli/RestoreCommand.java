package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.store.StoreOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Load a backup (N-Quads, gzipped or not) into a new or empty store; a store that holds data is refused.")
final class RestoreCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, description = "backup file written by 'ruralkg backup'")
  Path in;

  @Option(names = "--store", required = true, description = "TDB2 store folder (missing or empty)")
  Path store;

  @Override
  public Integer call() {
    StoreOps.Result r = StoreOps.restore(in, store);
    System.err.println(
        "ruralkg: restored " + r.quads() + " quads in " + r.graphs() + " graphs into " + store);
    return 0;
  }
}
