package org.w3id.ruralkg.server;

import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.w3id.ruralkg.RuralKgException;

/**
 * The limits a served store applies to every query: a timeout (the SPARQL endpoints and the
 * saved-query API) and a cap on the rows the API returns. Immutable; thread-safe.
 *
 * @param timeoutMillis overall time a query may run, in milliseconds (0: no limit)
 * @param maxRows most rows the API returns (the rest is cut off and the response says so)
 */
public record QueryGuard(long timeoutMillis, int maxRows) {
  public static final QueryGuard DEFAULT = new QueryGuard(30_000, 10_000);

  public QueryGuard {
    if (timeoutMillis < 0) throw new RuralKgException("the query timeout must not be negative");
    if (maxRows < 1) throw new RuralKgException("the row cap must be at least 1");
  }

  /** From the command line: the timeout in seconds. */
  public static QueryGuard ofSeconds(double timeoutSeconds, int maxRows) {
    if (timeoutSeconds < 0) throw new RuralKgException("--timeout must not be negative");
    return new QueryGuard(Math.round(timeoutSeconds * 1000), maxRows);
  }

  /**
   * A Fuseki query endpoint whose context carries {@code ARQ.queryTimeout}: Fuseki merges the
   * endpoint context into each request's, so the timeout is per server, not JVM-wide.
   */
  public Endpoint queryEndpoint(String name) {
    Context cxt = new Context();
    if (timeoutMillis > 0) cxt.set(ARQ.queryTimeout, Long.toString(timeoutMillis));
    return Endpoint.create().operation(Operation.Query).endpointName(name).context(cxt).build();
  }
}
