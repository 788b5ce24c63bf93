package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Content negotiation of the saved-query API, gzip choice and If-None-Match, as the servlets apply
 * them.
 */
class ConnegTest {
  @Test
  void apiFormatFollowsTheAcceptHeaderWithQValues() {
    assertEquals(QueryApi.Format.CSV, QueryApi.Format.choose(null, "text/csv"));
    assertEquals(QueryApi.Format.ROWS, QueryApi.Format.choose(null, "application/json"));
    assertEquals(QueryApi.Format.TSV, QueryApi.Format.choose(null, "text/tab-separated-values"));
    assertEquals(QueryApi.Format.TSV, QueryApi.Format.choose(null, "text/plain"));
    assertEquals(
        QueryApi.Format.JSON, QueryApi.Format.choose(null, "application/sparql-results+json"));
    assertEquals(
        QueryApi.Format.ROWS, QueryApi.Format.choose(null, "text/csv;q=0.5, application/json"));
    assertEquals(
        QueryApi.Format.JSON,
        QueryApi.Format.choose(
            null, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
  }

  @Test
  void apiFormatFallsBackToSparqlJsonAndTheParameterWins() {
    assertEquals(QueryApi.Format.JSON, QueryApi.Format.choose(null, null));
    assertEquals(QueryApi.Format.JSON, QueryApi.Format.choose(null, "*/*"));
    assertEquals(QueryApi.Format.JSON, QueryApi.Format.choose(null, "image/png"));
    assertEquals(QueryApi.Format.JSON, QueryApi.Format.choose(null, ";"));
    assertEquals(QueryApi.Format.CSV, QueryApi.Format.choose("csv", "application/json"));
    assertEquals(
        400,
        org.junit.jupiter.api.Assertions.assertThrows(
                ApiError.class, () -> QueryApi.Format.choose("xml", null))
            .status);
  }

  @Test
  void gzipWhenAcceptEncodingListsItAboveZero() {
    assertTrue(Conneg.acceptsGzip("gzip, deflate"));
    assertTrue(Conneg.acceptsGzip("deflate, *"));
    assertTrue(Conneg.acceptsGzip("GZIP ; q=0.5"));
    assertFalse(Conneg.acceptsGzip("gzip;q=0"));
    assertFalse(Conneg.acceptsGzip("gzip;q=0.000"));
    assertFalse(Conneg.acceptsGzip("deflate"));
    assertFalse(Conneg.acceptsGzip(";"));
    assertFalse(Conneg.acceptsGzip(null));
  }

  @Test
  void ifNoneMatchComparesWeaklyAndReadsQuotedLists() {
    assertTrue(Conneg.ifNoneMatch("\"a\", \"b\"", "\"b\""));
    assertTrue(Conneg.ifNoneMatch("W/\"b\"", "\"b\""));
    assertTrue(Conneg.ifNoneMatch("\"b\"", "W/\"b\""));
    assertTrue(Conneg.ifNoneMatch("*", "\"b\""));
    assertTrue(
        Conneg.ifNoneMatch("\"x,y\", \"b\"", "\"b\""),
        "a comma inside a quoted tag does not split it");
    assertFalse(Conneg.ifNoneMatch("\"x,y\"", "\"y\""));
    assertFalse(Conneg.ifNoneMatch("\"c\"", "\"b\""));
    assertFalse(Conneg.ifNoneMatch("", "\"b\""));
  }

  @Test
  void rdfServletsOfferTurtleFirst() {
    assertEquals(
        "application/ld+json",
        Conneg.choose(
            "application/json, application/ld+json",
            org.apache.jena.atlas.web.AcceptList.create("text/turtle", "application/ld+json"),
            "text/turtle"));
    assertEquals(
        "text/turtle",
        Conneg.choose(
            "text/html;q=0.1, */*",
            org.apache.jena.atlas.web.AcceptList.create("text/turtle", "text/html"),
            "text/turtle"));
    assertEquals(
        "text/html",
        Conneg.choose(
            "text/html,*/*;q=0.8",
            org.apache.jena.atlas.web.AcceptList.create("text/turtle", "text/html"),
            "text/turtle"));
  }
}
