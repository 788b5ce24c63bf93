package org.w3id.ruralkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ruralkg.rdf.Iris;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * Dereferences the entity IRIs: {@code GET /id/PATH} describes https://w3id.org/ruralkg/id/PATH as
 * an HTML page, Turtle, JSON-LD or N-Triples by content negotiation ({@code ?format=html|ttl|
 * jsonld|nt} overrides the Accept header); 404 when the store knows nothing about it. Needs the
 * served dataset; thread-safe (read-only, one read transaction per request).
 */
final class ResourceServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/id/";

  /** A representation: its media type and the format query value that asks for it. */
  enum Format {
    TURTLE("text/turtle", "ttl"),
    JSONLD("application/ld+json", "jsonld"),
    NTRIPLES("application/n-triples", "nt"),
    HTML("text/html", "html");

    final String mediaType;
    final String key;

    Format(String mediaType, String key) {
      this.mediaType = mediaType;
      this.key = key;
    }
  }

  private static final AcceptList OFFERED =
      AcceptList.create("text/turtle", "application/ld+json", "application/n-triples", "text/html");
  private final transient ResourceDescriber describer;
  private final transient DatasetGraph dsg;

  ResourceServlet(DatasetGraph dsg) {
    this.describer = new ResourceDescriber(dsg);
    this.dsg = dsg;
  }

  /** The page number a list's parameter asks for; 1 when absent or not a small positive number. */
  static int page(String value) {
    if (value == null || !value.matches("[1-9][0-9]{0,5}")) return 1;
    return Integer.parseInt(value);
  }

  static void register(FusekiServer.Builder builder, DatasetGraph dsg) {
    builder.addServlet(PATH + "*", new ResourceServlet(dsg));
  }

  /**
   * The representation for an Accept header and an optional format parameter; Turtle when nothing
   * matches.
   */
  static Format negotiate(String accept, String formatParam) {
    if (formatParam != null) {
      for (Format f : Format.values())
        if (f.key.equals(formatParam) || f.mediaType.equals(formatParam)) return f;
    }
    String type = Conneg.choose(accept, OFFERED, Format.TURTLE.mediaType);
    for (Format f : Format.values()) if (f.mediaType.equals(type)) return f;
    return Format.TURTLE;
  }

  /**
   * The path as the IRIs were minted (Iris.encodePath): clients may send raw UTF-8 or encode
   * differently (lower-case hex, an unencoded '+'), so decode and encode again.
   */
  static String canonicalPath(String raw) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%'
          && i + 2 < raw.length()
          && hex(raw.charAt(i + 1)) >= 0
          && hex(raw.charAt(i + 2)) >= 0) {
        bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 2;
      } else {
        int cp = raw.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
        i += Character.charCount(cp) - 1;
      }
    }
    return Iris.encodePath(bytes.toString(StandardCharsets.UTF_8));
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String local =
        canonicalPath(req.getRequestURI().substring(req.getContextPath().length() + PATH.length()));
    if (local.isEmpty() || local.contains("%23")) {
      resp.sendError(404, "no resource");
      return;
    }
    String iri = Vocab.ID + local;
    Format format = negotiate(req.getHeader("Accept"), req.getParameter("format"));
    resp.setHeader("Vary", "Accept");
    Graph g = describer.describe(iri);
    if (g.isEmpty()) {
      resp.setStatus(404);
      resp.setContentType("text/plain; charset=utf-8");
      resp.getWriter().write("no triples about " + iri + "\n");
      return;
    }
    resp.setContentType(format.mediaType + "; charset=utf-8");
    resp.setHeader("Access-Control-Allow-Origin", "*");
    OutputStream out = resp.getOutputStream();
    // only the prefixes the description uses, so the Turtle starts with what matters
    java.util.Set<String> iris = new java.util.HashSet<>();
    g.find()
        .forEachRemaining(
            t -> {
              for (var n :
                  new org.apache.jena.graph.Node[] {
                    t.getSubject(), t.getPredicate(), t.getObject()
                  }) {
                if (n.isURI()) iris.add(n.getURI());
                else if (n.isLiteral() && !(Vocab.XSD + "string").equals(n.getLiteralDatatypeURI()))
                  iris.add(n.getLiteralDatatypeURI());
              }
            });
    ResourcePage.prefixes()
        .forEach(
            (prefix, ns) -> {
              if (iris.stream().anyMatch(i -> i != null && i.startsWith(ns)))
                g.getPrefixMapping().setNsPrefix(prefix, ns);
            });
    switch (format) {
      case HTML ->
          out.write(
              new ResourcePage(
                      iri, g, req.getContextPath(), dsg, name -> page(req.getParameter(name)))
                  .html()
                  .getBytes(StandardCharsets.UTF_8));
      case TURTLE -> RDFDataMgr.write(out, g, RDFFormat.TURTLE_PRETTY);
      case JSONLD -> RDFDataMgr.write(out, g, RDFFormat.JSONLD11_PRETTY);
      case NTRIPLES -> RDFDataMgr.write(out, g, RDFFormat.NTRIPLES);
    }
    out.flush();
  }
}
