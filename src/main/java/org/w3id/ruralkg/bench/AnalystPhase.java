package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.ruralkg.store.Store;

/**
 * The analyst queries ({@code queries/analyst/*.rq}, plain SPARQL over the union default graph)
 * against a built store: opened afresh as the server opens it (union default graph, text index),
 * each query run once, in name order, timed from parse to the last row read, with a time limit,
 * then each once more in the same JVM (warm caches, as on a server that has answered queries
 * before). Adds wall milliseconds, the CPU milliseconds of the thread that ran it (comparable
 * across runs on a loaded machine, where wall time is mostly waiting for a core) and rows per
 * query. Not thread-safe (one phase at a time).
 */
final class AnalystPhase {
  /**
   * One analyst query: its wall and thread CPU time (NaN when it failed or hit the limit) and rows.
   */
  record Query(
      String name,
      double ms,
      double cpuMs,
      long rows,
      String error,
      double againMs,
      double againCpuMs) {
    Query(String name, double ms, double cpuMs, long rows, String error) {
      this(name, ms, cpuMs, rows, error, Double.NaN, Double.NaN);
    }

    Query again(Query second) {
      return new Query(name, ms, cpuMs, rows, error, second.ms(), second.cpuMs());
    }
  }

  private final Duration limit;
  private final PrintStream log;

  AnalystPhase(Duration limit, PrintStream log) {
    this.limit = limit;
    this.log = log;
  }

  List<Query> run(Path store, Path analystDir) throws IOException {
    List<Query> out = new ArrayList<>();
    if (analystDir == null || !Files.isDirectory(analystDir)) {
      log.println("bench: no analyst queries (queries/analyst missing)");
      return out;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(analystDir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList();
    }
    DatasetGraph dsg = Store.openExisting(store);
    try {
      for (Path f : files) {
        String name = f.getFileName().toString().replaceFirst("\\.rq$", "");
        Query q = runOne(dsg, name, Files.readString(f, StandardCharsets.UTF_8));
        out.add(q);
        log.printf(
            Locale.ROOT,
            "bench: analyst %-28s %9.1f ms (%.1f CPU ms), %d rows%s%n",
            q.name(),
            q.ms(),
            q.cpuMs(),
            q.rows(),
            q.error() == null ? "" : " (" + q.error() + ")");
      }
      // once more in the same JVM: what an analyst meets on a server that has run queries before
      // (node caches and JIT warm); a query that failed or hit the limit is not run twice
      for (int i = 0; i < out.size(); i++) {
        Query first = out.get(i);
        if (first.error() != null) continue;
        Query second =
            runOne(dsg, first.name(), Files.readString(files.get(i), StandardCharsets.UTF_8));
        if (second.error() != null) continue;
        out.set(i, first.again(second));
        log.printf(
            Locale.ROOT,
            "bench: analyst again %-22s %9.1f ms (%.1f CPU ms)%n",
            first.name(),
            second.ms(),
            second.cpuMs());
      }
    } finally {
      dsg.close();
      // the next phase opens the store as a newly started server would
      TDBInternal.expel(DatabaseMgr.connectDatasetGraph(store.toString()));
    }
    return out;
  }

  private Query runOne(DatasetGraph dsg, String name, String text) {
    long t = System.nanoTime();
    long cpu = CpuClock.thread();
    try {
      long rows =
          dsg.calculateRead(
              () -> {
                try (QueryExec exec =
                    QueryExec.dataset(dsg)
                        .query(text)
                        .timeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                        .build()) {
                  if (exec.getQuery().isSelectType()) {
                    RowSet rs = exec.select();
                    long n = 0;
                    while (rs.hasNext()) {
                      rs.next();
                      n++;
                    }
                    return n;
                  }
                  if (exec.getQuery().isAskType()) return exec.ask() ? 1L : 0L;
                  return (long) exec.construct().size();
                }
              });
      return new Query(name, CpuClock.secs(t) * 1000, (CpuClock.thread() - cpu) / 1e6, rows, null);
    } catch (RuntimeException e) {
      return new Query(
          name, Double.NaN, Double.NaN, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
