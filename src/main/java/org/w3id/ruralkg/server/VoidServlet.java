package org.w3id.ruralkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Serves the VoID/DCAT description at /.well-known/void: Turtle by default, JSON-LD or N-Triples
 * when the Accept header prefers them. Computed per request (a few aggregate queries in one read
 * transaction), so it is always current. Thread-safe.
 */
public final class VoidServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String PATH = "/.well-known/void";
  private static final AcceptList OFFERED =
      AcceptList.create(
          WebContent.contentTypeTurtle,
          WebContent.contentTypeJSONLD,
          WebContent.contentTypeNTriples);
  private final transient DatasetGraph dsg;
  private final long timeoutMillis;
  private final String baseUrl;

  /**
   * {@code baseUrl}: the server's public root the description names (never the request's Host
   * header).
   */
  public VoidServlet(DatasetGraph dsg, long timeoutMillis, String baseUrl) {
    this.dsg = dsg;
    this.timeoutMillis = timeoutMillis;
    this.baseUrl = baseUrl;
  }

  public static void register(
      FusekiServer.Builder builder, DatasetGraph dsg, QueryGuard guard, String baseUrl) {
    builder.addServlet(PATH, new VoidServlet(dsg, guard.timeoutMillis(), baseUrl));
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Access-Control-Allow-Origin", "*");
    Lang lang =
        RDFLanguages.contentTypeToLang(
            Conneg.choose(req.getHeader("Accept"), OFFERED, WebContent.contentTypeTurtle));
    String base = baseUrl + req.getContextPath();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      var model = VoidDescription.describe(dsg, base, timeoutMillis);
      RDFDataMgr.write(
          body,
          model,
          lang == Lang.TURTLE
              ? RDFFormat.TURTLE_PRETTY
              : lang == Lang.JSONLD ? RDFFormat.JSONLD_PRETTY : RDFFormat.NTRIPLES);
    } catch (QueryCancelledException e) {
      resp.sendError(503, "the dataset description did not finish within the timeout");
      return;
    }
    resp.setContentType(lang.getHeaderString() + "; charset=utf-8");
    resp.setContentLength(body.size());
    body.writeTo(resp.getOutputStream());
  }
}
