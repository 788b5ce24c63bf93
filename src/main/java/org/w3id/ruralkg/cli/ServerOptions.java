package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.server.CacheSettings;
import org.w3id.ruralkg.server.QueryGuard;
import org.w3id.ruralkg.server.RequestLog;
import org.w3id.ruralkg.server.ServerSettings;
import picocli.CommandLine.Option;

/** The server options that run and serve share (a picocli mixin). */
final class ServerOptions {
  @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE})")
  int port = 3030;

  @Option(
      names = "--host",
      description =
          "interface to listen on (default ${DEFAULT-VALUE}, this machine only; 0.0.0.0: every interface)")
  String host = ServerSettings.LOOPBACK;

  @Option(
      names = "--base-url",
      description =
          "public root URL named in VoID and OpenAPI, e.g. https://kg.example.org behind a proxy (default: http://HOST:PORT)")
  String baseUrl;

  @Option(
      names = "--federate",
      paramLabel = "URL-PREFIX",
      description =
          "let SPARQL SERVICE call endpoints under this URL prefix (repeatable; default: SERVICE refused)")
  List<String> federate = new ArrayList<>();

  @Option(
      names = "--max-concurrent",
      description = "queries that may run at once; more get 503 (default ${DEFAULT-VALUE})")
  int maxConcurrent = ServerSettings.DEFAULT_CONCURRENT;

  @Option(
      names = "--timeout",
      description =
          "query timeout in seconds for the SPARQL endpoint and the API (default ${DEFAULT-VALUE}; 0: none)")
  double timeout = 30;

  @Option(
      names = "--max-rows",
      description = "most rows a saved-query API response returns (default ${DEFAULT-VALUE})")
  int maxRows = 10_000;

  @Option(
      names = "--max-sort-rows",
      description =
          "most rows one SPARQL query may sort or group before it gets 503 (default ${DEFAULT-VALUE})")
  long maxSortRows = 200_000;

  @Option(
      names = "--max-graph-triples",
      description =
          "largest graph a Graph Store read returns; larger get 503 (default ${DEFAULT-VALUE})")
  long maxGraphTriples = 200_000;

  @Option(
      names = "--update",
      description =
          "accept SPARQL Update and Graph Store writes from user admin (password in RURALKG_PASSWORD)")
  boolean update;

  @Option(
      names = "--cache-mb",
      description =
          "byte budget of the saved-query API's response cache in MiB (default ${DEFAULT-VALUE}; 0: no cache)")
  int cacheMb = 256;

  @Option(
      names = "--no-warm",
      description = "do not run the saved queries that need no argument into the cache at startup")
  boolean noWarm;

  @Option(names = "--verbose", description = "log every request (Fuseki's request lines) to stderr")
  boolean verbose;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      description = "append every request's log lines to FILE (the console stays quiet)")
  Path logFile;

  /** Turns the request logs on as asked; call before the server starts. */
  void applyLogging() {
    RequestLog.configure(verbose, logFile);
  }

  CacheSettings cache() {
    return CacheSettings.ofMiB(cacheMb, !noWarm);
  }

  ServerSettings settings() {
    return new ServerSettings(host, port, baseUrl, federate, maxConcurrent);
  }

  QueryGuard guard() {
    return QueryGuard.ofSeconds(timeout, maxRows).withCaps(maxSortRows, maxGraphTriples);
  }

  /** The admin password when --update is on; --update without RURALKG_PASSWORD refuses to start. */
  String password() {
    if (!update) return null;
    String p = System.getenv("RURALKG_PASSWORD");
    if (p == null || p.isBlank())
      throw new RuralKgException(
          "--update needs the admin password in the environment variable RURALKG_PASSWORD (not empty or blank)");
    return p;
  }
}
