package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.tdb2.sys.DatabaseConnection;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The crash marker of a bulk load ({@link BulkBuilder}, {@link BackupRestore}): the file {@value
 * #FILE} is on disk in the store folder from before the first data file is written until data and
 * index are on disk. Needs the store folder; adds the marker, removes it, and wipes what a killed
 * load left behind. Also drops this JVM's cached connections to the folder, so a store made in this
 * process can be opened again. Not thread-safe: one load per store.
 */
final class BulkBuildMarker {
  private static final Logger LOG = LoggerFactory.getLogger(BulkBuilder.class);

  /** The marker's file name (also {@link BulkBuilder#MARKER}). */
  static final String FILE = "bulk-build.incomplete";

  private final Path storeDir;

  BulkBuildMarker(Path storeDir) {
    this.storeDir = storeDir;
  }

  /** True when the folder holds the marker of a bulk build that has not finished. */
  static boolean present(Path storeDir) {
    return Files.exists(storeDir.resolve(FILE));
  }

  /**
   * Marks the folder as a bulk build in progress; a marker left by a killed build first wipes what
   * that build made.
   */
  void start() {
    Path marker = storeDir.resolve(FILE);
    try {
      Files.createDirectories(storeDir);
      if (Files.exists(marker)) {
        LOG.warn(
            "{}: an earlier bulk build did not finish; starting again from an empty store",
            storeDir);
        wipe();
      } else {
        // the marker must be on disk before the first data file is written
        try (FileChannel ch =
            FileChannel.open(marker, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          ch.write(
              StandardCharsets.UTF_8.encode(
                  "bulk build started "
                      + Instant.now()
                      + "; if this file is here, the build did not finish\n"));
          ch.force(true);
        }
        Folders.sync(storeDir);
      }
    } catch (IOException e) {
      throw new RuralKgException(storeDir + ": cannot start a bulk build: " + e.getMessage(), e);
    }
  }

  /** Removes the marker once data and index are on disk. */
  void finish() {
    try {
      Files.delete(storeDir.resolve(FILE));
      Folders.sync(storeDir);
    } catch (IOException e) {
      throw new RuralKgException(storeDir + ": cannot finish the bulk build: " + e.getMessage(), e);
    }
  }

  /** Deletes what a failed load made and then the marker: the store is empty again. */
  void abandon() throws IOException {
    wipe();
    Files.deleteIfExists(storeDir.resolve(FILE));
  }

  /**
   * Deletes everything in the store folder but the marker (the marker goes last, after a successful
   * build).
   */
  private void wipe() throws IOException {
    List<Path> children;
    try (Stream<Path> s = Files.list(storeDir)) {
      // the build lock stays: deleting a locked file would let another build lock a new one
      children =
          s.filter(
                  p ->
                      !p.getFileName().toString().equals(FILE)
                          && !p.getFileName().toString().equals(StoreLock.FILE))
              .toList();
    }
    // this JVM may still hold the old files open (a build earlier in the same process)
    release(children);
    for (Path child : children) Folders.deleteTree(child);
  }

  /** {@link #release} for everything now in the store folder. */
  void releaseAll() throws IOException {
    try (Stream<Path> s = Files.list(storeDir)) {
      release(s.toList());
    }
  }

  /**
   * Drops this JVM's connections to the store and to each of its generations, releasing the
   * folder's lock: otherwise a new Data-0001 would reuse the old one's cached files, and another
   * process could not open the store after a build in this one.
   */
  private void release(List<Path> children) {
    DatabaseConnection.internalExpel(Location.create(storeDir.toString()), true);
    for (Path child : children) {
      if (child.getFileName().toString().startsWith("Data-"))
        StoreConnection.internalExpel(Location.create(child.toString()), true);
    }
  }
}
