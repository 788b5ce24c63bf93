package org.w3id.ruralkg.server;

import static org.w3id.ruralkg.common.Html.escape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ruralkg.rdf.OntologyFiles;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * The HTML page of one dereferenced resource: needs its description (from ResourceDescriber);
 * renders one table per subject (the resource, then its fragments) with property labels from the
 * ontology, object labels from the description, and links to other data IRIs rewritten to this
 * server's /id/ paths. Immutable once built.
 */
final class ResourcePage {
  private static final List<Node> LABEL_PROPS =
      List.of(
          Vocab.PREF_LABEL,
          Vocab.LABEL,
          org.apache.jena.graph.NodeFactory.createURI(Vocab.SCHEMA + "name"),
          Vocab.SCHEMA_HEADLINE,
          Vocab.FILE_NAME,
          Vocab.NOTATION);

  /** Labels of the ontology's terms (zh preferred), read once. */
  private static final class TermLabels {
    static final Map<String, String> ZH = load();

    private static Map<String, String> load() {
      Map<String, String> zh = new HashMap<>();
      Graph g = OntologyFiles.ontologyGraph();
      g.find(Node.ANY, Vocab.LABEL, Node.ANY).forEachRemaining(t -> put(zh, t));
      g.find(Node.ANY, Vocab.PREF_LABEL, Node.ANY).forEachRemaining(t -> put(zh, t));
      return Map.copyOf(zh);
    }

    private static void put(Map<String, String> zh, Triple t) {
      if (!t.getSubject().isURI() || !t.getObject().isLiteral()) return;
      String lang = t.getObject().getLiteralLanguage();
      if ("zh".equals(lang) || !zh.containsKey(t.getSubject().getURI()))
        zh.put(t.getSubject().getURI(), t.getObject().getLiteralLexicalForm());
    }
  }

  private final String html;

  ResourcePage(String iri, Graph g, String contextPath) {
    this(iri, g, contextPath, null, name -> 1);
  }

  /**
   * With the store, the page also lists what leads on from the resource (PageSections), {@code
   * page} giving each list's page.
   */
  ResourcePage(
      String iri, Graph g, String contextPath, DatasetGraph dsg, Function<String, Integer> page) {
    this.html = new Renderer(iri, g, contextPath, dsg, page).render();
  }

  String html() {
    return html;
  }

  /** The prefixes used in every representation. */
  static PrefixMap prefixes() {
    PrefixMap pm = PrefixMapFactory.create();
    pm.add("rkg", Vocab.ONT);
    pm.add("id", Vocab.ID);
    pm.add("rdf", Vocab.RDF_NS);
    pm.add("rdfs", Vocab.RDFS);
    pm.add("xsd", Vocab.XSD);
    pm.add("skos", Vocab.SKOS);
    pm.add("org", Vocab.ORG);
    pm.add("qb", Vocab.QB);
    pm.add("prov", Vocab.PROV);
    pm.add("oa", Vocab.OA);
    pm.add("schema", Vocab.SCHEMA);
    pm.add("dct", Vocab.DCT);
    return pm;
  }

  private static final class Renderer {
    private final String iri;
    private final Graph g;
    private final String ctx;
    private final PrefixMap pm = prefixes();
    private final StringBuilder sb = new StringBuilder();

    private final DatasetGraph dsg;
    private final Function<String, Integer> page;

    Renderer(String iri, Graph g, String ctx, DatasetGraph dsg, Function<String, Integer> page) {
      this.iri = iri;
      this.g = g;
      this.ctx = ctx;
      this.dsg = dsg;
      this.page = page;
    }

    String render() {
      String title = label(iri);
      if (title == null) title = iri.startsWith(Vocab.ID) ? iri.substring(Vocab.ID.length()) : iri;
      sb.append("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .append("<link rel=\"icon\" href=\"data:,\">\n")
          .append("<title>")
          .append(escape(title))
          .append(" · ruralkg</title>\n")
          .append("<link rel=\"stylesheet\" href=\"")
          .append(ctx)
          .append("/static/dashboard.css\">\n")
          .append("<link rel=\"alternate\" type=\"text/turtle\" href=\"?format=ttl\">\n")
          .append("<link rel=\"alternate\" type=\"application/ld+json\" href=\"?format=jsonld\">\n")
          .append("</head>\n<body>\n<header><a class=\"home\" href=\"")
          .append(ctx)
          .append("/\">ruralkg 乡村振兴知识图谱</a>")
          .append("<nav><a href=\"")
          .append(ctx)
          .append("/\">仪表板 Dashboard</a><a href=\"")
          .append(ctx)
          .append("/editor/\">查询 Query</a>")
          .append("<a href=\"")
          .append(ctx)
          .append("/ont\">本体 Ontology</a></nav></header>\n<main>\n");
      sb.append("<h1>").append(escape(title)).append("</h1>\n");
      sb.append("<p class=\"iri\"><code>")
          .append(escape(iri))
          .append("</code> · <a href=\"?format=ttl\">Turtle</a> · ")
          .append(
              "<a href=\"?format=jsonld\">JSON-LD</a> · <a href=\"?format=nt\">N-Triples</a></p>\n");
      Node self = NodeFactory.createURI(iri);
      if (g.contains(self, Vocab.SENTENCE, Node.ANY)) sentence(self);
      if (dsg != null && g.contains(self, Vocab.TYPE, Vocab.SCHEMA_NEWS_ARTICLE))
        sb.append(ArticleText.html(dsg, self, this::href));
      if (dsg != null && g.contains(self, Vocab.TYPE, Vocab.ADMIN_UNIT)) {
        sb.append(
            PageSections.html(
                dsg,
                PageSections.UNIT,
                self,
                page,
                this::href,
                n -> link(n.getURI(), false),
                this::value));
      }
      sb.append("<h2>属性 · Properties</h2>\n");
      for (Node s : subjects()) table(s);
      sb.append("</main>\n</body>\n</html>\n");
      return sb.toString();
    }

    /** The resource first, then its fragments in IRI order; label-only subjects are not shown. */
    private List<Node> subjects() {
      List<Node> out = new ArrayList<>();
      g.find()
          .forEachRemaining(
              t -> {
                Node s = t.getSubject();
                if (!out.contains(s)
                    && (s.isURI() && (s.getURI().equals(iri) || s.getURI().startsWith(iri + "#"))
                        || s.isBlank())) out.add(s);
              });
      out.sort(
          Comparator.comparing((Node n) -> !n.isURI() || !n.getURI().equals(iri))
              .thenComparing((Node n) -> n.toString()));
      return out;
    }

    private void table(Node s) {
      if (!s.getURI().equals(iri)) {
        String frag = s.getURI().substring(iri.length() + 1);
        sb.append("<h2 id=\"")
            .append(escape(frag))
            .append("\">#")
            .append(escape(frag))
            .append("</h2>\n");
      }
      // rdf:type first, then properties by prefixed name
      Map<String, List<Node>> byProp =
          new TreeMap<>(
              Comparator.comparing((String p) -> !p.equals(Vocab.TYPE.getURI()))
                  .thenComparing(p -> pm.abbreviate(p) == null ? p : pm.abbreviate(p)));
      g.find(s, Node.ANY, Node.ANY)
          .forEachRemaining(
              t ->
                  byProp
                      .computeIfAbsent(t.getPredicate().getURI(), k -> new ArrayList<>())
                      .add(t.getObject()));
      sb.append(
          "<table class=\"props\">\n<thead><tr><th>属性 Property</th><th>值 Value</th></tr></thead>\n<tbody>\n");
      for (var e : byProp.entrySet()) {
        sb.append("<tr><td>").append(link(e.getKey(), true)).append("</td><td>");
        List<Node> values = e.getValue();
        values.sort(Comparator.comparing(Node::toString));
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) sb.append("<br>");
          sb.append(value(values.get(i)));
        }
        sb.append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table>\n");
    }

    /**
     * A fact's sentence with the words it rests on marked, linked to the same place in its
     * article's text.
     */
    private void sentence(Node self) {
      String sentence = first(self, Vocab.SENTENCE);
      String words = first(self, Vocab.QUANTITY_TEXT);
      if (words == null) words = first(self, Vocab.SURFACE);
      sb.append("<blockquote class=\"sentence\">")
          .append(
              ArticleText.mark(
                  sentence,
                  words == null ? List.of() : List.of(words),
                  w -> "<mark>" + escape(w) + "</mark>"))
          .append("</blockquote>\n");
      g.find(self, Vocab.PROV_DERIVED_FROM, Node.ANY)
          .forEachRemaining(
              t -> {
                if (!t.getObject().isURI()) return;
                String headline = label(t.getObject().getURI());
                sb.append("<p class=\"from\">出自 From <a href=\"")
                    .append(escape(href(t.getObject().getURI()) + "#" + ArticleText.anchor(iri)))
                    .append("\">")
                    .append(escape(headline == null ? short_(t.getObject().getURI()) : headline))
                    .append("</a></p>\n");
              });
    }

    private String first(Node s, Node p) {
      var it = g.find(s, p, Node.ANY);
      return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
    }

    /**
     * A literal as people read it: numbers plainly (0.8, not 0.8e0 xsd:double), text without its
     * language tag.
     */
    private String value(Node o) {
      if (o.isURI()) return link(o.getURI(), false);
      if (o.isBlank()) return "<code>_:" + escape(o.getBlankNodeLabel()) + "</code>";
      return "<span class=\"lit\">" + escape(Literals.readable(o)) + "</span>";
    }

    /**
     * A link to an IRI: data and ontology IRIs resolve on this server; the label (if any) is shown
     * with the short name.
     */
    private String link(String target, boolean property) {
      String label = property ? TermLabels.ZH.get(target) : label(target);
      if (label == null) label = TermLabels.ZH.get(target);
      String shortName = short_(target);
      // a labelled data IRI reads as its label (the IRI is in the link); terms keep their prefixed
      // name
      String text =
          label == null
              ? "<code>" + escape(shortName) + "</code>"
              : target.startsWith(Vocab.ID)
                  ? escape(label)
                  : escape(label) + " <code class=\"dim\">" + escape(shortName) + "</code>";
      return "<a href=\"" + escape(href(target)) + "\">" + text + "</a>";
    }

    String href(String target) {
      if (target.startsWith(iri + "#")) return target.substring(iri.length());
      if (target.startsWith(Vocab.ID))
        return ctx + ResourceServlet.PATH + target.substring(Vocab.ID.length());
      if (target.startsWith(Vocab.ONT)) return ctx + "/ont#" + target.substring(Vocab.ONT.length());
      return target;
    }

    private String short_(String target) {
      if (target.startsWith(iri + "#")) return target.substring(iri.length());
      // data IRIs have '/' in their local part, which prefixed names cannot hold
      if (target.startsWith(Vocab.ID)) return "id:" + target.substring(Vocab.ID.length());
      String a = pm.abbreviate(target);
      return a == null ? target : a;
    }

    /** A label of a resource in the description: zh first, then any. */
    private String label(String target) {
      Node n = org.apache.jena.graph.NodeFactory.createURI(target);
      Map<String, String> found = new LinkedHashMap<>();
      for (Node p : LABEL_PROPS) {
        g.find(n, p, Node.ANY)
            .forEachRemaining(
                t -> {
                  if (t.getObject().isLiteral())
                    found.putIfAbsent(
                        t.getObject().getLiteralLanguage(), t.getObject().getLiteralLexicalForm());
                });
        if (!found.isEmpty()) break;
      }
      if (found.isEmpty()) {
        // a span of a source file (a fact's evidence) reads as the file's name and the offsets
        int hash = target.indexOf("#char=");
        String file = hash > 0 ? label(target.substring(0, hash)) : null;
        return file == null ? null : file + " " + target.substring(hash + 1);
      }
      return found.getOrDefault("zh", found.values().iterator().next());
    }
  }
}
