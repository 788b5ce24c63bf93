package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.server.ResourceServlet.Format;

/** Content negotiation and path canonicalisation of the dereferencing servlet. */
class DerefConNegTest {
  @Test
  void browsersGetHtml() {
    assertEquals(
        Format.HTML,
        ResourceServlet.negotiate(
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", null));
  }

  @Test
  void rdfClientsGetWhatTheyAskFor() {
    assertEquals(Format.TURTLE, ResourceServlet.negotiate("text/turtle", null));
    assertEquals(Format.JSONLD, ResourceServlet.negotiate("application/ld+json", null));
    assertEquals(Format.NTRIPLES, ResourceServlet.negotiate("application/n-triples", null));
    assertEquals(
        Format.JSONLD, ResourceServlet.negotiate("text/turtle;q=0.5, application/ld+json", null));
  }

  @Test
  void noPreferenceMeansTurtle() {
    assertEquals(Format.TURTLE, ResourceServlet.negotiate(null, null));
    assertEquals(Format.TURTLE, ResourceServlet.negotiate("*/*", null));
    assertEquals(Format.TURTLE, ResourceServlet.negotiate("image/png", null));
    assertEquals(Format.TURTLE, ResourceServlet.negotiate(";;;garbage", null));
  }

  @Test
  void formatParameterWins() {
    assertEquals(Format.JSONLD, ResourceServlet.negotiate("text/html", "jsonld"));
    assertEquals(Format.HTML, ResourceServlet.negotiate("text/turtle", "html"));
  }

  @Test
  void pathsAreCanonicalisedLikeMintedIris() {
    assertEquals(
        "concept/programme/local/%E5%B7%A7%E5%8D%81%E6%9D%A1",
        ResourceServlet.canonicalPath("concept/programme/local/巧十条"));
    assertEquals(
        "concept/programme/local/%E5%B7%A7%E5%8D%81%E6%9D%A1",
        ResourceServlet.canonicalPath("concept/programme/local/%e5%b7%a7%e5%8d%81%e6%9d%a1"));
    assertEquals(
        "concept/programme/local/2%2B5",
        ResourceServlet.canonicalPath("concept/programme/local/2+5"));
    assertEquals(
        "build/2026-11-22T23%3A43%3A12Z",
        ResourceServlet.canonicalPath("build/2026-11-22T23:43:12Z"));
    assertEquals("unit/530622", ResourceServlet.canonicalPath("unit/530622"));
    assertEquals("a/%25zz", ResourceServlet.canonicalPath("a/%zz"));
  }
}
