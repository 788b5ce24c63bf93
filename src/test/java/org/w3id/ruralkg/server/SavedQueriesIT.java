package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.Test;

/**
 * Every saved query parses, documents itself and answers on the seeds' graph; the analysts' queries
 * give the right numbers.
 */
class SavedQueriesIT {
  private final QueryApi api =
      new QueryApi(SeedStore.dataset(), SeedStore.queries(), QueryGuard.DEFAULT);

  private List<Map<String, String>> rows(String name, Map<String, String> params) {
    QueryApi.Result r = api.run(name, params);
    assertFalse(r.truncated(), name);
    return r.rows().stream().map(b -> asMap(r.vars(), b)).toList();
  }

  private static Map<String, String> asMap(List<Var> vars, Binding b) {
    Map<String, String> m = new HashMap<>();
    for (Var v : vars) {
      var n = b.get(v);
      if (n != null)
        m.put(v.getVarName(), n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
    }
    return m;
  }

  @Test
  void everySavedQueryParsesHasASummaryAndAnswersWithItsDefaults() {
    List<SavedQuery> all = api.list();
    assertTrue(all.size() >= 15, "at least 15 saved queries, got " + all.size());
    for (SavedQuery q : all) {
      assertFalse(q.summary().isBlank(), q.name() + " has no summary");
      assertFalse(q.description().isBlank(), q.name() + " has no description");
      assertFalse(q.tags().isEmpty(), q.name() + " has no tags");
      assertTrue(q.query().isSelectType(), q.name());
      if (q.params().values().stream().anyMatch(p -> p.defaultValue() == null))
        continue; // needs a value: tested on its own
      assertFalse(rows(q.name(), Map.of()).isEmpty(), q.name() + " returned no rows on the seeds");
    }
  }

  @Test
  void theCommandLineStreamAndTheApiGiveTheSameBytesInEveryFormat() {
    int compared = 0;
    for (SavedQuery q : api.list()) {
      if (q.params().values().stream().anyMatch(p -> p.defaultValue() == null)) continue;
      QueryApi.Result r = api.run(q.name(), Map.of());
      if (r.truncated()) continue; // the API caps rows, the command does not
      for (QueryApi.Format f : QueryApi.Format.values()) {
        var viaApi = new java.io.ByteArrayOutputStream();
        QueryApi.write(r, f, viaApi);
        var streamed = new java.io.ByteArrayOutputStream();
        QueryApi.stream(SeedStore.dataset(), q, Map.of(), f, 0, streamed);
        assertEquals(
            viaApi.toString(java.nio.charset.StandardCharsets.UTF_8),
            streamed.toString(java.nio.charset.StandardCharsets.UTF_8),
            q.name() + " " + f);
        compared++;
      }
    }
    assertTrue(compared >= 40, "compared " + compared);
  }

  @Test
  void streamedRunsRefuseBadParametersAndUnknownFormatsLikeTheApi() {
    SavedQuery q =
        api.list().stream()
            .filter(x -> x.params().values().stream().anyMatch(p -> p.type().endsWith("integer")))
            .findFirst()
            .orElseThrow();
    String intParam =
        q.params().values().stream()
            .filter(p -> p.type().endsWith("integer"))
            .findFirst()
            .orElseThrow()
            .name();
    var out = new java.io.ByteArrayOutputStream();
    assertEquals(
        400,
        org.junit.jupiter.api.Assertions.assertThrows(
                ApiError.class,
                () ->
                    QueryApi.stream(
                        SeedStore.dataset(),
                        q,
                        Map.of(intParam, "many"),
                        QueryApi.Format.CSV,
                        0,
                        out))
            .status);
    assertEquals(
        400,
        org.junit.jupiter.api.Assertions.assertThrows(
                ApiError.class, () -> QueryApi.Format.parse("xml"))
            .status);
  }

  @Test
  void everyExampleCallAnswersOnTheSeeds() {
    int examples = 0;
    for (SavedQuery q : api.list()) {
      for (Map<String, String> example : q.examples()) {
        assertFalse(
            rows(q.name(), example).isEmpty(),
            q.name() + " " + example + " returned no rows on the seeds");
        examples++;
      }
    }
    // the one query with a required parameter has examples, so every saved query can be called from
    // its documentation
    assertFalse(
        api.list().stream()
            .filter(q -> q.params().values().stream().anyMatch(p -> p.defaultValue() == null))
            .anyMatch(q -> q.examples().isEmpty()));
    assertTrue(examples >= 5, "examples: " + examples);
  }

  @Test
  void qiaojiaWagesTotalIncludesTheWorkForReliefPayroll() {
    var rows = rows("totals-by-county", Map.of("metric", "wages"));
    assertTrue(rows.stream().allMatch(r -> r.get("metricCode").equals("wages")));
    var qiaojia = rows.stream().filter(r -> "530622".equals(r.get("countyCode"))).toList();
    assertFalse(qiaojia.isEmpty(), rows.toString());
    BigDecimal sum =
        qiaojia.stream()
            .map(r -> new BigDecimal(r.get("total")))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertTrue(sum.compareTo(new BigDecimal("80594700")) >= 0, "巧家县 wages " + sum);
    assertEquals("巧家县", qiaojia.get(0).get("countyName"));
  }

  @Test
  void workForReliefFiguresAreSummedByCounty() {
    var rows = rows("programme-figures-by-county", Map.of("metric", "wages"));
    assertTrue(
        rows.stream()
            .anyMatch(r -> r.get("countyName").equals("巧家县") && r.get("unit").equals("CNY")),
        rows.toString());
    assertTrue(rows.stream().allMatch(r -> r.get("programmeLabel").equals("以工代赈")));
    assertTrue(rows("programme-figures-by-county", Map.of("programme", "没有这个项目")).isEmpty());
  }

  @Test
  void topFiguresAreRankedAndLimited() {
    var rows = rows("top-figures", Map.of("metric", "wages", "limit", "3"));
    assertFalse(rows.isEmpty());
    assertTrue(rows.stream().allMatch(r -> Integer.parseInt(r.get("rank")) <= 3), rows.toString());
    assertTrue(rows.size() <= 6, "ties aside, about 3 rows: " + rows.size());
    var cny = rows.stream().filter(r -> r.get("unit").equals("CNY")).toList();
    assertEquals("1", cny.get(0).get("rank"));
    for (int i = 1; i < cny.size(); i++) {
      assertTrue(
          new BigDecimal(cny.get(i - 1).get("value"))
                  .compareTo(new BigDecimal(cny.get(i).get("value")))
              >= 0,
          "sorted by value");
    }
    var all =
        rows("metric-summary", Map.of()).stream()
            .filter(r -> r.get("metricCode").equals("wages") && r.get("unit").equals("CNY"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        0,
        new BigDecimal(all.get("max")).compareTo(new BigDecimal(cny.get(0).get("value"))),
        "rank 1 is the largest wages figure");
  }

  @Test
  void unitFiguresStayInsideTheUnit() {
    var rows = rows("unit-figures", Map.of("code", "530622"));
    assertFalse(rows.isEmpty());
    for (var r : rows) {
      String code = r.get("placeCode");
      assertTrue(code == null || code.startsWith("530622"), "outside 巧家县: " + r);
    }
    assertTrue(rows("unit-figures", Map.of("code", "999999")).isEmpty());
  }

  @Test
  void unitAncestorsReachTheProvince() {
    var rows = rows("unit-ancestors", Map.of());
    assertTrue(
        rows.stream()
            .anyMatch(
                r -> "530622".equals(r.get("code")) && "530000".equals(r.get("ancestorCode"))),
        "巧家县 lies in 云南省");
    assertTrue(
        rows.stream()
            .anyMatch(
                r -> "530622".equals(r.get("code")) && "530600".equals(r.get("ancestorCode"))),
        "巧家县 lies in 昭通市");
  }

  @Test
  void unlinkedUnitsAreOnlyUnlinkedOnes() {
    var rows = rows("unlinked-units", Map.of());
    assertTrue(
        rows.stream().allMatch(r -> r.get("unit").contains("/unit/x/")),
        "unlinked units have no code IRI: " + rows);
  }

  @Test
  void figureEvidenceFiltersByMetricAndCarriesOffsets() {
    var rows = rows("figure-evidence", Map.of("metric", "wages"));
    assertFalse(rows.isEmpty());
    for (var r : rows) {
      assertEquals("wages", r.get("metricCode"));
      assertTrue(
          r.containsKey("quantity") && r.get("sentence").contains(r.get("quantity")),
          "the sentence holds the quantity: " + r);
      assertTrue(r.containsKey("headline") && r.get("source").endsWith(".txt"), r.toString());
      assertTrue(Integer.parseInt(r.get("start")) < Integer.parseInt(r.get("end")), r.toString());
    }
    assertTrue(rows("figure-evidence", Map.of()).size() > rows.size(), "all metrics by default");
  }

  @Test
  void sourcesListTheFiveSeedPages() {
    var rows = rows("sources", Map.of());
    assertEquals(5, rows.size(), rows.toString());
    assertTrue(
        rows.stream()
            .allMatch(
                r -> r.get("sha256").length() == 64 && Integer.parseInt(r.get("articles")) > 0));
    assertEquals(
        17,
        rows.stream().mapToInt(r -> Integer.parseInt(r.get("articles"))).sum(),
        "17 articles in the seeds");
    assertEquals(17, rows("articles", Map.of()).size());
  }
}
