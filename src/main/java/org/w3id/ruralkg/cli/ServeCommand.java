package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve an existing store over SPARQL (read-only unless --update).")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, description = "TDB2 store folder") Path store;
  @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE})") int port = 3030;
  @Option(names = "--timeout", description = "query timeout in seconds for the SPARQL endpoint and the API (default ${DEFAULT-VALUE}; 0: none)") double timeout = 30;
  @Option(names = "--max-rows", description = "most rows a saved-query API response returns (default ${DEFAULT-VALUE})") int maxRows = 10_000;
  @Option(names = "--update", description = "accept SPARQL Update and Graph Store writes from user admin (password in RURALKG_PASSWORD)") boolean update;

  @Override
  public Integer call() throws InterruptedException {
    Pipeline.serve(store, port, RunCommand.password(update), false, org.w3id.ruralkg.server.QueryGuard.ofSeconds(timeout, maxRows));
    return 0;
  }
}
