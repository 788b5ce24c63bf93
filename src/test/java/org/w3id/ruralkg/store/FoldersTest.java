package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one recursive delete: a whole tree goes, a missing folder is no error, a link is removed but
 * not followed.
 */
class FoldersTest {
  @TempDir Path tmp;

  @Test
  void deletesATreeAndIgnoresAMissingFolder() throws Exception {
    Path root = tmp.resolve("store");
    Files.createDirectories(root.resolve("Data-0001/sub"));
    Files.writeString(root.resolve("Data-0001/sub/f.dat"), "x");
    Files.writeString(root.resolve("tdb.lock"), "1");
    Folders.deleteTree(root);
    assertFalse(Files.exists(root));
    Folders.deleteTree(root); // gone already: nothing to do
    Folders.deleteTree(tmp.resolve("never-there"));
  }

  @Test
  void removesALinkWithoutTouchingWhatItPointsTo() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "keep");
    Path root = Files.createDirectories(tmp.resolve("tree"));
    Files.createSymbolicLink(root.resolve("link"), outside);
    Folders.deleteTree(root);
    assertFalse(Files.exists(root));
    assertTrue(Files.exists(outside.resolve("keep.txt")), "the link's target survives");
  }
}
