package org.w3id.ruralkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.extract.ArticleFacts;
import org.w3id.ruralkg.extract.Evidence;
import org.w3id.ruralkg.extract.FigureFact;
import org.w3id.ruralkg.extract.IndustryFact;
import org.w3id.ruralkg.extract.MeasureUnit;
import org.w3id.ruralkg.extract.Metric;
import org.w3id.ruralkg.extract.OrgFact;
import org.w3id.ruralkg.extract.ProgrammeFact;
import org.w3id.ruralkg.extract.Qualifier;
import org.w3id.ruralkg.extract.Quantity;
import org.w3id.ruralkg.link.Division;
import org.w3id.ruralkg.link.Level;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.PageHeader;
import org.w3id.ruralkg.source.Paragraph;
import org.w3id.ruralkg.source.SourceText;

/** FactMapper output plus the ontology graph conforms to the shapes; broken data does not. */
class StoreValidatorTest {
  static final String TEXT = "巧家县马树镇木桥村党总支带领群众实施巧十条，种植草莓500余亩，2024年实现产值300—500万元。";
  static final String FILE = "000_test.txt";
  static final Node INDUSTRY = Vocab.concept("industry", "test-strawberry");

  static StoreValidator validator;
  static final Map<String, Division> DIVISIONS =
      Map.of(
          "530000", new Division("530000", "云南省", Level.PROVINCE, null),
          "530600", new Division("530600", "昭通市", Level.PREFECTURE, "530000"),
          "530622", new Division("530622", "巧家县", Level.COUNTY, "530600"),
          "530622101", new Division("530622101", "马树镇", Level.TOWNSHIP, "530622"),
          "530622101201", new Division("530622101201", "木桥村", Level.VILLAGE, "530622101"));

  @BeforeAll
  static void init() {
    validator = new StoreValidator();
  }

  static int at(String s) {
    int i = TEXT.indexOf(s);
    assertTrue(i >= 0, s);
    return i;
  }

  static Evidence ev(String quote) {
    int s = at(quote);
    return new Evidence(s, s + quote.length(), quote, 0, TEXT, 0.9);
  }

  /**
   * One page with one article: a linked village, its party branch, a local programme, an industry,
   * a range figure.
   */
  static DatasetGraph mapped() {
    int[] map = new int[TEXT.length() + 1];
    for (int i = 0; i < map.length; i++) map[i] = i;
    SourceText st = new SourceText(FILE, "a".repeat(64), "UTF-8", TEXT, TEXT, map);
    Article article =
        new Article(
            0, "马树镇：草莓红了", "", List.of("李明"), List.of(new Paragraph(0, TEXT.length(), TEXT)));
    Page page =
        new Page(
            st,
            new PageHeader("巧家报", "责编：张三", List.of("张三"), java.time.LocalDate.of(2025, 11, 20)),
            List.of(article));

    int v = at("木桥村");
    UnitMention village =
        new UnitMention(
            v, v + 3, "木桥村", Level.VILLAGE, "木桥村", DIVISIONS.get("530622101201"), null, 0.95);
    int t = at("马树镇");
    UnitMention township =
        new UnitMention(
            t, t + 3, "马树镇", Level.TOWNSHIP, "马树镇", DIVISIONS.get("530622101"), null, 0.95);
    OrgFact org = new OrgFact("木桥村党总支", "党总支", village, null, ev("木桥村党总支"));
    ProgrammeFact programme = new ProgrammeFact("巧十条", null, village, ev("巧十条"));
    IndustryFact industry = new IndustryFact("草莓", "test-strawberry", village, ev("草莓"));
    int q = at("500余亩");
    FigureFact area =
        new FigureFact(
            new Quantity(
                q,
                q + 5,
                "500余亩",
                new BigDecimal("500"),
                null,
                MeasureUnit.MU,
                Qualifier.MORE_THAN,
                null),
            Metric.AREA,
            village,
            null,
            ev("500余亩"));
    int r = at("300—500万元");
    FigureFact output =
        new FigureFact(
            new Quantity(
                r,
                r + 9,
                "300—500万元",
                new BigDecimal("3000000"),
                new BigDecimal("5000000"),
                MeasureUnit.CNY,
                Qualifier.RANGE,
                null),
            Metric.OUTPUT_VALUE,
            township,
            2024,
            ev("300—500万元"));
    ArticleFacts facts =
        new ArticleFacts(
            article,
            List.of(township, village),
            List.of(org),
            List.of(programme),
            List.of(industry),
            List.of(area, output));

    DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    FactMapper mapper = new FactMapper(DIVISIONS::get);
    dsg.executeWrite(
        () -> {
          mapper.write(
              page,
              FILE,
              List.of(facts),
              new FactMapper.BuildInfo(
                  Iris.build("2025-01-01T00:00:00Z"), "2025-01-01T00:00:00Z", "0.1.0"),
              StreamRDFLib.dataset(dsg));
          OntologyFiles.loadInto(dsg);
          // the industry scheme is another file's business: stand in one concept for it
          Node g = Vocab.ONTOLOGY_GRAPH;
          dsg.add(g, INDUSTRY, Vocab.TYPE, Vocab.CONCEPT);
          dsg.add(g, INDUSTRY, Vocab.IN_SCHEME, Vocab.INDUSTRY_SCHEME);
          dsg.add(g, INDUSTRY, Vocab.PREF_LABEL, NodeFactory.createLiteralLang("草莓", "zh"));
        });
    return dsg;
  }

  static Node articleGraph() {
    return Iris.graph(Iris.fileKey(FILE), 0);
  }

  static Node figure(String quote) {
    return Iris.fact("figure", Iris.fileKey(FILE), 0, at(quote));
  }

  static ValidationReport validateAfter(Consumer<DatasetGraph> change) {
    DatasetGraph dsg = mapped();
    dsg.executeWrite(() -> change.accept(dsg));
    return validator.validate(DatasetFactory.wrap(dsg));
  }

  static void replace(DatasetGraph dsg, Node s, Node p, Node newObject) {
    List<Quad> old = new ArrayList<>();
    dsg.find(Node.ANY, s, p, Node.ANY).forEachRemaining(old::add);
    assertFalse(old.isEmpty(), "found " + s + " " + p);
    for (Quad x : old) {
      dsg.delete(x);
      if (newObject != null) dsg.add(x.getGraph(), s, p, newObject);
    }
  }

  static List<ReportEntry> violations(ValidationReport r) {
    return r.getEntries().stream()
        .filter(e -> e.severity().level().getLocalName().equals("Violation"))
        .toList();
  }

  static boolean hasViolation(ValidationReport r, Node focus, Node path) {
    return violations(r).stream()
        .anyMatch(
            e ->
                e.focusNode().equals(focus)
                    && (path == null
                        || (e.resultPath() != null
                            && e.resultPath().toString().contains(path.getURI()))));
  }

  @Test
  void mappedArticleConforms() {
    ValidationReport r = validator.validate(DatasetFactory.wrap(mapped()));
    assertTrue(r.conforms(), validator.describe(r, 5));
    assertFalse(StoreValidator.hasViolations(r));
    assertTrue(validator.describe(r, 5).startsWith("CONFORMS"));
  }

  @Test
  void mappedArticleAnswersTheContractQueries() {
    DatasetGraph union = servedAs(mapped());
    List<QuerySolution> figures = run("queries/figures.rq", union);
    assertEquals(2, figures.size());
    QuerySolution range =
        figures.stream().filter(s -> s.contains("valueMax")).findFirst().orElseThrow();
    assertEquals("CNY", range.getLiteral("unit").getLexicalForm());
    assertEquals("range", range.getLiteral("qualifier").getLexicalForm());
    assertEquals("output_value", range.getLiteral("metric").getLexicalForm());
    assertEquals("2024", range.getLiteral("year").getLexicalForm());
    assertEquals("马树镇", range.getLiteral("placeName").getLexicalForm());
    assertEquals(FILE, range.getLiteral("source").getLexicalForm());
    QuerySolution area =
        figures.stream().filter(s -> !s.contains("valueMax")).findFirst().orElseThrow();
    assertEquals("mu", area.getLiteral("unit").getLexicalForm());
    assertEquals("moreThan", area.getLiteral("qualifier").getLexicalForm());

    List<QuerySolution> units = run("queries/admin-units.rq", union);
    assertEquals(2, units.size());
    QuerySolution v =
        units.stream()
            .filter(s -> s.getLiteral("name").getLexicalForm().equals("木桥村"))
            .findFirst()
            .orElseThrow();
    assertEquals("village", v.getLiteral("level").getLexicalForm());
    assertEquals("530622101201", v.getLiteral("code").getLexicalForm());
    assertEquals("马树镇", v.getLiteral("parentName").getLexicalForm());

    List<QuerySolution> orgs = run("queries/party-orgs.rq", union);
    assertEquals(1, orgs.size());
    assertEquals("党总支", orgs.get(0).getLiteral("kind").getLexicalForm());
    assertEquals("木桥村", orgs.get(0).getLiteral("unitName").getLexicalForm());
  }

  /**
   * As a store is served: the named graphs, and a default graph that is their union (the saved
   * queries use both).
   */
  static DatasetGraph servedAs(DatasetGraph dsg) {
    DatasetGraph out = org.apache.jena.sparql.core.DatasetGraphFactory.createGeneral();
    dsg.find().forEachRemaining(out::add);
    dsg.getUnionGraph().find().forEachRemaining(out.getDefaultGraph()::add);
    return out;
  }

  static List<QuerySolution> run(String resource, DatasetGraph g) {
    String text;
    try (var in = StoreValidatorTest.class.getClassLoader().getResourceAsStream(resource)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Query q = QueryFactory.create(text);
    List<QuerySolution> out = new ArrayList<>();
    try (QueryExecution qe =
        QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(g)).query(q).build()) {
      ResultSet rs = qe.execSelect();
      rs.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void aFigureWithoutValueIsAViolation() {
    Node f = figure("500余亩");
    ValidationReport r = validateAfter(d -> replace(d, f, Vocab.VALUE, null));
    assertFalse(r.conforms());
    assertTrue(StoreValidator.hasViolations(r));
    assertTrue(hasViolation(r, f, Vocab.VALUE), validator.describe(r, 5));
    String text = validator.describe(r, 5);
    assertTrue(text.contains("rkgsh:FigureShape/rkg:value"), text);
    assertTrue(text.contains("exactly one value"), text);
  }

  @Test
  void aValueThatIsNotADecimalIsAViolation() {
    Node f = figure("500余亩");
    ValidationReport r =
        validateAfter(d -> replace(d, f, Vocab.VALUE, NodeFactory.createLiteralString("500")));
    assertTrue(hasViolation(r, f, Vocab.VALUE));
  }

  @Test
  void aUnitOutsideTheUnitSchemeIsAViolation() {
    Node f = figure("500余亩");
    ValidationReport r =
        validateAfter(d -> replace(d, f, Vocab.UNIT_OF_MEASURE, Vocab.concept("unit", "acre")));
    assertTrue(hasViolation(r, f, Vocab.UNIT_OF_MEASURE), validator.describe(r, 5));
    // a metric concept used as a unit is in the wrong scheme
    ValidationReport r2 =
        validateAfter(d -> replace(d, f, Vocab.UNIT_OF_MEASURE, Vocab.concept("metric", "area")));
    assertTrue(hasViolation(r2, f, Vocab.UNIT_OF_MEASURE));
  }

  @Test
  void valueMaxOnlyWithRangeAndNotBelowValue() {
    Node exact = figure("500余亩");
    ValidationReport r =
        validateAfter(d -> d.add(articleGraph(), exact, Vocab.VALUE_MAX, dec("900")));
    assertTrue(hasViolation(r, exact, null), "valueMax with qualifier moreThan");
    Node range = figure("300—500万元");
    ValidationReport r2 = validateAfter(d -> replace(d, range, Vocab.VALUE_MAX, null));
    assertTrue(hasViolation(r2, range, null), "range without valueMax");
    ValidationReport r3 = validateAfter(d -> replace(d, range, Vocab.VALUE_MAX, dec("100")));
    assertTrue(hasViolation(r3, range, Vocab.VALUE), "valueMax below value");
  }

  @Test
  void refPeriodMustBeAGYear() {
    Node range = figure("300—500万元");
    ValidationReport r =
        validateAfter(
            d ->
                replace(
                    d,
                    range,
                    Vocab.REF_PERIOD,
                    NodeFactory.createLiteralDT("2024", XSDDatatype.XSDinteger)));
    assertTrue(hasViolation(r, range, Vocab.REF_PERIOD));
  }

  @Test
  void badDivisionCodesAndLevelsAreViolations() {
    Node village = Iris.unitByCode("530622101201");
    ValidationReport r =
        validateAfter(
            d ->
                replace(
                    d,
                    village,
                    Vocab.DIVISION_CODE,
                    NodeFactory.createLiteralString("5306221012")));
    assertTrue(hasViolation(r, village, Vocab.DIVISION_CODE), validator.describe(r, 5));
    ValidationReport r2 =
        validateAfter(
            d ->
                replace(
                    d, village, Vocab.DIVISION_CODE, NodeFactory.createLiteralString("530622101")));
    assertTrue(hasViolation(r2, village, Vocab.DIVISION_CODE), "a village code has 12 digits");
    ValidationReport r3 =
        validateAfter(
            d ->
                d.add(
                    articleGraph(),
                    village,
                    Vocab.PREF_LABEL,
                    NodeFactory.createLiteralLang("木桥", "zh")));
    assertTrue(hasViolation(r3, village, Vocab.PREF_LABEL), "two canonical names");
    ValidationReport r4 =
        validateAfter(d -> replace(d, village, Vocab.LEVEL, Vocab.concept("level", "township")));
    assertTrue(hasViolation(r4, village, Vocab.LEVEL), "class Village with level township");
  }

  @Test
  void orgKindMustMatchItsClass() {
    DatasetGraph probe = mapped();
    Node real =
        probe.stream(articleGraph(), Node.ANY, Vocab.TYPE, Vocab.PARTY_ORGANISATION)
            .findFirst()
            .orElseThrow()
            .getSubject();
    ValidationReport r =
        validateAfter(d -> replace(d, real, Vocab.ORG_KIND, Vocab.OrgKind.BRANCH.concept));
    assertTrue(hasViolation(r, real, Vocab.ORG_KIND), validator.describe(r, 5));
  }

  @Test
  void aFactsEvidenceIsItsSpanOfTheSourceFileAsAFragmentIri() {
    DatasetGraph dsg = mapped();
    Node figure = figure("500余亩");
    List<Quad> evidence = new ArrayList<>();
    dsg.executeRead(
        () ->
            dsg.find(articleGraph(), figure, Vocab.EVIDENCE, Node.ANY)
                .forEachRemaining(evidence::add));
    assertEquals(1, evidence.size());
    int start = at("500余亩");
    // the test text is read as written (no normalisation), so its offsets are the file's
    assertEquals(
        Iris.textSpan(Iris.source(Iris.fileKey(FILE)), start, start + "500余亩".length()),
        evidence.get(0).getObject());
  }

  @Test
  void evidenceThatIsNotASpanOfASourceFileIsAViolation() {
    Node figure = figure("500余亩");
    Node notASpan = Iris.source(Iris.fileKey(FILE));
    ValidationReport r = validateAfter(d -> replace(d, figure, Vocab.EVIDENCE, notASpan));
    assertTrue(hasViolation(r, notASpan, null), validator.describe(r, 5));
    Node negative = NodeFactory.createURI(notASpan.getURI() + "#char=-1,4");
    ValidationReport r2 = validateAfter(d -> replace(d, figure, Vocab.EVIDENCE, negative));
    assertTrue(hasViolation(r2, negative, null), validator.describe(r2, 5));
  }

  @Test
  void theMastheadDateIsTheArticlesDatePublishedAsAnXsdDate() {
    DatasetGraph dsg = mapped();
    List<Quad> dated = new ArrayList<>();
    dsg.executeRead(
        () ->
            dsg.find(articleGraph(), Node.ANY, Vocab.SCHEMA_DATE_PUBLISHED, Node.ANY)
                .forEachRemaining(dated::add));
    assertEquals(1, dated.size());
    assertEquals(
        NodeFactory.createLiteralDT("2025-11-20", XSDDatatype.XSDdate), dated.get(0).getObject());
    Node article = dated.get(0).getSubject();
    ValidationReport r =
        validateAfter(
            d ->
                replace(
                    d,
                    article,
                    Vocab.SCHEMA_DATE_PUBLISHED,
                    NodeFactory.createLiteralString("2025年11月20日")));
    assertTrue(hasViolation(r, article, Vocab.SCHEMA_DATE_PUBLISHED), validator.describe(r, 5));
  }

  @Test
  void anIndustryConceptMissingFromItsSchemeIsAViolation() {
    ValidationReport r =
        validateAfter(
            d -> d.delete(Vocab.ONTOLOGY_GRAPH, INDUSTRY, Vocab.IN_SCHEME, Vocab.INDUSTRY_SCHEME));
    UnitMention village =
        new UnitMention(
            0, 3, "木桥村", Level.VILLAGE, "木桥村", DIVISIONS.get("530622101201"), null, 0.95);
    Node fact = Iris.fact("industry", Iris.fileKey(FILE), 0, at("草莓"), village);
    assertTrue(hasViolation(r, fact, Vocab.INDUSTRY), validator.describe(r, 5));
  }

  @Test
  void withoutTheOntologyGraphCodeListValuesCannotBeChecked() {
    ValidationReport r = validateAfter(d -> d.removeGraph(Vocab.ONTOLOGY_GRAPH));
    assertTrue(
        hasViolation(r, figure("500余亩"), Vocab.UNIT_OF_MEASURE),
        "the validator must see the code lists");
    String text = validator.describe(r, 2);
    assertTrue(text.contains("is codelists.ttl loaded?"), text);
    assertTrue(text.contains("more"), "details are capped per shape: " + text);
  }

  @Test
  void printWritesTheSameTextAsDescribe() {
    ValidationReport r = validateAfter(d -> replace(d, figure("500余亩"), Vocab.VALUE, null));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    validator.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8), 3);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(validator.describe(r, 3), text);
    assertTrue(text.startsWith("DOES NOT CONFORM: 1 violation(s)"), text);
    assertTrue(
        text.contains("focus id:figure/000_test/0/" + at("500余亩") + "  path rkg:value"), text);
    Map<String, Long> counts = validator.countsPerShape(r);
    assertEquals(Map.of("Violation rkgsh:FigureShape/rkg:value", 1L), counts);
  }

  @Test
  void theDefaultGraphIsValidatedToo() {
    DatasetGraph dsg = mapped();
    Node f = figure("500余亩");
    dsg.executeWrite(
        () -> {
          List<Triple> copy = new ArrayList<>();
          dsg.find(articleGraph(), f, Node.ANY, Node.ANY)
              .forEachRemaining(q -> copy.add(q.asTriple()));
          // a figure living in the default graph only, without its value
          Node lone = NodeFactory.createURI(f.getURI() + "-copy");
          for (Triple t : copy) {
            if (!t.getPredicate().equals(Vocab.VALUE))
              dsg.getDefaultGraph().add(Triple.create(lone, t.getPredicate(), t.getObject()));
          }
        });
    ValidationReport r = validator.validate(dsg);
    assertTrue(
        hasViolation(r, NodeFactory.createURI(f.getURI() + "-copy"), Vocab.VALUE),
        validator.describe(r, 5));
  }

  @Test
  void validatesATdb2StoreInsideItsOwnReadTransaction() {
    DatasetGraph mem = mapped();
    DatasetGraph tdb = org.apache.jena.tdb2.DatabaseMgr.createDatasetGraph();
    List<Quad> quads = mem.calculateRead(() -> mem.stream().toList());
    tdb.executeWrite(() -> quads.forEach(tdb::add));
    assertTrue(tdb.calculateRead(() -> tdb.getUnionGraph().size()) > 500, "copied into TDB2");
    ValidationReport ok = validator.validate(DatasetFactory.wrap(tdb));
    assertTrue(ok.conforms(), validator.describe(ok, 5));
    // (not rkg:value: TDB2 5.6.0 reads "500"^^xsd:decimal back as "500.0" and cannot delete it by
    // that node)
    Node f = figure("500余亩");
    tdb.executeWrite(() -> replace(tdb, f, Vocab.UNIT_OF_MEASURE, null));
    assertTrue(
        hasViolation(validator.validate(DatasetFactory.wrap(tdb)), f, Vocab.UNIT_OF_MEASURE));
    // also usable when the caller already holds a transaction
    tdb.executeRead(() -> assertTrue(StoreValidator.hasViolations(validator.validate(tdb))));
  }

  static Node dec(String s) {
    return NodeFactory.createLiteralDT(s, XSDDatatype.XSDdecimal);
  }
}
