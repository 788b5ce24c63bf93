package org.w3id.ruralkg.server;

import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.util.Context;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The limits a served store applies to every query: a timeout (the SPARQL endpoints and the
 * saved-query API), a cap on the rows the API returns, a cap on what one SPARQL query may hold in
 * memory to sort or group (rows and characters), and the largest graph a Graph Store read returns.
 * Immutable; thread-safe.
 *
 * @param timeoutMillis overall time a query may run, in milliseconds (0: no limit)
 * @param maxRows most rows the API returns (the rest is cut off and the response says so)
 * @param maxSortRows most rows one query may feed to ORDER BY / GROUP BY before it is stopped (503)
 * @param maxGraphTriples most triples (or quads) a Graph Store read returns; larger graphs get 503
 */
public record QueryGuard(long timeoutMillis, int maxRows, long maxSortRows, long maxGraphTriples) {
  public static final QueryGuard DEFAULT = new QueryGuard(30_000, 10_000);

  /** Characters of terms per sorted/grouped row budget: about 50 MB of strings per query. */
  static final long CHARS_PER_QUERY = 25_000_000;

  /** Rows held in memory by DISTINCT and sorts before ARQ spills them to disk. */
  static final long SPILL_ROWS = 50_000;

  public QueryGuard {
    if (timeoutMillis < 0) throw new RuralKgException("the query timeout must not be negative");
    if (maxRows < 1) throw new RuralKgException("the row cap must be at least 1");
    if (maxSortRows < 1 || maxGraphTriples < 1)
      throw new RuralKgException("the sort and graph caps must be at least 1");
  }

  public QueryGuard(long timeoutMillis, int maxRows) {
    this(timeoutMillis, maxRows, 200_000, 200_000);
  }

  /** From the command line: the timeout in seconds. */
  public static QueryGuard ofSeconds(double timeoutSeconds, int maxRows) {
    if (timeoutSeconds < 0) throw new RuralKgException("--timeout must not be negative");
    return new QueryGuard(Math.round(timeoutSeconds * 1000), maxRows);
  }

  /** The same limits with other memory caps. */
  public QueryGuard withCaps(long sortRows, long graphTriples) {
    return new QueryGuard(timeoutMillis, maxRows, sortRows, graphTriples);
  }

  /** Time one regex match may take: the query timeout, or 10 s when there is none. */
  long regexMillis() {
    return timeoutMillis > 0 ? timeoutMillis : 10_000;
  }

  /**
   * The ARQ settings of a SPARQL endpoint: the timeout, the spill threshold and the rewrite that
   * bounds sorting, grouping and REGEX. Fuseki merges the endpoint context into each request's, so
   * they are per server, not JVM-wide.
   */
  public Context context() {
    Context cxt = new Context();
    if (timeoutMillis > 0) cxt.set(ARQ.queryTimeout, Long.toString(timeoutMillis));
    cxt.set(ARQ.spillToDiskThreshold, SPILL_ROWS);
    cxt.set(
        ARQConstants.sysOptimizerFactory,
        BoundedRewrite.factory(maxSortRows, CHARS_PER_QUERY, regexMillis()));
    return cxt;
  }

  /** A Fuseki query endpoint with {@link #context()} and the federation settings added to it. */
  public Endpoint queryEndpoint(String name, Federation federation) {
    Context cxt = context();
    federation.configure(cxt);
    return Endpoint.create().operation(Operation.Query).endpointName(name).context(cxt).build();
  }

  /** As above, with SERVICE refused. */
  public Endpoint queryEndpoint(String name) {
    return queryEndpoint(name, Federation.NONE);
  }
}
