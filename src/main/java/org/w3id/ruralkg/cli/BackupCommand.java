package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.store.StoreOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Write every named graph of a store (articles and ontology) as gzipped N-Quads, from one consistent snapshot.")
final class BackupCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, description = "TDB2 store folder")
  Path store;

  @Option(names = "--out", required = true, description = "backup file, e.g. backup.nq.gz")
  Path out;

  @Override
  public Integer call() {
    StoreOps.Result r = StoreOps.backup(store, out);
    System.err.println(
        "ruralkg: backed up " + r.quads() + " quads in " + r.graphs() + " graphs to " + out);
    return 0;
  }
}
