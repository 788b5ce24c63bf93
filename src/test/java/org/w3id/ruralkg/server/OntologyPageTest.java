package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.rdf.Vocab;

class OntologyPageTest {
  static String html;

  @BeforeAll
  static void render() {
    html = OntologyPage.fromClasspath().html();
  }

  @Test
  void listsEveryClassAndPropertyWithAnAnchorAndBothLabels() {
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<meta charset=\"utf-8\">"));
    for (Node n :
        new Node[] {
          Vocab.FIGURE,
          Vocab.ADMIN_UNIT,
          Vocab.PARTY_ORGANISATION,
          Vocab.REF_AREA,
          Vocab.DIVISION_CODE,
          Vocab.OrgKind.TEMPORARY_BRANCH.type
        }) {
      String local = n.getURI().substring(Vocab.ONT.length());
      assertTrue(html.contains("<tr id=\"" + local + "\">"), local + " has an anchor");
      assertTrue(html.contains("<code>rkg:" + local + "</code>"), local + " shown as rkg:" + local);
    }
    assertTrue(html.contains("<td>数字</td><td>Figure</td>"), "zh and en labels of rkg:Figure");
    assertTrue(html.contains("临时党支部"));
    assertTrue(html.contains("P442"), "comments are shown");
  }

  @Test
  void groupsClassesAndShowsSchemesWithTheirCodes() {
    int units = html.indexOf("<h3>行政区划单位 · <span class=\"en\">Administrative unit</span></h3>");
    int orgs = html.indexOf("<h3>党组织 · <span class=\"en\">Party organisation</span></h3>");
    assertTrue(units > 0 && orgs > 0, "class groups by top superclass");
    assertTrue(html.indexOf("<tr id=\"Village\">") > units, "Village listed in its group");
    assertTrue(html.contains("id=\"scheme-unit\""));
    assertTrue(html.contains("<code>person_time</code></td><td>人次</td><td>person-time</td>"));
    assertTrue(html.contains("<code>党建联盟</code>"));
    assertTrue(
        html.contains("rkg:within</code></a>") || html.contains("<a href=\"#within\">"),
        "links between terms");
    assertTrue(html.contains("transitive"));
  }

  @Test
  void escapesEverythingFromTheGraph() {
    Graph g = GraphFactory.createDefaultGraph();
    Node c = NodeFactory.createURI(Vocab.ONT + "Evil");
    g.add(c, RDF.type.asNode(), OWL.Class.asNode());
    g.add(c, RDFS.label.asNode(), NodeFactory.createLiteralLang("<script>alert(1)</script>", "en"));
    g.add(c, RDFS.comment.asNode(), NodeFactory.createLiteralLang("a & b \"q\"", "zh"));
    String page = new OntologyPage(g).html();
    assertFalse(page.contains("<script>"));
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(page.contains("a &amp; b &quot;q&quot;"));
    assertEquals(
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;",
        org.w3id.ruralkg.common.Html.escape("<a href=\"x\">&'"));
  }

  @Test
  void headerLeadsBackAndTheChineseLabelColumnIsNotSqueezed() {
    assertTrue(html.contains("<header><a href=\"/\">"), "a header linking back to the dashboard");
    assertTrue(html.contains("<a href=\"/editor/\">"), "and to the query editor");
    assertTrue(
        html.contains("td:nth-child(2){white-space:nowrap"),
        "labels are not broken one character per line");
  }
}
