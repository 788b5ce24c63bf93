package org.w3id.ruralkg.server;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The embedded Fuseki server (docs/CONTRACT.md section 3): dataset /ruralkg with SPARQL query at
 * /ruralkg/sparql and /ruralkg/query and Graph Store read at /ruralkg/get. Read-only unless {@code
 * updatePassword} is given: then /ruralkg/update and /ruralkg/data accept writes from user admin
 * with that password (HTTP basic auth), and reads stay open.
 */
public final class Server {
  public static final String DATASET = "/ruralkg";
  public static final String ADMIN_USER = "admin";

  private Server() {}

  public static FusekiServer start(DatasetGraph dsg, int port, String updatePassword) {
    return start(dsg, port, updatePassword, QueryGuard.DEFAULT, new SavedQueries(null));
  }

  /**
   * As above, with the query timeout and row cap of {@code guard} and the saved queries the /api
   * serves.
   */
  public static FusekiServer start(
      DatasetGraph dsg, int port, String updatePassword, QueryGuard guard, SavedQueries queries) {
    return start(dsg, port, updatePassword, guard, queries, CacheSettings.DEFAULT);
  }

  /** As above, with the API's response cache; bound to loopback, SERVICE refused. */
  public static FusekiServer start(
      DatasetGraph dsg,
      int port,
      String updatePassword,
      QueryGuard guard,
      SavedQueries queries,
      CacheSettings cache) {
    return start(dsg, ServerSettings.local(port), updatePassword, guard, queries, cache);
  }

  /**
   * As above, exposed as {@code settings} say (interface, base URL, SERVICE allow-list,
   * concurrency): with updates on, every write to /update or /data empties the API's response
   * cache; warming (when asked) runs in the background and stops with the server.
   */
  public static FusekiServer start(
      DatasetGraph dsg,
      ServerSettings settings,
      String updatePassword,
      QueryGuard guard,
      SavedQueries queries,
      CacheSettings cache) {
    int port = settings.port();
    Federation federation = Federation.allow(settings.federate(), guard.timeoutMillis());
    AdminAuthFilter auth =
        updatePassword == null ? null : new AdminAuthFilter(ADMIN_USER, updatePassword);
    DataService.Builder service =
        DataService.newBuilder(dsg)
            .addEndpoint(guard.queryEndpoint("sparql", federation))
            .addEndpoint(guard.queryEndpoint("query", federation))
            .addEndpoint(Operation.GSP_R, "get")
            .addEndpoint(guard.queryEndpoint("", federation))
            .addEndpoint(Operation.GSP_R);
    FusekiServer.Builder builder =
        FusekiServer.create()
            .port(port)
            .enableCors(false, null)
            .numServerThreads(4, Math.max(48, 4 * settings.maxConcurrent()));
    // filters run in the order added, before Fuseki's dispatch
    builder.addFilter("/*", new ResponseHardening());
    builder.addFilter("/*", new CorsPolicy());
    String base = settings.publicBase(port);
    ServiceDescriptionFilter describe = new ServiceDescriptionFilter(base);
    for (String e : new String[] {"sparql", "query"})
      builder.addFilter(DATASET + "/" + e, describe);
    builder.addFilter(DATASET + "/*", Federation.depthFilter());
    if (auth != null) {
      AuthPolicy admin = Auth.policyAllowSpecific(ADMIN_USER);
      service
          .addEndpoint(Operation.Update, "update", admin)
          .addEndpoint(Operation.GSP_RW, "data", admin);
      for (String w : new String[] {"update", "data"})
        builder.addFilter(DATASET + "/" + w + "/*", auth);
    }
    QueryLimiter limiter = new QueryLimiter(settings.maxConcurrent(), 2, 250);
    builder.addFilter(DATASET + "/*", limiter);
    builder.addFilter(QueryApiServlet.PATH + "/*", limiter);
    builder.addFilter(
        VoidServlet.PATH, limiter); // a few aggregates over the whole store per request
    GraphReadCap graphCap = new GraphReadCap(dsg, guard.maxGraphTriples());
    builder.addFilter(DATASET + "/get/*", graphCap);
    builder.addFilter(DATASET, graphCap);
    builder.add(DATASET, service.build());
    builder.addFilter(DATASET + "/get", new UnionDefaultGraphFilter());
    ResponseCache responses = new ResponseCache(cache.maxBytes());
    QueryApi api = new QueryApi(dsg, queries, guard);
    // a store that the server may write is not kept: its responses would go stale on disk
    ResponseStore kept =
        cache.keepIn() != null && updatePassword == null && cache.maxBytes() > 0
            ? ResponseStore.open(cache.keepIn(), api.list(), org.w3id.ruralkg.common.Version.get())
            : null;
    QueryResponder responder = new QueryResponder(api, responses, kept);
    if (updatePassword != null) {
      for (String w : new String[] {"update", "data"})
        builder.addFilter(DATASET + "/" + w, new WriteInvalidationFilter(responses));
    }
    OntologyServlet.register(builder);
    QueryApiServlet.register(
        builder, responder, org.w3id.ruralkg.common.Version.get(), updatePassword == null, base);
    VoidServlet.register(builder, dsg, guard, base);
    DashboardServlet.register(builder);
    EditorServlet.register(builder, queries);
    ApiDocsServlet.register(builder);
    ResourceServlet.register(builder, dsg);
    FusekiServer server = builder.build();
    for (var c : server.getJettyServer().getConnectors()) {
      if (c instanceof org.eclipse.jetty.server.ServerConnector sc) sc.setHost(settings.host());
    }
    try {
      server.start();
    } catch (RuntimeException e) {
      if (bindFailure(e)) {
        throw new RuralKgException(
            "port "
                + port
                + " on "
                + settings.host()
                + " is in use (another ruralkg or Fuseki?): stop it or choose another with --port",
            e);
      }
      throw new RuralKgException(
          "cannot start server on " + settings.host() + ":" + port + ": " + e.getMessage(), e);
    }
    server
        .getJettyServer()
        .addEventListener(
            new org.eclipse.jetty.util.component.LifeCycle.Listener() {
              @Override
              public void lifeCycleStopping(org.eclipse.jetty.util.component.LifeCycle event) {
                responder.stop();
              }
            });
    if (cache.warm()) responder.warmInBackground();
    return server;
  }

  /** Jetty reports a taken port as an IOException "Failed to bind" around a BindException. */
  private static boolean bindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException
          || t.getMessage() != null && t.getMessage().contains("Failed to bind")) return true;
    }
    return false;
  }
}
