package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The grlc-style header, enums, typed binding; the queries/ folder and its packaged index agree.
 */
class SavedQueryHeaderTest {
  static final String TEXT =
      """
      #+ summary: s
      #+ description: d
      #+ tags:
      #+   - a
      #+ param: metric string wages -- a metric
      #+ param: limit integer 10 -- how many
      #+ enum: metric wages loans
      SELECT * { ?f ?p ?metric } LIMIT 1
      """;

  @Test
  void examplesAreCheckedAgainstTheParameters() {
    SavedQuery q =
        SavedQuery.parse(
            "t", TEXT.replace("#+ enum:", "#+ example: metric=loans limit=3\n#+ enum:"));
    assertEquals(List.of(Map.of("metric", "loans", "limit", "3")), q.examples());
    for (String bad : List.of("metric=nope", "year=2024", "limit=ten", "metric")) {
      var e =
          assertThrows(
              RuralKgException.class,
              () ->
                  SavedQuery.parse(
                      "t", TEXT.replace("#+ enum:", "#+ example: " + bad + "\n#+ enum:")),
              bad);
      assertTrue(e.getMessage().startsWith("saved query t: "), e.getMessage());
    }
    String required = TEXT.replace("wages -- a metric", "- -- a metric");
    var e =
        assertThrows(
            RuralKgException.class,
            () ->
                SavedQuery.parse(
                    "t", required.replace("#+ enum:", "#+ example: limit=3\n#+ enum:")));
    assertTrue(e.getMessage().contains("lacks the required parameter metric"), e.getMessage());
  }

  @Test
  void enumsRestrictValues() {
    SavedQuery q = SavedQuery.parse("t", TEXT);
    assertEquals(List.of("wages", "loans"), q.params().get("metric").allowed());
    assertEquals(
        List.of("metric", "limit"), List.copyOf(q.params().keySet()), "declaration order is kept");
    assertEquals("loans", q.bind(Map.of("metric", "loans")).get("metric").getLiteralLexicalForm());
    var e =
        assertThrows(RuralKgException.class, () -> q.bind(Map.of("metric", "x\" } DROP ALL #")));
    assertTrue(e.getMessage().contains("is not one of"), e.getMessage());
  }

  @Test
  void valuesAreTypedTerms() {
    SavedQuery q = SavedQuery.parse("t", TEXT);
    var limit = q.bind(Map.of("limit", " 7 ")).get("limit");
    assertEquals(XSDDatatype.XSDinteger, limit.getLiteralDatatype());
    assertEquals("7", limit.getLiteralLexicalForm());
    assertThrows(
        RuralKgException.class, () -> q.bind(Map.of("limit", "7 } DELETE WHERE { ?s ?p ?o }")));
  }

  @Test
  void anEnumWithoutItsDefaultIsRejected() {
    assertThrows(
        RuralKgException.class,
        () ->
            SavedQuery.parse("t", TEXT.replace("enum: metric wages loans", "enum: metric loans")));
  }

  @Test
  void thePackagedIndexListsEveryQuery() throws Exception {
    List<String> index =
        Files.readAllLines(Path.of("queries/index.txt")).stream()
            .filter(l -> !l.isBlank())
            .map(String::trim)
            .sorted()
            .toList();
    assertEquals(
        new SavedQueries(Path.of("queries")).names(),
        index,
        "queries/index.txt must list every queries/*.rq (the jar has no folder listing)");
    assertEquals(
        index, new SavedQueries(null).names(), "the packaged copy is found through the index");
  }

  @Test
  void everyQueryParsesAndHasASummary() {
    SavedQueries qs = new SavedQueries(Path.of("queries"));
    assertTrue(qs.names().size() >= 15);
    for (String n : qs.names()) assertTrue(!qs.get(n).summary().isBlank(), n);
  }

  @Test
  void formatByParameterThenAccept() {
    assertEquals(QueryApi.Format.CSV, QueryApi.Format.choose("csv", "application/json"));
    assertEquals(QueryApi.Format.ROWS, QueryApi.Format.choose(null, "application/json"));
    assertEquals(
        QueryApi.Format.TSV,
        QueryApi.Format.choose(null, "text/html;q=0.9, text/tab-separated-values"));
    assertEquals(QueryApi.Format.JSON, QueryApi.Format.choose(null, "*/*"));
    assertEquals(QueryApi.Format.JSON, QueryApi.Format.choose(null, null));
    assertThrows(ApiError.class, () -> QueryApi.Format.choose("xml", null));
  }
}
