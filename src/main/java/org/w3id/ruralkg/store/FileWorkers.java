package org.w3id.ruralkg.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The extraction pool of a build: runs each file's work on a pool thread, at most a window of files
 * at once, and hands the results back in input order. A file whose work runs longer than the time
 * budget is abandoned: reported as failed with one line, its result (if it ever comes) dropped so
 * no part of it reaches the store, its thread interrupted (the pipeline checks between stages) and
 * replaced, so that the other files go on. Used by the one thread that drives a build; the work
 * itself runs on the pool.
 */
final class FileWorkers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FileWorkers.class);
  private static final ThreadLocal<Job> CURRENT = new ThreadLocal<>();
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private static final int RUNNING = 0;
  private static final int KEPT = 1;
  private static final int ABANDONED = 2;

  private final ThreadPoolExecutor pool;
  private final long budgetNanos;
  private final Duration budget;
  private final BuildReport report;
  private final ArrayDeque<Job> inFlight = new ArrayDeque<>();
  private final int window;

  FileWorkers(int threads, Duration budget, BuildReport report) {
    int n = Math.max(1, threads);
    this.pool =
        new ThreadPoolExecutor(
            n,
            n,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            DaemonThreads.named("ruralkg-extract"));
    this.budget = budget;
    this.budgetNanos = budget.isZero() ? 0 : budget.toNanos();
    this.report = report;
    // a bounded window of in-flight files keeps memory flat however large the corpus is
    this.window = n * 4;
  }

  /**
   * True when the calling pool thread's file was abandoned: its failures are not reported again.
   */
  static boolean abandoned() {
    Job job = CURRENT.get();
    if (job == null) return false;
    synchronized (job) {
      return job.state == ABANDONED;
    }
  }

  boolean full() {
    return inFlight.size() >= window;
  }

  boolean idle() {
    return inFlight.isEmpty();
  }

  /**
   * Queues a file: {@code work} (reading and extraction, within the budget) and then {@code after}
   * (e.g. text indexing, never interrupted: Lucene closes its files on an interrupt).
   */
  void submit(InputFile file, Function<InputFile, FileQuads> work, Consumer<FileQuads> after) {
    Job job = new Job(file);
    job.future =
        pool.submit(
            () -> {
              FileQuads fq;
              synchronized (job) {
                job.worker = Thread.currentThread();
                job.startedAt = System.nanoTime();
              }
              CURRENT.set(job);
              try {
                fq = work.apply(file);
              } finally {
                CURRENT.remove();
              }
              boolean keep;
              boolean late = false;
              synchronized (job) {
                // finished, but after its budget ran out (before the driving thread looked): the
                // same outcome
                // (a file without a result was reported already, as unchanged or failed)
                if (fq != null
                    && job.state == RUNNING
                    && budgetNanos > 0
                    && System.nanoTime() - job.startedAt > budgetNanos) {
                  job.state = ABANDONED;
                  late = true;
                }
                keep = job.state == RUNNING;
                if (keep) job.state = KEPT;
                job.worker = null;
              }
              if (late) reportOverBudget(job);
              if (!keep) {
                Thread.interrupted(); // the abandoning interrupt: not for this thread's next file
                return null;
              }
              if (fq != null && after != null) after.accept(fq);
              return fq;
            });
    inFlight.add(job);
  }

  /**
   * The extraction window both build paths share: keeps the workers busy with the next inputs
   * ({@code work} then {@code after}, as {@link #submit}) and hands each finished file, in input
   * order, to {@code sink} on the calling thread; returns when every input is done.
   */
  void drain(
      Iterator<InputFile> inputs,
      Function<InputFile, FileQuads> work,
      Consumer<FileQuads> after,
      Consumer<FileQuads> sink) {
    while (inputs.hasNext() || !idle()) {
      while (inputs.hasNext() && !full()) submit(inputs.next(), work, after);
      FileQuads fq = next();
      if (fq != null) sink.accept(fq);
    }
  }

  /**
   * The next file's result in input order; null when it was unchanged, bad or over its budget
   * (reported).
   */
  FileQuads next() {
    Job job = inFlight.remove();
    while (true) {
      long wait = POLL_NANOS;
      if (budgetNanos > 0) {
        long started;
        synchronized (job) {
          started = job.startedAt;
        }
        if (started != 0) {
          wait = started + budgetNanos - System.nanoTime();
          if (wait <= 0) {
            if (abandon(job)) return null;
            wait = Long.MAX_VALUE; // its work is done, what follows (indexing) is bounded by it
          }
        }
      } else {
        wait = Long.MAX_VALUE;
      }
      try {
        return job.future.get(wait, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // check the budget again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuralKgException("build interrupted");
      } catch (ExecutionException e) {
        throw new RuralKgException("build failed: " + Store.oneLine(e.getCause()), e.getCause());
      }
    }
  }

  /** Gives up a file still in its work: true unless its work finished first. */
  private boolean abandon(Job job) {
    synchronized (job) {
      if (job.state != RUNNING) return false;
      job.state = ABANDONED;
      if (job.worker != null) job.worker.interrupt();
    }
    reportOverBudget(job);
    // the abandoned thread may run on until its next check: another one takes its place
    pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
    pool.setCorePoolSize(pool.getCorePoolSize() + 1);
    return true;
  }

  private void reportOverBudget(Job job) {
    String reason =
        "took more than "
            + seconds(budget)
            + " s to extract (see --file-timeout); nothing of it was loaded";
    report.failed(job.file.relativePath(), reason);
    LOG.warn(
        "skipped {}: {}",
        org.w3id.ruralkg.common.Printable.escape(job.file.relativePath()),
        reason);
  }

  private static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static final class Job {
    final InputFile file;
    Future<FileQuads> future;
    // guarded by this
    Thread worker;
    long startedAt;
    int state = RUNNING;

    Job(InputFile file) {
      this.file = file;
    }
  }
}
