package org.w3id.ruralkg.store;

import java.util.List;
import org.apache.jena.sparql.core.Quad;

/**
 * What one input file became: its content hash, how many articles, and its quads (all in its
 * article graphs); {@code cutRuns} counts the runs without a sentence end that were too long and
 * cut into several sentences (reported with the file).
 */
public record FileQuads(
    InputFile file, String sha256, int articles, List<Quad> quads, int cutRuns) {
  public FileQuads(InputFile file, String sha256, int articles, List<Quad> quads) {
    this(file, sha256, articles, quads, 0);
  }
}
