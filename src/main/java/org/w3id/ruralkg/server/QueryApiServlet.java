package org.w3id.ruralkg.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The saved-query API under /api: {@code GET /api/queries} lists the saved queries, {@code GET
 * /api/queries/NAME?param=...&format=json|rows|csv|tsv} runs one, {@code GET /api/openapi.json}
 * describes both. Errors are JSON {@code {"error": "..."}} with status 400, 404 or 503. Reads only;
 * CORS open. Thread-safe (no mutable state).
 */
public final class QueryApiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String PATH = "/api";
  public static final String TRUNCATED_HEADER = "X-Ruralkg-Truncated";

  /** {@code hit} when the response came from the cache, else {@code miss}. */
  public static final String CACHE_HEADER = "X-Ruralkg-Cache";

  private static final Logger LOG = LoggerFactory.getLogger(QueryApiServlet.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final transient QueryApi api;
  private final transient QueryResponder responder;
  private final String version;
  private final String cacheControl;
  private final String baseUrl;

  /**
   * {@code readOnly}: the store cannot change while served, so clients may keep a response for a
   * while; otherwise they must revalidate it (ETag) every time. {@code baseUrl}: the server's
   * public root, which the OpenAPI document names unless it is a loopback address (never the
   * request's Host header).
   */
  public QueryApiServlet(
      QueryResponder responder, String version, boolean readOnly, String baseUrl) {
    this.baseUrl = baseUrl;
    this.api = responder.api();
    this.responder = responder;
    this.version = version;
    this.cacheControl = readOnly ? "public, max-age=300" : "no-cache";
  }

  public static void register(
      FusekiServer.Builder builder,
      QueryResponder responder,
      String version,
      boolean readOnly,
      String baseUrl) {
    builder.addServlet(PATH + "/*", new QueryApiServlet(responder, version, readOnly, baseUrl));
  }

  @Override
  protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
    cors(resp);
    resp.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    resp.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type");
    resp.setHeader("Allow", "GET, HEAD, OPTIONS");
    resp.setStatus(204);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    cors(resp);
    String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
    try {
      if (path.equals("/queries") || path.equals("/queries/")) {
        sendJson(resp, 200, list());
      } else if (path.equals("/openapi.json")) {
        String base = OpenApi.serverUrl(baseUrl, req.getContextPath() + PATH);
        sendJson(resp, 200, OpenApi.document(api.list(), base, version, api.guard()));
      } else if (path.startsWith("/queries/") && path.indexOf('/', 9) < 0) {
        runQuery(path.substring(9), req, resp);
      } else {
        throw new ApiError(
            404,
            "no such API resource: "
                + PATH
                + path
                + " (try "
                + PATH
                + "/queries or "
                + PATH
                + "/openapi.json)");
      }
    } catch (ApiError e) {
      sendError(resp, e.status, e.getMessage());
    } catch (RuralKgException e) {
      LOG.warn("{}", e.getMessage());
      sendError(resp, 500, e.getMessage());
    }
  }

  private ArrayNode list() {
    ArrayNode arr = JSON.createArrayNode();
    for (SavedQuery q : api.list()) {
      ObjectNode o = arr.addObject();
      o.put("name", q.name()).put("summary", q.summary()).put("description", q.description());
      ArrayNode tags = o.putArray("tags");
      q.tags().forEach(tags::add);
      ArrayNode params = o.putArray("params");
      for (SavedQuery.Param p : q.params().values()) {
        ObjectNode po = params.addObject();
        po.put("name", p.name())
            .put("type", p.type())
            .put("default", p.defaultValue())
            .put("required", p.defaultValue() == null)
            .put("description", p.description());
        if (!p.allowed().isEmpty()) {
          ArrayNode e = po.putArray("enum");
          p.allowed().forEach(e::add);
        }
      }
      o.put("url", PATH + "/queries/" + q.name());
    }
    return arr;
  }

  private void runQuery(String name, HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    SavedQuery q = api.find(name);
    Map<String, String> params = new LinkedHashMap<>();
    String format = null;
    String offset = null;
    String limit = null;
    for (var e : req.getParameterMap().entrySet()) {
      if (e.getValue().length != 1)
        throw new ApiError(
            400, "parameter " + e.getKey() + " is given " + e.getValue().length + " times");
      String k = e.getKey();
      String v = e.getValue()[0];
      // a saved query's own parameter named limit or offset wins over paging
      if (k.equals("format")) format = v;
      else if (k.equals("offset") && !q.params().containsKey(k)) offset = v;
      else if (k.equals("limit") && !q.params().containsKey(k)) limit = v;
      else params.put(k, v);
    }
    QueryApi.Format f = QueryApi.Format.choose(format, req.getHeader("Accept"));
    // rendered to memory (and cached) first: the cap bounds its size, and a failure can still
    // become a JSON error
    QueryResponder.Answer a = responder.answer(name, params, QueryApi.Page.parse(offset, limit), f);
    ResponseCache.Entry e = a.entry();
    boolean gzip = e.gzip() != null && Conneg.acceptsGzip(req.getHeader("Accept-Encoding"));
    String etag = gzip ? e.gzipEtag() : e.etag();
    resp.setHeader("ETag", etag);
    resp.setHeader("Cache-Control", cacheControl);
    resp.setHeader("Vary", "Accept, Accept-Encoding");
    resp.setHeader(CACHE_HEADER, a.hit() ? "hit" : "miss");
    resp.setHeader(TRUNCATED_HEADER, Boolean.toString(e.truncated()));
    resp.setHeader(
        "Access-Control-Expose-Headers", TRUNCATED_HEADER + ", " + CACHE_HEADER + ", ETag");
    if (Conneg.ifNoneMatch(req.getHeader("If-None-Match"), etag)) {
      resp.setStatus(304);
      return;
    }
    byte[] body = gzip ? e.gzip() : e.body();
    resp.setStatus(200);
    resp.setContentType(f.mediaType + "; charset=utf-8");
    if (gzip) resp.setHeader("Content-Encoding", "gzip");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  /**
   * Reads are open to any origin (dashboards on other hosts); Fuseki's CORS filter may have set it
   * already.
   */
  private static void cors(HttpServletResponse resp) {
    if (!resp.containsHeader("Access-Control-Allow-Origin"))
      resp.setHeader("Access-Control-Allow-Origin", "*");
  }

  private static void sendJson(HttpServletResponse resp, int status, Object json)
      throws IOException {
    byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
    resp.setStatus(status);
    resp.setContentType("application/json; charset=utf-8");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  private static void sendError(HttpServletResponse resp, int status, String message)
      throws IOException {
    ObjectNode err = JSON.createObjectNode().put("error", message);
    sendJson(resp, status, err);
  }
}
