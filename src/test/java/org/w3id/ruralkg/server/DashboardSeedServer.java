package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.Store;

/**
 * Test fixture: the five seed pages built into a store under {@code dir}, served on a free port.
 */
final class DashboardSeedServer implements AutoCloseable {
  final DatasetGraph dsg;
  final FusekiServer server;
  final String base;

  DashboardSeedServer(Path dir) throws Exception {
    BuildReport report = Pipeline.build(Path.of("seeds"), dir.resolve("store"), 2);
    assertEquals(5, report.loaded().size(), report.summary() + " " + report.failed());
    dsg = Store.openExisting(dir.resolve("store"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = Server.start(dsg, port, null);
    base = "http://localhost:" + server.getHttpPort();
  }

  @Override
  public void close() {
    server.stop();
    dsg.close();
  }
}
