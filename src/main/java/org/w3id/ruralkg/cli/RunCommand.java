package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.store.BuildReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Build the graph from seeds/ into data/store, then serve it until stopped.")
final class RunCommand implements Callable<Integer> {
  @Option(names = "--in", description = "input folder (default: seeds/ of the project)")
  Path in;

  @Option(names = "--store", description = "TDB2 store folder (default: data/store of the project)")
  Path store;

  @Mixin ServerOptions server;

  @Override
  public Integer call() throws InterruptedException {
    String password = server.password(); // refuse --update without a password before building
    Path home = Path.of(System.getProperty("ruralkg.home", "."));
    if (in == null) in = home.resolve("seeds");
    if (store == null) store = home.resolve("data").resolve("store");
    BuildReport report = Pipeline.build(in, store, Runtime.getRuntime().availableProcessors());
    if (BuildCommand.exitStatus(report) != 0) return 1;
    server.applyLogging();
    Pipeline.serve(store, server.settings(), password, false, server.guard(), server.cache());
    return 0;
  }
}
