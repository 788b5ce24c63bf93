package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.io.file.PathUtils;

/** File-system steps the store's crash safety relies on. Stateless; thread-safe. */
public final class Folders {
  private Folders() {}

  /**
   * Forces a folder's entries to disk: a new or deleted file's name lives in its folder, so a
   * marker is only durable once its folder is. Best effort: some platforms cannot open a folder,
   * and then the file's own force is what they offer.
   */
  static void sync(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not on this platform
    }
  }

  /**
   * Deletes a folder and everything in it (commons-io; symbolic links are removed, not followed);
   * nothing when it does not exist. The project's one recursive delete.
   */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
    if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) PathUtils.deleteDirectory(dir);
    else Files.delete(dir);
  }
}
