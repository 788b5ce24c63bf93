package org.w3id.ruralkg.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.rdf.OntologyFiles;

/**
 * The lexicon files speak the contract's code lists: every metric and unit they name is a notation
 * in codelists.ttl.
 */
class LexiconFilesTest {
  private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  private static final Graph CODES = OntologyFiles.read("ontology/codelists.ttl");

  private static Set<String> notations(String scheme) {
    Node inScheme = NodeFactory.createURI(SKOS + "inScheme");
    Node notation = NodeFactory.createURI(SKOS + "notation");
    Node s = NodeFactory.createURI("https://w3id.org/ruralkg/id/concept/" + scheme);
    Set<String> out = new HashSet<>();
    for (Triple t : CODES.find(Node.ANY, inScheme, s).toList()) {
      CODES
          .find(t.getSubject(), notation, Node.ANY)
          .forEach(n -> out.add(n.getObject().getLiteralLexicalForm()));
    }
    return out;
  }

  @Test
  void metricCuesNameContractMetricsUnitsAndKinds() {
    Set<String> metrics = notations("metric"), units = notations("unit");
    assertTrue(metrics.contains("income_increase") && units.contains("CNY"), "code lists read");
    List<String[]> rows = Wordlist.rows("metric-cues.tsv");
    assertTrue(rows.size() > 200);
    for (String[] f : rows) {
      assertEquals(5, f.length, String.join("|", f));
      assertTrue(metrics.contains(f[1]), f[1]);
      for (String u : f[2].split(",")) assertTrue(units.contains(u), u);
      assertTrue(Double.parseDouble(f[3]) > 0);
      assertTrue(Set.of("cue", "noun").contains(f[4]), f[4]);
    }
  }

  @Test
  void headsAndMeasuresNameContractMetricsAndUnits() {
    Set<String> metrics = notations("metric"), units = notations("unit");
    for (String[] f : Wordlist.rows("counted-heads.tsv")) {
      assertTrue(metrics.contains(f[1]), f[1]);
      for (String u : f[2].split(",")) assertTrue(units.contains(u), u);
    }
    for (String[] f : Wordlist.rows("measure-metrics.tsv"))
      assertTrue(metrics.contains(f[1]), f[1]);
    for (String[] f : Wordlist.rows("measures.tsv")) {
      boolean excluded = f[3].equals("excluded");
      assertTrue(excluded ? f[1].isEmpty() : units.contains(f[1]), String.join("|", f));
    }
  }

  @Test
  void orgSuffixesNameContractKindsAndLevelWords() {
    Set<String> kinds = notations("org-kind");
    assertTrue(kinds.contains("党支部") && kinds.contains("临时党工委"), "org kinds read");
    Set<String> levelWords = Wordlist.words("org-name-words.tsv", "level-word");
    List<String[]> rows = Wordlist.rows("org-suffixes.tsv");
    assertTrue(rows.size() >= 10);
    for (String[] f : rows) {
      assertEquals(3, f.length, String.join("|", f));
      assertTrue(kinds.contains(f[1]), f[0] + " → " + f[1]);
      assertTrue(f[2].equals("-") || levelWords.contains(f[2]), f[0] + " level " + f[2]);
    }
  }

  @Test
  void orgNameWordsHaveKnownRoles() {
    // a misspelt role would drop its words without a sound: every row names a role the recogniser
    // reads, and every role has words
    Set<String> roles =
        Set.of(
            "department",
            "stop",
            "generic-before",
            "founded",
            "host",
            "government",
            "level-word",
            "bare-host",
            "village-kind",
            "party-name");
    Set<String> seen = new HashSet<>();
    for (String[] f : Wordlist.rows("org-name-words.tsv")) {
      assertEquals(2, f.length, String.join("|", f));
      assertTrue(roles.contains(f[1]), f[0] + " has role " + f[1]);
      seen.add(f[1]);
    }
    assertEquals(roles, seen);
    Set<String> hosts = Wordlist.words("org-name-words.tsv", "host");
    for (String g : Wordlist.words("org-name-words.tsv", "government"))
      assertTrue(hosts.contains(g), "government ending " + g + " is a host ending");
  }

  @Test
  void countedNounBoundsHaveKnownRoles() {
    Set<String> seen = new HashSet<>();
    for (String[] f : Wordlist.rows("counted-noun-bounds.tsv")) {
      assertEquals(2, f.length, String.join("|", f));
      seen.add(f[1]);
    }
    assertEquals(Set.of("protected", "right-stop", "left-stop"), seen);
  }

  @Test
  void provinceGroupsNameOneProvincePerCharacter() {
    List<String[]> rows = Wordlist.rows("province-groups.tsv");
    assertFalse(rows.isEmpty());
    for (String[] f : rows) {
      String[] codes = f[1].split(",");
      assertEquals(f[0].length(), codes.length, f[0]);
      for (String c : codes) assertTrue(c.matches("[1-8][0-9]0000"), f[0] + ": " + c);
    }
  }

  @Test
  void confidenceLevelsAreProbabilities() {
    List<String[]> rows = Wordlist.rows("confidence.tsv");
    assertFalse(rows.isEmpty());
    for (String[] f : rows) {
      double v = Double.parseDouble(f[1]);
      assertTrue(v > 0 && v <= 1, f[0]);
    }
  }

  @Test
  void aMissingLexiconIsAClearError() {
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> Wordlist.rows("no-such.txt"));
    assertTrue(e.getMessage().contains("no-such.txt"));
  }
}
