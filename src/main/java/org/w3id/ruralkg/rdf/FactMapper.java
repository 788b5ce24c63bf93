package org.w3id.ruralkg.rdf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ruralkg.extract.ArticleFacts;
import org.w3id.ruralkg.extract.Evidence;
import org.w3id.ruralkg.extract.FigureFact;
import org.w3id.ruralkg.extract.IndustryFact;
import org.w3id.ruralkg.extract.OrgFact;
import org.w3id.ruralkg.extract.ProgrammeFact;
import org.w3id.ruralkg.extract.Quantity;
import org.w3id.ruralkg.link.Division;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.SourceText;

/**
 * Maps one page's extracted facts to quads onto a {@link StreamRDF}. Needs the page, its path
 * relative to the input folder, the build activity and a division lookup (for the parent chain of
 * linked units). Three kinds of graph (docs/ONTOLOGY.md, "Graphs"):
 *
 * <ul>
 *   <li>one graph per article ({@link Iris#graph}): the article and every fact found in it, each
 *       with its provenance (sentence, confidence, and its span of the source file as an RFC 5147
 *       fragment IRI);
 *   <li>one graph per file ({@link Iris#fileGraph}): the source file and the build that read it;
 *       replaced and dropped with the file's article graphs, all in one transaction;
 *   <li>the shared graph ({@link Vocab#SHARED_GRAPH}): administrative units with their whole
 *       ancestor chain, and local programme concepts. What is said there depends only on the
 *       thing's IRI (the gazetteer, or the name a local IRI is minted from), so it is written once
 *       per file and stays true when an article goes: dropping a file never leaves an article
 *       pointing at something undescribed.
 * </ul>
 *
 * Stateless; thread-safe.
 */
public final class FactMapper {
  /** One place in the text where a merged fact is stated: as written, and its evidence. */
  private record Occurrence(String surface, Evidence evidence) {}

  /** What identifies the build that produced the quads. */
  public record BuildInfo(Node activity, String startedAt, String softwareVersion) {
    /** The schema:softwareVersion literal of the build activity. */
    public String softwareLiteral() {
      return "ruralkg " + softwareVersion;
    }
  }

  /**
   * The version of what a page becomes: raise it whenever a change to extraction or mapping changes
   * the quads of some page, so that the next build of an existing store re-extracts files whose
   * bytes did not change. 2: every unit carries its whole rkg:within closure. 3: units and local
   * concepts in the shared graph, the source file and build in the file's graph, evidence as a
   * fragment IRI. 4: one unit mention per article and unit, with an evidence span per occurrence.
   * 5: one programme implementation and one industry development per article, concept and unit, and
   * one organisation mention per article and organisation.
   */
  public static final int MAPPING_VERSION = 5;

  private final Function<String, Division> divisionByCode;

  public FactMapper(Function<String, Division> divisionByCode) {
    this.divisionByCode = divisionByCode;
  }

  public void write(
      Page page, String relativePath, List<ArticleFacts> articles, BuildInfo build, StreamRDF out) {
    if (articles.isEmpty())
      return; // as before: a file without articles leaves nothing in the store
    String fileKey = Iris.fileKey(relativePath);
    Node source = Iris.source(fileKey);
    writeSource(page, relativePath, fileKey, source, build, out);
    Set<Node> shared = new HashSet<>(); // shared-graph subjects this file described already
    for (ArticleFacts af : articles) {
      new ArticleWriter(page, fileKey, source, af, build, out, shared).write();
    }
  }

  /** The file's own graph: the source file and the build activity that read it. */
  private static void writeSource(
      Page page, String relativePath, String fileKey, Node source, BuildInfo build, StreamRDF out) {
    Node g = Iris.fileGraph(fileKey);
    SourceText st = page.source();
    String baseName = relativePath.substring(relativePath.replace('\\', '/').lastIndexOf('/') + 1);
    out.quad(Quad.create(g, source, Vocab.TYPE, Vocab.SOURCE_FILE));
    out.quad(Quad.create(g, source, Vocab.TYPE, Vocab.PROV_ENTITY));
    out.quad(Quad.create(g, source, Vocab.FILE_NAME, str(baseName)));
    out.quad(Quad.create(g, source, Vocab.DCT_IDENTIFIER, str(relativePath)));
    out.quad(Quad.create(g, source, Vocab.SHA256, str(st.sha256())));
    out.quad(Quad.create(g, source, Vocab.CHARSET, str(st.charset())));
    Node b = build.activity();
    out.quad(Quad.create(g, b, Vocab.TYPE, Vocab.BUILD));
    out.quad(Quad.create(g, b, Vocab.TYPE, Vocab.PROV_ACTIVITY));
    out.quad(
        Quad.create(
            g, b, Vocab.PROV_STARTED_AT, typed(build.startedAt(), XSDDatatype.XSDdateTime)));
    out.quad(Quad.create(g, b, Vocab.SCHEMA_SOFTWARE_VERSION, str(build.softwareLiteral())));
    out.quad(Quad.create(g, b, Vocab.PROV_USED, source));
  }

  /** Writes one article graph, and what it needs described into the shared graph. */
  private final class ArticleWriter {
    private final Page page;
    private final String fileKey;
    private final ArticleFacts facts;
    private final BuildInfo build;
    private final StreamRDF out;
    private final Node graph;
    private final Node article;
    private final Node source;
    private final Set<Node> described;

    ArticleWriter(
        Page page,
        String fileKey,
        Node source,
        ArticleFacts facts,
        BuildInfo build,
        StreamRDF out,
        Set<Node> described) {
      this.page = page;
      this.fileKey = fileKey;
      this.facts = facts;
      this.build = build;
      this.out = out;
      this.graph = Iris.graph(fileKey, facts.article().index());
      this.article = Iris.article(fileKey, facts.article().index());
      this.source = source;
      this.described = described;
    }

    void write() {
      writeArticle();
      writeUnitMentions();
      writeOrgs();
      writeProgrammes();
      writeIndustries();
      for (FigureFact f : facts.figures()) writeFigure(f);
    }

    private void add(Node s, Node p, Node o) {
      out.quad(Quad.create(graph, s, p, o));
    }

    private void shared(Node s, Node p, Node o) {
      out.quad(Quad.create(Vocab.SHARED_GRAPH, s, p, o));
    }

    private void writeArticle() {
      Article a = facts.article();
      add(article, Vocab.TYPE, Vocab.SCHEMA_NEWS_ARTICLE);
      add(article, Vocab.TYPE, Vocab.PROV_ENTITY);
      add(article, Vocab.PROV_DERIVED_FROM, source);
      add(article, Vocab.PROV_GENERATED_BY, build.activity());
      add(article, Vocab.ARTICLE_INDEX, integer(a.index()));
      if (a.title() != null && !a.title().isBlank())
        add(article, Vocab.SCHEMA_HEADLINE, zh(a.title()));
      if (a.subtitle() != null && !a.subtitle().isBlank())
        add(article, Vocab.SCHEMA_ALTERNATIVE_HEADLINE, zh(a.subtitle()));
      int i = 0;
      for (String author : a.authors()) {
        Node person = Iris.child(article, "author" + (i++));
        add(article, Vocab.SCHEMA_AUTHOR, person);
        add(person, Vocab.TYPE, Vocab.SCHEMA_PERSON);
        add(person, Vocab.SCHEMA_NAME, zh(author));
      }
      if (page.header() != null) {
        if (page.header().newspaper() != null)
          add(article, Vocab.SCHEMA_PUBLISHER, zh(page.header().newspaper()));
        if (page.header().editorLine() != null)
          add(article, Vocab.EDITOR_LINE, zh(page.header().editorLine()));
        // the masthead's date: what 今年/去年 in the article were read against
        if (page.header().published() != null) {
          add(
              article,
              Vocab.SCHEMA_DATE_PUBLISHED,
              typed(page.header().published().toString(), XSDDatatype.XSDdate));
        }
      }
    }

    /** The unit itself, its level, code and parent chain, in the shared graph; once per file. */
    private Node describeUnit(UnitMention u) {
      Node node = Iris.unit(u);
      if (!described.add(node)) return node;
      shared(node, Vocab.TYPE, Vocab.ADMIN_UNIT);
      shared(node, Vocab.TYPE, Vocab.levelClass(u.level()));
      shared(node, Vocab.PREF_LABEL, zh(u.canonicalName()));
      shared(node, Vocab.LEVEL, Vocab.concept("level", u.level().notation()));
      shared(node, Vocab.LINKED, bool(u.linked()));
      if (u.division() != null) {
        shared(node, Vocab.DIVISION_CODE, str(u.division().code()));
        describeAncestors(node, u.division());
      } else if (u.parentName() != null) {
        // the parent is only known by name: say so with a label, not a made-up node (the unit's
        // IRI is minted from level, parent name and name, so this stays true for every article)
        shared(node, Vocab.PARENT_NAME, zh(u.parentName()));
      }
      return node;
    }

    /**
     * A unit's rkg:parent, its rkg:within to every ancestor, and each ancestor described the same
     * way (once per file), all in the shared graph. Every unit there carries its whole ancestor
     * closure, so that a query finds a unit's county with one rkg:within lookup.
     */
    private void describeAncestors(Node node, Division division) {
      boolean first = true;
      for (Division a = parentOf(division); a != null; a = parentOf(a)) {
        Node p = Iris.unitByCode(a.code());
        if (first) shared(node, Vocab.PARENT, p);
        first = false;
        shared(node, Vocab.WITHIN, p);
        if (described.add(p)) {
          shared(p, Vocab.TYPE, Vocab.ADMIN_UNIT);
          shared(p, Vocab.TYPE, Vocab.levelClass(a.level()));
          shared(p, Vocab.PREF_LABEL, zh(a.name()));
          shared(p, Vocab.LEVEL, Vocab.concept("level", a.level().notation()));
          shared(p, Vocab.LINKED, bool(true));
          shared(p, Vocab.DIVISION_CODE, str(a.code()));
          describeAncestors(p, a);
        }
      }
    }

    private Division parentOf(Division d) {
      return d.parentCode() == null ? null : divisionByCode.apply(d.parentCode());
    }

    /**
     * One rkg:UnitMention per unit the article mentions, however often: each place in the text is
     * one rkg:evidence span and each way of writing it one rkg:surface; the confidence is the
     * highest of its mentions (the article mentions the unit if any of them does). A fact per
     * occurrence repeated the type, unit, article and confidence for every 巧家 of a page: a third of
     * an article's mention quads.
     */
    private void writeUnitMentions() {
      Map<Node, List<UnitMention>> byUnit = new LinkedHashMap<>();
      for (UnitMention u : facts.units())
        byUnit.computeIfAbsent(describeUnit(u), k -> new ArrayList<>()).add(u);
      for (Map.Entry<Node, List<UnitMention>> e : byUnit.entrySet()) {
        List<UnitMention> mentions = e.getValue();
        UnitMention first = mentions.get(0);
        Node m = Iris.fact("mention", fileKey, facts.article().index(), first.start());
        add(m, Vocab.TYPE, Vocab.UNIT_MENTION);
        add(m, Vocab.REFERS_TO, e.getKey());
        add(m, Vocab.PROV_DERIVED_FROM, article);
        double confidence = 0;
        for (UnitMention u : mentions) {
          confidence = Math.max(confidence, u.confidence());
          add(m, Vocab.SURFACE, zh(u.surface())); // a quad written twice is stored once
          writeSelectors(m, u.start(), u.end());
        }
        add(m, Vocab.CONFIDENCE, dbl(confidence));
      }
    }

    /**
     * Each organisation described once per article, and one rkg:OrganisationMention per
     * organisation the article names, however often (as {@link #writeProgrammes}).
     */
    private void writeOrgs() {
      Map<Node, List<OrgFact>> byOrg = new LinkedHashMap<>();
      for (OrgFact o : facts.orgs())
        byOrg.computeIfAbsent(describeOrg(o), k -> new ArrayList<>()).add(o);
      for (Map.Entry<Node, List<OrgFact>> e : byOrg.entrySet()) {
        List<OrgFact> occurrences = e.getValue();
        Node m =
            Iris.fact(
                "org-mention",
                fileKey,
                facts.article().index(),
                occurrences.get(0).evidence().start());
        add(m, Vocab.TYPE, Vocab.ORG_MENTION);
        add(m, Vocab.REFERS_TO, e.getKey());
        writeOccurrences(
            m, occurrences.stream().map(o -> new Occurrence(o.mention(), o.evidence())).toList());
      }
    }

    private Node describeOrg(OrgFact o) {
      Vocab.OrgKind kind = Vocab.OrgKind.ofNotation(o.kind());
      Node org = Iris.org(o.unit(), kind, o.host(), o.mention());
      add(org, Vocab.TYPE, Vocab.PARTY_ORGANISATION);
      add(org, Vocab.TYPE, kind.type);
      add(org, Vocab.TYPE, Vocab.ORG_ORGANIZATION);
      add(org, Vocab.ORG_KIND, kind.concept);
      add(org, Vocab.LABEL, zh(o.mention()));
      if (o.unit() != null) add(org, Vocab.OF_UNIT, describeUnit(o.unit()));
      if (o.host() != null) {
        Node host = Iris.hostBody(o.unit(), o.host());
        add(host, Vocab.TYPE, Vocab.ORG_FORMAL_ORGANIZATION);
        add(
            host,
            Vocab.TYPE,
            Vocab.ORG_ORGANIZATION); // stated, so that consumers without RDFS inference see it
        add(host, Vocab.LABEL, zh(o.host()));
        add(org, Vocab.HOST, host);
        add(org, Vocab.ORG_SUB_ORGANIZATION_OF, host);
      }
      return org;
    }

    /**
     * One rkg:ProgrammeImplementation per programme and unit the article reports, however often:
     * like a unit mention, each occurrence is one rkg:evidence span with its rkg:sentence, each way
     * of writing it one rkg:surface, and the confidence is the highest. A fact per occurrence
     * repeated type, programme, unit, article and confidence for every 乡村振兴 of a story.
     */
    private void writeProgrammes() {
      writeMerged(
          "programme",
          Vocab.PROGRAMME_IMPLEMENTATION,
          Vocab.PROGRAMME,
          facts.programmes(),
          this::programmeConcept,
          ProgrammeFact::unit,
          ProgrammeFact::evidence);
    }

    /** The programme's concept; a local scheme is described in the shared graph, once per file. */
    private Node programmeConcept(ProgrammeFact p) {
      if (p.conceptId() != null) return Vocab.concept("programme", p.conceptId());
      Node concept = Iris.localScheme(p.label());
      if (described.add(concept)) {
        // minted from its label: the same description wherever it is met
        shared(concept, Vocab.TYPE, Vocab.CONCEPT);
        shared(concept, Vocab.PREF_LABEL, zh(p.label()));
        shared(concept, Vocab.NOTATION, str(p.label()));
        shared(concept, Vocab.IN_SCHEME, Vocab.PROGRAMME_SCHEME);
      }
      return concept;
    }

    /** One rkg:IndustryDevelopment per industry and unit, as {@link #writeProgrammes}. */
    private void writeIndustries() {
      writeMerged(
          "industry",
          Vocab.INDUSTRY_DEVELOPMENT,
          Vocab.INDUSTRY,
          facts.industries(),
          i -> Vocab.concept("industry", i.conceptId()),
          IndustryFact::unit,
          IndustryFact::evidence);
    }

    /**
     * One fact of {@code type} per concept and unit among {@code found}, carried out in the unit,
     * with an occurrence per extracted fact; its IRI is its first occurrence's.
     */
    private <T> void writeMerged(
        String kind,
        Node type,
        Node conceptProperty,
        List<T> found,
        Function<T, Node> conceptOf,
        Function<T, UnitMention> unitOf,
        Function<T, Evidence> evidenceOf) {
      Map<List<Node>, List<T>> groups = new LinkedHashMap<>();
      for (T t : found)
        groups
            .computeIfAbsent(key(conceptOf.apply(t), unitOf.apply(t)), k -> new ArrayList<>())
            .add(t);
      for (Map.Entry<List<Node>, List<T>> e : groups.entrySet()) {
        T first = e.getValue().get(0);
        UnitMention unit = unitOf.apply(first);
        Node f =
            Iris.fact(
                kind, fileKey, facts.article().index(), evidenceOf.apply(first).start(), unit);
        add(f, Vocab.TYPE, type);
        add(f, conceptProperty, e.getKey().get(0));
        if (unit != null) add(f, Vocab.CARRIED_OUT_IN, describeUnit(unit));
        List<Occurrence> occurrences = new ArrayList<>();
        for (T t : e.getValue()) {
          Evidence ev = evidenceOf.apply(t);
          occurrences.add(new Occurrence(ev.quote(), ev));
        }
        writeOccurrences(f, occurrences);
      }
    }

    /** The grouping key of a programme or industry fact: its concept and its unit (or none). */
    private List<Node> key(Node concept, UnitMention unit) {
      return unit == null ? List.of(concept) : List.of(concept, describeUnit(unit));
    }

    /**
     * The article and highest confidence of a merged fact, and for each occurrence its span, its
     * sentence and its written form (a quad written twice is stored once).
     */
    private void writeOccurrences(Node f, List<Occurrence> occurrences) {
      add(f, Vocab.PROV_DERIVED_FROM, article);
      double confidence = 0;
      for (Occurrence o : occurrences) {
        confidence = Math.max(confidence, o.evidence().confidence());
        add(f, Vocab.SURFACE, zh(o.surface()));
        add(f, Vocab.SENTENCE, zh(o.evidence().sentence()));
        writeSelectors(f, o.evidence().start(), o.evidence().end());
      }
      add(f, Vocab.CONFIDENCE, dbl(confidence));
    }

    private void writeFigure(FigureFact fig) {
      Quantity q = fig.quantity();
      Node f = Iris.fact("figure", fileKey, facts.article().index(), fig.evidence().start());
      add(f, Vocab.TYPE, Vocab.QB_OBSERVATION);
      add(f, Vocab.TYPE, Vocab.FIGURE);
      add(f, Vocab.QB_DATASET_PROP, Vocab.FIGURES_DATASET);
      add(f, Vocab.QUANTITY_TEXT, zh(q.surface()));
      add(f, Vocab.VALUE, decimal(q.value()));
      if (q.valueMax() != null) add(f, Vocab.VALUE_MAX, decimal(q.valueMax()));
      add(f, Vocab.UNIT_OF_MEASURE, Vocab.concept("unit", q.unit().code()));
      add(f, Vocab.QUALIFIER, Vocab.concept("qualifier", q.qualifier().notation()));
      add(f, Vocab.METRIC, Vocab.concept("metric", fig.metric().code()));
      if (q.counted() != null && !q.counted().isBlank()) add(f, Vocab.COUNTED, zh(q.counted()));
      if (fig.place() != null) add(f, Vocab.REF_AREA, describeUnit(fig.place()));
      if (fig.year() != null)
        add(f, Vocab.REF_PERIOD, typed(String.valueOf(fig.year()), XSDDatatype.XSDgYear));
      add(f, Vocab.PROV_DERIVED_FROM, article);
      writeEvidence(f, fig.evidence());
    }

    private void writeEvidence(Node fact, Evidence e) {
      add(fact, Vocab.SENTENCE, zh(e.sentence()));
      add(fact, Vocab.CONFIDENCE, dbl(e.confidence()));
      writeSelectors(fact, e.start(), e.end());
    }

    /**
     * Web Annotation evidence: the fact's span of the source file as an RFC 5147 fragment IRI,
     * {@code <source>#char=start,end} (character offsets in the file as read), which the Web
     * Annotation model accepts as a target in place of a specific resource with a selector. One
     * quad per fact: the specific resource with its position selector took six (half the store).
     * The text of the span is the fact's surface or quantity text; its context is rkg:sentence.
     */
    private void writeSelectors(Node fact, int start, int end) {
      SourceText st = page.source();
      add(
          fact,
          Vocab.EVIDENCE,
          Iris.textSpan(source, st.originalOffset(start), st.originalOffset(end)));
    }
  }

  private static Node str(String s) {
    return NodeFactory.createLiteralString(s);
  }

  private static Node zh(String s) {
    return NodeFactory.createLiteralLang(s, "zh");
  }

  private static Node typed(String lex, XSDDatatype dt) {
    return NodeFactory.createLiteralDT(lex, dt);
  }

  private static Node integer(long v) {
    return NodeFactory.createLiteralDT(Long.toString(v), XSDDatatype.XSDinteger);
  }

  private static Node dbl(double v) {
    return NodeFactory.createLiteralDT(Double.toString(v), XSDDatatype.XSDdouble);
  }

  private static Node bool(boolean v) {
    return NodeFactory.createLiteralDT(Boolean.toString(v), XSDDatatype.XSDboolean);
  }

  private static Node decimal(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.scale() < 0) s = s.setScale(0);
    return NodeFactory.createLiteralDT(s.toPlainString(), XSDDatatype.XSDdecimal);
  }
}
