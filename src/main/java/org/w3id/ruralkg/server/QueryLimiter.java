package org.w3id.ruralkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Bounds the queries that run at once (SPARQL, Graph Store, saved-query API): a request waits at
 * most {@code waitMillis} for a permit, then gets 503 with Retry-After, so excess load is refused
 * in well under a second instead of queueing on Jetty's workers. An ASK may also take one of a
 * small reserve, so a cheap liveness probe still answers while slow queries hold every permit.
 * Thread-safe.
 */
final class QueryLimiter implements Filter {
  /** Largest request body of a query (writes are not limited here). */
  static final long MAX_QUERY_BYTES = 1 << 20;

  private static final Pattern ASK =
      Pattern.compile(
          "^(?:\\s|#[^\\n]*\\n|(?i:prefix)\\s+[^\\s:]*:\\s*<[^>]*>|(?i:base)\\s+<[^>]*>)*(?i:ask)\\b");
  private final Semaphore permits;
  private final Semaphore reserve;
  private final long waitMillis;

  QueryLimiter(int maxConcurrent, int askReserve, long waitMillis) {
    this.permits = new Semaphore(maxConcurrent);
    this.reserve = new Semaphore(askReserve);
    this.waitMillis = waitMillis;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest r = (HttpServletRequest) req;
    if ("OPTIONS".equals(r.getMethod())) {
      chain.doFilter(req, resp);
      return;
    }
    if (r.getContentLengthLong() > MAX_QUERY_BYTES && !CorsPolicy.isWrite(r)) {
      ResponseHardening.sendText(
          (HttpServletResponse) resp,
          413,
          "query too large: at most " + MAX_QUERY_BYTES + " bytes");
      return;
    }
    Semaphore taken = acquire(r);
    if (taken == null) {
      HttpServletResponse h = (HttpServletResponse) resp;
      h.setHeader("Retry-After", "1");
      ResponseHardening.sendText(
          h, 503, "server busy: too many queries are running; retry in a moment");
      return;
    }
    try {
      chain.doFilter(req, resp);
    } finally {
      taken.release();
    }
  }

  private Semaphore acquire(HttpServletRequest r) {
    try {
      boolean ask = isAsk(r);
      if (permits.tryAcquire(ask ? 0 : waitMillis, TimeUnit.MILLISECONDS)) return permits;
      if (ask && reserve.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) return reserve;
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** A query given as a parameter (GET or form POST) whose first keyword is ASK. */
  private static boolean isAsk(HttpServletRequest r) {
    String ct = r.getContentType() == null ? "" : r.getContentType().toLowerCase(Locale.ROOT);
    if (!"GET".equals(r.getMethod()) && !ct.startsWith("application/x-www-form-urlencoded"))
      return false;
    String q = r.getParameter("query");
    return q != null && q.length() < 4_000 && ASK.matcher(q).find();
  }
}
