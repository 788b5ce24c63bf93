package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The response cache: LRU eviction by bytes, the write generation, counters, keys, ETags and paging
 * values.
 */
class ResponseCacheTest {
  static ResponseCache.Key key(String name) {
    return QueryResponder.key(name, Map.of(), QueryApi.Page.ALL, QueryApi.Format.JSON);
  }

  static ResponseCache.Entry entry(int size) {
    byte[] b = new byte[size];
    return new ResponseCache.Entry(b, QueryApi.Format.JSON, false, QueryResponder.etag(b, false));
  }

  @Test
  void evictsTheLeastRecentlyUsedWhenOverBudget() {
    ResponseCache c = new ResponseCache(10_000);
    for (String k : new String[] {"a", "b", "c", "d"})
      assertTrue(c.put(key(k), entry(1_800), c.generation()));
    assertNotNull(c.get(key("a"))); // a is now the most recently used
    assertTrue(c.put(key("e"), entry(1_800), c.generation()));
    assertTrue(c.bytes() <= 10_000, "bytes " + c.bytes());
    assertEquals(4, c.size());
    assertNull(c.get(key("b")), "b was the least recently used");
    assertNotNull(c.get(key("a")));
    assertNotNull(c.get(key("e")));
    assertFalse(
        c.put(key("huge"), entry(3_000), c.generation()),
        "more than a quarter of the budget is not cached");
  }

  @Test
  void refusesAnswersComputedAcrossAWriteAndEmptiesOnInvalidate() {
    ResponseCache c = new ResponseCache(1 << 20);
    long before = c.generation();
    assertTrue(c.put(key("a"), entry(10), before));
    c.invalidate();
    assertNull(c.get(key("a")));
    assertEquals(0, c.bytes());
    assertFalse(c.put(key("b"), entry(10), before), "started before the write: stale");
    assertTrue(c.put(key("b"), entry(10), c.generation()));
    assertNotNull(c.get(key("b")));
    assertEquals(1, c.size());
  }

  @Test
  void countsHitsAndMissesAndDisabledCacheStoresNothing() {
    ResponseCache c = new ResponseCache(1 << 20);
    assertNull(c.get(key("a")));
    c.put(key("a"), entry(10), c.generation());
    assertNotNull(c.get(key("a")));
    assertEquals(1, c.hits());
    assertEquals(1, c.misses());
    ResponseCache off = new ResponseCache(0);
    assertFalse(off.put(key("a"), entry(10), off.generation()));
    assertNull(off.get(key("a")));
  }

  @Test
  void keysDifferByParametersPageAndFormatButNotByParameterOrder() {
    var a =
        QueryResponder.key(
            "q", Map.of("x", "1", "y", "2"), QueryApi.Page.ALL, QueryApi.Format.JSON);
    var b =
        QueryResponder.key(
            "q",
            new java.util.LinkedHashMap<>(Map.of("y", "2", "x", "1")),
            QueryApi.Page.ALL,
            QueryApi.Format.JSON);
    assertEquals(a, b);
    assertFalse(
        a.equals(
            QueryResponder.key(
                "q", Map.of("x", "1", "y", "2"), QueryApi.Page.ALL, QueryApi.Format.CSV)));
    assertFalse(
        a.equals(
            QueryResponder.key(
                "q", Map.of("x", "1", "y", "2"), new QueryApi.Page(0, 5), QueryApi.Format.JSON)));
    assertFalse(
        a.equals(
            QueryResponder.key(
                "q", Map.of("x", "1", "y", "3"), QueryApi.Page.ALL, QueryApi.Format.JSON)));
  }

  @Test
  void etagsFollowTheBodyAndIfNoneMatchIsParsed() {
    String e1 = QueryResponder.etag("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
    assertEquals(
        e1, QueryResponder.etag("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8), false));
    assertFalse(
        e1.equals(
            QueryResponder.etag("abd".getBytes(java.nio.charset.StandardCharsets.UTF_8), false)));
    assertFalse(
        e1.equals(
            QueryResponder.etag("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8), true)));
    assertTrue(e1.matches("\"[0-9a-f]{32}\""), e1);
    assertTrue(Conneg.ifNoneMatch("\"x\", " + e1, e1));
    assertTrue(Conneg.ifNoneMatch("W/" + e1, e1));
    assertTrue(Conneg.ifNoneMatch("*", e1));
    assertFalse(Conneg.ifNoneMatch("\"other\"", e1));
    assertFalse(Conneg.ifNoneMatch(null, e1));
  }

  @Test
  void pagingValuesAreCheckedAsApiErrors() {
    assertEquals(QueryApi.Page.ALL, QueryApi.Page.parse(null, null));
    assertEquals(new QueryApi.Page(20, 10), QueryApi.Page.parse("20", "10"));
    assertEquals(400, assertThrows(ApiError.class, () -> QueryApi.Page.parse("-1", null)).status);
    assertEquals(400, assertThrows(ApiError.class, () -> QueryApi.Page.parse(null, "ten")).status);
  }
}
