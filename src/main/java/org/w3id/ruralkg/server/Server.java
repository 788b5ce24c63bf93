package org.w3id.ruralkg.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ruralkg.RuralKgException;

/**
 * The embedded Fuseki server (CONTRACT.md section 3): dataset /ruralkg with SPARQL query at
 * /ruralkg/sparql and /ruralkg/query and Graph Store read at /ruralkg/get. Read-only unless
 * {@code updatePassword} is given: then /ruralkg/update and /ruralkg/data accept writes from user
 * admin with that password (HTTP basic auth), and reads stay open.
 */
public final class Server {
  public static final String DATASET = "/ruralkg";
  public static final String ADMIN_USER = "admin";

  private Server() {}

  public static FusekiServer start(DatasetGraph dsg, int port, String updatePassword) {
    return start(dsg, port, updatePassword, QueryGuard.DEFAULT, new SavedQueries(null));
  }

  /** As above, with the query timeout and row cap of {@code guard} and the saved queries the /api serves. */
  public static FusekiServer start(DatasetGraph dsg, int port, String updatePassword, QueryGuard guard, SavedQueries queries) {
    return start(dsg, port, updatePassword, guard, queries, CacheSettings.DEFAULT);
  }

  /**
   * As above, with the API's response cache: with updates on, every write to /update or /data
   * empties it; warming (when asked) runs in the background and stops with the server.
   */
  public static FusekiServer start(DatasetGraph dsg, int port, String updatePassword, QueryGuard guard, SavedQueries queries, CacheSettings cache) {
    DataService.Builder service = DataService.newBuilder(dsg)
        .addEndpoint(guard.queryEndpoint("sparql"))
        .addEndpoint(guard.queryEndpoint("query"))
        .addEndpoint(Operation.GSP_R, "get")
        .addEndpoint(guard.queryEndpoint(""))
        .addEndpoint(Operation.GSP_R);
    FusekiServer.Builder builder = FusekiServer.create().port(port).enableCors(true, null);
    if (updatePassword != null) {
      AuthPolicy admin = Auth.policyAllowSpecific(ADMIN_USER);
      service.addEndpoint(Operation.Update, "update", admin).addEndpoint(Operation.GSP_RW, "data", admin);
      builder.auth(AuthScheme.BASIC).passwordFile(passwordFile(updatePassword));
    }
    builder.add(DATASET, service.build());
    builder.addFilter(DATASET + "/get", new UnionDefaultGraphFilter());
    ResponseCache responses = new ResponseCache(cache.maxBytes());
    QueryApi api = new QueryApi(dsg, queries, guard);
    // a store that the server may write is not kept: its responses would go stale on disk
    ResponseStore kept = cache.keepIn() != null && updatePassword == null && cache.maxBytes() > 0
        ? ResponseStore.open(cache.keepIn(), api.list(), org.w3id.ruralkg.cli.Main.version()) : null;
    QueryResponder responder = new QueryResponder(api, responses, kept);
    if (updatePassword != null) {
      for (String w : new String[] {"update", "data"}) builder.addFilter(DATASET + "/" + w, new WriteInvalidationFilter(responses));
    }
    OntologyServlet.register(builder);
    QueryApiServlet.register(builder, responder, org.w3id.ruralkg.cli.Main.version(), updatePassword == null);
    VoidServlet.register(builder, dsg, guard);
    DashboardServlet.register(builder);
    ResourceServlet.register(builder, dsg);
    FusekiServer server = builder.build();
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new RuralKgException("cannot start server on port " + port + ": " + e.getMessage(), e);
    }
    server.getJettyServer().addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
      @Override
      public void lifeCycleStopping(org.eclipse.jetty.util.component.LifeCycle event) {
        responder.stop();
      }
    });
    if (cache.warm()) responder.warmInBackground();
    return server;
  }

  /** Jetty reads users from a realm file; write one the process alone can read, deleted on exit. */
  private static String passwordFile(String password) {
    if (password.contains("\n")) throw new RuralKgException("RURALKG_PASSWORD must be a single line");
    try {
      Path f = Files.createTempFile("ruralkg-realm", ".properties",
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      Files.writeString(f, ADMIN_USER + ": " + password + "\n");
      f.toFile().deleteOnExit();
      return f.toString();
    } catch (IOException e) {
      throw new RuralKgException("cannot write the password file: " + e.getMessage(), e);
    }
  }
}
