package org.w3id.ruralkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.Hashes;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * HTTP basic auth of the write endpoints, with the password held as data in memory: the user and
 * password must match exactly, byte for byte, compared in constant time (digests). Each failure is
 * logged (client address, never the password), and a client with {@link #MAX_FAILURES} failures
 * within a minute gets 429 until the minute is over. An accepted request is passed on with the
 * remote user set, which Fuseki's endpoint policy checks. Thread-safe.
 */
final class AdminAuthFilter implements Filter {
  static final int MAX_FAILURES = 5;
  private static final long WINDOW_MILLIS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(AdminAuthFilter.class);

  private final String user;
  private final byte[] expected;
  private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

  private static final class Failures {
    long windowStart;
    int count;
  }

  AdminAuthFilter(String user, String password) {
    if (password == null || password.isBlank())
      throw new RuralKgException("the admin password must not be empty or blank");
    this.user = user;
    this.expected = digest(user + ":" + password);
  }

  private static byte[] digest(String s) {
    return Hashes.sha256().digest(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest r = (HttpServletRequest) req;
    HttpServletResponse h = (HttpServletResponse) resp;
    String client = r.getRemoteAddr();
    long now = System.currentTimeMillis();
    if (blocked(client, now)) {
      h.setHeader("Retry-After", "60");
      ResponseHardening.sendText(h, 429, "too many failed logins from this address; wait a minute");
      return;
    }
    String header = r.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      challenge(h);
      return;
    }
    String given;
    try {
      given =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      given = "";
    }
    if (!MessageDigest.isEqual(expected, digest(given))) {
      int n = fail(client, now);
      LOG.warn(
          "failed admin login from {} to {} {} ({} in the last minute)",
          client,
          r.getMethod(),
          r.getRequestURI(),
          n);
      challenge(h);
      return;
    }
    chain.doFilter(
        new HttpServletRequestWrapper(r) {
          @Override
          public String getRemoteUser() {
            return user;
          }

          @Override
          public Principal getUserPrincipal() {
            return () -> user;
          }

          @Override
          public String getAuthType() {
            return HttpServletRequest.BASIC_AUTH;
          }
        },
        resp);
  }

  private boolean blocked(String client, long now) {
    Failures f = failures.get(client);
    if (f == null) return false;
    synchronized (f) {
      return now - f.windowStart < WINDOW_MILLIS && f.count >= MAX_FAILURES;
    }
  }

  private int fail(String client, long now) {
    if (failures.size() > 10_000)
      failures.values().removeIf(f -> now - f.windowStart >= WINDOW_MILLIS);
    Failures f = failures.computeIfAbsent(client, k -> new Failures());
    synchronized (f) {
      if (now - f.windowStart >= WINDOW_MILLIS) {
        f.windowStart = now;
        f.count = 0;
      }
      return ++f.count;
    }
  }

  private static void challenge(HttpServletResponse h) throws IOException {
    h.setHeader("WWW-Authenticate", "Basic realm=\"ruralkg\", charset=\"UTF-8\"");
    ResponseHardening.sendText(h, 401, "authentication required");
  }
}
