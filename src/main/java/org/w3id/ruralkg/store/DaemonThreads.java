package org.w3id.ruralkg.store;

import java.util.concurrent.ThreadFactory;

/**
 * Named daemon threads for the store's worker pools: a pool left behind never keeps the JVM alive.
 * Thread-safe.
 */
final class DaemonThreads {
  private DaemonThreads() {}

  static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
