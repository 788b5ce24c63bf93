package org.w3id.ruralkg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test helper: headless Chromium driven over the Chrome DevTools Protocol (a WebSocket), so a test
 * can click, choose and look the way a person does: navigate, evaluate script, click at a point,
 * take screenshots; every console error and uncaught exception is collected.
 */
final class Cdp implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process browser;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  final List<String> errors = Collections.synchronizedList(new ArrayList<>());

  Cdp(Path chromium, Path profile) throws Exception {
    browser =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "--window-size=1280,1400",
                "about:blank")
            .redirectErrorStream(true)
            .start();
    String ws = null;
    BufferedReader out =
        new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      int i = line.indexOf("ws://");
      if (line.contains("DevTools listening on") && i >= 0) {
        ws = line.substring(i).trim();
        break;
      }
    }
    if (ws == null) throw new IOException("Chromium printed no DevTools address");
    Thread drain =
        new Thread(
            () -> {
              try {
                out.transferTo(java.io.Writer.nullWriter());
              } catch (IOException e) {
                // the browser went away
              }
            });
    drain.setDaemon(true);
    drain.start();
    URI browserWs = URI.create(ws);
    HttpClient http = HttpClient.newHttpClient();
    String list =
        http.send(
                HttpRequest.newBuilder(
                        URI.create("http://" + browserWs.getAuthority() + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String page = null;
    for (JsonNode t : JSON.readTree(list))
      if ("page".equals(t.path("type").asText())) page = t.path("webSocketDebuggerUrl").asText();
    if (page == null) throw new IOException("no page target: " + list);
    socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(page), new Listener())
            .get(30, TimeUnit.SECONDS);
    call("Page.enable", null);
    call("Runtime.enable", null);
    call("Log.enable", null);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          handle(JSON.readTree(text));
        } catch (IOException e) {
          errors.add("bad CDP message: " + e.getMessage());
        }
      }
      ws.request(1);
      return null;
    }
  }

  private void handle(JsonNode msg) {
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
      if (f != null) f.complete(msg);
      return;
    }
    String method = msg.path("method").asText();
    JsonNode p = msg.path("params");
    if (method.equals("Runtime.exceptionThrown")) {
      errors.add(
          "exception: "
              + p.path("exceptionDetails")
                  .path("exception")
                  .path("description")
                  .asText(p.path("exceptionDetails").path("text").asText()));
    } else if (method.equals("Runtime.consoleAPICalled")
        && p.path("type").asText().equals("error")) {
      errors.add("console.error: " + p.path("args").toString());
    } else if (method.equals("Log.entryAdded")
        && p.path("entry").path("level").asText().equals("error")) {
      errors.add(
          "log: "
              + p.path("entry").path("text").asText()
              + " "
              + p.path("entry").path("url").asText());
    }
  }

  JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    if (params != null) msg.set("params", params);
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    socket.sendText(msg.toString(), true).get(30, TimeUnit.SECONDS);
    JsonNode r = f.get(60, TimeUnit.SECONDS);
    if (r.has("error")) throw new IOException(method + ": " + r.get("error"));
    return r.path("result");
  }

  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /** The value of a script expression (promises awaited). */
  JsonNode eval(String expression) throws Exception {
    JsonNode r =
        call(
            "Runtime.evaluate",
            params()
                .put("expression", expression)
                .put("awaitPromise", true)
                .put("returnByValue", true));
    if (r.has("exceptionDetails"))
      throw new IOException("script failed: " + expression + ": " + r.get("exceptionDetails"));
    return r.path("result").path("value");
  }

  /** Waits until {@code condition} (a script expression) is true. */
  void await(String condition, int seconds) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      try {
        if (eval("!!(" + condition + ")").asBoolean()) return;
      } catch (IOException e) {
        // the page is between documents
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting for " + condition + "; errors: " + errors);
  }

  void navigate(String url) throws Exception {
    call("Page.navigate", params().put("url", url));
    await(
        "document.readyState === 'complete' && location.href.indexOf("
            + JSON.writeValueAsString(url.replaceAll("#.*", ""))
            + ") === 0",
        30);
  }

  /** A mouse click at a point of the viewport, as a person's. */
  void click(double x, double y) throws Exception {
    for (String type : new String[] {"mouseMoved", "mousePressed", "mouseReleased"}) {
      ObjectNode p = params().put("type", type).put("x", x).put("y", y);
      if (!type.equals("mouseMoved")) p.put("button", "left").put("clickCount", 1);
      call("Input.dispatchMouseEvent", p);
    }
  }

  /** Clicks the centre of the first element {@code selector} matches, scrolled into view. */
  void clickOn(String selector) throws Exception {
    String s = JSON.writeValueAsString(selector);
    JsonNode box =
        eval(
            "(() => { const e = document.querySelector("
                + s
                + "); if (!e) return null; e.scrollIntoView({block: 'center'});"
                + " const r = e.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
    if (box == null || box.isNull() || box.isMissingNode())
      throw new AssertionError("nothing matches " + selector);
    click(box.get("x").asDouble(), box.get("y").asDouble());
  }

  void screenshot(Path png) throws Exception {
    JsonNode r =
        call(
            "Page.captureScreenshot",
            params().put("format", "png").put("captureBeyondViewport", false));
    Files.createDirectories(png.getParent());
    Files.write(png, Base64.getDecoder().decode(r.get("data").asText()));
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
    // wait until every Chromium process has gone: one still running writes into the profile
    // folder while JUnit deletes it (a DirectoryNotEmptyException seen once in a full run)
    List<ProcessHandle> all = new ArrayList<>(browser.descendants().toList());
    all.add(browser.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
  }
}
