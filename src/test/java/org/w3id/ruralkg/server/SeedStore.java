package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.Store;

/**
 * The five seed pages built once per test JVM into a temporary store, shared read-only by the
 * server ITs.
 */
final class SeedStore {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private SeedStore() {}

  private static final class Holder {
    static final DatasetGraph DSG = build();

    private static DatasetGraph build() {
      try {
        Path dir = Files.createTempDirectory("ruralkg-api-it");
        dir.toFile().deleteOnExit();
        BuildReport report = Pipeline.build(Path.of("seeds"), dir.resolve("store"), 2);
        assertEquals(5, report.loaded().size(), report.summary());
        return Store.openExisting(dir.resolve("store"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static DatasetGraph dataset() {
    return Holder.DSG;
  }

  static SavedQueries queries() {
    return new SavedQueries(Path.of("queries"));
  }

  /**
   * Distinct triples of the union default graph plus quads in all named graphs: any change shows.
   */
  static long size(DatasetGraph dsg) {
    return Txn.calculateRead(
        dsg,
        () -> dsg.getUnionGraph().size() + org.apache.jena.atlas.iterator.Iter.count(dsg.find()));
  }

  /** A server on the seed store with the default settings, on a free port. */
  static org.apache.jena.fuseki.main.FusekiServer server() {
    return Server.start(dataset(), freePort(), null, QueryGuard.DEFAULT, queries());
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<String> get(String url, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
