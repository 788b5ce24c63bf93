package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.Test;

/**
 * The API's pages of a query read a few rows of its leading sub-select at a time ({@link
 * KeyWindows}) are the rows of a plain run of the whole query, in the same order: paged seven rows
 * at a time on the seeds, for the defaults and example calls, so that windows of one and several
 * places and pages across window boundaries all occur.
 */
class KeyWindowsIT {
  private static final int PAGE = 7;

  @Test
  void pagesOfWindowedQueriesConcatenateToThePlainRun() {
    QueryApi api =
        new QueryApi(SeedStore.dataset(), SeedStore.queries(), new QueryGuard(30_000, PAGE));
    int windowed = 0;
    for (SavedQuery q : api.list()) {
      if (!KeyWindows.applies(q.query())) continue;
      windowed++;
      for (Map<String, String> params : ColdQueriesIT.calls(q)) {
        List<Binding> rows = new ArrayList<>();
        QueryApi.Result r;
        do {
          r = api.run(q.name(), params, new QueryApi.Page(rows.size(), PAGE));
          rows.addAll(r.rows());
        } while (r.rows().size() == PAGE);
        var paged = new ByteArrayOutputStream();
        QueryApi.write(new QueryApi.Result(r.vars(), rows, false), QueryApi.Format.CSV, paged);
        var plain = new ByteArrayOutputStream();
        QueryApi.stream(SeedStore.dataset(), q, params, QueryApi.Format.CSV, 0, plain);
        assertEquals(
            plain.toString(StandardCharsets.UTF_8),
            paged.toString(StandardCharsets.UTF_8),
            q.name() + " " + params);
        assertTrue(rows.size() > 3 * PAGE, q.name() + " " + params + " has several pages");
      }
    }
    assertEquals(2, windowed, "queries read by key windows: unit-figures, unit-ancestors");
  }

  @Test
  void onlyAQueryWhoseLeadingSubSelectBindsTheFirstSortKeyIsWindowed() {
    SavedQueries queries = SeedStore.queries();
    assertTrue(KeyWindows.applies(queries.get("unit-figures").query()));
    assertFalse(KeyWindows.applies(queries.get("figures").query()));
    String prefix = "PREFIX rkg: <https://w3id.org/ruralkg/ont#> ";
    String sub = "{ SELECT ?place ?code WHERE { ?place rkg:divisionCode ?code } } ";
    // the key bound by the sub-select, named nowhere else
    assertTrue(
        KeyWindows.applies(
            QueryFactory.create(
                prefix + "SELECT * WHERE { " + sub + "?f rkg:refArea ?place } ORDER BY ?code ?f")));
    // a later element could bind the key where the sub-select leaves it unbound
    assertFalse(
        KeyWindows.applies(
            QueryFactory.create(
                prefix
                    + "SELECT * WHERE { "
                    + sub
                    + "?f rkg:refArea ?place OPTIONAL { ?f rkg:code ?code } } ORDER BY ?code")));
    // sorted descending, by an expression, or by a variable the sub-select does not bind
    for (String order : List.of("DESC(?code)", "STR(?code)", "?f"))
      assertFalse(
          KeyWindows.applies(
              QueryFactory.create(
                  prefix
                      + "SELECT * WHERE { "
                      + sub
                      + "?f rkg:refArea ?place } ORDER BY "
                      + order)),
          order);
    // with DISTINCT, equal rows must have equal keys: the key must be a column
    assertTrue(KeyWindows.applies(queries.get("unit-ancestors").query()));
    assertFalse(
        KeyWindows.applies(
            QueryFactory.create(
                prefix
                    + "SELECT DISTINCT ?f WHERE { "
                    + sub
                    + "?f rkg:refArea ?place } ORDER BY ?code ?f")));
    // aggregates and LIMIT need every row; a sub-select with LIMIT is not split
    assertFalse(
        KeyWindows.applies(
            QueryFactory.create(
                prefix
                    + "SELECT * WHERE { "
                    + sub
                    + "?f rkg:refArea ?place } ORDER BY ?code LIMIT 5")));
    assertFalse(
        KeyWindows.applies(
            QueryFactory.create(
                prefix
                    + "SELECT * WHERE { { SELECT ?place ?code WHERE { ?place rkg:divisionCode ?code }"
                    + " LIMIT 3 } ?f rkg:refArea ?place } ORDER BY ?code")));
  }
}
