package org.w3id.ruralkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.WebContent;

/**
 * Serves the ontology at /ont (the namespace path of https://w3id.org/ruralkg/ont#): Turtle by
 * content negotiation, an HTML page for browsers. Thread-safe (read-only).
 */
final class OntologyServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Built on first use: parsing the ontology is not free and most clients never ask for HTML. */
  private static final class Page {
    static final String HTML = org.w3id.ruralkg.server.OntologyPage.fromClasspath().html();
  }

  private static final AcceptList OFFERED =
      AcceptList.create(WebContent.contentTypeTurtle, WebContent.contentTypeHTML);

  static void register(FusekiServer.Builder builder) {
    builder.addServlet("/ont", new OntologyServlet());
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String turtle = resource("ontology/ruralkg.ttl");
    if (turtle == null) {
      resp.sendError(404, "ontology not packaged");
      return;
    }
    if (Conneg.choose(req.getHeader("Accept"), OFFERED, WebContent.contentTypeTurtle)
        .equals(WebContent.contentTypeHTML)) {
      resp.setContentType("text/html; charset=utf-8");
      resp.getWriter().write(Page.HTML);
    } else {
      resp.setContentType("text/turtle; charset=utf-8");
      resp.getWriter().write(turtle);
    }
  }

  static String resource(String path) throws IOException {
    try (InputStream in = OntologyServlet.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
