package org.w3id.ruralkg.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The targets of issue 18 against what a run measured: each target with its limit, the value, met
 * or missed and by how much, and the Markdown table of them. Pure functions of the figures; the
 * figures themselves come from the phases. Immutable, thread-safe.
 */
public final class Targets {
  private Targets() {}

  /** How a value is held against its limit. {@code INFO}: reported, no limit. */
  public enum Op {
    AT_MOST("≤"),
    BELOW("<"),
    AT_LEAST("≥"),
    INFO("");

    final String sign;

    Op(String sign) {
      this.sign = sign;
    }
  }

  /**
   * One target: {@code met} is null for an {@code INFO} row; {@code by} is how far the value is on
   * the right side of the limit (positive when met, negative when missed), in the value's unit.
   */
  public record Target(
      String target,
      Op op,
      double limit,
      String unit,
      double value,
      String measured,
      Boolean met,
      double by,
      String verdict) {}

  /** A target row: met/missed and the margin worked out from the value and the limit. */
  public static Target of(
      String target, Op op, double limit, String unit, double value, String measured) {
    if (op == Op.INFO || Double.isNaN(value))
      return new Target(
          target,
          op,
          limit,
          unit,
          value,
          measured,
          null,
          Double.NaN,
          op == Op.INFO ? "—" : "not measured");
    boolean met =
        switch (op) {
          case AT_MOST -> value <= limit;
          case BELOW -> value < limit;
          case AT_LEAST -> value >= limit;
          case INFO -> throw new IllegalStateException();
        };
    double by = op == Op.AT_LEAST ? value - limit : limit - value;
    String verdict;
    if (Double.isInfinite(value)) verdict = met ? "met" : "missed (failed or timed out)";
    else
      verdict =
          String.format(
              Locale.ROOT,
              "%s by %s %s (%s %%)",
              met ? "met" : "missed",
              margin(Math.abs(by)),
              unit,
              limit == 0 ? "NaN" : percent(Math.abs(by) / limit * 100));
    return new Target(target, op, limit, unit, value, measured, met, by, verdict);
  }

  /** A yes-or-no target (no figure to hold against a limit): met or missed. */
  public static Target check(String target, boolean met, String measured) {
    return new Target(
        target,
        Op.AT_LEAST,
        1,
        "",
        met ? 1 : 0,
        measured,
        met,
        met ? 0 : -1,
        met ? "met" : "missed");
  }

  /** The Markdown table of the targets of one corpus size. */
  public static String table(int articles, List<Target> targets) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%nTargets (issue 18), %,d articles%n", articles));
    sb.append("\n| target | limit | measured | met? |\n|---|---|---|---|\n");
    for (Target t : targets) {
      String limit =
          t.op() == Op.INFO || t.unit().isEmpty()
              ? "—"
              : t.op().sign + " " + number(t.limit()) + " " + t.unit();
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s |%n",
              t.target(),
              limit,
              t.measured(),
              t.verdict()));
    }
    return sb.toString();
  }

  /**
   * A margin as {@link #number} writes it, but never as zero when it is not: a ratio of 1.298
   * against 1.3 is missed by 0.002, which two decimals would show as 0.00.
   */
  static String margin(double x) {
    String s = number(x);
    if (x > 0 && Double.parseDouble(s.replace(",", "")) == 0)
      return String.format(Locale.ROOT, "%.1g", x);
    return s;
  }

  private static String percent(double p) {
    return p > 0 && p < 0.5
        ? String.format(Locale.ROOT, "%.1g", p)
        : String.format(Locale.ROOT, "%.0f", p);
  }

  /** A figure as the tables print it: thousands separated, decimals only where they matter. */
  static String number(double x) {
    if (Double.isNaN(x)) return "—";
    if (Double.isInfinite(x)) return "∞";
    double a = Math.abs(x);
    if (a >= 100 || x == Math.rint(x)) return String.format(Locale.ROOT, "%,.0f", x);
    if (a >= 10) return String.format(Locale.ROOT, "%.1f", x);
    return String.format(Locale.ROOT, "%.2f", x);
  }

  /**
   * Nearest-rank percentile of values (NaN and infinity allowed: a failed request sorts last as
   * infinity); NaN for no values.
   */
  public static double percentile(double[] values, int p) {
    if (values.length == 0) return Double.NaN;
    double[] sorted =
        Arrays.stream(values)
            .map(v -> Double.isNaN(v) ? Double.POSITIVE_INFINITY : v)
            .sorted()
            .toArray();
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Latencies of a set of calls held against a per-call limit. */
  public record Latencies(
      int calls,
      int failed,
      int underLimit,
      double limitMs,
      double p95Ms,
      double maxMs,
      double sumMs,
      List<String> worst) {}

  /** A named latency in milliseconds, NaN when the call failed. */
  public record Timed(String name, double ms) {}

  /** The p95, count under the limit and the three slowest of a set of timed calls. */
  public static Latencies latencies(List<Timed> calls, double limitMs) {
    double[] ms = calls.stream().mapToDouble(Timed::ms).toArray();
    int failed = (int) Arrays.stream(ms).filter(Double::isNaN).count();
    int under = (int) Arrays.stream(ms).filter(x -> x < limitMs).count();
    double max = calls.isEmpty() ? Double.NaN : percentile(ms, 100);
    double sum = Arrays.stream(ms).filter(x -> !Double.isNaN(x)).sum();
    List<String> worst = new ArrayList<>();
    calls.stream()
        .sorted(
            Comparator.comparingDouble(
                    (Timed t) -> Double.isNaN(t.ms()) ? Double.POSITIVE_INFINITY : t.ms())
                .reversed())
        .limit(3)
        .forEach(
            t ->
                worst.add(
                    t.name()
                        + " "
                        + (Double.isNaN(t.ms())
                            ? "failed"
                            : String.format(Locale.ROOT, "%,.0f ms", t.ms()))));
    return new Latencies(calls.size(), failed, under, limitMs, percentile(ms, 95), max, sum, worst);
  }
}
