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
      List<Size> sizes) {}

  /** One corpus size. {@code queries} is absent when the run skips the query phase. */
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
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> queries,
      String loadAverageAfter) {}

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
   * The write path alone against Jena's tdb2.tdbloader, default and parallel, on the same quads.
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
      double ruralkgOverJenaCpuEfficiency) {}

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

  /** Writes a report ({@link Run} or {@link QueriesOnly}) as indented JSON. */
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

  /** The report as a plain-text table (Markdown), one block per size. */
  public static String table(Run report) {
    StringBuilder sb = new StringBuilder();
    Map<String, Object> machine = report.machine();
    sb.append(
        String.format(
            Locale.ROOT,
            "machine: %s cores, %s MiB memory, max heap %s MiB, %s%n",
            machine.get("nproc"),
            machine.get("memTotalMiB"),
            machine.get("maxHeapMiB"),
            machine.get("java")));
    sb.append(
        "\n| articles | files | chars | extract 1 thread: chars/s (per CPU s) | extract all threads: chars/s/core (per CPU s) | build s (CPU s) | quads | quads/s | store MiB | write path s (CPU s) | tdb2.tdbloader s (CPU s) | ruralkg/tdbloader speed (CPU) | tdbloader --loader=parallel s (CPU s) | ruralkg/parallel speed | write path without text index s (CPU s) | its speed / tdbloader, / parallel | peak heap MiB (after GC) | peak RSS MiB | load avg |\n");
    sb.append(
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Size s : report.sizes()) sb.append(sizeRow(s));
    sb.append(
        "\nStore operations (on a copy of the built store): `backup`, `restore` into a new store, `compact` of the restored store\n");
    sb.append(
        "\n| articles | quads | backup s | backup MiB | restore s | restored store MiB | compact s | compacted store MiB |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Size s : report.sizes()) {
      Operations op = s.operations();
      if (op == null) continue;
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
    for (Size s : report.sizes()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%nstages, one thread, %s articles (CPU seconds): %s%n",
              s.articles(),
              s.stages()));
      sb.append(
          String.format(
              Locale.ROOT,
              "profile of extraction on all threads (%% of samples): %s%n",
              s.extraction().profile()));
      if (s.queries() != null) sb.append(QueryBench.table(s.queries()));
    }
    return sb.toString();
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
