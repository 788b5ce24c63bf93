package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server as an operator meets it: request logs off the console unless asked (--verbose
 * to stderr, --log-file to a file), and a port in use is one plain line.
 */
class ServeLoggingIT {
  @TempDir Path tmp;

  Process java(Path stderr, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java", "-Xmx256m", "-jar", "target/ruralkg.jar"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .redirectError(stderr.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  Path store() throws Exception {
    Path store = tmp.resolve("store");
    Process p =
        java(
            tmp.resolve("restore.err"),
            "restore",
            "--in",
            "docs/examples/county-stats.nq",
            "--store",
            store.toString());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("restore.err")));
    return store;
  }

  static void awaitServing(Path stderr, Process p) throws Exception {
    for (int i = 0; i < 600 && p.isAlive(); i++) {
      if (Files.exists(stderr) && Files.readString(stderr).contains("serving ")) return;
      Thread.sleep(200);
    }
    throw new AssertionError("server did not start: " + Files.readString(stderr));
  }

  static void query(int port) throws Exception {
    assertEquals(
        200,
        SeedStore.get("http://localhost:" + port + "/ruralkg/sparql?query=ASK%7B%7D").statusCode());
  }

  static void stop(Process p) throws Exception {
    p.destroy();
    p.waitFor(30, TimeUnit.SECONDS);
  }

  @Test
  void requestsAreNotLoggedToTheConsoleByDefaultButToAFileWhenAsked() throws Exception {
    Path store = store();
    int port = SeedStore.freePort();
    Path quiet = tmp.resolve("quiet.err");
    Process p =
        java(
            quiet,
            "serve",
            "--store",
            store.toString(),
            "--port",
            String.valueOf(port),
            "--no-warm");
    awaitServing(quiet, p);
    query(port);
    Thread.sleep(300);
    stop(p);
    String console = Files.readString(quiet);
    assertFalse(console.contains("Fuseki ::"), "no request lines on the console: " + console);

    Path log = tmp.resolve("requests.log");
    Path err = tmp.resolve("file.err");
    p =
        java(
            err,
            "serve",
            "--store",
            store.toString(),
            "--port",
            String.valueOf(port),
            "--no-warm",
            "--log-file",
            log.toString());
    awaitServing(err, p);
    query(port);
    Thread.sleep(300);
    stop(p);
    assertFalse(
        Files.readString(err).contains("Fuseki ::"), "the console stays quiet with --log-file");
    String lines = Files.readString(log);
    assertTrue(
        lines.contains("GET") && lines.contains("/ruralkg/sparql"),
        "the file has the request: " + lines);

    Path verbose = tmp.resolve("verbose.err");
    p =
        java(
            verbose,
            "serve",
            "--store",
            store.toString(),
            "--port",
            String.valueOf(port),
            "--no-warm",
            "--verbose");
    awaitServing(verbose, p);
    query(port);
    Thread.sleep(300);
    stop(p);
    assertTrue(
        Files.readString(verbose).contains("/ruralkg/sparql"), "--verbose logs requests to stderr");
  }

  @Test
  void aPortInUseIsOnePlainLine() throws Exception {
    Path store = store();
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Path err = tmp.resolve("busy.err");
      Process p =
          java(
              err,
              "serve",
              "--store",
              store.toString(),
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--no-warm");
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertNotEquals(0, p.exitValue());
      List<String> lines =
          Files.readAllLines(err).stream()
              .filter(l -> !l.isBlank() && !l.contains(" INFO "))
              .toList();
      assertEquals(
          List.of(
              "ruralkg: port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is in use (another ruralkg or Fuseki?): stop it or choose another with --port"),
          lines);
    }
  }
}
