package org.w3id.ruralkg.store;

import java.util.ArrayList;
import java.util.List;
import org.w3id.ruralkg.common.Printable;

/** The outcome of a build: what was loaded, skipped as unchanged, and failed with why. */
public final class BuildReport {
  public record Failure(String file, String reason) {}

  private final List<String> loaded = new ArrayList<>();
  private final List<String> unchanged = new ArrayList<>();
  private final List<Failure> failed = new ArrayList<>();
  private final List<Failure> notes = new ArrayList<>();
  private long quads;
  private int articles;

  synchronized void loaded(FileQuads fq) {
    loaded.add(fq.file().relativePath());
    quads += fq.quads().size();
    articles += fq.articles();
    if (fq.cutRuns() > 0) {
      noted(
          fq.file().relativePath(),
          fq.cutRuns()
              + " run(s) of more than "
              + org.w3id.ruralkg.nlp.SentenceSplitter.MAX_CHARS
              + " chars without a sentence end were cut into shorter sentences");
    }
  }

  synchronized void unchanged(String file) {
    unchanged.add(file);
  }

  /** File names and reasons are kept escaped: they are printed one per line. */
  synchronized void failed(String file, String reason) {
    failed.add(new Failure(Printable.escape(file), Printable.escape(reason)));
  }

  /** An input left out before the build read it (a link, a FIFO, a device). */
  public void skipped(String file, String reason) {
    failed(file, reason);
  }

  /**
   * Something worth a line about a file that was loaded, e.g. that over-long sentences were cut.
   */
  synchronized void noted(String file, String note) {
    notes.add(new Failure(Printable.escape(file), Printable.escape(note)));
    org.slf4j.LoggerFactory.getLogger(BuildReport.class)
        .warn("{}: {}", Printable.escape(file), note);
  }

  public synchronized List<Failure> notes() {
    return List.copyOf(notes);
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
    return String.format(
        java.util.Locale.ROOT,
        "loaded %d file(s) (%d articles, %d quads), %d unchanged, %d failed",
        loaded.size(),
        articles,
        quads,
        unchanged.size(),
        failed.size());
  }
}
