package org.w3id.ruralkg.common;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work started on another thread, with the project's error type. Stateless. */
public final class Futures {
  private Futures() {}

  /**
   * The task's result; its own unchecked exception or error as thrown, anything else wrapped in a
   * {@link RuralKgException} saying what was being done.
   */
  public static <T> T await(Future<T> task, String doing) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuralKgException("interrupted while " + doing, e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new RuralKgException("failed while " + doing + ": " + c, c);
    }
  }
}
