package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/**
 * The API's pages of a query sorted by source file, read a few files at a time, are the rows of a
 * plain run of the whole query, in the same order: paged seven rows at a time on the seeds, so that
 * windows of one and several files and pages across window boundaries all occur.
 */
class SourceWindowsIT {
  private static final int PAGE = 7;

  @Test
  void pagesOfWindowedQueriesConcatenateToThePlainRun() {
    QueryApi api = PagedRuns.api(PAGE);
    List<SavedQuery> windowed = PagedRuns.windowed(api, SourceWindows::applies);
    for (SavedQuery q : windowed) {
      PagedRuns.Paged paged = PagedRuns.paged(api, q, Map.of(), PAGE);
      assertEquals(PagedRuns.plain(q, Map.of()), paged.csv(), q.name());
      assertTrue(paged.rows() > PAGE, q.name() + " has more than one page on the seeds");
    }
    assertTrue(windowed.size() >= 7, "queries read by source windows: " + windowed.size());
  }

  @Test
  void onlyQueriesSortedBySourceWithoutSubSelectsAreWindowed() {
    SavedQueries queries = SeedStore.queries();
    assertTrue(SourceWindows.applies(queries.get("figures").query()));
    assertTrue(SourceWindows.applies(queries.get("admin-units").query()));
    // its counts are sub-selects inside LATERAL: run for each article of the window
    assertTrue(SourceWindows.applies(queries.get("articles").query()));
    // a sub-select joined to the rest is evaluated over the whole store whatever the window
    assertFalse(
        SourceWindows.applies(
            QueryFactory.create(
                "PREFIX rkg: <https://w3id.org/ruralkg/ont#> PREFIX prov: <http://www.w3.org/ns/prov#>"
                    + " SELECT ?source ?article ?n WHERE { GRAPH ?fg { ?file rkg:fileName ?source }"
                    + " GRAPH ?g { ?article prov:wasDerivedFrom ?file }"
                    + " { SELECT ?article (COUNT(?f) AS ?n) WHERE { ?f prov:wasDerivedFrom ?article }"
                    + " GROUP BY ?article } } ORDER BY ?source")));
    // sorted by something else first
    assertFalse(SourceWindows.applies(queries.get("unit-ancestors").query()));
    assertFalse(SourceWindows.applies(queries.get("sources").query()));
  }
}
