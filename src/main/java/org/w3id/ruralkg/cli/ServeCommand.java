package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.app.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve an existing store over SPARQL (read-only unless --update).")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, description = "TDB2 store folder")
  Path store;

  @Mixin ServerOptions server;

  @Override
  public Integer call() throws InterruptedException {
    server.applyLogging();
    Pipeline.serve(
        store, server.settings(), server.password(), false, server.guard(), server.cache());
    return 0;
  }
}
