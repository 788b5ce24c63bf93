package org.w3id.ruralkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Refuses (503) a Graph Store read of a graph larger than the cap: Fuseki writes the whole graph in
 * one response (pretty Turtle holds it in memory) and no query timeout applies to it. The count
 * stops at the cap, so checking costs at most {@code max} index steps. Thread-safe.
 */
final class GraphReadCap implements Filter {
  private final DatasetGraph dsg;
  private final long max;

  GraphReadCap(DatasetGraph dsg, long max) {
    this.dsg = dsg;
    this.max = max;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest r = (HttpServletRequest) req;
    String m = r.getMethod();
    if (("GET".equals(m) || "HEAD".equals(m))
        && r.getParameter("query") == null
        && tooLarge(
            r.getParameter("graph"), r.getParameter("default") != null, r.getRequestURI())) {
      ResponseHardening.sendText(
          (HttpServletResponse) resp,
          503,
          "graph too large to send whole (more than "
              + max
              + " triples): query it with SPARQL, CONSTRUCT with LIMIT and OFFSET");
      return;
    }
    chain.doFilter(req, resp);
  }

  private boolean tooLarge(String graph, boolean dflt, String path) {
    return Txn.calculateRead(
        dsg,
        () -> {
          Iterator<?> it;
          if (graph != null && !graph.equals("default") && !graph.equals("union")) {
            Node g = NodeFactory.createURI(graph);
            it = dsg.getGraph(g).find();
          } else if (graph != null || dflt || path.endsWith("/get")) {
            it = dsg.getUnionGraph().find();
          } else {
            it = dsg.find(); // the dataset URL without a graph: every quad
          }
          long n = 0;
          while (it.hasNext() && n <= max) {
            it.next();
            n++;
          }
          return n > max;
        });
  }
}
