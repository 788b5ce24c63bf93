package org.w3id.ruralkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.fuseki.main.FusekiServer;

/**
 * Serves the dashboard: {@code GET /} is the page, {@code /static/NAME} its scripts and style from
 * the classpath folder dashboard/, and {@code /static/echarts.min.js} ECharts from its webjar (no
 * CDN, no build step). Needs nothing else; thread-safe (stateless).
 */
final class DashboardServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  static void register(FusekiServer.Builder builder) {
    DashboardServlet s = new DashboardServlet();
    // "" is the servlet spec's exact match for the root path
    builder.addServlet("", s);
    builder.addServlet("/index.html", s);
    builder.addServlet("/static/*", s);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    String resource;
    if (path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
      resource = "dashboard/index.html";
    } else if (path.equals("/static/echarts.min.js")) {
      resource = ECHARTS;
    } else if (path.startsWith("/static/geo/")
        && StaticFiles.NAME.matcher(path.substring(12)).matches()) {
      StaticFiles.send(
          "dashboard/geo/" + path.substring(12), true, resp); // map outlines never change
      return;
    } else if (path.startsWith("/static/")
        && StaticFiles.NAME.matcher(path.substring(8)).matches()) {
      resource = "dashboard/" + path.substring(8);
    } else {
      resp.sendError(404);
      return;
    }
    // the page may change with the server; the library never does
    StaticFiles.send(resource, resource.equals(ECHARTS), resp);
  }
}
