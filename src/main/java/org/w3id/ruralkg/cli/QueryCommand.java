package org.w3id.ruralkg.cli;

import java.io.BufferedOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.common.RuralKgException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = "Run the saved query queries/NAME.rq on a store and print its results.")
final class QueryCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "saved query name")
  String name;

  @Option(names = "--store", required = true, description = "TDB2 store folder")
  Path store;

  @Option(
      names = "--format",
      description =
          "csv, tsv, json (SPARQL results) or rows (a JSON array of objects), as the API's format parameter (default ${DEFAULT-VALUE})")
  String format = "csv";

  @Option(names = "--param", description = "a parameter as key=value (repeatable)")
  List<String> params = List.of();

  @Override
  public Integer call() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0) throw new RuralKgException("--param takes key=value, got '" + p + "'");
      values.put(p.substring(0, eq), p.substring(eq + 1));
    }
    try (BufferedOutputStream out = new BufferedOutputStream(System.out)) {
      Pipeline.query(store, name, values, format, out);
    }
    return 0;
  }
}
