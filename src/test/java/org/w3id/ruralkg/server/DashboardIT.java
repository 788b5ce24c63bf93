package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium on the seeds store: the page loads, ECharts (served from the
 * webjar) draws the charts with real data, the tables fill, and no script error is reported.
 * Skipped (not failed) when no Chromium is installed.
 */
class DashboardIT {
  @TempDir static Path tmp;
  static DashboardSeedServer seeds;
  static Path chromium;
  static String dom;
  static String consoleLines;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void serveAndLoadInChromium() throws Exception {
    seeds = new DashboardSeedServer(tmp);
    chromium = findChromium().orElse(null);
    if (chromium == null) return;
    Path err = tmp.resolve("chromium-dump.err");
    dom = runChromium(List.of("--dump-dom", seeds.base + "/"), err);
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(err, StandardCharsets.UTF_8))
      if (line.contains(":CONSOLE")) console.add(line);
    consoleLines = String.join("\n", console);
  }

  @AfterAll
  static void stop() {
    if (seeds != null) seeds.close();
  }

  /** RURALKG_CHROMIUM, else chromium / chromium-browser / google-chrome on the PATH. */
  static Optional<Path> findChromium() {
    String env = System.getenv("RURALKG_CHROMIUM");
    if (env != null && Files.isExecutable(Path.of(env))) return Optional.of(Path.of(env));
    String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static String runChromium(List<String> extra, Path stderr) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium-profile"),
                "--enable-logging=stderr",
                "--v=0",
                "--hide-scrollbars",
                "--window-size=1280,2400",
                "--virtual-time-budget=10000"));
    cmd.addAll(extra);
    Path out = Files.createTempFile(tmp, "chromium", ".out");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s: " + cmd);
    }
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + tail(stderr));
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  static String tail(Path f) {
    try {
      List<String> l = Files.readAllLines(f, StandardCharsets.UTF_8);
      return String.join("\n", l.subList(Math.max(0, l.size() - 20), l.size()));
    } catch (Exception e) {
      return e.toString();
    }
  }

  /**
   * The element with this id, from its start tag to the start tag of the element with the next id.
   */
  static String element(String id, String nextId) {
    int from = dom.indexOf("id=\"" + id + "\"");
    int to = dom.indexOf("id=\"" + nextId + "\"", from);
    assertTrue(from >= 0 && to > from, "no #" + id + " before #" + nextId + " in the DOM");
    return dom.substring(from, to);
  }

  static int intAttr(String fragment, String attr) {
    Matcher m =
        Pattern.compile(attr + "=\"(\\d+)\"").matcher(fragment.substring(0, fragment.indexOf('>')));
    assertTrue(
        m.find(), attr + " missing on " + fragment.substring(0, Math.min(200, fragment.length())));
    return Integer.parseInt(m.group(1));
  }

  @Test
  void pageIsServedWithItsAssets() throws Exception {
    for (String path :
        new String[] {
          "/", "/static/dashboard.js", "/static/dashboard.css", "/static/echarts.min.js"
        }) {
      var r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(seeds.base + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), path);
    }
    var missing =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(seeds.base + "/static/nothing.js")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, missing.statusCode());
    var sparql =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(seeds.base + "/ruralkg/sparql?query=ASK%7B%7D"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(
        200, sparql.statusCode(), "the dashboard servlet must not shadow the SPARQL endpoint");
  }

  @Test
  void metricChartIsDrawnFromTheData() {
    assumeTrue(chromium != null, "no chromium installed");
    String chart = element("metric-chart", "money-chart");
    assertTrue(intAttr(chart, "data-rendered") >= 5, "bars drawn: " + chart.substring(0, 200));
    assertTrue(chart.contains("<svg"), "ECharts SVG renderer output expected");
    // metric labels of the seeds, in Chinese, as axis labels of the drawn chart
    assertTrue(chart.contains("劳务报酬") && chart.contains("投资"), "metric labels in the chart");
  }

  @Test
  void savedQueryIsRunChartedAndTabulated() throws Exception {
    assumeTrue(chromium != null, "no chromium installed");
    assertTrue(
        element("query-list", "query-title").contains("figures"),
        "the query list names the figures query");
    String chart = element("query-chart", "query-table");
    assertTrue(
        intAttr(chart, "data-rendered") > 0 && chart.contains("<svg"),
        "the selected query's numeric column is charted");
    String table = element("query-table", "sparql");
    assertTrue(intAttr(table, "data-rows") > 100, "all figures of the seeds are returned");
    assertTrue(table.contains("8059.47万元"), "a known figure of seed 000 is in the table");
    // metric and unit codes are shown by their code-list labels, the code kept as a tooltip
    assertTrue(
        table.contains("data-code=\"wages\"") && table.contains("劳务报酬 wages"),
        "the wages metric is shown by its labels");
    assertTrue(
        table.contains("data-code=\"CNY\"") && table.contains("元 yuan (CNY)"),
        "the yuan is shown by its labels");
    Matcher csv = Pattern.compile("id=\"csv-link\"[^>]*href=\"([^\"]+)\"").matcher(dom);
    assertTrue(csv.find());
    String href = csv.group(1).replace("&amp;", "&");
    var r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(seeds.base + "/" + href)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), href);
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), href);
    assertTrue(r.body().contains("8059.47万元"), "the CSV link downloads the same rows");
  }

  @Test
  void sparqlBoxShowsItsResults() {
    assumeTrue(chromium != null, "no chromium installed");
    int from = dom.indexOf("id=\"sparql-table\"");
    assertTrue(from >= 0);
    String table = dom.substring(from, dom.indexOf("</table>", from));
    assertTrue(
        table.contains("巧家县") && table.contains("530622"), "the example query lists counties");
    assertTrue(
        table.contains("href=\"id/unit/530622\""), "data IRIs link to their local /id/ page");
  }

  @Test
  void noScriptErrors() {
    assumeTrue(chromium != null, "no chromium installed");
    Matcher errors =
        Pattern.compile("<ul id=\"errors\"[^>]*>(.*?)</ul>", Pattern.DOTALL).matcher(dom);
    assertTrue(errors.find(), "the #errors element is in the page");
    assertEquals("", errors.group(1).trim(), "script errors reported by the page");
    assertEquals("", consoleLines, "console output in Chromium's log");
  }

  @Test
  void screenshotLooksLikeAPage() throws Exception {
    assumeTrue(chromium != null, "no chromium installed");
    Path png = Path.of("target", "dashboard.png").toAbsolutePath();
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    runChromium(List.of("--screenshot=" + png, seeds.base + "/"), tmp.resolve("chromium-shot.err"));
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(
        bytes.length > 50_000, "a rendered page, not a blank one: " + bytes.length + " bytes");
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals('P', bytes[1]);
  }
}
