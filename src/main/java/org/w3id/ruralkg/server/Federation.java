package org.w3id.ruralkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.jena.http.sys.HttpRequestModifier;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.util.Context;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * SERVICE on the anonymous endpoints. Off unless the operator lists URL prefixes ({@code
 * --federate}); then only URLs under them are called (checked before any connection), with a
 * connect and response timeout within the query timeout and no redirects. A query that arrives from
 * a federation call (it carries {@link #DEPTH_HEADER}) may not call SERVICE again, so a federation
 * loop stops after one hop. Immutable; thread-safe.
 */
public final class Federation {
  public static final Federation NONE = new Federation(List.of(), 0);
  public static final String DEPTH_HEADER = "X-Ruralkg-Federation-Depth";
  // Fuseki runs a query on the thread that received the request: the filter marks that thread
  private static final ThreadLocal<Boolean> FROM_FEDERATION = ThreadLocal.withInitial(() -> false);

  private final List<URI> prefixes;
  private final long timeoutMillis;

  private Federation(List<URI> prefixes, long timeoutMillis) {
    this.prefixes = prefixes;
    this.timeoutMillis = timeoutMillis;
  }

  /** The allow-list: absolute http(s) URL prefixes; {@code timeoutMillis} 0 means 30 s. */
  public static Federation allow(List<String> urlPrefixes, long timeoutMillis) {
    List<URI> uris = urlPrefixes.stream().map(Federation::prefix).toList();
    return uris.isEmpty() ? NONE : new Federation(uris, timeoutMillis > 0 ? timeoutMillis : 30_000);
  }

  private static URI prefix(String s) {
    try {
      URI u = new URI(s.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || u.getHost() == null
          || u.getRawUserInfo() != null) {
        throw new RuralKgException("--federate needs an http(s) URL prefix with a host: " + s);
      }
      return u;
    } catch (URISyntaxException e) {
      throw new RuralKgException("--federate: not a URL: " + s);
    }
  }

  public boolean enabled() {
    return !prefixes.isEmpty();
  }

  /**
   * True when {@code url} lies under one of the prefixes (same scheme, host and port; path below).
   */
  public boolean allows(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      return false;
    }
    if (u.getScheme() == null || u.getHost() == null || u.getRawUserInfo() != null) return false;
    for (URI p : prefixes) {
      if (!p.getScheme().equalsIgnoreCase(u.getScheme())
          || !p.getHost().equalsIgnoreCase(u.getHost())
          || port(p) != port(u)) continue;
      String pp = p.getRawPath() == null ? "" : p.getRawPath();
      String up = u.getRawPath() == null ? "" : u.getRawPath();
      if (up.contains("/../") || up.endsWith("/..")) continue;
      if (up.startsWith(pp)
          && (pp.endsWith("/") || up.length() == pp.length() || up.charAt(pp.length()) == '/'))
        return true;
    }
    return false;
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  /** Puts the SERVICE settings into an endpoint's context. */
  void configure(Context cxt) {
    ChainingServiceExecutor check =
        (opExecute, opOriginal, binding, execCxt, chain) -> {
          String url = opExecute.getService().isURI() ? opExecute.getService().getURI() : "";
          if (!enabled()) throw new QueryDeniedException("SERVICE is not enabled on this server");
          if (FROM_FEDERATION.get())
            throw new QueryDeniedException(
                "SERVICE is not allowed in a query that arrives from a federation call");
          if (!allows(url))
            throw new QueryDeniedException(
                "SERVICE <" + url + "> is not on this server's federation list");
          try {
            return chain.createExecution(opExecute, opOriginal, binding, execCxt);
          } catch (QueryExceptionHTTP e) {
            // redirects are not followed; the client sees a bad gateway, not the peer's Location
            if (e.getStatusCode() >= 300 && e.getStatusCode() < 400)
              throw new QueryExceptionHTTP(
                  502, "SERVICE <" + url + "> answered with a redirect, which is not followed");
            throw e;
          }
        };
    // the check runs first; the HTTP executor after it is the only other link
    ServiceExecutorRegistry registry =
        new ServiceExecutorRegistry().add(ServiceExecutorRegistry.httpService).addSingleLink(check);
    ServiceExecutorRegistry.set(cxt, registry);
    cxt.set(ARQ.httpServiceAllowed, enabled());
    if (!enabled()) return;
    cxt.set(
        ARQ.httpQueryClient,
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(Math.min(timeoutMillis, 5_000)))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());
    cxt.set(ARQ.httpQueryTimeout, timeoutMillis);
    HttpRequestModifier mark = (params, headers) -> headers.put(DEPTH_HEADER, "1");
    cxt.set(ARQ.httpRequestModifer, mark);
  }

  /** Marks the request thread when the request comes from a federation call (ours or a peer's). */
  static Filter depthFilter() {
    return new Filter() {
      @Override
      public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
          throws IOException, ServletException {
        boolean nested = req instanceof HttpServletRequest h && h.getHeader(DEPTH_HEADER) != null;
        FROM_FEDERATION.set(nested);
        try {
          chain.doFilter(req, resp);
        } finally {
          FROM_FEDERATION.remove();
        }
      }
    };
  }
}
