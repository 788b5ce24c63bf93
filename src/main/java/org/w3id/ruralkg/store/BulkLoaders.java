package org.w3id.ruralkg.store;

import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The choice of bulk loader for {@link BulkBuilder} and {@link BackupRestore}, by the system
 * property {@value #PROPERTY}. "sorted" (the default, {@link SortedLoader}) fills the node table as
 * the data streams in and then sorts the tuples into each index and packs it, as tdb2.xloader does.
 * Jena's other loaders insert row after row into each index's B+tree: the phased one builds the
 * primary indexes while the data arrives and the others in later passes, the parallel one runs a
 * thread per index at once, which 2 cores cannot feed. Measured on 10,000 synthetic articles (11.7
 * M quads) on 2 cores, see README "Performance". Thread-safe (no state).
 */
final class BulkLoaders {
  private static final Logger LOG = LoggerFactory.getLogger(BulkBuilder.class);

  /** Which loader: "sorted" by default; Jena's "phased", "parallel", ... for comparison. */
  static final String PROPERTY = "ruralkg.loader";

  /**
   * The scratch folder of the sorted loader, inside the store folder (wiped with it if a build
   * dies).
   */
  static final String SORT_FOLDER = "load-scratch";

  private BulkLoaders() {}

  /** The loader the system property names, for a store in {@code storeDir}. */
  static DataLoader choose(DatasetGraph tdb, Path storeDir, int threads) {
    MonitorOutput quiet = (fmt, args) -> LOG.debug(String.format(java.util.Locale.ROOT, fmt, args));
    String which = System.getProperty(PROPERTY, "sorted");
    return switch (which) {
      case "sorted" ->
          new SortedLoader(
              tdb, storeDir.resolve(SORT_FOLDER), threads, SortedLoader.rowsPerRun(threads), quiet);
      case "parallel" -> LoaderFactory.parallelLoader(tdb, quiet);
      case "phased" -> LoaderFactory.phasedLoader(tdb, quiet);
      case "sequential" -> LoaderFactory.sequentialLoader(tdb, quiet);
      case "basic" -> LoaderFactory.basicLoader(tdb, quiet);
      default ->
          throw new RuralKgException(
              PROPERTY
                  + "="
                  + which
                  + ": unknown loader (sorted, parallel, phased, sequential, basic)");
    };
  }
}
