package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The exposure settings: the name the server gives itself, and which SERVICE URLs a prefix allows.
 */
class ServerSettingsTest {
  @Test
  void theBaseUrlIsConfiguredNeverGuessed() {
    assertEquals("http://localhost:3030", ServerSettings.local(3030).publicBase(3030));
    assertEquals(
        "http://192.0.2.7:80",
        new ServerSettings("192.0.2.7", 80, null, List.of(), 8).publicBase(80));
    assertEquals(
        "https://kg.example.org",
        new ServerSettings(null, 3030, "https://kg.example.org/", List.of(), 8).publicBase(3030));
    assertThrows(
        RuralKgException.class,
        () -> new ServerSettings(null, 3030, "javascript:alert(1)", List.of(), 8));
    assertThrows(RuralKgException.class, () -> new ServerSettings(null, 3030, null, List.of(), 0));
  }

  @Test
  void aFederationPrefixAllowsOnlyUrlsBelowIt() {
    Federation f =
        Federation.allow(
            List.of("http://stats.example.org/sparql", "https://query.wikidata.org/"), 1_000);
    assertTrue(f.allows("http://stats.example.org/sparql"));
    assertTrue(f.allows("http://stats.example.org/sparql/sub?x=1"));
    assertTrue(f.allows("https://query.wikidata.org/sparql"));
    assertFalse(f.allows("http://stats.example.org/sparqlx"));
    assertFalse(f.allows("http://stats.example.org.evil.example/sparql"));
    assertFalse(f.allows("http://stats.example.org@evil.example/sparql"));
    assertFalse(f.allows("http://stats.example.org:8080/sparql"));
    assertFalse(f.allows("https://stats.example.org/sparql"));
    assertFalse(f.allows("http://stats.example.org/sparql/../admin"));
    assertFalse(f.allows("http://query.wikidata.org/sparql"));
    assertFalse(Federation.NONE.allows("http://stats.example.org/sparql"));
    assertThrows(RuralKgException.class, () -> Federation.allow(List.of("file:///etc/passwd"), 0));
  }
}
