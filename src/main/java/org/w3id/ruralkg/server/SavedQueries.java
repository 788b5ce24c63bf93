package org.w3id.ruralkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The saved queries: read from a queries/ folder when one is given (so an edited query takes
 * effect at once), else from the copy packaged in the jar. Thread-safe.
 */
public final class SavedQueries {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private final Path dir;

  /** @param dir the queries folder, or null to use the packaged queries only */
  public SavedQueries(Path dir) {
    this.dir = dir != null && Files.isDirectory(dir) ? dir : null;
  }

  public List<String> names() {
    TreeSet<String> names = new TreeSet<>();
    if (dir != null) {
      try (var s = Files.list(dir)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).forEach(n -> names.add(n.substring(0, n.length() - 3)));
      } catch (IOException e) {
        throw new RuralKgException(dir + ": cannot list queries: " + e.getMessage(), e);
      }
    } else {
      String index = resource("queries/index.txt");
      if (index != null) for (String l : index.split("\n")) if (!l.isBlank()) names.add(l.trim());
    }
    return new ArrayList<>(names);
  }

  public SavedQuery get(String name) {
    if (!NAME.matcher(name).matches()) throw new RuralKgException("unknown query '" + name + "'");
    String text = null;
    try {
      if (dir != null && Files.isRegularFile(dir.resolve(name + ".rq"))) text = Files.readString(dir.resolve(name + ".rq"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuralKgException("cannot read query " + name + ": " + e.getMessage(), e);
    }
    if (text == null) text = resource("queries/" + name + ".rq");
    if (text == null) throw new RuralKgException("unknown query '" + name + "' (known: " + String.join(", ", names()) + ")");
    return SavedQuery.parse(name, text);
  }

  /** Runs a SELECT saved query in a read transaction and writes the results in the given format. */
  public static void run(DatasetGraph dsg, SavedQuery q, Map<String, String> params, String format, OutputStream out, long timeoutMillis) {
    var bindings = q.bind(params);
    Txn.executeRead(dsg, () -> {
      QueryExecBuilder b = QueryExec.dataset(dsg).query(q.query());
      bindings.forEach((k, v) -> b.substitution(Var.alloc(k), v));
      if (timeoutMillis > 0) b.timeout(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
      try (QueryExec exec = b.build()) {
        RowSet rows = exec.select();
        ResultSet rs = ResultSet.adapt(rows);
        switch (format) {
          case "csv" -> ResultSetFormatter.outputAsCSV(out, rs);
          case "tsv" -> ResultSetFormatter.outputAsTSV(out, rs);
          case "json" -> ResultSetFormatter.outputAsJSON(out, rs);
          default -> throw new RuralKgException("unknown format '" + format + "' (csv, tsv or json)");
        }
      }
    });
  }

  private static String resource(String path) {
    try (InputStream in = SavedQueries.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
