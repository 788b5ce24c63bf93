package org.w3id.ruralkg.store;

import java.util.List;
import org.apache.jena.sparql.core.Quad;

/** What one input file became: its content hash, how many articles, and its quads (all in its article graphs). */
public record FileQuads(InputFile file, String sha256, int articles, List<Quad> quads) {}
