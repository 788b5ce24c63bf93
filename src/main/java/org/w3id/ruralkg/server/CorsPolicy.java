package org.w3id.ruralkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for browser clients (YASGUI, Comunica, dashboards elsewhere): reads (GET, HEAD, and POST of
 * a query) are open to any origin as {@code *}, never with credentials; the write endpoints and any
 * PUT, DELETE or PATCH get no CORS headers at all, so a browser on another origin can neither send
 * nor read them. Stateless; thread-safe.
 */
final class CorsPolicy implements Filter {
  private static final String ALLOWED_HEADERS =
      "Accept, Accept-Encoding, Accept-Language, Cache-Control, Content-Type, If-None-Match, Origin, X-Requested-With";
  private static final String EXPOSED_HEADERS =
      "Cache-Control, Content-Length, Content-Location, Content-Type, ETag, Fuseki-Request-Id, Location, Retry-After, "
          + QueryApiServlet.TRUNCATED_HEADER
          + ", "
          + QueryApiServlet.CACHE_HEADER;

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest r = (HttpServletRequest) req;
    HttpServletResponse h = (HttpServletResponse) resp;
    String origin = r.getHeader("Origin");
    if (origin == null || isWrite(r)) {
      chain.doFilter(req, resp);
      return;
    }
    String preflight = r.getHeader("Access-Control-Request-Method");
    h.setHeader("Access-Control-Allow-Origin", "*");
    h.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    if ("OPTIONS".equals(r.getMethod()) && preflight != null) {
      if (!readMethod(preflight)) {
        h.setStatus(403);
        return;
      }
      h.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
      h.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      h.setHeader("Access-Control-Max-Age", "3600");
      h.setStatus(204);
      return;
    }
    chain.doFilter(req, resp);
  }

  private static boolean readMethod(String m) {
    return m.equals("GET") || m.equals("HEAD") || m.equals("POST");
  }

  /** The write endpoints, or a method that only writes. */
  static boolean isWrite(HttpServletRequest r) {
    String path = r.getRequestURI();
    String m = r.getMethod();
    return path.startsWith(Server.DATASET + "/update")
        || path.startsWith(Server.DATASET + "/data")
        || !(readMethod(m) || m.equals("OPTIONS"));
  }
}
