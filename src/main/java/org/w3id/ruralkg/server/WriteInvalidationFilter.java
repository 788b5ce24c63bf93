package org.w3id.ruralkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Sits in front of a write endpoint (SPARQL Update, Graph Store read-write): needs the API's
 * response cache; empties it when a write request starts and again when it ends, so no response
 * computed before or during the write survives it. Reads (GET, HEAD, OPTIONS) pass untouched.
 * Thread-safe.
 */
final class WriteInvalidationFilter implements Filter {
  private final ResponseCache cache;

  WriteInvalidationFilter(ResponseCache cache) {
    this.cache = cache;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String m = request instanceof HttpServletRequest http ? http.getMethod() : "POST";
    boolean write = !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
    if (write) cache.invalidate();
    try {
      chain.doFilter(request, response);
    } finally {
      if (write) cache.invalidate();
    }
  }
}
