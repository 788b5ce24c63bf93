package org.w3id.ruralkg.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.system.PrefixMap;

/**
 * The SPARQL query editor at /editor: YASGUI (vendored from npm @zazuko/yasgui, see
 * editor/vendor/README.md) on this server's endpoint, with the project's prefixes and the saved
 * queries as examples ({@code /editor/examples.json}). Thread-safe (the examples are built once).
 */
final class EditorServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/editor";
  private final String examples;

  EditorServlet(SavedQueries queries) {
    this.examples = examples(queries);
  }

  static void register(FusekiServer.Builder builder, SavedQueries queries) {
    EditorServlet s = new EditorServlet(queries);
    builder.addServlet(PATH, s);
    builder.addServlet(PATH + "/*", s);
  }

  /**
   * The prefixes and every saved query's name, summary and text, as the page's script reads them.
   */
  static String examples(SavedQueries queries) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ObjectNode prefixes = root.putObject("prefixes");
    PrefixMap pm = ResourcePage.prefixes();
    pm.forEach(prefixes::put);
    ArrayNode list = root.putArray("queries");
    for (String name : queries.names()) {
      SavedQuery q = queries.get(name);
      list.addObject().put("name", name).put("summary", q.summary()).put("query", q.text());
    }
    return root.toString();
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String name = StaticFiles.nameUnder(PATH, req, resp);
    if (name == null) return;
    if (name.isEmpty()) {
      StaticFiles.send("editor/index.html", false, resp);
    } else if (name.equals("examples.json")) {
      resp.setContentType("application/json; charset=utf-8");
      resp.setHeader("Cache-Control", "no-cache");
      resp.getWriter().write(examples);
    } else if (name.startsWith("vendor/")
        && StaticFiles.NAME.matcher(name.substring(7)).matches()) {
      StaticFiles.send("editor/" + name, true, resp);
    } else if (StaticFiles.NAME.matcher(name).matches()) {
      StaticFiles.send("editor/" + name, false, resp);
    } else {
      resp.sendError(404);
    }
  }
}
