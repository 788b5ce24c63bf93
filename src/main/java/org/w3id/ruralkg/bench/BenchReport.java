package org.w3id.ruralkg.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The benchmark's report as records: what {@link Bench} measures, written as JSON (the component
 * names are the JSON field names, in this order) and rendered as Markdown tables. The parts other
 * classes make (machine, stages, profile, queries) stay as they make them. Immutable.
 */
public final class BenchReport {
  private BenchReport() {}

  /** A run over every corpus size. */
  public record Run(
      String startedAt,
      Map<String, Object> machine,
      int threads,
      double componentsLoadSeconds,
      List<Size> sizes,
      String command,
      List<String> phases,
      List<String> largePhases,
      List<Growth.Step> growth) {}

  /**
   * One corpus size. A part is absent when the run skips its phase ({@link Phase}); {@code build}
   * is the in-process build of earlier reports, {@code freshBuild} the build as a user runs it.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Size(
      int articles,
      String loadAverageBefore,
      double synthSeconds,
      int files,
      long chars,
      long bytes,
      Extraction extraction,
      Map<String, Object> stages,
      long extractionPeakHeapMiB,
      Build build,
      Loading loading,
      Operations operations,
      Map<String, Object> queries,
      String loadAverageAfter,
      List<String> phases,
      FreshBuild.Result freshBuild,
      DensityPhase.Density density,
      List<AnalystPhase.Query> analyst,
      Targets.Latencies coldQueries,
      Targets.Latencies analystQueries,
      List<Targets.Target> targets) {}

  /** Extraction alone (read, extract, map to quads in memory): one thread, then all threads. */
  public record Extraction(
      double singleThreadSeconds,
      double singleThreadCpuSeconds,
      double singleThreadCharsPerSecond,
      double singleThreadCharsPerCpuSecond,
      long quads,
      Map<String, Object> profile,
      double allThreadsProcessCpuSeconds,
      double allThreadsCharsPerCpuSecond,
      int threads,
      double allThreadsSeconds,
      double allThreadsCharsPerSecond,
      double allThreadsCharsPerSecondPerCore) {}

  /** The end-to-end build of a new store. */
  public record Build(
      double seconds,
      double processCpuSeconds,
      int loaded,
      int failed,
      long quads,
      double quadsPerSecond,
      double charsPerSecond,
      double storeMiB,
      long peakHeapMiB,
      long peakHeapAfterGcMiB,
      long peakRssMiB) {}

  /**
   * The write path alone against Jena's tdb2.tdbloader, default and parallel, and tdb2.xloader, on
   * the same quads.
   */
  public record Loading(
      long quads,
      double ruralkgProcessCpuSeconds,
      double ruralkgSeconds,
      double ruralkgQuadsPerSecond,
      long ruralkgPeakHeapMiB,
      double ruralkgStoreMiB,
      double ruralkgQuadsOnlySeconds,
      double ruralkgQuadsOnlyProcessCpuSeconds,
      double jenaSeconds,
      double jenaProcessCpuSeconds,
      double jenaQuadsPerSecond,
      double jenaStoreMiB,
      double ruralkgOverJenaSpeed,
      double ruralkgQuadsOnlyOverJenaSpeed,
      double jenaParallelSeconds,
      double jenaParallelProcessCpuSeconds,
      double jenaParallelQuadsPerSecond,
      double jenaParallelStoreMiB,
      double ruralkgOverJenaParallelSpeed,
      double ruralkgQuadsOnlyOverJenaParallelSpeed,
      double ruralkgOverJenaCpuEfficiency,
      double xloaderSeconds,
      double xloaderProcessCpuSeconds,
      double xloaderQuadsPerSecond,
      double xloaderStoreMiB,
      double ruralkgOverXloaderSpeed,
      double ruralkgQuadsOnlyOverXloaderSpeed,
      long xloaderQuadsLoaded,
      @JsonInclude(JsonInclude.Include.NON_NULL) String xloaderError) {}

  /** Backup, restore into a new store, compaction of the restored store. */
  public record Operations(
      double backupSeconds,
      double backupMiB,
      long quads,
      double restoreSeconds,
      double restoredStoreMiB,
      double compactSeconds,
      double compactedStoreMiB) {}

  /** Only the query part, on a store built already. */
  public record QueriesOnly(
      String startedAt,
      Map<String, Object> machine,
      String store,
      String loadAverageBefore,
      Map<String, Object> queries,
      String loadAverageAfter) {}

  /** The analyst queries alone on a store built already ({@code --store S --phases analyst}). */
  public record AnalystOnly(
      String startedAt,
      Map<String, Object> machine,
      String store,
      String loadAverageBefore,
      List<AnalystPhase.Query> analyst,
      String loadAverageAfter) {}

  /** The machine line, the load average and the analyst table of an {@link AnalystOnly} run. */
  public static String analystOnlyTable(AnalystOnly r) {
    return machineLine(r.machine())
        + "\nstore "
        + r.store()
        + ", load average "
        + r.loadAverageBefore()
        + " -> "
        + r.loadAverageAfter()
        + "\n"
        + analystTable(
            r.analyst(),
            "union default graph, each run once on the store opened afresh, in this order, then once more in the same JVM");
  }

  /** Writes a report ({@link Run}, {@link QueriesOnly} or {@link AnalystOnly}) as indented JSON. */
  public static void writeJson(Object report, Path out) {
    try {
      if (out.getParent() != null) Files.createDirectories(out.getParent());
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(out.toFile(), report);
    } catch (IOException e) {
      throw new RuralKgException(out + ": cannot write report: " + e.getMessage(), e);
    }
  }

  /** The machine line: cores, memory, heap limit, JVM. */
  public static String machineLine(Map<String, Object> machine) {
    return String.format(
        Locale.ROOT,
        "machine: %s cores, %s MiB memory, max heap %s MiB, %s",
        machine.get("nproc"),
        machine.get("memTotalMiB"),
        machine.get("maxHeapMiB"),
        machine.get("java"));
  }

  /**
   * The report as plain text (Markdown): the machine line, then per size the targets table and the
   * tables of the phases that ran, then the growth with the corpus.
   */
  public static String table(Run report) {
    StringBuilder sb = new StringBuilder();
    sb.append(machineLine(report.machine())).append('\n');
    if (report.command() != null && !report.command().isEmpty())
      sb.append("command: ").append(report.command()).append('\n');
    for (Size s : report.sizes()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%n## %,d articles (%d files, %,d chars; load average %s → %s)%n",
              s.articles(),
              s.files(),
              s.chars(),
              s.loadAverageBefore(),
              s.loadAverageAfter()));
      if (s.targets() != null) sb.append(Targets.table(s.articles(), s.targets()));
      if (s.freshBuild() != null) sb.append(freshBuildTable(s.freshBuild()));
      if (s.density() != null) sb.append(densityTable(s.density()));
      if (s.analyst() != null) sb.append(analystTable(s.analyst()));
      if (s.loading() != null) sb.append(loadingTable(s));
      if (s.extraction() != null && s.build() != null && s.loading() != null) {
        sb.append(
            "\nIn-process build with extraction and loading (the benchmark's earlier main table)\n");
        sb.append(
            "\n| articles | files | chars | extract 1 thread: chars/s (per CPU s) | extract all threads: chars/s/core (per CPU s) | build s (CPU s) | quads | quads/s | store MiB | write path s (CPU s) | tdb2.tdbloader s (CPU s) | ruralkg/tdbloader speed (CPU) | tdbloader --loader=parallel s (CPU s) | ruralkg/parallel speed | write path without text index s (CPU s) | its speed / tdbloader, / parallel | peak heap MiB (after GC) | peak RSS MiB | load avg |\n");
        sb.append(
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        sb.append(sizeRow(s));
      }
      if (s.extraction() != null) sb.append(extractionLine(s));
      Operations op = s.operations();
      if (op != null) {
        sb.append(
            "\nStore operations (on a copy of the built store): `backup`, `restore` into a new store, `compact` of the restored store\n");
        sb.append(
            "\n| articles | quads | backup s | backup MiB | restore s | restored store MiB | compact s | compacted store MiB |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        sb.append(
            String.format(
                Locale.ROOT,
                "| %s | %,d | %.1f | %.0f | %.1f | %.0f | %.1f | %.0f |%n",
                s.articles(),
                op.quads(),
                op.backupSeconds(),
                op.backupMiB(),
                op.restoreSeconds(),
                op.restoredStoreMiB(),
                op.compactSeconds(),
                op.compactedStoreMiB()));
      }
      if (s.queries() != null) sb.append(QueryBench.table(s.queries()));
    }
    if (report.growth() != null) sb.append(Growth.table(report.growth()));
    return sb.toString();
  }

  private static String freshBuildTable(FreshBuild.Result b) {
    return String.format(
        Locale.ROOT,
        "%nBuild in a fresh JVM: `%s`%n%n| wall s | CPU s (user+sys) | peak RSS MiB | peak heap MiB (after GC) | files | articles | quads written | failed | store MiB | chars/s | exit | load avg |%n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|%n| %.1f | %.1f | %,d | %,d (%,d) | %,d | %,d | %,d | %d | %,.0f | %,.0f | %d | %s → %s |%n",
        String.join(" ", b.command()),
        b.seconds(),
        b.cpuSeconds(),
        b.peakRssMiB(),
        b.peakHeapMiB(),
        b.peakHeapAfterGcMiB(),
        b.files(),
        b.articles(),
        b.quads(),
        b.failed(),
        b.storeMiB(),
        b.charsPerSecond(),
        b.exitCode(),
        b.loadAverageBefore(),
        b.loadAverageAfter());
  }

  private static String densityTable(DensityPhase.Density d) {
    return String.format(
        Locale.ROOT,
        "%nDensity of the built store (quads stored, per article; the ontology graph's %,d left out)%n%n| all | article graphs (%,d graphs) | shared graph | file graphs (%,d graphs) | summary graph | default and other graphs | articles |%n|---:|---:|---:|---:|---:|---:|---:|%n| %,d (%.1f) | %,d (%.1f) | %,d (%.1f) | %,d (%.1f) | %,d (%.1f) | %,d | %,d |%n",
        d.ontologyQuads(),
        d.articleGraphs(),
        d.fileGraphs(),
        d.quads(),
        d.quadsPerArticle(),
        d.articleGraphQuads(),
        d.articleGraphQuadsPerArticle(),
        d.sharedGraphQuads(),
        d.sharedGraphQuadsPerArticle(),
        d.fileGraphQuads(),
        d.fileGraphQuadsPerArticle(),
        d.summaryGraphQuads(),
        d.summaryGraphQuadsPerArticle(),
        d.otherQuads(),
        d.articles());
  }

  private static String analystTable(List<AnalystPhase.Query> queries) {
    return analystTable(
        queries,
        "union default graph, each run once on the store opened afresh, in this order, then once more in the same JVM");
  }

  static String analystTable(List<AnalystPhase.Query> queries, String how) {
    StringBuilder sb =
        new StringBuilder(
            "\nAnalyst queries (queries/analyst, "
                + how
                + ")\n\n| query | ms | CPU ms | rows | again: ms | again: CPU ms |\n|---|---:|---:|---:|---:|---:|\n");
    for (AnalystPhase.Query q : queries)
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %d | %s | %s |%n",
              q.name(),
              q.error() != null ? "failed: " + q.error() : Targets.number(q.ms()),
              q.error() != null ? "" : Targets.number(q.cpuMs()),
              q.rows(),
              Double.isNaN(q.againMs()) ? "—" : Targets.number(q.againMs()),
              Double.isNaN(q.againCpuMs()) ? "—" : Targets.number(q.againCpuMs())));
    return sb.toString();
  }

  private static String loadingTable(Size s) {
    Loading l = s.loading();
    return String.format(
        Locale.ROOT,
        "%nWrite path alone against Jena's loaders on the same %,d quads (N-Quads prepared beforehand; each loader in its own run, seconds (CPU s), store MiB)%n%n| ruralkg write path | without the text index | tdb2.tdbloader | --loader=parallel | tdb2.xloader | ruralkg / tdbloader speed | / parallel | / xloader |%n|---:|---:|---:|---:|---:|---:|---:|---:|%n| %.1f (%.1f), %.0f MiB | %.1f (%.1f) | %.1f (%.1f), %.0f MiB | %.1f (%.1f), %.0f MiB | %s | %.2f | %.2f | %s |%n",
        l.quads(),
        l.ruralkgSeconds(),
        l.ruralkgProcessCpuSeconds(),
        l.ruralkgStoreMiB(),
        l.ruralkgQuadsOnlySeconds(),
        l.ruralkgQuadsOnlyProcessCpuSeconds(),
        l.jenaSeconds(),
        l.jenaProcessCpuSeconds(),
        l.jenaStoreMiB(),
        l.jenaParallelSeconds(),
        l.jenaParallelProcessCpuSeconds(),
        l.jenaParallelStoreMiB(),
        l.xloaderError() != null
            ? "failed"
            : String.format(
                Locale.ROOT,
                "%.1f (%.1f), %.0f MiB, %,d quads loaded",
                l.xloaderSeconds(),
                l.xloaderProcessCpuSeconds(),
                l.xloaderStoreMiB(),
                l.xloaderQuadsLoaded()),
        l.ruralkgOverJenaSpeed(),
        l.ruralkgOverJenaParallelSpeed(),
        l.xloaderError() != null
            ? "—"
            : String.format(Locale.ROOT, "%.2f", l.ruralkgOverXloaderSpeed()));
  }

  private static String extractionLine(Size s) {
    Extraction x = s.extraction();
    return String.format(
        Locale.ROOT,
        "%nExtraction alone: one thread %,.0f chars/s (%,.0f per CPU s); %d threads %,.0f chars/s per core (%,.0f per CPU s); peak heap %,d MiB%nstages, one thread (CPU seconds): %s%nprofile of extraction on all threads (%% of samples): %s%n",
        x.singleThreadCharsPerSecond(),
        x.singleThreadCharsPerCpuSecond(),
        x.threads(),
        x.allThreadsCharsPerSecondPerCore(),
        x.allThreadsCharsPerCpuSecond(),
        s.extractionPeakHeapMiB(),
        s.stages(),
        x.profile());
  }

  /** One size's row of the main table. */
  private static String sizeRow(Size s) {
    Extraction x = s.extraction();
    Build b = s.build();
    Loading l = s.loading();
    long heap = Math.max(b.peakHeapMiB(), s.extractionPeakHeapMiB());
    return String.format(
        Locale.ROOT,
        "| %s | %s | %,d | %,.0f (%,.0f) | %,.0f (%,.0f) | %.1f (%.1f) | %,d | %,.0f | %.0f | %.1f (%.1f) | %.1f (%.1f) | %.2f (%.2f) | %.1f (%.1f) | %.2f | %.1f (%.1f) | %.2f, %.2f | %d (%s) | %s | %s → %s |%n",
        s.articles(),
        s.files(),
        s.chars(),
        x.singleThreadCharsPerSecond(),
        x.singleThreadCharsPerCpuSecond(),
        x.allThreadsCharsPerSecondPerCore(),
        x.allThreadsCharsPerCpuSecond(),
        b.seconds(),
        b.processCpuSeconds(),
        b.quads(),
        b.quadsPerSecond(),
        b.storeMiB(),
        l.ruralkgSeconds(),
        l.ruralkgProcessCpuSeconds(),
        l.jenaSeconds(),
        l.jenaProcessCpuSeconds(),
        l.ruralkgOverJenaSpeed(),
        l.ruralkgOverJenaCpuEfficiency(),
        l.jenaParallelSeconds(),
        l.jenaParallelProcessCpuSeconds(),
        l.ruralkgOverJenaParallelSpeed(),
        l.ruralkgQuadsOnlySeconds(),
        l.ruralkgQuadsOnlyProcessCpuSeconds(),
        l.ruralkgQuadsOnlyOverJenaSpeed(),
        l.ruralkgQuadsOnlyOverJenaParallelSpeed(),
        heap,
        b.peakHeapAfterGcMiB(),
        b.peakRssMiB(),
        s.loadAverageBefore(),
        s.loadAverageAfter());
  }

  /** The table of a {@link QueriesOnly} report. */
  public static String queriesTable(QueriesOnly report) {
    return String.format(
            Locale.ROOT,
            "store %s, load average %s → %s%n",
            report.store(),
            report.loadAverageBefore(),
            report.loadAverageAfter())
        + QueryBench.table(report.queries());
  }
}
