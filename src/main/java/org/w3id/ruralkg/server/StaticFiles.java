package org.w3id.ruralkg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sends classpath files (pages, scripts, vendored and webjar libraries) with their media type.
 * Stateless.
 */
final class StaticFiles {
  /** A file name a request may ask for: no path separators, no leading dot. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");

  private StaticFiles() {}

  /**
   * The file name a request asks for below the folder {@code path} ("" for the folder itself), or
   * null after redirecting {@code path} to {@code path/}: a trailing slash keeps a page's relative
   * links inside its folder.
   */
  static String nameUnder(String path, HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    String uri = req.getRequestURI().substring(req.getContextPath().length());
    if (uri.equals(path)) {
      resp.sendRedirect(req.getContextPath() + path + "/");
      return null;
    }
    return uri.substring(path.length() + 1);
  }

  /**
   * Sends {@code resource}, or 404 when the classpath has none; a library ({@code immutable}) may
   * be cached a day.
   */
  static void send(String resource, boolean immutable, HttpServletResponse resp)
      throws IOException {
    try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        resp.sendError(404);
        return;
      }
      String ext = resource.substring(resource.lastIndexOf('.') + 1);
      resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
      resp.setHeader("Cache-Control", immutable ? "public, max-age=86400" : "no-cache");
      in.transferTo(resp.getOutputStream());
    }
  }
}
