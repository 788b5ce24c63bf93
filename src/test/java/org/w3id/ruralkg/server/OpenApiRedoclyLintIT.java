package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served {@code /api/openapi.json} lints clean under Redocly CLI's {@code recommended} ruleset
 * (plus its example checks, see {@code tools/openapi-lint/redocly.yaml}): no error and no warning.
 * The linter is the version pinned by {@code tools/openapi-lint/} (package.json and
 * package-lock.json), installed by this test with {@code npm ci} into {@code target/openapi-lint/}
 * (again only when the lock file changes). It needs Node.js and npm on the PATH (.ci/run installs
 * them when missing) and fails, naming them, without them. A second test lints a document with the
 * faults the linter is there to catch, so a linter that reports nothing cannot pass for a clean
 * document.
 */
class OpenApiRedoclyLintIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path TOOL = Path.of("tools", "openapi-lint");
  static final Path WORK = Path.of("target", "openapi-lint");
  static FusekiServer server;
  static Path redocly;

  @BeforeAll
  static void installLinterAndServe() throws Exception {
    checkNode();
    redocly = install();
    server = SeedStore.server();
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
  }

  /** Node.js on the PATH, new enough for the pinned Redocly CLI (its engines: node >= 18.17). */
  static void checkNode() throws IOException, InterruptedException {
    Result r = run(Path.of("."), 60, "node", "--version");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("v(\\d+)\\.(\\d+)").matcher(r.output);
    assertTrue(r.status == 0 && m.find(), "node --version said: " + r.output);
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    assertTrue(
        major > 18 || (major == 18 && minor >= 17),
        "Node.js " + r.output.strip() + " is too old for the pinned Redocly CLI (>= 18.17 needed)");
  }

  /** npm ci of the pinned linter into target/openapi-lint, skipped when that lock is installed. */
  static Path install() throws IOException, InterruptedException {
    Files.createDirectories(WORK);
    Path lock = TOOL.resolve("package-lock.json");
    Path bin = WORK.resolve("node_modules/.bin/redocly");
    Path installedLock = WORK.resolve("node_modules/.installed-package-lock.json");
    if (Files.isExecutable(bin)
        && Files.exists(installedLock)
        && Files.mismatch(lock, installedLock) == -1) return bin;
    for (String f : List.of("package.json", "package-lock.json"))
      Files.copy(TOOL.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    Result r =
        run(
            WORK,
            600,
            "npm",
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error");
    assertEquals(0, r.status, "npm ci in " + WORK + " failed:\n" + r.output);
    assertTrue(Files.isExecutable(bin), bin + " missing after npm ci:\n" + r.output);
    Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
    return bin;
  }

  record Result(int status, String output) {}

  /** Runs a command, its output (both streams) kept; fails clearly when it is not installed. */
  static Result run(Path dir, int timeoutSeconds, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("REDOCLY_TELEMETRY", "off");
    pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    pb.environment().put("NO_COLOR", "1");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      fail(
          "cannot run "
              + command[0]
              + ": this test needs Node.js (>= 18.17) and npm on the PATH"
              + " (Debian: apt-get install nodejs npm; .ci/run installs them): "
              + e.getMessage());
      throw e;
    }
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /**
   * {@code redocly lint --format=json} of a document with the recommended ruleset: the problems it
   * reports, each as "severity ruleId: message at pointer".
   */
  static List<String> lint(JsonNode document, String name)
      throws IOException, InterruptedException {
    Path file = WORK.toAbsolutePath().resolve(name);
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    Path config = WORK.toAbsolutePath().resolve("redocly.yaml");
    Files.copy(TOOL.resolve("redocly.yaml"), config, StandardCopyOption.REPLACE_EXISTING);
    Result r =
        run(
            WORK,
            300,
            redocly.toAbsolutePath().toString(),
            "lint",
            "--format=json",
            "--config=" + config,
            file.toString());
    int start = r.output.indexOf('{');
    assertTrue(start >= 0, "redocly printed no JSON (status " + r.status + "):\n" + r.output);
    JsonNode report = JSON.readTree(r.output.substring(start));
    List<String> problems = new ArrayList<>();
    for (JsonNode p : report.path("problems")) {
      StringBuilder where = new StringBuilder();
      for (JsonNode loc : p.path("location"))
        where.append(' ').append(loc.path("pointer").asText());
      problems.add(
          p.path("severity").asText()
              + " "
              + p.path("ruleId").asText()
              + ": "
              + p.path("message").asText()
              + " at"
              + where);
    }
    JsonNode totals = report.path("totals");
    assertEquals(
        totals.path("errors").asInt() + totals.path("warnings").asInt(),
        problems.size(),
        "totals and problems disagree:\n" + r.output);
    assertEquals(
        problems.isEmpty() ? 0 : problems.stream().anyMatch(s -> s.startsWith("error")) ? 1 : 0,
        r.status,
        "redocly's exit status:\n" + r.output);
    return problems;
  }

  @Test
  void theServedDocumentLintsCleanUnderTheRecommendedRuleset() throws Exception {
    var resp = SeedStore.get("http://localhost:" + server.getHttpPort() + "/api/openapi.json");
    assertEquals(200, resp.statusCode());
    List<String> problems = lint(JSON.readTree(resp.body()), "openapi.json");
    assertEquals(List.of(), problems, "redocly lint (recommended) of /api/openapi.json");
  }

  @Test
  void theLinterFlagsWhatItIsThereToCatch() throws Exception {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("openapi", "3.0.3");
    doc.putObject("info").put("title", "faulty").put("version", "1");
    ObjectNode get = doc.putObject("paths").putObject("/queries/top").putObject("get");
    ArrayNode params = get.putArray("parameters");
    params
        .addObject()
        .put("name", "limit")
        .put("in", "query")
        .put("example", "10")
        .putObject("schema")
        .put("type", "integer");
    get.putObject("responses").putObject("200").put("description", "ok");
    String all = String.join("\n", lint(doc, "faulty.json"));
    for (String rule :
        List.of(
            "info-license",
            "no-empty-servers",
            "operation-operationId",
            "operation-4xx-response",
            "no-invalid-parameter-examples"))
      assertTrue(all.contains(rule), rule + " not reported:\n" + all);
  }
}
