package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.Pipeline;
import org.w3id.ruralkg.RuralKgException;
import org.w3id.ruralkg.store.BuildReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Build the graph from seeds/ into data/store, then serve it until stopped.")
final class RunCommand implements Callable<Integer> {
  @Option(names = "--in", description = "input folder (default: seeds/ of the project)") Path in;
  @Option(names = "--store", description = "TDB2 store folder (default: data/store of the project)") Path store;
  @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE})") int port = 3030;
  @Option(names = "--timeout", description = "query timeout in seconds for the SPARQL endpoint and the API (default ${DEFAULT-VALUE}; 0: none)") double timeout = 30;
  @Option(names = "--max-rows", description = "most rows a saved-query API response returns (default ${DEFAULT-VALUE})") int maxRows = 10_000;
  @Option(names = "--update", description = "accept SPARQL Update and Graph Store writes from user admin (password in RURALKG_PASSWORD)") boolean update;

  @Override
  public Integer call() throws InterruptedException {
    String password = password(update);
    var guard = org.w3id.ruralkg.server.QueryGuard.ofSeconds(timeout, maxRows);
    Path home = Path.of(System.getProperty("ruralkg.home", "."));
    if (in == null) in = home.resolve("seeds");
    if (store == null) store = home.resolve("data").resolve("store");
    BuildReport report = Pipeline.build(in, store, Runtime.getRuntime().availableProcessors());
    if (BuildCommand.exitStatus(report) != 0) return 1;
    Pipeline.serve(store, port, password, false, guard);
    return 0;
  }

  static String password(boolean update) {
    if (!update) return null;
    String p = System.getenv("RURALKG_PASSWORD");
    if (p == null || p.isEmpty()) throw new RuralKgException("--update needs the admin password in the environment variable RURALKG_PASSWORD");
    return p;
  }
}
