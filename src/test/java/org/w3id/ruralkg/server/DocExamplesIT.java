package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the examples of README.md and docs/*.md and compares their output with the document. A
 * fenced block tagged {@code sh example} runs in bash from the project root, {@code sparql example}
 * is sent to the SPARQL endpoint as CSV; the {@code output} block after it is what it must print.
 * {@code sh server} blocks start in the background before the examples run (the federation
 * example's second endpoint). The documents' ports 3030 and 3201 become free ports here, and the
 * main server (the seeds store) runs in this JVM with the allow-list the document gives.
 */
class DocExamplesIT {
  /** A fenced block: its file, first line, info string and text. */
  record Block(String file, int line, String info, String text) {}

  private static final Pattern FENCE =
      Pattern.compile("(?m)^```([^\\n`]*)\\n(.*?)^```\\s*$", Pattern.DOTALL);
  private static final int DOC_PORT = 3030;
  private static final int DOC_PEER_PORT = 3201;
  private static final String DOC_PEER_STORE = "/tmp/ruralkg-stats";

  @TempDir static Path tmp;
  static FusekiServer server;
  static int port;
  static int peerPort;
  static final List<Process> background = new ArrayList<>();

  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> s = Files.list(Path.of("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  static List<Block> blocks() throws IOException {
    List<Block> out = new ArrayList<>();
    for (Path doc : documents()) {
      String text = Files.readString(doc);
      Matcher m = FENCE.matcher(text);
      while (m.find()) {
        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        out.add(new Block(doc.toString(), line, m.group(1).trim(), m.group(2)));
      }
    }
    return out;
  }

  /** The document's ports and paths as this test runs them. */
  static String local(String s) {
    // the jar this build made, not the launcher, which would rebuild it when a source is newer
    return s.replace("./ruralkg ", "java -Xmx256m -Dfile.encoding=UTF-8 -jar target/ruralkg.jar ")
        .replace("localhost:" + DOC_PORT, "localhost:" + port)
        .replace("localhost:" + DOC_PEER_PORT, "localhost:" + peerPort)
        .replace("--port " + DOC_PEER_PORT, "--port " + peerPort)
        .replace(DOC_PEER_STORE, tmp.resolve("stats").toString());
  }

  @BeforeAll
  static void start() throws Exception {
    port = SeedStore.freePort();
    peerPort = SeedStore.freePort();
    server =
        Server.start(
            SeedStore.dataset(),
            ServerSettings.local(port)
                .withFederation(List.of("http://localhost:" + peerPort + "/")),
            null,
            QueryGuard.DEFAULT,
            SeedStore.queries(),
            CacheSettings.ofMiB(64, false));
    for (Block b : blocks()) {
      if (!b.info().equals("sh server")) continue;
      ProcessBuilder pb =
          new ProcessBuilder("bash", "-c", local(b.text()))
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("server-" + b.line() + ".log").toFile());
      pb.environment().put("RURALKG_JAVA_OPTS", "-Xmx256m");
      background.add(pb.start());
    }
    if (!background.isEmpty()) awaitPort(peerPort, 180);
  }

  @AfterAll
  static void stop() {
    for (Process p : background) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    if (server != null) server.stop();
  }

  static void awaitPort(int p, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      try (Socket s = new Socket("localhost", p)) {
        return;
      } catch (IOException e) {
        Thread.sleep(250);
      }
    }
    fail("the documented server did not open port " + p + " in " + seconds + " s");
  }

  /** Line ends and trailing blanks do not count; everything else does. */
  static String normalise(String s) {
    return s.replace("\r\n", "\n")
        .lines()
        .map(String::stripTrailing)
        .reduce("", (a, b) -> a + b + "\n")
        .strip();
  }

  @TestFactory
  Stream<DynamicTest> everyExamplePrintsWhatTheDocumentShows() throws IOException {
    List<Block> all = blocks();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Block b = all.get(i);
      if (!b.info().endsWith(" example")) continue;
      Block expected = i + 1 < all.size() ? all.get(i + 1) : null;
      String name = b.file() + ":" + b.line();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                assertTrue(
                    expected != null && expected.info().equals("output"),
                    name + ": an example needs an ```output block after it");
                String actual =
                    switch (b.info()) {
                      case "sh example" -> runShell(b.text());
                      case "sparql example" -> runSparql(b.text());
                      default ->
                          throw new AssertionError(name + ": unknown example kind " + b.info());
                    };
                assertEquals(normalise(local(expected.text())), normalise(actual), name);
              }));
    }
    assertTrue(tests.size() >= 8, "the documents lost their examples: " + tests.size());
    return tests.stream();
  }

  /** A shell or SPARQL block is either run or says why not: no example goes stale unnoticed. */
  @Test
  void everyShellAndSparqlBlockIsRun() throws IOException {
    for (Block b : blocks()) {
      String lang = b.info().split(" ")[0];
      if (!lang.equals("sh") && !lang.equals("sparql")) continue;
      assertTrue(
          List.of("sh example", "sparql example", "sh server", "sparql not-run").contains(b.info()),
          b.file() + ":" + b.line() + ": tag it 'example' (and give its output) or use ```text");
      if (b.info().equals("sparql not-run")) {
        assertTrue(
            b.text().contains("SERVICE <https://"),
            b.file() + ":" + b.line() + ": only a query to a public endpoint may go unrun");
      }
    }
  }

  /** docs/API.md's table of saved queries names every query the server publishes. */
  @Test
  void queryTableListsEverySavedQuery() throws IOException {
    String api = Files.readString(Path.of("docs/API.md"));
    for (String name : Files.readAllLines(Path.of("queries/index.txt"))) {
      if (name.isBlank() || name.startsWith("#")) continue;
      String q = name.strip().replaceFirst("\\.rq$", "");
      assertTrue(api.contains("| `" + q + "` |"), "docs/API.md does not list the saved query " + q);
    }
  }

  /** The federation example's first server is started as the document says. */
  @Test
  void federationCommandMatchesThisTestsServer() throws IOException {
    String api = Files.readString(Path.of("docs/API.md"));
    assertTrue(
        api.contains(
            "./ruralkg serve --store data/store --federate http://localhost:"
                + DOC_PEER_PORT
                + "/"));
    assertTrue(
        api.contains("./ruralkg serve --store " + DOC_PEER_STORE + " --port " + DOC_PEER_PORT));
  }

  static String runShell(String script) throws Exception {
    Process p =
        new ProcessBuilder("bash", "-c", "set -o pipefail; " + local(script))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "example did not end");
    return new String(out, StandardCharsets.UTF_8);
  }

  static String runSparql(String query) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ruralkg/sparql"))
            .header("Accept", "text/csv")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "query=" + URLEncoder.encode(local(query), StandardCharsets.UTF_8)))
            .build();
    HttpResponse<String> r = SeedStore.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }
}
