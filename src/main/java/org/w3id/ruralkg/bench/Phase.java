package org.w3id.ruralkg.bench;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The parts of a benchmark run, by the names {@code --phases} takes. A 100,000-article run keeps
 * the cheap ones ({@code build,density,analyst,queries}): single-thread extraction and the loader
 * comparisons would take hours there.
 */
public enum Phase {
  /** `./ruralkg build` in a fresh JVM: the store every later phase reads. */
  BUILD,
  /** The analyst queries, each once, on the store opened afresh. */
  ANALYST,
  /** Quads per article of the built store. */
  DENSITY,
  /** The saved queries over HTTP: cold first requests, then warm percentiles. */
  QUERIES,
  /** Backup, restore and compaction on copies of the store. */
  OPERATIONS,
  /** Extraction alone, one thread and all threads, with its stages. */
  EXTRACTION,
  /** The write path against tdb2.tdbloader (default and parallel) and tdb2.xloader. */
  LOADING,
  /** The build inside the benchmark's JVM, as earlier versions of the benchmark measured it. */
  INPROCESS_BUILD;

  /** Every phase but the in-process build (the fresh-JVM build replaces it). */
  public static Set<Phase> defaults() {
    return EnumSet.complementOf(EnumSet.of(INPROCESS_BUILD));
  }

  /** The name on the command line: lower case, dashes. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Phases from a comma-separated list of names ("all" for the defaults). */
  public static Set<Phase> parse(String csv) {
    Set<Phase> out = EnumSet.noneOf(Phase.class);
    for (String part : csv.split(",")) {
      String name = part.trim();
      if (name.isEmpty()) continue;
      if (name.equals("all")) {
        out.addAll(defaults());
        continue;
      }
      Phase found = null;
      for (Phase p : values()) if (p.cliName().equals(name)) found = p;
      if (found == null)
        throw new RuralKgException(
            "unknown phase '"
                + name
                + "' (known: all, build, analyst, density, queries, operations, extraction, loading, inprocess-build)");
      out.add(found);
    }
    if (out.isEmpty()) throw new RuralKgException("--phases names no phase");
    Set<Phase> needStore = EnumSet.of(ANALYST, DENSITY, QUERIES, OPERATIONS);
    if (!out.contains(BUILD) && out.stream().anyMatch(needStore::contains))
      throw new RuralKgException(
          "phases analyst, density, queries and operations read the store the build phase makes: add build");
    return out;
  }
}
