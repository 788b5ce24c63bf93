package org.w3id.ruralkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.rdf.Iris;
import org.w3id.ruralkg.rdf.Vocab;

class DensityPhaseTest {
  @Test
  void graphsAreToldApartByTheirNames() {
    assertEquals(DensityPhase.Kind.ARTICLE, DensityPhase.kind(Iris.graph("a_b.txt", 3)));
    assertEquals(DensityPhase.Kind.FILE, DensityPhase.kind(Iris.fileGraph("a_b.txt")));
    assertEquals(DensityPhase.Kind.SHARED, DensityPhase.kind(Vocab.SHARED_GRAPH));
    assertEquals(DensityPhase.Kind.SUMMARY, DensityPhase.kind(Vocab.SUMMARY_GRAPH));
    assertEquals(DensityPhase.Kind.ONTOLOGY, DensityPhase.kind(Vocab.ONTOLOGY_GRAPH));
    assertEquals(
        DensityPhase.Kind.OTHER, DensityPhase.kind(NodeFactory.createURI("http://example.org/g")));
  }

  @Test
  void densityLeavesTheOntologyOutAndDividesByArticles() {
    DensityPhase.Density d =
        DensityPhase.of(
            Map.of(
                DensityPhase.Kind.ARTICLE, 6_000L,
                DensityPhase.Kind.SHARED, 700L,
                DensityPhase.Kind.FILE, 300L,
                DensityPhase.Kind.SUMMARY, 50L,
                DensityPhase.Kind.ONTOLOGY, 2_834L,
                DensityPhase.Kind.DEFAULT, 10L),
            Map.of(DensityPhase.Kind.ARTICLE, 10L, DensityPhase.Kind.FILE, 3L),
            10,
            0.5);
    assertEquals(7_060, d.quads());
    assertEquals(706.0, d.quadsPerArticle(), 1e-9);
    assertEquals(5.0, d.summaryGraphQuadsPerArticle(), 1e-9);
    assertEquals(600.0, d.articleGraphQuadsPerArticle(), 1e-9);
    assertEquals(70.0, d.sharedGraphQuadsPerArticle(), 1e-9);
    assertEquals(30.0, d.fileGraphQuadsPerArticle(), 1e-9);
    assertEquals(10, d.otherQuads());
    assertEquals(2_834, d.ontologyQuads());
    assertEquals(3, d.fileGraphs());
    assertTrue(Double.isNaN(DensityPhase.of(Map.of(), Map.of(), 0, 0).quadsPerArticle()));
  }
}
