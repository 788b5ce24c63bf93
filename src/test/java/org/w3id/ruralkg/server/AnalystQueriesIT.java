package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/**
 * The analysts' queries in queries/analyst, written plainly against the documented model (the union
 * default graph, no GRAPH clauses), answer on the seeds' graph exactly what
 * queries/analyst/expected/NAME.csv holds. With -Danalyst.regenerate=true the files are written
 * instead (then read them before committing).
 */
class AnalystQueriesIT {
  static final Path DIR = Path.of("queries/analyst");

  static List<Path> queries() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
    }
  }

  static String run(Path query) throws IOException {
    String text = Files.readString(query, StandardCharsets.UTF_8);
    return Txn.calculateRead(
        SeedStore.dataset(),
        () -> {
          try (var exec =
              QueryExecutionFactory.create(text, DatasetFactory.wrap(SeedStore.dataset()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResultSetFormatter.outputAsCSV(out, exec.execSelect());
            return out.toString(StandardCharsets.UTF_8);
          }
        });
  }

  @Test
  void everyAnalystQueryAnswersWhatItsExpectedFileHolds() throws IOException {
    List<Path> all = queries();
    assertTrue(all.size() >= 10, "at least ten analyst queries, got " + all.size());
    List<String> differ = new ArrayList<>();
    for (Path q : all) {
      String name = q.getFileName().toString().replace(".rq", "");
      assertFalse(
          Files.readString(q).matches("(?s).*\\bGRAPH\\b.*"),
          name + ": written against the union default graph, no GRAPH");
      Path expected = DIR.resolve("expected").resolve(name + ".csv");
      String actual = run(q);
      if (Boolean.getBoolean("analyst.regenerate")) {
        Files.createDirectories(expected.getParent());
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
        continue;
      }
      assertTrue(
          Files.isRegularFile(expected), name + ": no expected answer; it would be\n" + actual);
      assertTrue(actual.lines().count() > 1, name + " answers nothing on the seeds");
      if (!Files.readString(expected, StandardCharsets.UTF_8).equals(actual))
        differ.add(name + ":\n" + actual);
    }
    assertEquals(List.of(), differ);
  }
}
