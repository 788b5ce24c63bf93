package org.w3id.ruralkg.server;

import static org.w3id.ruralkg.common.Html.escape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.ruralkg.rdf.OntologyFiles;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * Renders the ontology as one HTML page for browsers (served at /ont): classes grouped by their top
 * rkg superclass, object and datatype properties with domain and range, other described resources
 * (QUDT units, the Data Cube structure) and every SKOS concept scheme with its concepts, each with
 * zh and en labels and comments. Needs the ontology graph; the page is rendered once at
 * construction, so instances are immutable and thread-safe. Every text from the graph is escaped.
 */
public final class OntologyPage {
  private static final String QB = Vocab.QB;
  private final String html;

  public OntologyPage(Graph ontology) {
    this.html = new Renderer(ModelFactory.createModelForGraph(ontology)).render();
  }

  /**
   * The page for the ontology files on the classpath (see {@link OntologyFiles#ontologyGraph()}).
   */
  public static OntologyPage fromClasspath() {
    return new OntologyPage(OntologyFiles.ontologyGraph());
  }

  /** The page, a complete UTF-8 HTML document. */
  public String html() {
    return html;
  }

  /** Holds the model and the output while rendering. */
  private static final class Renderer {
    private final Model m;
    private final PrefixMapping pm;
    private final StringBuilder sb = new StringBuilder();

    Renderer(Model m) {
      this.m = m;
      PrefixMapping p = PrefixMapping.Factory.create();
      p.setNsPrefixes(PrefixMapping.Standard);
      p.setNsPrefixes(m.getNsPrefixMap());
      p.setNsPrefix("rkg", Vocab.ONT);
      this.pm = p;
    }

    String render() {
      Resource ont = m.createResource(Vocab.ONT.substring(0, Vocab.ONT.length() - 1));
      sb.append("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
          .append(escape(text(ont, DCTerms.title, "zh", "ruralkg 本体")))
          .append(" · ")
          .append(escape(text(ont, DCTerms.title, "en", "ruralkg ontology")))
          .append("</title>\n<style>\n")
          .append(
              "body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}")
          .append(
              "th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}th{background:#f3f3f3}")
          .append("code{font-size:.95em}.en{color:#555}td:first-child{white-space:nowrap}")
          // the Chinese label column: a label is a few characters, never broken one per line
          .append("td:nth-child(2){white-space:nowrap;min-width:6em}td:last-child{min-width:16em}")
          .append(
              "header{margin:-2em -2em 1.5em;padding:.7em 2em;background:#2f5d50}header a{color:#fff;text-decoration:none;margin-right:1.2em}")
          .append("\n</style>\n</head>\n<body>\n")
          .append(
              "<header><a href=\"/\"><b>ruralkg 乡村振兴知识图谱</b></a><a href=\"/editor/\">查询 Query</a><a href=\"/api/docs/\">API</a>")
          .append("<a href=\"/.well-known/void\">VoID</a></header>\n");
      sb.append("<h1>")
          .append(escape(text(ont, DCTerms.title, "zh", "ruralkg 本体")))
          .append("<br><span class=\"en\">")
          .append(escape(text(ont, DCTerms.title, "en", "ruralkg ontology")))
          .append("</span></h1>\n");
      sb.append("<p>")
          .append(escape(text(ont, DCTerms.description, "zh", "")))
          .append("</p>\n<p class=\"en\">")
          .append(escape(text(ont, DCTerms.description, "en", "")))
          .append("</p>\n");
      sb.append("<p>命名空间 Namespace: <code>")
          .append(escape(Vocab.ONT))
          .append("</code> (rkg:) · 数据 Data: <code>")
          .append(escape(Vocab.ID))
          .append("</code></p>\n");
      sb.append(
              "<p><a href=\"#classes\">类 Classes</a> · <a href=\"#object-properties\">对象属性 Object properties</a> · ")
          .append(
              "<a href=\"#datatype-properties\">数据属性 Datatype properties</a> · <a href=\"#other\">其他 Other resources</a> · ")
          .append("<a href=\"#schemes\">概念方案 Concept schemes</a></p>\n");
      classes();
      properties("object-properties", "对象属性 Object properties", OWL.ObjectProperty);
      properties("datatype-properties", "数据属性 Datatype properties", OWL.DatatypeProperty);
      others();
      schemes();
      sb.append("</body>\n</html>\n");
      return sb.toString();
    }

    private void classes() {
      sb.append("<h2 id=\"classes\">类 Classes</h2>\n");
      Map<Resource, List<Resource>> groups = new LinkedHashMap<>();
      for (Resource c : sorted(ours(OWL.Class)))
        groups.computeIfAbsent(root(c), k -> new ArrayList<>()).add(c);
      for (Map.Entry<Resource, List<Resource>> g : groups.entrySet()) {
        List<Resource> members = g.getValue();
        members.sort(
            Comparator.comparing((Resource r) -> !r.equals(g.getKey()))
                .thenComparing(Resource::getURI));
        sb.append("<h3>")
            .append(escape(label(g.getKey(), "zh")))
            .append(" · <span class=\"en\">")
            .append(escape(label(g.getKey(), "en")))
            .append("</span></h3>\n");
        sb.append(
            "<table>\n<tr><th>术语 Term</th><th>中文</th><th>English</th><th>上位类 Subclass of</th><th>说明 Comment</th></tr>\n");
        for (Resource c : members) {
          row(c, List.of(refs(c, RDFS.subClassOf)));
        }
        sb.append("</table>\n");
      }
    }

    private void properties(String id, String title, Resource type) {
      sb.append("<h2 id=\"").append(id).append("\">").append(escape(title)).append("</h2>\n");
      sb.append(
          "<table>\n<tr><th>术语 Term</th><th>中文</th><th>English</th><th>定义域 Domain</th><th>值域 Range</th><th>上位属性 Subproperty of</th><th>说明 Comment</th></tr>\n");
      for (Resource p : sorted(ours(type))) {
        row(
            p,
            List.of(
                refs(p, RDFS.domain),
                refs(p, RDFS.range),
                refs(p, RDFS.subPropertyOf) + characteristics(p)));
      }
      sb.append("</table>\n");
    }

    /**
     * Described resources that are neither classes, properties, concepts nor schemes: QUDT units,
     * the DSD, the data set.
     */
    private void others() {
      sb.append("<h2 id=\"other\">其他 Other resources</h2>\n");
      sb.append(
          "<table>\n<tr><th>术语 Term</th><th>中文</th><th>English</th><th>类型 Type</th><th>说明 Comment</th></tr>\n");
      Set<Resource> skip = new TreeSet<>(Comparator.comparing(Resource::getURI));
      for (Resource t :
          List.of(
              OWL.Class,
              OWL.ObjectProperty,
              OWL.DatatypeProperty,
              OWL.Ontology,
              SKOS.Concept,
              SKOS.ConceptScheme)) {
        skip.addAll(ours(t));
        m.listSubjectsWithProperty(RDF.type, t)
            .forEachRemaining(
                r -> {
                  if (r.isURIResource()) skip.add(r);
                });
      }
      Set<Resource> rest = new TreeSet<>(Comparator.comparing(Resource::getURI));
      m.listSubjectsWithProperty(RDFS.label)
          .forEachRemaining(
              r -> {
                if (r.isURIResource() && !skip.contains(r)) rest.add(r);
              });
      for (Resource r : rest) row(r, List.of(refs(r, RDF.type)));
      sb.append("</table>\n");
    }

    private void schemes() {
      sb.append("<h2 id=\"schemes\">概念方案 Concept schemes</h2>\n");
      List<Resource> schemes = new ArrayList<>();
      m.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).forEachRemaining(schemes::add);
      schemes.removeIf(r -> !r.isURIResource());
      schemes.sort(Comparator.comparing(Resource::getURI));
      for (Resource s : schemes) {
        String slug = s.getURI().substring(s.getURI().lastIndexOf('/') + 1);
        sb.append("<h3 id=\"scheme-")
            .append(escape(slug))
            .append("\">")
            .append(escape(pref(s, "zh")))
            .append(" · <span class=\"en\">")
            .append(escape(pref(s, "en")))
            .append("</span></h3>\n<p><code>")
            .append(escape(s.getURI()))
            .append("</code><br>")
            .append(escape(text(s, SKOS.definition, "zh", "")))
            .append("<br><span class=\"en\">")
            .append(escape(text(s, SKOS.definition, "en", "")))
            .append("</span></p>\n");
        sb.append(
            "<table>\n<tr><th>代码 Notation</th><th>中文</th><th>English</th><th>定义 Definition</th><th>IRI</th></tr>\n");
        List<Resource> concepts = new ArrayList<>();
        m.listSubjectsWithProperty(SKOS.inScheme, s).forEachRemaining(concepts::add);
        concepts.removeIf(r -> !r.isURIResource());
        concepts.sort(Comparator.comparing(Resource::getURI));
        for (Resource c : concepts) {
          sb.append("<tr><td><code>")
              .append(escape(text(c, SKOS.notation, null, "")))
              .append("</code></td><td>")
              .append(escape(pref(c, "zh")))
              .append("</td><td>")
              .append(escape(pref(c, "en")))
              .append("</td><td>")
              .append(escape(text(c, SKOS.definition, "zh", "")))
              .append("<br><span class=\"en\">")
              .append(escape(text(c, SKOS.definition, "en", "")))
              .append("</span></td><td><code>")
              .append(escape(c.getURI()))
              .append("</code></td></tr>\n");
        }
        sb.append("</table>\n");
      }
    }

    private void row(Resource r, List<String> cellsHtml) {
      String id =
          r.getURI().startsWith(Vocab.ONT) ? r.getURI().substring(Vocab.ONT.length()) : null;
      sb.append("<tr")
          .append(id == null ? "" : " id=\"" + escape(id) + "\"")
          .append("><td><code>")
          .append(escape(shortName(r)))
          .append("</code></td><td>")
          .append(escape(label(r, "zh")))
          .append("</td><td>")
          .append(escape(label(r, "en")))
          .append("</td>");
      for (String cell : cellsHtml) sb.append("<td>").append(cell).append("</td>");
      sb.append("<td>")
          .append(escape(text(r, RDFS.comment, "zh", "")))
          .append("<br><span class=\"en\">")
          .append(escape(text(r, RDFS.comment, "en", "")))
          .append("</span></td></tr>\n");
    }

    /** Escaped, linked short names of the objects of (r, p); class expressions shown as unions. */
    private String refs(Resource r, Property p) {
      List<String> out = new ArrayList<>();
      for (Statement st : r.listProperties(p).toList()) out.add(ref(st.getObject()));
      out.sort(null);
      return String.join(", ", out);
    }

    private String ref(RDFNode n) {
      if (n.isLiteral()) return escape(n.asLiteral().getLexicalForm());
      Resource o = n.asResource();
      if (o.isAnon()) {
        Resource union = o.getPropertyResourceValue(OWL.unionOf);
        if (union != null && union.canAs(org.apache.jena.rdf.model.RDFList.class)) {
          List<String> parts = new ArrayList<>();
          for (RDFNode x : union.as(org.apache.jena.rdf.model.RDFList.class).asJavaList())
            parts.add(ref(x));
          return String.join(" ∪ ", parts);
        }
        return "[]";
      }
      String name = escape(shortName(o));
      if (o.getURI().startsWith(Vocab.ONT)) {
        return "<a href=\"#"
            + escape(o.getURI().substring(Vocab.ONT.length()))
            + "\"><code>"
            + name
            + "</code></a>";
      }
      return "<a href=\"" + escape(o.getURI()) + "\"><code>" + name + "</code></a>";
    }

    private String characteristics(Resource p) {
      List<String> c = new ArrayList<>();
      if (p.hasProperty(RDF.type, OWL.TransitiveProperty)) c.add("transitive");
      if (p.hasProperty(RDF.type, OWL.FunctionalProperty)) c.add("functional");
      for (String kind : List.of("DimensionProperty", "MeasureProperty", "AttributeProperty")) {
        if (p.hasProperty(RDF.type, m.createResource(QB + kind))) c.add("qb:" + kind);
      }
      return c.isEmpty() ? "" : " <em>(" + escape(String.join(", ", c)) + ")</em>";
    }

    /** The topmost rkg superclass of c (itself when it has none). */
    private Resource root(Resource c) {
      Resource cur = c;
      for (int guard = 0; guard < 20; guard++) {
        Resource next = null;
        for (Statement st : cur.listProperties(RDFS.subClassOf).toList()) {
          RDFNode o = st.getObject();
          if (o.isURIResource() && o.asResource().getURI().startsWith(Vocab.ONT))
            next = o.asResource();
        }
        if (next == null) return cur;
        cur = next;
      }
      return cur;
    }

    private List<Resource> ours(Resource type) {
      List<Resource> out = new ArrayList<>();
      m.listSubjectsWithProperty(RDF.type, type)
          .forEachRemaining(
              r -> {
                if (r.isURIResource() && r.getURI().startsWith(Vocab.ONT)) out.add(r);
              });
      return out;
    }

    private static List<Resource> sorted(List<Resource> rs) {
      List<Resource> out = new ArrayList<>(rs);
      out.sort(Comparator.comparing(Resource::getURI));
      return out;
    }

    private String shortName(Resource r) {
      String s = pm.shortForm(r.getURI());
      return s;
    }

    private String label(Resource r, String lang) {
      return text(r, RDFS.label, lang, "");
    }

    private String pref(Resource r, String lang) {
      String s = text(r, SKOS.prefLabel, lang, "");
      return s.isEmpty() ? label(r, lang) : s;
    }

    /**
     * The first literal of (r, p) in the language (any language when lang is null), or the
     * fallback.
     */
    private static String text(Resource r, Property p, String lang, String fallback) {
      for (Statement st : r.listProperties(p).toList()) {
        if (!st.getObject().isLiteral()) continue;
        Literal l = st.getObject().asLiteral();
        if (lang == null || l.getLanguage().equalsIgnoreCase(lang)) return l.getLexicalForm();
      }
      return fallback;
    }
  }
}
