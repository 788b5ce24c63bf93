package org.w3id.ruralkg.store;

/**
 * Turns one input file into quads (read, extract, map). Must be thread-safe: the builder calls it
 * from several threads at once. Throws RuralKgException with a one-line reason for a bad file.
 */
@FunctionalInterface
public interface FileProcessor {
  FileQuads process(InputFile file, byte[] bytes, String sha256);
}
