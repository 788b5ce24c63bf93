package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * One build per store at a time, across processes: an OS lock on {@value #FILE} in the store
 * folder, taken before anything reads the bulk marker, counts the store's quads or wipes a
 * half-made store. Without it two first builds both saw a new store, and the second wiped what the
 * first was writing while the first reported success. The OS drops the lock when the process dies
 * (kill -9 included), so a left-over file locks nothing. Closing releases it.
 */
public final class StoreLock implements AutoCloseable {
  /**
   * The lock file; the store's other checks ignore it (a new store holding only it is still empty).
   */
  public static final String FILE = "build.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private StoreLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the build lock of a store folder (created if missing), or fails with one line when
   * another build holds it.
   */
  public static StoreLock acquire(Path storeDir) {
    if (Files.exists(storeDir) && !Files.isDirectory(storeDir))
      throw new RuralKgException(storeDir + ": not a folder, cannot hold a TDB2 store");
    // never leave a lock file in a folder that is not ours
    if (Files.isDirectory(storeDir)
        && !Store.isEmpty(storeDir)
        && !Store.looksLikeTdb2(storeDir)
        && !BulkBuilder.incomplete(storeDir)) {
      throw new RuralKgException(
          storeDir + ": not a TDB2 store (folder is not empty and has no Data-NNNN)");
    }
    Path file = storeDir.resolve(FILE);
    FileChannel ch = null;
    try {
      Files.createDirectories(storeDir);
      ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another build in this JVM
      }
      if (lock == null) {
        String holder = holder(ch);
        ch.close();
        throw new RuralKgException(
            storeDir
                + ": store is in use by another build"
                + holder
                + "; try again when it has finished");
      }
      // for the message of the build that finds it taken
      ch.truncate(0);
      ch.write(StandardCharsets.UTF_8.encode(String.valueOf(ProcessHandle.current().pid())), 0);
      return new StoreLock(ch, lock);
    } catch (IOException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new RuralKgException(
          storeDir + ": cannot lock the store for a build: " + e.getMessage(), e);
    }
  }

  private static String holder(FileChannel ch) {
    try {
      ByteBuffer bb = ByteBuffer.allocate(32);
      ch.read(bb, 0);
      bb.flip();
      String pid = StandardCharsets.UTF_8.decode(bb).toString().strip();
      return pid.matches("\\d{1,10}") ? " (pid " + pid + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    }
  }
}
