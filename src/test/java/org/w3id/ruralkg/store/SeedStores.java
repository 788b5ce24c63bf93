package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.w3id.ruralkg.app.Pipeline;

/** Small stores for tests, built from the seed pages. */
public final class SeedStores {
  private SeedStores() {}

  /**
   * Builds the store {@code dir/NAME} from one seed page, copied as {@code dir/NAME-in/AS} (the
   * input folder stays, so that a test can change the page and build again).
   */
  public static Path onePage(Path dir, String name, String seedFile, String as) throws IOException {
    Path in = Files.createDirectories(dir.resolve(name + "-in"));
    Files.copy(Path.of("seeds", seedFile), in.resolve(as));
    Path store = dir.resolve(name);
    Pipeline.build(in, store, 2);
    return store;
  }
}
