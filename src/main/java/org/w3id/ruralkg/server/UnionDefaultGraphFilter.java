package org.w3id.ruralkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes a Graph Store read of the default graph ({@code GET /ruralkg/get?default}) return the union
 * of the article graphs, as SPARQL queries see it: TDB2's union default graph applies to queries
 * only, so the request is passed on as {@code ?graph=union}. Stateless; thread-safe.
 */
final class UnionDefaultGraphFilter implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && isDefaultGraphRead(http)) {
      chain.doFilter(new UnionRequest(http), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  private static boolean isDefaultGraphRead(HttpServletRequest r) {
    String m = r.getMethod();
    return ("GET".equals(m) || "HEAD".equals(m))
        && r.getParameter("graph") == null
        && r.getParameter("query") == null;
  }

  private static final class UnionRequest extends HttpServletRequestWrapper {
    private final Map<String, String[]> params = new HashMap<>();

    UnionRequest(HttpServletRequest r) {
      super(r);
      params.put("graph", new String[] {"union"});
    }

    @Override
    public String getParameter(String name) {
      String[] v = params.get(name);
      return v == null ? null : v[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Collections.unmodifiableMap(params);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(params.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return params.get(name);
    }

    @Override
    public String getQueryString() {
      return "graph=union";
    }
  }
}
