package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.store.BuildReport;

/**
 * The long-line benchmark: builds a new store from one synthetic page whose body is a single
 * paragraph without a sentence end, for several lengths, and reports the time per MB. A build
 * linear in its input shows a flat column. Needs a scratch folder; not thread-safe.
 */
public final class LongLines {
  public static final List<Integer> DEFAULT_LENGTHS =
      List.of(10_000, 100_000, 1_000_000, 5_000_000);

  /** Runs without a sentence end, with figures and places to extract (as a real page has). */
  private static final String[] WORDS = {
    "巧家县", "发展", "带动", "群众", "持续", "推进", "工作", "增收", "乡村振兴", "全面", "提升", "建设", "基础设施", "不断", "完善",
    "机制", "落实", "措施", "有效", "保障", "积极", "引导", "服务", "水平", "明显", "改善", "，", "、", " "
  };

  private LongLines() {}

  /**
   * One measured length: chars of the paragraph, MB of the file, build seconds, and the build's
   * outcome.
   */
  public record Row(int chars, double mb, double seconds, String summary) {
    double secondsPerMb() {
      return seconds / mb;
    }
  }

  public static List<Row> run(
      List<Integer> lengths, Path work, int threads, double fileTimeoutSeconds, PrintStream log)
      throws IOException {
    List<Row> rows = new ArrayList<>();
    // untimed: the first build loads the dictionaries and gazetteer (seconds), which no row should
    // carry
    measure(10_000, work.resolve("warm-up"), threads, fileTimeoutSeconds);
    for (int chars : lengths) {
      Row r = measure(chars, work, threads, fileTimeoutSeconds);
      log.println(
          "ruralkg: long line of "
              + chars
              + " chars: "
              + String.format(Locale.ROOT, "%.1f s", r.seconds())
              + "; "
              + r.summary());
      rows.add(r);
    }
    return rows;
  }

  /**
   * Builds a new store from one page with a line of {@code chars} chars; deletes both afterwards.
   */
  private static Row measure(int chars, Path work, int threads, double fileTimeoutSeconds)
      throws IOException {
    Path in = work.resolve("in-" + chars);
    Path store = work.resolve("store-" + chars);
    Files.createDirectories(in);
    Path file = in.resolve("long-" + chars + ".txt");
    Files.writeString(file, page(chars, 1), StandardCharsets.UTF_8);
    double mb = Files.size(file) / (1024.0 * 1024.0);
    try {
      long t0 = System.nanoTime();
      BuildReport report = Pipeline.build(in, store, threads, fileTimeoutSeconds);
      double s = (System.nanoTime() - t0) / 1e9;
      if (!report.failed().isEmpty())
        throw new RuralKgException("long-line bench: " + report.failed().get(0).reason());
      return new Row(chars, mb, s, report.summary());
    } finally {
      Bench.deleteTree(store);
      Bench.deleteTree(in);
    }
  }

  /**
   * A page: a title line, then one paragraph of {@code chars} chars with no 。！？；!?; and no line
   * break.
   */
  public static String page(int chars, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(chars + 64);
    sb.append("巧家县以党建引领乡村振兴\n\n");
    int start = sb.length();
    while (sb.length() - start < chars) {
      if (rnd.nextInt(40) == 0) {
        sb.append("带动")
            .append(1 + rnd.nextInt(9999))
            .append("户增收")
            .append(1 + rnd.nextInt(99))
            .append('.')
            .append(rnd.nextInt(100))
            .append("万元");
      } else {
        sb.append(WORDS[rnd.nextInt(WORDS.length)]);
      }
    }
    sb.setLength(start + chars);
    return sb.append('\n').toString();
  }

  public static String table(List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("| line length (chars) | file (MB) | build (s) | s per MB |\n");
    sb.append("| ---: | ---: | ---: | ---: |\n");
    for (Row r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %,d | %.2f | %.1f | %.2f |%n",
              r.chars(),
              r.mb(),
              r.seconds(),
              r.secondsPerMb()));
    }
    return sb.toString();
  }
}
