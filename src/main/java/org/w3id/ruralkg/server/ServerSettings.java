package org.w3id.ruralkg.server;

import java.util.List;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * Where and how the server is exposed: the interface and port it binds, the public base URL it
 * writes into VoID and OpenAPI (never the request's Host header), the SERVICE allow-list, and how
 * many queries may run at once. Immutable.
 *
 * @param host interface to bind (default loopback; 0.0.0.0 for every interface)
 * @param port HTTP port
 * @param baseUrl public root URL, e.g. https://kg.example.org (null: http://host:port of the bind,
 *     localhost for a loopback or wildcard bind)
 * @param federate URL prefixes SERVICE may call (empty: SERVICE refused)
 * @param maxConcurrent queries (SPARQL, Graph Store, API) that may run at once
 */
public record ServerSettings(
    String host, int port, String baseUrl, List<String> federate, int maxConcurrent) {
  public static final String LOOPBACK = "127.0.0.1";
  public static final int DEFAULT_CONCURRENT = 8;

  public ServerSettings {
    if (host == null || host.isBlank()) host = LOOPBACK;
    federate = federate == null ? List.of() : List.copyOf(federate);
    if (maxConcurrent < 1) throw new RuralKgException("--max-concurrent must be at least 1");
    if (baseUrl != null) {
      baseUrl = baseUrl.trim();
      while (baseUrl.endsWith("/")) baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
      if (!baseUrl.matches("(?i)https?://[^\\s/?#]+(/[^\\s?#]*)?"))
        throw new RuralKgException("--base-url must be an http(s) URL: " + baseUrl);
    }
  }

  /** Loopback on {@code port}, SERVICE off, the default concurrency. */
  public static ServerSettings local(int port) {
    return new ServerSettings(LOOPBACK, port, null, List.of(), DEFAULT_CONCURRENT);
  }

  public ServerSettings withFederation(List<String> prefixes) {
    return new ServerSettings(host, port, baseUrl, prefixes, maxConcurrent);
  }

  public ServerSettings withMaxConcurrent(int n) {
    return new ServerSettings(host, port, baseUrl, federate, n);
  }

  /** The base URL the server names itself by. */
  public String publicBase(int boundPort) {
    if (baseUrl != null) return baseUrl;
    // the wildcard and loopback binds are named localhost, as the contract's examples do
    boolean local =
        host.equals("0.0.0.0")
            || host.equals("::")
            || host.equals(LOOPBACK)
            || host.equals("::1")
            || host.equals("localhost");
    String h = local ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + boundPort;
  }
}
