package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.w3id.ruralkg.store.StoreOps;

/**
 * The benchmark's store-operations phase, on copies so that the built store stays as it was for the
 * queries: backup to gzipped N-Quads, restore into a new store (the bulk loader), compaction of the
 * restored store (the sorted loader again, into the next generation). Not thread-safe (one phase at
 * a time).
 */
final class OperationsPhase {
  private final PrintStream log;

  OperationsPhase(PrintStream log) {
    this.log = log;
  }

  BenchReport.Operations run(Path dir, Path store) throws IOException {
    Path backup = dir.resolve("backup.nq.gz");
    Path restored = dir.resolve("store-restored");
    long t = System.nanoTime();
    StoreOps.Result saved = StoreOps.backup(store, backup);
    double backupSeconds = CpuClock.secs(t);
    double backupMiB = Files.size(backup) / (1024.0 * 1024);
    t = System.nanoTime();
    StoreOps.restore(backup, restored);
    double restoreSeconds = CpuClock.secs(t);
    double restoredMiB = Machine.folderBytes(restored) / (1024.0 * 1024);
    t = System.nanoTime();
    StoreOps.compact(restored);
    double compactSeconds = CpuClock.secs(t);
    double compactedMiB = Machine.folderBytes(restored) / (1024.0 * 1024);
    Machine.deleteTree(restored);
    Files.deleteIfExists(backup);
    log.printf(
        Locale.ROOT,
        "bench: backup %.1f s (%.0f MiB), restore %.1f s (%.0f MiB), compact %.1f s (%.0f MiB)%n",
        backupSeconds,
        backupMiB,
        restoreSeconds,
        restoredMiB,
        compactSeconds,
        compactedMiB);
    return new BenchReport.Operations(
        backupSeconds,
        backupMiB,
        saved.quads(),
        restoreSeconds,
        restoredMiB,
        compactSeconds,
        compactedMiB);
  }
}
