package org.w3id.ruralkg.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A poor man's sampling profiler: every few milliseconds it reads the stacks of the threads whose
 * name starts with a prefix and counts, per sample, the innermost frame of ruralkg's own code and
 * the innermost frame overall. Needs nothing; adds the hottest frames with their share of samples.
 * Start it, run the work, then {@link #stop()}; not meant to be shared between runs.
 */
final class Sampler implements AutoCloseable {
  private final String threadPrefix;
  private final Map<String, Integer> ownFrames = new HashMap<>();
  private final Map<String, Integer> topFrames = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private int samples;

  Sampler(String threadPrefix, long periodMillis) {
    this.threadPrefix = threadPrefix;
    this.thread =
        new Thread(
            () -> {
              while (running) {
                sample();
                try {
                  Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    for (var e : Thread.getAllStackTraces().entrySet()) {
      if (!e.getKey().getName().startsWith(threadPrefix)
          || e.getKey().getState() != Thread.State.RUNNABLE) continue;
      StackTraceElement[] st = e.getValue();
      if (st.length == 0) continue;
      synchronized (this) {
        samples++;
        topFrames.merge(frame(st[0]), 1, Integer::sum);
        for (StackTraceElement f : st) {
          if (f.getClassName().startsWith("org.w3id.ruralkg.")
              && !f.getClassName().startsWith("org.w3id.ruralkg.bench.")) {
            ownFrames.merge(frame(f), 1, Integer::sum);
            break;
          }
        }
      }
    }
  }

  private static String frame(StackTraceElement f) {
    String c = f.getClassName();
    return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The hottest frames as "frame" → percent of samples, innermost ruralkg frames and innermost
   * frames.
   */
  synchronized Map<String, Object> report(int top) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", samples);
    m.put("ruralkgFrames", top(ownFrames, top));
    m.put("topFrames", top(topFrames, top));
    return m;
  }

  private Map<String, Double> top(Map<String, Integer> counts, int n) {
    Map<String, Double> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(n)
        .forEach(
            e ->
                out.put(
                    e.getKey(), Math.round(1000.0 * e.getValue() / Math.max(1, samples)) / 10.0));
    return out;
  }
}
