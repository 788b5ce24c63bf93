package org.w3id.ruralkg.store;

/**
 * Turns one input file into quads (read, extract, map). Must be thread-safe: the builder calls it
 * from several threads at once. Throws RuralKgException with a one-line reason for a bad file.
 */
@FunctionalInterface
public interface FileProcessor {
  FileQuads process(InputFile file, byte[] bytes, String sha256);

  /**
   * The schema:softwareVersion literal that this processor's build activity carries, or null. A
   * build treats a file whose hash is stored as unchanged only when the graph it came from was made
   * by the same producer: an upgraded extractor or mapping re-extracts every file.
   */
  default String producer() {
    return null;
  }
}
