package org.w3id.ruralkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First filter on every request: security headers on every response (nosniff, a Content-Security-
 * Policy that allows the dashboard's own scripts and styles only, no framing), and server-error
 * bodies replaced by a short text of ours, since Fuseki puts the exception's message (Java heap
 * space, executor internals) in them; a client-error body of Fuseki's is kept unless it names Java
 * internals (a parser's StackOverflowError). An Error that reaches here (OutOfMemoryError is the
 * last resort; the query bounds should prevent it) becomes a 503 while the response is not
 * committed.
 */
final class ResponseHardening implements Filter {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
          + "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  static final String STOPPED =
      "query stopped: it went past this server's time or size limit (narrow it, or add LIMIT)";
  private static final java.util.regex.Pattern INTERNALS =
      java.util.regex.Pattern.compile(
          "java\\.|jakarta\\.|org\\.apache\\.|Exception|[A-Za-z]Error\\b|heap space");
  private static final Logger LOG = LoggerFactory.getLogger(ResponseHardening.class);

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest r = (HttpServletRequest) req;
    HttpServletResponse h = (HttpServletResponse) resp;
    h.setHeader("X-Content-Type-Options", "nosniff");
    h.setHeader("X-Frame-Options", "DENY");
    h.setHeader("Content-Security-Policy", CSP);
    h.setHeader("Referrer-Policy", "no-referrer");
    boolean fuseki = r.getRequestURI().startsWith(Server.DATASET);
    Guarded g = new Guarded(h, fuseki);
    try {
      chain.doFilter(req, g);
    } catch (Error | RuntimeException | IOException | ServletException e) {
      LOG.warn("{} {}: {}", r.getMethod(), r.getRequestURI(), e.toString());
      if (h.isCommitted()) throw e;
      h.resetBuffer();
      sendText(h, 503, "server error: the request could not be answered");
      return;
    }
    if (g.replaced) {
      sendText(
          h,
          g.status,
          g.status == 503 ? STOPPED : "server error: the request could not be answered");
    } else if (g.buffer != null) {
      String body = g.buffer.toString(StandardCharsets.UTF_8);
      if (INTERNALS.matcher(body).find()) {
        sendText(
            h, g.status, "bad request: the query could not be parsed or run (too deeply nested?)");
      } else {
        h.setContentLength(g.buffer.size());
        g.buffer.writeTo(h.getOutputStream());
      }
    }
  }

  /** A short text/plain body with its status (what our filters answer). */
  static void sendText(HttpServletResponse h, int status, String message) throws IOException {
    if (h instanceof Guarded g) g.ours = true;
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    h.setStatus(status);
    h.setHeader("Cache-Control", "no-store");
    h.setContentType("text/plain; charset=utf-8");
    h.setContentLength(body.length);
    h.getOutputStream().write(body);
  }

  /** Swallows the body of a 5xx answer (Fuseki's 503, any 500), to be replaced afterwards. */
  private static final class Guarded extends HttpServletResponseWrapper {
    private final boolean fuseki;
    boolean replaced;
    boolean ours; // the body is one of our short texts: keep it
    int status;
    java.io.ByteArrayOutputStream buffer; // a Fuseki 4xx body, checked before it is sent

    Guarded(HttpServletResponse h, boolean fuseki) {
      super(h);
      this.fuseki = fuseki;
    }

    private void check(int sc) {
      status = sc;
      replaced = !ours && sc >= 500 && (sc != 503 || fuseki);
      if (!ours && fuseki && sc >= 400 && sc < 500 && buffer == null)
        buffer = new java.io.ByteArrayOutputStream();
    }

    private boolean held() {
      return replaced || buffer != null;
    }

    @Override
    public void setStatus(int sc) {
      check(sc);
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      check(sc);
      if (replaced) super.setStatus(sc);
      else super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      sendError(sc, null);
    }

    @Override
    public void setContentLength(int len) {
      if (!held()) super.setContentLength(len);
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!held()) super.setContentLengthLong(len);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      return replaced ? DISCARD : buffer != null ? new Buffered(buffer) : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (buffer != null && !replaced)
        return new PrintWriter(
            new java.io.OutputStreamWriter(buffer, StandardCharsets.UTF_8), true);
      return replaced ? new PrintWriter(java.io.Writer.nullWriter()) : super.getWriter();
    }
  }

  /**
   * Collects a body in memory; text in UTF-8 (ServletOutputStream's own print takes Latin-1 only).
   */
  private static final class Buffered extends ServletOutputStream {
    private final java.io.ByteArrayOutputStream out;

    Buffered(java.io.ByteArrayOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      out.write(b, off, len);
    }

    @Override
    public void print(String s) {
      out.writeBytes(String.valueOf(s).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener l) {}
  }

  private static final ServletOutputStream DISCARD =
      new ServletOutputStream() {
        @Override
        public void write(int b) {}

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener l) {}
      };
}
