package org.w3id.ruralkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.bench.Bench;
import org.w3id.ruralkg.bench.BenchReport;
import org.w3id.ruralkg.bench.LongLines;
import org.w3id.ruralkg.bench.Phase;
import org.w3id.ruralkg.common.RuralKgException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure every figure of issue 18 on synthetic corpora: the build in a fresh JVM, density, analyst queries, cold and warm saved queries, store operations, extraction, and the write path against tdb2.tdbloader and tdb2.xloader; writes a JSON report and prints the tables with a targets table.")
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--articles",
      split = ",",
      description = "corpus sizes in articles (default ${DEFAULT-VALUE})")
  List<Integer> sizes = List.of(1000, 10000);

  @Option(names = "--out", description = "JSON report (default ${DEFAULT-VALUE})")
  Path out = Path.of("target/bench.json");

  @Option(names = "--seed", description = "corpus seed (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--threads", description = "extraction threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--clients",
      split = ",",
      description = "concurrent HTTP clients (default ${DEFAULT-VALUE})")
  List<Integer> clients = List.of(1, 4, 16);

  @Option(
      names = "--requests",
      description = "requests per client per query (default ${DEFAULT-VALUE})")
  int requests = 50;

  @Option(
      names = "--cell-seconds",
      description = "time limit per query and client count (default ${DEFAULT-VALUE})")
  int cellSeconds = 20;

  @Option(
      names = "--timeout-seconds",
      description = "HTTP timeout of one query request (default ${DEFAULT-VALUE})")
  int timeoutSeconds = 120;

  @Option(names = "--work", description = "scratch folder (default: a new temp folder)")
  Path work;

  @Option(names = "--keep", description = "keep corpora and stores in the scratch folder")
  boolean keep;

  @Option(
      names = "--store",
      description =
          "measure only the saved queries, on this store built already (no corpus, no build); with --phases analyst the analyst queries instead (with --phases analyst,queries both)")
  Path store;

  @Option(
      names = "--no-queries",
      description = "skip the HTTP query phase (same as leaving queries out of --phases)")
  boolean noQueries;

  @Option(
      names = "--phases",
      description =
          "phases to run, comma-separated: build, analyst, density, queries, operations, extraction, loading, inprocess-build, or all (default ${DEFAULT-VALUE}: all but inprocess-build). At 100,000 articles: build,density,analyst,queries")
  String phases = "all";

  @Option(
      names = "--large-phases",
      description =
          "phases of sizes from 50,000 articles on (default ${DEFAULT-VALUE}): the cheap ones, as single-thread extraction and the loader comparisons would take hours there")
  String largePhases = "build,density,analyst,queries";

  @Spec CommandSpec spec;

  @Option(
      names = "--long-lines",
      description =
          "only the long-line benchmark: build time per MB of one paragraph without sentence ends, per length")
  boolean longLines;

  @Option(
      names = "--lengths",
      split = ",",
      description = "line lengths in chars for --long-lines (default ${DEFAULT-VALUE})")
  List<Integer> lengths = LongLines.DEFAULT_LENGTHS;

  @Option(
      names = "--sparql",
      description = "also measure the raw SPARQL endpoint (no cache: slow on large stores)")
  boolean sparql;

  @Override
  public Integer call() throws Exception {
    if (sizes.stream().anyMatch(n -> n <= 0) || requests <= 0 || threads <= 0)
      throw new RuralKgException("sizes, --requests and --threads must be positive");
    Path home = Path.of(System.getProperty("ruralkg.home", "."));
    if (longLines) {
      Path scratch = work != null ? work : Files.createTempDirectory("ruralkg-longlines");
      try {
        System.out.print(LongLines.table(LongLines.run(lengths, scratch, threads, 0, System.err)));
      } finally {
        if (work == null) Bench.deleteTree(scratch);
      }
      return 0;
    }
    if (store != null) {
      List<String> wanted = List.of(phases.split("\\s*,\\s*"));
      boolean analyst = wanted.contains("analyst");
      boolean saved = !analyst || wanted.contains("queries");
      Bench.Options q =
          new Bench.Options(
              List.of(),
              seed,
              home.resolve("seeds"),
              store,
              threads,
              clients,
              requests,
              Duration.ofSeconds(cellSeconds),
              Duration.ofSeconds(timeoutSeconds),
              true,
              Phase.defaults(),
              Phase.defaults(),
              home);
      if (analyst) {
        BenchReport.AnalystOnly report = new Bench(q, System.err).analystOnly(store);
        Path file = saved ? analystReport(out) : out;
        BenchReport.writeJson(report, file);
        System.out.println(BenchReport.analystOnlyTable(report));
        System.err.println("ruralkg: report written to " + file);
      }
      if (saved) {
        BenchReport.QueriesOnly report =
            new Bench(q, System.err).withSparqlEndpoint(sparql).queriesOnly(store);
        BenchReport.writeJson(report, out);
        System.out.println(BenchReport.queriesTable(report));
        System.err.println("ruralkg: report written to " + out);
      }
      return 0;
    }
    Set<Phase> chosen = Phase.parse(phases);
    Set<Phase> chosenLarge = Phase.parse(largePhases);
    if (noQueries) {
      chosen.remove(Phase.QUERIES);
      chosenLarge.remove(Phase.QUERIES);
    }
    Path scratch = work != null ? work : Files.createTempDirectory("ruralkg-bench");
    Bench.Options o =
        new Bench.Options(
            sizes,
            seed,
            home.resolve("seeds"),
            scratch,
            threads,
            clients,
            requests,
            Duration.ofSeconds(cellSeconds),
            Duration.ofSeconds(timeoutSeconds),
            keep,
            chosen,
            chosenLarge,
            home);
    try {
      BenchReport.Run report =
          new Bench(o, System.err)
              .withSparqlEndpoint(sparql)
              .withCommand(
                  // the parse result's arguments start with the subcommand's name
                  "./ruralkg "
                      + String.join(" ", spec.commandLine().getParseResult().originalArgs()))
              .run();
      BenchReport.writeJson(report, out);
      System.out.println(BenchReport.table(report));
      System.err.println("ruralkg: report written to " + out);
    } finally {
      // corpora and stores of a large run take gigabytes: never leave a temp scratch folder behind
      if (work == null && !keep) Bench.deleteTree(scratch);
    }
    return 0;
  }

  /** Where the analyst report goes when the saved queries' report takes {@code out}. */
  private static Path analystReport(Path out) {
    String name = out.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return out.resolveSibling(base + "-analyst.json");
  }
}
