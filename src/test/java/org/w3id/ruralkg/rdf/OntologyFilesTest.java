package org.w3id.ruralkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The ontology, code lists and shapes parse, are documented in zh and en, and refer only to
 * declared or standard terms.
 */
class OntologyFilesTest {
  static Graph ont;
  static Graph shapes;

  @BeforeAll
  static void load() {
    ont = GraphFactory.createDefaultGraph();
    for (String r : OntologyFiles.REQUIRED)
      assertTrue(OntologyFiles.parseInto(r, ont), r + " on the classpath");
    shapes = OntologyFiles.read(OntologyFiles.SHAPES);
  }

  static Node uri(String s) {
    return NodeFactory.createURI(s);
  }

  static boolean declaredOrStandard(Node n) {
    if (!n.isURI()) return true;
    if (ont.contains(n, RDF.type.asNode(), Node.ANY)) return true;
    String iri = n.getURI();
    if (iri.startsWith(Vocab.CONCEPT_BASE + "programme")
        || iri.startsWith(Vocab.CONCEPT_BASE + "industry")) {
      return true; // schemes of programmes.ttl / industries.ttl, another owner's files
    }
    return StandardTerms.namespaceOf(iri) != null && StandardTerms.isKnown(iri);
  }

  @Test
  void filesParseAndShapesCompile() {
    assertTrue(ont.size() > 500, "ontology + code lists triples: " + ont.size());
    Shapes s = Shapes.parse(shapes);
    assertTrue(s.numRootShapes() >= 20, "root shapes: " + s.numRootShapes());
    assertTrue(OntologyFiles.ontologyGraph().size() >= ont.size());
  }

  @Test
  void aMissingResourceIsAOneLineError() {
    RuralKgException e =
        assertThrows(RuralKgException.class, () -> OntologyFiles.read("ontology/nope.ttl"));
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void everyTargetClassPathAndClassInShapesIsDeclaredOrStandard() {
    List<String> bad = new ArrayList<>();
    int checked = 0;
    for (Node p :
        List.of(
            SHACL.targetClass,
            SHACL.path,
            SHACL.class_,
            SHACL.hasValue,
            SHACL.datatype,
            SHACL.lessThanOrEquals)) {
      for (Triple t : shapes.find(Node.ANY, p, Node.ANY).toList()) {
        Node o = t.getObject();
        if (!o.isURI()) continue; // complex paths are not used; literals in hasValue are fine
        checked++;
        if (!declaredOrStandard(o)) bad.add(p.getLocalName() + " " + o.getURI());
      }
    }
    assertTrue(checked > 100, "checked " + checked);
    assertEquals(List.of(), bad);
  }

  @Test
  void everyRkgIriUsedAnywhereIsDeclared() {
    Graph all = GraphFactory.createDefaultGraph();
    GraphUtilAdd.addAll(all, ont);
    GraphUtilAdd.addAll(all, shapes);
    Set<String> undeclared = new TreeSet<>();
    all.find()
        .forEachRemaining(
            t -> {
              for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                if (n.isURI()
                    && (n.getURI().startsWith(Vocab.ONT) || n.getURI().startsWith(Vocab.ID))
                    && !declaredOrStandard(n)) {
                  undeclared.add(n.getURI());
                }
              }
            });
    assertEquals(Set.of(), undeclared, "typo or missing declaration");
  }

  @Test
  void everyClassAndPropertyHasZhEnLabelsAndComments() {
    List<String> bad = new ArrayList<>();
    int n = 0;
    Set<Node> terms = new java.util.HashSet<>();
    ont.find(Node.ANY, RDF.type.asNode(), Node.ANY)
        .forEachRemaining(
            t -> {
              Node s = t.getSubject();
              // every rkg: term (classes, properties, QUDT-style units, the DSD) and the data set
              if (s.isURI()
                  && (s.getURI().startsWith(Vocab.ONT) || s.equals(Vocab.FIGURES_DATASET)))
                terms.add(s);
            });
    for (Node type :
        List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode())) {
      for (Triple t : ont.find(Node.ANY, RDF.type.asNode(), type).toList()) {
        if (t.getSubject().isURI())
          assertTrue(
              terms.contains(t.getSubject()), t.getSubject() + " declared in the rkg namespace");
      }
    }
    for (Node term : terms) {
      n++;
      for (String lang : List.of("zh", "en")) {
        if (count(term, RDFS.label.asNode(), lang) != 1)
          bad.add(term.getURI() + " rdfs:label@" + lang);
        if (count(term, RDFS.comment.asNode(), lang) != 1)
          bad.add(term.getURI() + " rdfs:comment@" + lang);
      }
    }
    assertTrue(n > 55, "documented terms: " + n);
    assertEquals(List.of(), bad);
  }

  @Test
  void everyConceptHasLabelsNotationSchemeAndDefinition() {
    List<String> bad = new ArrayList<>();
    Map<String, Set<String>> notationsPerScheme = new HashMap<>();
    List<Triple> concepts = ont.find(Node.ANY, RDF.type.asNode(), SKOS.Concept.asNode()).toList();
    assertEquals(5 + 11 + 13 + 7 + 20, concepts.size(), "concepts in codelists.ttl");
    for (Triple t : concepts) {
      Node c = t.getSubject();
      for (String lang : List.of("zh", "en")) {
        if (count(c, SKOS.prefLabel.asNode(), lang) != 1) bad.add(c + " prefLabel@" + lang);
        if (count(c, SKOS.definition.asNode(), lang) != 1) bad.add(c + " definition@" + lang);
      }
      List<Triple> schemes = ont.find(c, SKOS.inScheme.asNode(), Node.ANY).toList();
      List<Triple> notations = ont.find(c, SKOS.notation.asNode(), Node.ANY).toList();
      if (schemes.size() != 1 || notations.size() != 1) {
        bad.add(c + " needs one scheme and one notation");
        continue;
      }
      Node scheme = schemes.get(0).getObject();
      if (!ont.contains(scheme, RDF.type.asNode(), SKOS.ConceptScheme.asNode()))
        bad.add(c + " scheme not declared");
      if (!c.getURI().startsWith(scheme.getURI() + "/")) bad.add(c + " IRI not under its scheme");
      String notation = notations.get(0).getObject().getLiteralLexicalForm();
      if (!notationsPerScheme
          .computeIfAbsent(scheme.getURI(), k -> new TreeSet<>())
          .add(notation)) {
        bad.add(c + " duplicate notation " + notation);
      }
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void dataCubeStructureIsComplete() {
    Node dsd = uri(Vocab.ONT + "FiguresStructure");
    assertTrue(ont.contains(Vocab.FIGURES_DATASET, uri(Vocab.QB + "structure"), dsd));
    Set<String> dims = new TreeSet<>();
    Set<String> measures = new TreeSet<>();
    Set<String> attrs = new TreeSet<>();
    for (Triple t : ont.find(dsd, uri(Vocab.QB + "component"), Node.ANY).toList()) {
      Node spec = t.getObject();
      ont.find(spec, uri(Vocab.QB + "dimension"), Node.ANY)
          .forEachRemaining(x -> dims.add(x.getObject().getURI()));
      ont.find(spec, uri(Vocab.QB + "measure"), Node.ANY)
          .forEachRemaining(x -> measures.add(x.getObject().getURI()));
      ont.find(spec, uri(Vocab.QB + "attribute"), Node.ANY)
          .forEachRemaining(x -> attrs.add(x.getObject().getURI()));
    }
    assertEquals(
        Set.of(Vocab.REF_AREA.getURI(), Vocab.REF_PERIOD.getURI(), Vocab.METRIC.getURI()), dims);
    assertEquals(Set.of(Vocab.VALUE.getURI()), measures);
    assertEquals(
        Set.of(Vocab.UNIT_OF_MEASURE.getURI(), Vocab.QUALIFIER.getURI(), Vocab.VALUE_MAX.getURI()),
        attrs);
    for (String d : dims)
      assertTrue(ont.contains(uri(d), RDF.type.asNode(), uri(Vocab.QB + "DimensionProperty")), d);
    assertTrue(
        ont.contains(Vocab.REF_AREA, RDFS.subPropertyOf.asNode(), uri(Vocab.SDMX_DIM + "refArea")));
    assertTrue(
        ont.contains(
            Vocab.REF_PERIOD, RDFS.subPropertyOf.asNode(), uri(Vocab.SDMX_DIM + "refPeriod")));
    assertTrue(
        ont.contains(
            Vocab.UNIT_OF_MEASURE,
            RDFS.subPropertyOf.asNode(),
            uri(Vocab.SDMX_ATT + "unitMeasure")));
    for (Node coded : List.of(Vocab.METRIC, Vocab.UNIT_OF_MEASURE, Vocab.QUALIFIER)) {
      Node list = ont.find(coded, uri(Vocab.QB + "codeList"), Node.ANY).next().getObject();
      assertTrue(
          ont.contains(list, RDF.type.asNode(), SKOS.ConceptScheme.asNode()),
          coded + " code list is a scheme");
    }
  }

  @Test
  void unitHierarchyAndOrgAlignment() {
    assertTrue(ont.contains(Vocab.WITHIN, RDF.type.asNode(), OWL.TransitiveProperty.asNode()));
    assertTrue(ont.contains(Vocab.PARENT, RDFS.subPropertyOf.asNode(), Vocab.WITHIN));
    assertTrue(
        ont.contains(Vocab.HOST, RDFS.subPropertyOf.asNode(), Vocab.ORG_SUB_ORGANIZATION_OF));
    assertTrue(ont.contains(Vocab.HOST, RDFS.range.asNode(), Vocab.ORG_FORMAL_ORGANIZATION));
    assertTrue(
        ont.contains(Vocab.DIVISION_CODE, RDFS.subPropertyOf.asNode(), Vocab.DCT_IDENTIFIER));
    String comment =
        ont.find(Vocab.DIVISION_CODE, RDFS.comment.asNode(), Node.ANY).toList().stream()
            .map(t -> t.getObject().getLiteralLexicalForm())
            .reduce("", String::concat);
    assertTrue(comment.contains("P442"), "division code comment points to Wikidata P442");
  }

  private static int count(Node s, Node p, String lang) {
    int n = 0;
    for (Triple t : ont.find(s, p, Node.ANY).toList()) {
      Node o = t.getObject();
      if (o.isLiteral()
          && o.getLiteralLanguage().equalsIgnoreCase(lang)
          && !o.getLiteralLexicalForm().isBlank()) n++;
    }
    return n;
  }

  /** Adds every triple of one graph to another. */
  static final class GraphUtilAdd {
    static void addAll(Graph to, Graph from) {
      from.find().forEachRemaining(to::add);
    }
  }
}
