package org.w3id.ruralkg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/**
 * Answers a GET (or HEAD) of a query endpoint that carries no query with its Service Description
 * (SPARQL 1.1 Service Description, section 2), as clients such as Comunica expect; Fuseki itself
 * would answer 400. A browser asking for HTML is sent to the query editor instead. Every other
 * request passes on. Thread-safe (the description is built per request from immutable settings).
 */
final class ServiceDescriptionFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final AcceptList OFFERED =
      AcceptList.create(
          "text/turtle",
          "application/ld+json",
          "application/n-triples",
          "application/rdf+xml",
          "text/html");
  private final String base;

  ServiceDescriptionFilter(String base) {
    this.base = base;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
    if (!read || req.getQueryString() != null && !req.getQueryString().isEmpty()) {
      chain.doFilter(req, resp);
      return;
    }
    String type = negotiate(req.getHeader("Accept"));
    resp.setHeader("Vary", "Accept");
    if (type.equals("text/html")) {
      resp.sendRedirect(req.getContextPath() + EditorServlet.PATH);
      return;
    }
    RDFFormat format =
        switch (type) {
          case "application/ld+json" -> RDFFormat.JSONLD_PRETTY;
          case "application/n-triples" -> RDFFormat.NTRIPLES;
          case "application/rdf+xml" -> RDFFormat.RDFXML_PRETTY;
          default -> RDFFormat.TURTLE_PRETTY;
        };
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    RDFDataMgr.write(
        body,
        ServiceDescription.describe(
            base + req.getContextPath(), req.getServletPath() + pathInfo(req)),
        format);
    resp.setContentType(type + "; charset=utf-8");
    resp.setHeader("Access-Control-Allow-Origin", "*");
    resp.setContentLength(body.size());
    if ("GET".equals(req.getMethod())) body.writeTo(resp.getOutputStream());
  }

  private static String pathInfo(HttpServletRequest req) {
    return req.getPathInfo() == null ? "" : req.getPathInfo();
  }

  /**
   * Turtle unless the client prefers another RDF syntax or HTML; a bad Accept header gets Turtle.
   */
  static String negotiate(String accept) {
    return Conneg.choose(accept, OFFERED, "text/turtle");
  }
}
