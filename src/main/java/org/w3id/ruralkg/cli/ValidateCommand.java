package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.app.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Validate a store against ontology/shapes.ttl (SHACL); non-zero exit on violations.")
final class ValidateCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, description = "TDB2 store folder")
  Path store;

  @Override
  public Integer call() {
    return Pipeline.validate(store, System.out) ? 0 : 1;
  }
}
