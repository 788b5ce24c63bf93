package org.w3id.ruralkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.fuseki.main.FusekiServer;

/**
 * Swagger UI for /api/openapi.json at /api/docs/: the page from apidocs/, the library from the
 * org.webjars:swagger-ui webjar (no CDN). Stateless.
 */
final class ApiDocsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/api/docs";
  static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/5.32.15/";

  static void register(FusekiServer.Builder builder) {
    ApiDocsServlet s = new ApiDocsServlet();
    builder.addServlet(PATH, s);
    builder.addServlet(PATH + "/*", s);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String name = StaticFiles.nameUnder(PATH, req, resp);
    if (name == null) return;
    if (name.isEmpty()) {
      StaticFiles.send("apidocs/index.html", false, resp);
    } else if (name.equals("init.js")) {
      StaticFiles.send("apidocs/init.js", false, resp);
    } else if (StaticFiles.NAME.matcher(name).matches()
        && (name.startsWith("swagger-ui") || name.startsWith("favicon"))) {
      StaticFiles.send(WEBJAR + name, true, resp);
    } else {
      resp.sendError(404);
    }
  }
}
