package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.jena.query.QueryFactory;
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
    QueryApi api = PagedRuns.api(PAGE);
    List<SavedQuery> windowed = PagedRuns.windowed(api, KeyWindows::applies);
    for (SavedQuery q : windowed) {
      for (Map<String, String> params : ColdQueriesIT.calls(q)) {
        PagedRuns.Paged paged = PagedRuns.paged(api, q, params, PAGE);
        assertEquals(PagedRuns.plain(q, params), paged.csv(), q.name() + " " + params);
        assertTrue(paged.rows() > 3 * PAGE, q.name() + " " + params + " has several pages");
      }
    }
    assertEquals(2, windowed.size(), "queries read by key windows: unit-figures, unit-ancestors");
  }

  @Test
  void onlyAQueryWhoseLeadingSubSelectBindsTheFirstSortKeyIsWindowed() {
    SavedQueries queries = SeedStore.queries();
    assertTrue(KeyWindows.applies(queries.get("unit-figures").query()));
    assertFalse(KeyWindows.applies(queries.get("figures").query()));
    // the key bound by the sub-select, named nowhere else
    assertTrue(withPlaces("?f rkg:refArea ?place } ORDER BY ?code ?f"));
    // a later element could bind the key where the sub-select leaves it unbound
    assertFalse(
        withPlaces("?f rkg:refArea ?place OPTIONAL { ?f rkg:code ?code } } ORDER BY ?code"));
    // sorted descending, by an expression, or by a variable the sub-select does not bind
    for (String order : List.of("DESC(?code)", "STR(?code)", "?f"))
      assertFalse(withPlaces("?f rkg:refArea ?place } ORDER BY " + order), order);
    // with DISTINCT, equal rows must have equal keys: the key must be a column
    assertTrue(KeyWindows.applies(queries.get("unit-ancestors").query()));
    assertFalse(
        KeyWindows.applies(
            QueryFactory.create(
                PREFIX
                    + "SELECT DISTINCT ?f WHERE { { SELECT ?place ?code WHERE {"
                    + " ?place rkg:divisionCode ?code } } ?f rkg:refArea ?place } ORDER BY ?code ?f")));
    // aggregates and LIMIT need every row; a sub-select with LIMIT is not split
    assertFalse(withPlaces("?f rkg:refArea ?place } ORDER BY ?code LIMIT 5"));
    assertFalse(
        KeyWindows.applies(
            QueryFactory.create(
                PREFIX
                    + "SELECT * WHERE { { SELECT ?place ?code WHERE { ?place rkg:divisionCode ?code }"
                    + " LIMIT 3 } ?f rkg:refArea ?place } ORDER BY ?code")));
  }

  private static final String PREFIX = "PREFIX rkg: <https://w3id.org/ruralkg/ont#> ";

  /** Whether a query that starts with a sub-select of places and their codes is windowed. */
  private static boolean withPlaces(String rest) {
    return KeyWindows.applies(
        QueryFactory.create(
            PREFIX
                + "SELECT * WHERE { { SELECT ?place ?code WHERE { ?place rkg:divisionCode ?code } } "
                + rest));
  }
}
