package org.w3id.ruralkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.extract.Qualifier;
import org.w3id.ruralkg.link.Level;

/** Every IRI the code emits is declared by the ontology files, and every standard term is real. */
class VocabularyTest {
  /** Contract codes (docs/CONTRACT.md section 2) that have no Java enum. */
  static final List<String> UNITS =
      List.of(
          "CNY",
          "percent",
          "mu",
          "hectare",
          "tonne",
          "kg",
          "jin",
          "metre",
          "km",
          "person",
          "person_time",
          "household",
          "count");

  static final List<String> METRICS =
      List.of(
          "income_increase",
          "wages",
          "investment",
          "loans",
          "output_value",
          "collective_income",
          "employment",
          "jobs",
          "training",
          "beneficiaries",
          "relocation",
          "area",
          "production",
          "rate",
          "organisations",
          "facilities",
          "events",
          "projects",
          "members",
          "other");
  static final List<String> ORG_KINDS =
      List.of("党委", "党总支", "党支部", "党组", "党工委", "临时党支部", "临时党工委", "党小组", "联合党支部", "党建联盟", "组织部");

  static Graph ont;

  @BeforeAll
  static void load() {
    ont = GraphFactory.createDefaultGraph();
    // only this worktree's files: programmes.ttl / industries.ttl belong to another scheme owner
    for (String r : OntologyFiles.REQUIRED) OntologyFiles.parseInto(r, ont);
  }

  static Node uri(String s) {
    return NodeFactory.createURI(s);
  }

  static boolean declared(Node n) {
    return ont.contains(n, RDF.type.asNode(), Node.ANY);
  }

  static boolean hasType(Node n, Node type) {
    return ont.contains(n, RDF.type.asNode(), type);
  }

  static Map<String, Node> vocabNodes() throws IllegalAccessException {
    Map<String, Node> out = new LinkedHashMap<>();
    for (Field f : Vocab.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class)
        out.put(f.getName(), (Node) f.get(null));
    }
    return out;
  }

  @Test
  void everyRkgConstantIsDeclaredWithTheRightKind() throws Exception {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Node> e : vocabNodes().entrySet()) {
      String iri = e.getValue().getURI();
      if (!iri.startsWith(Vocab.ONT)) continue;
      checked++;
      String local = iri.substring(Vocab.ONT.length());
      boolean isClass = Character.isUpperCase(local.charAt(0));
      boolean ok =
          isClass
              ? hasType(e.getValue(), OWL.Class.asNode())
              : hasType(e.getValue(), OWL.ObjectProperty.asNode())
                  || hasType(e.getValue(), OWL.DatatypeProperty.asNode());
      if (!ok) missing.add(e.getKey() + " " + iri);
    }
    assertTrue(checked > 40, "reflection found the rkg constants");
    assertEquals(
        List.of(), missing, "Vocab constants not declared (as class/property) in ruralkg.ttl");
  }

  @Test
  void dataIrisInVocabAreDeclaredOrOwnedElsewhere() throws Exception {
    Set<String> elsewhere =
        Set.of(
            Vocab.PROGRAMME_SCHEME.getURI(),
            Vocab.INDUSTRY_SCHEME.getURI(),
            Vocab.ONTOLOGY_GRAPH.getURI(),
            Vocab.SHARED_GRAPH.getURI());
    for (Map.Entry<String, Node> e : vocabNodes().entrySet()) {
      String iri = e.getValue().getURI();
      if (!iri.startsWith(Vocab.ID) || elsewhere.contains(iri)) continue;
      assertTrue(declared(e.getValue()), e.getKey() + " " + iri + " is not declared");
    }
    assertTrue(hasType(Vocab.FIGURES_DATASET, uri(Vocab.QB + "DataSet")));
  }

  @Test
  void metricsAreTheMetricSchemesConcepts() {
    Set<String> codes = new TreeSet<>();
    for (org.w3id.ruralkg.extract.Metric m : org.w3id.ruralkg.extract.Metric.values()) {
      codes.add(m.code());
      assertEquals(m, org.w3id.ruralkg.extract.Metric.of(m.code()));
    }
    assertEquals(notationsOf("metric"), codes, "Metric and ontology/codelists.ttl agree");
    assertThrows(
        org.w3id.ruralkg.common.RuralKgException.class,
        () -> org.w3id.ruralkg.extract.Metric.of("incom_increase"));
  }

  @Test
  void measureUnitsAreTheUnitSchemesConcepts() {
    Set<String> codes = new TreeSet<>();
    for (org.w3id.ruralkg.extract.MeasureUnit u : org.w3id.ruralkg.extract.MeasureUnit.values()) {
      codes.add(u.code());
      assertEquals(u, org.w3id.ruralkg.extract.MeasureUnit.of(u.code()));
    }
    assertEquals(notationsOf("unit"), codes, "MeasureUnit and ontology/codelists.ttl agree");
    assertThrows(
        org.w3id.ruralkg.common.RuralKgException.class,
        () -> org.w3id.ruralkg.extract.MeasureUnit.of("cny"));
  }

  @Test
  void orgKindsHaveAClassAndAConcept() {
    Set<String> notations = new HashSet<>();
    for (Vocab.OrgKind k : Vocab.OrgKind.values()) {
      assertTrue(
          ont.contains(k.type, RDFS.subClassOf.asNode(), Vocab.PARTY_ORGANISATION),
          k + " class under PartyOrganisation");
      assertTrue(hasType(k.type, OWL.Class.asNode()), k + " class declared");
      assertConcept(k.concept, "org-kind", k.notation);
      notations.add(k.notation);
    }
    assertEquals(
        new TreeSet<>(ORG_KINDS), new TreeSet<>(notations), "OrgKind covers the contract's kinds");
    assertEquals(new TreeSet<>(ORG_KINDS), notationsOf("org-kind"));
    assertTrue(
        ont.contains(Vocab.PARTY_ORGANISATION, RDFS.subClassOf.asNode(), Vocab.ORG_ORGANIZATION));
  }

  @Test
  void levelsHaveAClassAndAConcept() {
    Set<String> codes = new TreeSet<>();
    for (Level l : Level.values()) {
      assertTrue(
          ont.contains(Vocab.levelClass(l), RDFS.subClassOf.asNode(), Vocab.ADMIN_UNIT),
          l + " class");
      assertConcept(Vocab.concept("level", l.notation()), "level", l.notation());
      codes.add(l.notation());
    }
    assertEquals(Set.of("province", "prefecture", "county", "township", "village"), codes);
    assertEquals(codes, notationsOf("level"));
  }

  @Test
  void qualifiersUnitsAndMetricsMatchTheContract() {
    Set<String> q = new TreeSet<>();
    for (Qualifier x : Qualifier.values()) {
      assertConcept(Vocab.concept("qualifier", x.notation()), "qualifier", x.notation());
      q.add(x.notation());
    }
    assertEquals(q, notationsOf("qualifier"));
    for (String u : UNITS) assertConcept(Vocab.concept("unit", u), "unit", u);
    assertEquals(new TreeSet<>(UNITS), notationsOf("unit"));
    for (String m : METRICS) assertConcept(Vocab.concept("metric", m), "metric", m);
    assertEquals(new TreeSet<>(METRICS), notationsOf("metric"));
  }

  @Test
  void everyUnitConceptMapsToAQudtUnit() {
    Node qudtUnit = uri(Vocab.ONT + "qudtUnit");
    Node qudtUnitClass = uri(StandardTerms.QUDT + "Unit");
    Node multiplier = uri(StandardTerms.QUDT + "conversionMultiplier");
    for (String u : UNITS) {
      List<Triple> ts = ont.find(Vocab.concept("unit", u), qudtUnit, Node.ANY).toList();
      assertEquals(1, ts.size(), u + " has one rkg:qudtUnit");
      Node target = ts.get(0).getObject();
      if (target.getURI().startsWith(StandardTerms.UNIT)) {
        assertTrue(StandardTerms.isKnown(target.getURI()), u + " -> " + target + " is a QUDT unit");
      } else {
        assertTrue(hasType(target, qudtUnitClass), u + " -> " + target + " defined QUDT-style");
        assertEquals(
            1,
            ont.find(target, multiplier, Node.ANY).toList().size(),
            target + " has a conversion multiplier");
      }
    }
    assertEquals(666.67, multiplierOf(uri(Vocab.ONT + "Mu")), 0.005, "1 mu in square metres");
    assertEquals(0.5, multiplierOf(uri(Vocab.ONT + "Jin")), 1e-9, "1 jin in kilograms");
  }

  private static double multiplierOf(Node unit) {
    Node m =
        ont.find(unit, uri(StandardTerms.QUDT + "conversionMultiplier"), Node.ANY)
            .next()
            .getObject();
    return Double.parseDouble(m.getLiteralLexicalForm());
  }

  @Test
  void standardTermsUsedAreRealTerms() throws Exception {
    Set<String> used = new TreeSet<>();
    for (Node n : vocabNodes().values()) used.add(n.getURI());
    Graph all = GraphFactory.createDefaultGraph();
    for (String r :
        List.of("ontology/ruralkg.ttl", "ontology/codelists.ttl", "ontology/shapes.ttl"))
      OntologyFiles.parseInto(r, all);
    all.find()
        .forEachRemaining(
            t -> {
              for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                if (n.isURI()) used.add(n.getURI());
                if (n.isLiteral() && !n.getLiteralDatatypeURI().isEmpty())
                  used.add(n.getLiteralDatatypeURI());
              }
            });
    List<String> unknown = new ArrayList<>();
    int standard = 0;
    for (String iri : used) {
      if (StandardTerms.namespaceOf(iri) == null) continue;
      standard++;
      if (!StandardTerms.isKnown(iri)) unknown.add(iri);
    }
    assertTrue(standard > 60, "found the standard terms used");
    assertEquals(
        List.of(), unknown, "IRIs in standard namespaces that are not terms of those vocabularies");
  }

  @Test
  void theCheckerRejectsAMadeUpStandardTerm() {
    assertFalse(
        StandardTerms.isKnown(Vocab.ORG + "subOrganisationOf"),
        "British spelling is not an ORG term");
    assertFalse(StandardTerms.isKnown(Vocab.SCHEMA + "NewsArticles"));
    assertTrue(StandardTerms.isKnown(Vocab.ORG + "subOrganizationOf"));
  }

  private static Set<String> notationsOf(String scheme) {
    Set<String> out = new TreeSet<>();
    ont.find(Node.ANY, SKOS.inScheme.asNode(), uri(Vocab.CONCEPT_BASE + scheme))
        .forEachRemaining(
            t ->
                ont.find(t.getSubject(), SKOS.notation.asNode(), Node.ANY)
                    .forEachRemaining(n -> out.add(n.getObject().getLiteralLexicalForm())));
    return out;
  }

  private static void assertConcept(Node c, String scheme, String notation) {
    assertTrue(hasType(c, SKOS.Concept.asNode()), c + " is a skos:Concept");
    assertTrue(
        ont.contains(c, SKOS.inScheme.asNode(), uri(Vocab.CONCEPT_BASE + scheme)),
        c + " in scheme " + scheme);
    List<Triple> n = ont.find(c, SKOS.notation.asNode(), Node.ANY).toList();
    assertEquals(1, n.size(), c + " has one notation");
    assertEquals(notation, n.get(0).getObject().getLiteralLexicalForm(), c + " notation");
    assertTrue(
        hasType(uri(Vocab.CONCEPT_BASE + scheme), SKOS.ConceptScheme.asNode()),
        scheme + " scheme declared");
  }
}
