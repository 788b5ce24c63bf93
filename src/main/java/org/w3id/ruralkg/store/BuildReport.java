package org.w3id.ruralkg.store;

import java.util.ArrayList;
import java.util.List;

/** The outcome of a build: what was loaded, skipped as unchanged, and failed with why. */
public final class BuildReport {
  public record Failure(String file, String reason) {}

  private final List<String> loaded = new ArrayList<>();
  private final List<String> unchanged = new ArrayList<>();
  private final List<Failure> failed = new ArrayList<>();
  private long quads;
  private int articles;

  synchronized void loaded(FileQuads fq) {
    loaded.add(fq.file().relativePath());
    quads += fq.quads().size();
    articles += fq.articles();
  }

  synchronized void unchanged(String file) {
    unchanged.add(file);
  }

  synchronized void failed(String file, String reason) {
    failed.add(new Failure(file, reason));
  }

  public synchronized List<String> loaded() {
    return List.copyOf(loaded);
  }

  /** In input order (sorted paths): the workers that find them finish in any order. */
  public synchronized List<String> unchanged() {
    return unchanged.stream().sorted().toList();
  }

  public synchronized List<Failure> failed() {
    return List.copyOf(failed);
  }

  public synchronized long quads() {
    return quads;
  }

  /** True when at least one file was loaded or found unchanged. */
  public synchronized boolean anyProcessed() {
    return !loaded.isEmpty() || !unchanged.isEmpty();
  }

  public synchronized String summary() {
    return String.format("loaded %d file(s) (%d articles, %d quads), %d unchanged, %d failed",
        loaded.size(), articles, quads, unchanged.size(), failed.size());
  }
}
