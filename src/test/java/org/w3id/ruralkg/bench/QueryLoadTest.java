package org.w3id.ruralkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.server.SavedQueries;

class QueryLoadTest {
  @Test
  void nearestRankPercentiles() {
    long[] ms = new long[100];
    for (int i = 0; i < 100; i++) ms[i] = (i + 1) * 1_000_000L;
    assertEquals(50.0, QueryLoad.pct(ms, 50));
    assertEquals(95.0, QueryLoad.pct(ms, 95));
    assertEquals(99.0, QueryLoad.pct(ms, 99));
    assertEquals(7.0, QueryLoad.pct(new long[] {7_000_000L}, 95));
  }

  @Test
  void onlyQueriesRunnableWithoutArgumentsWithDefaultsBound(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("plain.rq"), "#+ summary: all\nSELECT * WHERE { ?s ?p ?o }\n");
    Files.writeString(
        dir.resolve("dflt.rq"),
        "#+ summary: some\n#+ param: year integer 2024 -- the year\nSELECT * WHERE { ?s ?p ?year }\n");
    Files.writeString(
        dir.resolve("needs.rq"),
        "#+ summary: one\n#+ param: unit iri - -- the unit\nSELECT * WHERE { ?unit ?p ?o }\n");
    Map<String, String> runnable = QueryLoad.runnable(new SavedQueries(dir));
    assertEquals(List.of("dflt", "plain"), List.copyOf(runnable.keySet()));
    assertTrue(runnable.get("dflt").contains("2024"), runnable.get("dflt"));
  }

  @Test
  void exampleCallsAreMeasuredTooUnderTheirRequestPath(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("needs.rq"),
        "#+ summary: one\n#+ param: q string - -- words\n#+ param: limit integer 20 -- rows\n"
            + "#+ example: q=劳务报酬 limit=5\nSELECT * WHERE { ?s ?p ?q } LIMIT 1\n");
    Map<String, String> runnable = QueryLoad.runnable(new SavedQueries(dir));
    assertEquals(
        List.of("needs?q=劳务报酬&limit=5"),
        List.copyOf(runnable.keySet()),
        "no default call: q is required");
    assertTrue(runnable.get("needs?q=劳务报酬&limit=5").contains("\"劳务报酬\""), runnable.toString());
    assertEquals(
        "needs?q=%E5%8A%B3%E5%8A%A1%E6%8A%A5%E9%85%AC&limit=5&",
        QueryLoad.apiPath("needs?q=劳务报酬&limit=5"));
    assertEquals("plain?", QueryLoad.apiPath("plain"));
  }

  @Test
  void theProjectsSavedQueriesAllRun() {
    Map<String, String> runnable = QueryLoad.runnable(new SavedQueries(Path.of("queries")));
    assertTrue(runnable.size() >= 5, runnable.keySet().toString());
  }

  @Test
  void refusesAnyHostButLoopback() {
    assertThrows(
        RuralKgException.class,
        () ->
            new QueryLoad(
                "http://example.org:3030/sparql", 1, Duration.ofSeconds(1), Duration.ofSeconds(1)));
  }
}
