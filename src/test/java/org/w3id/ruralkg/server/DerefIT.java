package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.rdf.Vocab;

/** Dereferencing data IRIs on the seeds store: /id/... as Turtle, JSON-LD and HTML. */
class DerefIT {
  @TempDir static Path tmp;
  static DashboardSeedServer seeds;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
  static final Node QIAOJIA = NodeFactory.createURI(Vocab.ID + "unit/530622");
  static final Node QIAOJIA_NAME = NodeFactory.createLiteralLang("巧家县", "zh");

  @BeforeAll
  static void serve() throws Exception {
    seeds = new DashboardSeedServer(tmp);
  }

  @AfterAll
  static void stop() {
    if (seeds != null) seeds.close();
  }

  static HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(seeds.base + path)).GET();
    if (accept != null) b.header("Accept", accept);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Graph parse(HttpResponse<String> r, Lang lang) {
    return RDFParser.fromString(r.body(), lang).base(seeds.base).toGraph();
  }

  @Test
  void qiaojiaAsTurtle() throws Exception {
    var r = get("/id/unit/530622", "text/turtle");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    Graph g = parse(r, Lang.TURTLE);
    assertTrue(g.contains(QIAOJIA, Vocab.PREF_LABEL, QIAOJIA_NAME), r.body());
    assertTrue(
        g.contains(
            QIAOJIA,
            NodeFactory.createURI(Vocab.ONT + "divisionCode"),
            NodeFactory.createLiteralString("530622")));
    // the parent's label comes along, so a client can show a name without a second request
    assertTrue(
        g.contains(
            NodeFactory.createURI(Vocab.ID + "unit/530600"),
            Vocab.PREF_LABEL,
            NodeFactory.createLiteralLang("昭通市", "zh")));
  }

  @Test
  void qiaojiaAsJsonLd() throws Exception {
    var r = get("/id/unit/530622", "application/ld+json");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
    assertTrue(parse(r, Lang.JSONLD).contains(QIAOJIA, Vocab.PREF_LABEL, QIAOJIA_NAME), r.body());
  }

  @Test
  void qiaojiaAsHtmlForBrowsers() throws Exception {
    var r = get("/id/unit/530622", BROWSER_ACCEPT);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    String html = r.body();
    assertTrue(html.contains("<h1>巧家县</h1>"), html);
    assertTrue(
        html.contains("href=\"/id/unit/530600\""), "links to other data IRIs are local paths");
    assertTrue(html.contains("昭通市"), "linked resources are shown by label");
    assertTrue(html.contains("上级单位"), "properties are shown with their ontology label");
    assertFalse(
        html.contains("href=\"https://w3id.org/ruralkg/id/"),
        "no link leaves the server for local data");
  }

  @Test
  void curlDefaultAcceptGetsTurtleAndFormatParameterOverrides() throws Exception {
    assertTrue(
        get("/id/unit/530622", "*/*")
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("text/turtle"));
    var r = get("/id/unit/530622?format=jsonld", BROWSER_ACCEPT);
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
    assertTrue(parse(r, Lang.JSONLD).contains(QIAOJIA, Vocab.PREF_LABEL, QIAOJIA_NAME));
  }

  @Test
  void unknownResourceIs404() throws Exception {
    assertEquals(404, get("/id/unit/000000", "text/turtle").statusCode());
    assertEquals(404, get("/id/unit/000000", BROWSER_ACCEPT).statusCode());
    assertEquals(404, get("/id/", "text/turtle").statusCode());
  }

  @Test
  void fragmentResourcesComeWithTheirBase() throws Exception {
    // an article's authors are fragments of the article IRI
    String author = firstSubject(NodeFactory.createURI(Vocab.SCHEMA + "Person"));
    String article = author.substring(0, author.indexOf('#'));
    var r = get("/id/" + article.substring(Vocab.ID.length()), "text/turtle");
    assertEquals(200, r.statusCode(), article);
    Graph g = parse(r, Lang.TURTLE);
    assertTrue(
        g.find(NodeFactory.createURI(author), Node.ANY, Node.ANY).hasNext(),
        author + " missing in\n" + r.body());
  }

  @Test
  void percentEncodedAndRawUtf8PathsFindTheSameConcept() throws Exception {
    String iri =
        Vocab.ID + "concept/programme/local/" + org.w3id.ruralkg.rdf.Iris.encodePath("巧十条");
    var encoded = get("/id/concept/programme/local/%E5%B7%A7%E5%8D%81%E6%9D%A1", "text/turtle");
    assertEquals(200, encoded.statusCode());
    assertTrue(
        parse(encoded, Lang.TURTLE).find(NodeFactory.createURI(iri), Node.ANY, Node.ANY).hasNext());
    var lower = get("/id/concept/programme/local/%e5%b7%a7%e5%8d%81%e6%9d%a1", "text/turtle");
    assertEquals(200, lower.statusCode(), "lower-case percent-encoding names the same IRI");
  }

  private static String firstSubject(Node type) {
    return org.apache.jena.system.Txn.calculateRead(
        seeds.dsg,
        () -> {
          var it = seeds.dsg.getUnionGraph().find(Node.ANY, Vocab.TYPE, type);
          Triple t = it.next();
          return t.getSubject().getURI();
        });
  }

  @Test
  void unitPageLeadsOnToWhatIsWithinItAndWhatMentionsIt() throws Exception {
    String html = get("/id/unit/530622", BROWSER_ACCEPT).body();
    assertTrue(
        html.contains("id=\"unit-within\"") && html.contains("href=\"/id/unit/530622105\">马树镇</a>"),
        "townships within 巧家县 are listed and linked");
    assertTrue(
        html.contains("href=\"/id/article/000_08c3608711e2fccf/0\">产业为基 就业为桥 民生为本</a>"),
        "articles that mention it, by headline");
    assertTrue(
        html.contains("id=\"unit-totals\"") && html.contains("href=\"/id/concept/metric/"),
        "figures summed by metric, linked");
    assertTrue(html.contains("href=\"/id/figure/"), "each figure is linked");
    assertTrue(
        html.contains("id=\"unit-orgs\"") && html.contains("党支部"), "party organisations within it");
    assertTrue(
        html.contains("id=\"unit-programmes\"") && html.contains(">草莓</a>"),
        "industries within it");
    // 云南省's figures fill more than a page: there is a next page, and it links back
    String yunnan = get("/id/unit/530000", BROWSER_ACCEPT).body();
    String page2 = get("/id/unit/530000?unit-figures=2", BROWSER_ACCEPT).body();
    assertTrue(yunnan.contains("?unit-figures=2#unit-figures"), "a next-page link");
    assertTrue(page2.contains("?unit-figures=1#unit-figures"), "a previous-page link");
  }

  @Test
  void factPageReadsAsTextAndLeadsToItsSentence() throws Exception {
    String html = get("/id/figure/000_08c3608711e2fccf/0/3874", BROWSER_ACCEPT).body();
    assertTrue(
        html.contains("<mark>6.75亿元</mark>"), "the figure's words are marked in its sentence");
    assertTrue(html.contains(">产业为基 就业为桥 民生为本</a>"), "the article is named by its headline");
    assertTrue(
        html.contains(
            "href=\"/id/article/000_08c3608711e2fccf/0#"
                + ArticleText.anchor(Vocab.ID + "figure/000_08c3608711e2fccf/0/3874")
                + "\""),
        "links to the sentence in the article");
    assertFalse(html.contains("e0"), "no 0.8e0: numbers as people write them");
    assertFalse(html.contains("xsd:double"), "no datatype tags");
    assertTrue(
        java.util.regex.Pattern.compile("class=\"lit\">0\\.\\d+<").matcher(html).find(),
        "confidence as a plain decimal: " + html);
    assertTrue(html.contains("000_08c3608711e2fccf.txt"), "the source file by its name");
    assertFalse(html.contains(">id:source/"), "not as id:source/...");
  }

  @Test
  void articlePageShowsItsSentencesWithEachFactMarkedAndLinked() throws Exception {
    String html = get("/id/article/000_08c3608711e2fccf/0", BROWSER_ACCEPT).body();
    assertTrue(html.contains("<h1>产业为基 就业为桥 民生为本</h1>"), "headline");
    assertTrue(html.contains("张顺富"), "byline");
    assertTrue(html.contains("000_08c3608711e2fccf.txt"), "source file");
    String anchor = ArticleText.anchor(Vocab.ID + "figure/000_08c3608711e2fccf/0/3874");
    assertTrue(
        html.contains(
            "id=\""
                + anchor
                + "\" href=\"/id/figure/000_08c3608711e2fccf/0/3874\"><mark>6.75亿元</mark></a>"),
        "the figure is marked where it stands and linked");
  }

  @Test
  void unitTurtleLeadsOnToo() throws Exception {
    Graph g = parse(get("/id/unit/530622", "text/turtle"), Lang.TURTLE);
    Node maShu = NodeFactory.createURI(Vocab.ID + "unit/530622105");
    assertTrue(g.contains(maShu, Vocab.PARENT, QIAOJIA), "a unit within it");
    assertTrue(
        g.contains(maShu, Vocab.PREF_LABEL, NodeFactory.createLiteralLang("马树镇", "zh")),
        "with its name");
    assertTrue(g.find(Node.ANY, Vocab.REFERS_TO, QIAOJIA).hasNext(), "mentions of it");
    assertTrue(g.find(Node.ANY, Vocab.REF_AREA, QIAOJIA).hasNext(), "figures about it");
    Node mention = g.find(Node.ANY, Vocab.REFERS_TO, QIAOJIA).next().getSubject();
    Node article = g.find(mention, Vocab.PROV_DERIVED_FROM, Node.ANY).next().getObject();
    assertTrue(
        g.find(article, Vocab.SCHEMA_HEADLINE, Node.ANY).hasNext(),
        "the mentioning article with its headline");
  }
}
