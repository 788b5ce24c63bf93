package org.w3id.ruralkg.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * {@code ruralkg build} in a child JVM, killed with SIGKILL (no shutdown hooks, no transaction
 * cleanup) once its log shows enough progress: what the crash-safety tests share.
 */
final class KilledBuild {
  private KilledBuild() {}

  /**
   * Builds {@code in} into {@code store} and kills the build once {@code progress} has accepted
   * {@code killAfter} of its log lines ({@code progress} may record them); asserts that the build
   * was still running then and did not finish. {@code what} names the progress lines in messages.
   */
  static void run(Path in, Path store, Predicate<String> progress, int killAfter, String what)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx1g",
            "-Dfile.encoding=UTF-8",
            "-cp",
            System.getProperty("java.class.path"),
            "org.w3id.ruralkg.cli.Main",
            "build",
            "--in",
            in.toString(),
            "--store",
            store.toString(),
            "--threads",
            "2");
    pb.environment().put("RURALKG_LOG", "INFO");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process child = pb.start();
    AtomicInteger seen = new AtomicInteger();
    CountDownLatch enough = new CountDownLatch(1);
    StringBuffer stderrTail = new StringBuffer();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  if (progress.test(line)) {
                    if (seen.incrementAndGet() >= killAfter) enough.countDown();
                  } else if (stderrTail.length() < 4000) {
                    stderrTail.append(line).append('\n');
                  }
                }
              } catch (java.io.IOException ignored) {
                // the pipe closes when the child is killed
              }
            });
    reader.setDaemon(true);
    reader.start();
    boolean reached = enough.await(5, TimeUnit.MINUTES);
    assertTrue(
        child.isAlive(),
        "the build must still be running when it is killed; stderr: " + stderrTail);
    assertTrue(
        reached, "the build never reported " + killAfter + " " + what + "; stderr: " + stderrTail);
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertTrue(child.exitValue() != 0, "killed, not finished");
    reader.join(5000);
  }
}
