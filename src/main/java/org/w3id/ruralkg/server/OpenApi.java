package org.w3id.ruralkg.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Generates the OpenAPI 3 document of the saved-query API from the queries' headers: one path per
 * saved query with its typed parameters and defaults, and the four result formats. Stateless;
 * thread-safe.
 */
public final class OpenApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenApi() {}

  /**
   * The document; {@code serverUrl} is the base the paths hang from (e.g. https://host/api, or
   * /api: see {@link #serverUrl}).
   */
  public static ObjectNode document(
      List<SavedQuery> queries, String serverUrl, String version, QueryGuard guard) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("openapi", "3.0.3");
    info(doc.putObject("info"), version, guard);
    doc.putArray("servers")
        .addObject()
        .put("url", serverUrl)
        .put("description", "this ruralkg server (reads only, no authentication)");
    // no operation needs credentials: an explicit empty requirement says so (linters ask for one)
    doc.putArray("security");
    ObjectNode paths = doc.putObject("paths");
    listOperation(paths.putObject("/queries").putObject("get"));
    for (SavedQuery q : queries)
      queryOperation(paths.putObject("/queries/" + q.name()).putObject("get"), q);
    tags(doc, queries);
    components(doc);
    return doc;
  }

  private static void info(ObjectNode info, String version, QueryGuard guard) {
    info.put("title", "ruralkg saved-query API");
    info.put("version", version);
    info.put(
        "description",
        "Saved SPARQL queries over the ruralkg knowledge graph of rural revitalisation news. "
            + "Each query runs with a timeout of "
            + guard.timeoutMillis() / 1000.0
            + " s and returns at most "
            + guard.maxRows()
            + " rows; a cut-off result carries the header X-Ruralkg-Truncated: true. Data licence: CC BY 4.0.");
    info.putObject("license")
        .put("name", "CC BY 4.0 (data)")
        .put("url", "https://creativecommons.org/licenses/by/4.0/");
  }

  /**
   * The server URL the document names for the API at {@code path} (e.g. /api): the absolute URL
   * under {@code baseUrl} when that is a public address (--base-url), else, on a loopback base
   * (localhost, 127.0.0.1, [::1]: the default), the path alone, which clients resolve against the
   * address they fetched the document from, so it stays right through a port forward or proxy.
   */
  static String serverUrl(String baseUrl, String path) {
    String host;
    try {
      host = java.net.URI.create(baseUrl).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    boolean loopback =
        host == null
            || host.equalsIgnoreCase("localhost")
            || host.startsWith("127.")
            || host.equals("[::1]");
    return loopback ? path : baseUrl + path;
  }

  /** GET /queries: the list of saved queries. */
  private static void listOperation(ObjectNode list) {
    list.put("operationId", "listQueries");
    list.put("summary", "List the saved queries with their parameters");
    list.put(
        "description",
        "Every saved query with its summary, description, tags and typed parameters.");
    list.putArray("tags").add("meta");
    ObjectNode listResponses = list.putObject("responses");
    listResponses
        .putObject("200")
        .put("description", "the saved queries")
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("type", "array")
        .putObject("items")
        .put("$ref", "#/components/schemas/SavedQuery");
    errorResponse(
        listResponses,
        "4XX",
        "a request the server refuses (an unknown path or method, too many requests)");
    errorResponse(listResponses, "503", "the server is busy: too many queries at once");
  }

  /**
   * GET /queries/NAME: one saved query with its parameters, the paging and format parameters, and
   * its responses.
   */
  private static void queryOperation(ObjectNode get, SavedQuery q) {
    get.put("operationId", operationId(q.name()));
    get.put("summary", q.summary());
    if (!q.description().isEmpty()) get.put("description", q.description());
    ArrayNode tags = get.putArray("tags");
    q.tags().forEach(tags::add);
    parameters(get.putArray("parameters"), q);
    ObjectNode responses = get.putObject("responses");
    okResponse(responses.putObject("200"));
    responses
        .putObject("304")
        .put("description", "not modified: the If-None-Match ETag is still current");
    errorResponse(
        responses,
        "400",
        "a bad or unknown parameter, a negative offset or limit, or an unknown format");
    errorResponse(responses, "404", "no saved query of that name");
    errorResponse(responses, "503", "the query did not finish within the timeout");
  }

  private static void parameters(ArrayNode params, SavedQuery q) {
    for (SavedQuery.Param p : q.params().values()) {
      ObjectNode param = params.addObject();
      param.put("name", p.name()).put("in", "query").put("required", p.defaultValue() == null);
      if (!p.description().isEmpty()) param.put("description", p.description());
      ObjectNode schema = param.putObject("schema");
      schemaOf(p, schema);
      // the first example call that sets it fills the parameter in "try it out" forms
      q.examples().stream()
          .filter(e -> e.containsKey(p.name()))
          .findFirst()
          .ifPresent(e -> param.set("example", typed(p, e.get(p.name()))));
    }
    if (!q.params().containsKey("offset")) {
      params
          .addObject()
          .put("name", "offset")
          .put("in", "query")
          .put("required", false)
          .put("description", "paging: skip this many rows of the result (in the query's order)")
          .putObject("schema")
          .put("type", "integer")
          .put("minimum", 0)
          .put("default", 0);
    }
    if (!q.params().containsKey("limit")) {
      params
          .addObject()
          .put("name", "limit")
          .put("in", "query")
          .put("required", false)
          .put(
              "description",
              "paging: return at most this many rows (default: all, up to the server's row cap)")
          .putObject("schema")
          .put("type", "integer")
          .put("minimum", 0);
    }
    params
        .addObject()
        .put("name", "If-None-Match")
        .put("in", "header")
        .put("required", false)
        .put(
            "description",
            "the ETag of a response already held: 304 Not Modified when it is still current")
        .putObject("schema")
        .put("type", "string");
    ObjectNode format = params.addObject();
    format
        .put("name", "format")
        .put("in", "query")
        .put("required", false)
        .put(
            "description",
            "json (SPARQL results JSON), rows (a JSON array of row objects), csv or tsv; else chosen by the Accept header");
    format
        .putObject("schema")
        .put("type", "string")
        .put("default", "json")
        .putArray("enum")
        .add("json")
        .add("rows")
        .add("csv")
        .add("tsv");
  }

  private static void okResponse(ObjectNode ok) {
    ok.put("description", "the results");
    ObjectNode headers = ok.putObject("headers");
    headers
        .putObject("X-Ruralkg-Truncated")
        .put("description", "true when the row cap cut the result off")
        .putObject("schema")
        .put("type", "boolean");
    headers
        .putObject("ETag")
        .put("description", "a digest of the response body; send it back in If-None-Match")
        .putObject("schema")
        .put("type", "string");
    headers
        .putObject("Cache-Control")
        .put(
            "description",
            "public, max-age=300 on a read-only server; no-cache when updates are on")
        .putObject("schema")
        .put("type", "string");
    headers
        .putObject(QueryApiServlet.CACHE_HEADER)
        .put("description", "hit when the server answered from its response cache, else miss")
        .putObject("schema")
        .put("type", "string")
        .putArray("enum")
        .add("hit")
        .add("miss");
    ObjectNode content = ok.putObject("content");
    content.putObject(QueryApi.Format.JSON.mediaType).putObject("schema").put("type", "object");
    content
        .putObject(QueryApi.Format.ROWS.mediaType)
        .putObject("schema")
        .put("type", "array")
        .putObject("items")
        .put("type", "object");
    content.putObject(QueryApi.Format.CSV.mediaType).putObject("schema").put("type", "string");
    content.putObject(QueryApi.Format.TSV.mediaType).putObject("schema").put("type", "string");
  }

  /** Every tag an operation uses is declared, as linters require. */
  private static void tags(ObjectNode doc, List<SavedQuery> queries) {
    java.util.Set<String> used = new java.util.TreeSet<>();
    used.add("meta");
    queries.forEach(q -> used.addAll(q.tags()));
    ArrayNode tagList = doc.putArray("tags");
    for (String t : used)
      tagList
          .addObject()
          .put("name", t)
          .put(
              "description",
              t.equals("meta") ? "about the API itself" : "saved queries about " + t);
  }

  private static void components(ObjectNode doc) {
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    ObjectNode err = schemas.putObject("Error");
    err.put("type", "object").putArray("required").add("error");
    err.putObject("properties").putObject("error").put("type", "string");
    ObjectNode sq = schemas.putObject("SavedQuery");
    sq.put("type", "object");
    ObjectNode props = sq.putObject("properties");
    for (String s : List.of("name", "summary", "description"))
      props.putObject(s).put("type", "string");
    props.putObject("tags").put("type", "array").putObject("items").put("type", "string");
    props.putObject("params").put("type", "array").putObject("items").put("type", "object");
  }

  static void schemaOf(SavedQuery.Param p, ObjectNode schema) {
    switch (p.type()) {
      case "integer" -> schema.put("type", "integer");
      case "decimal" -> schema.put("type", "number");
      case "iri" -> schema.put("type", "string").put("format", "uri");
      default -> schema.put("type", "string");
    }
    if (p.defaultValue() != null) schema.set("default", typed(p, p.defaultValue()));
    if (!p.allowed().isEmpty()) {
      ArrayNode e = schema.putArray("enum");
      p.allowed().forEach(e::add);
    }
  }

  /** A value as JSON of the parameter's type: an integer parameter's example is 5, not "5". */
  static com.fasterxml.jackson.databind.JsonNode typed(SavedQuery.Param p, String value) {
    var nodes = JSON.getNodeFactory();
    try {
      return switch (p.type()) {
        case "integer" -> nodes.numberNode(Long.parseLong(value));
        case "decimal" -> nodes.numberNode(new java.math.BigDecimal(value));
        default -> nodes.textNode(value);
      };
    } catch (NumberFormatException e) {
      return nodes.textNode(
          value); // SavedQuery checks examples when it loads; never reached for a loaded query
    }
  }

  private static void errorResponse(ObjectNode responses, String status, String description) {
    responses
        .putObject(status)
        .put("description", description)
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/Error");
  }

  /** camelCase of the query name: top-figures → topFigures. */
  static String operationId(String name) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : name.toCharArray()) {
      if (c == '-' || c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }
}
