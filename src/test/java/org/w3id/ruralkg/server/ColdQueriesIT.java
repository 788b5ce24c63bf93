package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.Store;

/**
 * The saved queries rewritten to answer their first request faster (docs/PERFORMANCE.md, "Cold
 * saved queries: counts by type, units by rkg:within") give byte for byte, in CSV and in JSON, the
 * answers of their text before the rewrite (src/test/resources/query-reference), for their
 * defaults, example calls and each parameter value tried; and their counts of programme and
 * industry facts stay the same when the facts of an article, concept and unit are merged into one
 * fact with an evidence span per occurrence, as mapping version 5 writes them.
 */
class ColdQueriesIT {
  static final Path FORMER = Path.of("src/test/resources/query-reference");

  @TempDir Path tmp;

  static List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(FORMER)) {
      return s.map(p -> p.getFileName().toString().replace(".rq", "")).sorted().toList();
    }
  }

  static String answer(
      DatasetGraph dsg, SavedQuery q, Map<String, String> params, QueryApi.Format format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QueryApi.stream(dsg, q, params, format, 0, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static List<Map<String, String>> calls(SavedQuery q) {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(Map.of());
    out.addAll(q.examples());
    return out;
  }

  @Test
  void rewrittenQueriesGiveTheBytesOfTheirFormerText() throws IOException {
    DatasetGraph dsg = SeedStore.dataset();
    SavedQueries saved = SeedStore.queries();
    int nonEmpty = 0;
    for (String name : names()) {
      SavedQuery former = SavedQuery.parse(name, Files.readString(FORMER.resolve(name + ".rq")));
      SavedQuery now = saved.get(name);
      assertNotEquals(former.query(), now.query(), name + " is rewritten");
      for (Map<String, String> params : calls(now)) {
        for (QueryApi.Format f : List.of(QueryApi.Format.CSV, QueryApi.Format.JSON)) {
          String want = answer(dsg, former, params, f);
          assertEquals(want, answer(dsg, now, params, f), name + " " + params + " " + f);
          if (f == QueryApi.Format.CSV && want.lines().count() > 2) nonEmpty++;
        }
      }
    }
    assertEquals(
        List.of(
            "articles",
            "figure-evidence",
            "industries-by-county",
            "orgs-per-industry",
            "top-figures",
            "unit-ancestors",
            "unit-figures"),
        names());
    assertTrue(nonEmpty >= 3, "calls with rows on the seeds: " + nonEmpty);
  }

  /**
   * figure-evidence and top-figures, rewritten to read a metric's figures first, give the bytes of
   * their former text for every metric of their enum (top-figures with limits 1, 3 and 10 too):
   * their defaults and examples cover two metrics only.
   */
  @Test
  void metricQueriesGiveTheBytesOfTheirFormerTextForEveryMetric() throws IOException {
    DatasetGraph dsg = SeedStore.dataset();
    SavedQueries saved = SeedStore.queries();
    int nonEmpty = 0;
    for (String name : List.of("figure-evidence", "top-figures")) {
      SavedQuery former = SavedQuery.parse(name, Files.readString(FORMER.resolve(name + ".rq")));
      SavedQuery now = saved.get(name);
      List<String> metrics = now.params().get("metric").allowed();
      assertTrue(metrics.size() > 15, name + " " + metrics);
      for (String metric : metrics) {
        for (String limit : name.equals("top-figures") ? List.of("1", "3", "10") : List.of("")) {
          Map<String, String> params = new LinkedHashMap<>();
          params.put("metric", metric);
          if (!limit.isEmpty()) params.put("limit", limit);
          String want = answer(dsg, former, params, QueryApi.Format.CSV);
          assertEquals(want, answer(dsg, now, params, QueryApi.Format.CSV), name + " " + params);
          if (want.lines().count() > 1) nonEmpty++;
        }
      }
    }
    assertTrue(nonEmpty >= 10, "calls with rows on the seeds: " + nonEmpty);
  }

  /**
   * Mapping version 5 states the programme and industry facts of one article graph, concept and
   * unit as one fact with an evidence span per occurrence; version 4 had a fact per occurrence.
   * Here a SPARQL Update splits the seeds' facts back into one per span (the smallest span stays
   * with the fact). The counts of {@code articles} and {@code industries-by-county} count (fact,
   * span) pairs, so they do not change, while the number of facts does.
   */
  @Test
  void countsStayWhenFactsAreSplitIntoOnePerOccurrence() throws IOException {
    BuildReport r = Pipeline.build(Path.of("seeds"), tmp.resolve("store"), 2);
    assertEquals(5, r.loaded().size(), r.summary());
    DatasetGraph dsg = Store.openExisting(tmp.resolve("store"));
    try {
      SavedQueries saved = SeedStore.queries();
      Map<String, String> before = counts(dsg, saved);
      long facts = facts(dsg);
      Txn.executeWrite(dsg, () -> UpdateExec.dataset(dsg).update(SPLIT).execute());
      assertTrue(facts(dsg) > facts + 10, "facts split: " + facts + " -> " + facts(dsg));
      assertEquals(before, counts(dsg, saved));
    } finally {
      dsg.close();
    }
  }

  static final String SPLIT =
      """
      PREFIX rkg: <https://w3id.org/ruralkg/ont#>
      PREFIX prov: <http://www.w3.org/ns/prov#>
      DELETE { GRAPH ?g { ?f rkg:evidence ?span } }
      INSERT { GRAPH ?g { ?n a ?type ; ?of ?c ; rkg:carriedOutIn ?u ; prov:wasDerivedFrom ?a ;
                              rkg:evidence ?span } }
      WHERE {
        VALUES (?type ?of) {
          (rkg:ProgrammeImplementation rkg:programme) (rkg:IndustryDevelopment rkg:industry)
        }
        GRAPH ?g {
          ?f a ?type ; ?of ?c ; rkg:carriedOutIn ?u ; prov:wasDerivedFrom ?a ;
             rkg:evidence ?span .
          FILTER EXISTS { ?f rkg:evidence ?smaller FILTER(STR(?smaller) < STR(?span)) }
        }
        BIND(IRI(CONCAT(STR(?f), "-", MD5(STR(?span)))) AS ?n)
      }
      """;

  static long facts(DatasetGraph dsg) {
    String q =
        """
        PREFIX rkg: <https://w3id.org/ruralkg/ont#>
        SELECT (COUNT(*) AS ?n) WHERE {
          VALUES ?type { rkg:ProgrammeImplementation rkg:IndustryDevelopment }
          GRAPH ?g { ?f a ?type }
        }
        """;
    return Txn.calculateRead(
        dsg,
        () -> {
          try (var exec = org.apache.jena.sparql.exec.QueryExec.dataset(dsg).query(q).build()) {
            return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
          }
        });
  }

  /**
   * Per article its three counts; per (county, industry) its developments (the source list is left
   * out: its order is the order the facts are met in, which the merge changes).
   */
  static Map<String, String> counts(DatasetGraph dsg, SavedQueries saved) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line :
        answer(dsg, saved.get("articles"), Map.of(), QueryApi.Format.CSV).split("\r?\n")) {
      String[] c = line.split(",");
      out.put("article " + c[2], c[c.length - 3] + " " + c[c.length - 2] + " " + c[c.length - 1]);
    }
    for (String line :
        answer(dsg, saved.get("industries-by-county"), Map.of(), QueryApi.Format.CSV)
            .split("\r?\n")) {
      String[] c = line.split(",");
      out.put("county " + c[0] + " " + c[3], c[5]);
    }
    assertTrue(out.size() > 40, out.toString());
    assertTrue(
        out.values().stream().anyMatch(v -> v.matches("\\d+ [1-9]\\d* [1-9]\\d*")),
        "articles with programme and industry facts: " + out);
    return out;
  }
}
