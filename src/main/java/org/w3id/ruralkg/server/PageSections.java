package org.w3id.ruralkg.server;

import static org.w3id.ruralkg.common.Html.escape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * The lists on an entity page that lead on from it (for a unit: the units within it, the articles
 * that mention it, its figures summed and one by one, programmes, industries, party organisations):
 * each a SPARQL query in the classpath folder pages/ with {@code ?this} bound to the resource, run
 * on the store and shown as a table, a page of {@link #PAGE} rows at a time ({@code ?NAME=N} asks
 * for page N). A column {@code ?x} with a column {@code ?xLabel} is shown as a link with that
 * label. Thread-safe (queries are parsed once, run in read transactions).
 */
final class PageSections {
  static final int PAGE = 50;
  private static final long TIMEOUT_MS = 10_000;

  /** A titled list: the query file's name (also the paging parameter) and its heading. */
  record Section(String name, String title) {}

  static final List<Section> UNIT =
      List.of(
          new Section("unit-totals", "数字汇总（按指标和单位，含下辖单位）· Figures summed by metric and unit"),
          new Section("unit-within", "下辖单位（文章提及）· Units within it that the articles mention"),
          new Section("unit-articles", "提及它的文章 · Articles that mention it"),
          new Section("unit-figures", "数字 · Figures about it and the units within it"),
          new Section("unit-programmes", "项目与产业 · Programmes and industries in it and within it"),
          new Section("unit-orgs", "党组织 · Party organisations in it and within it"));

  private static final Map<String, Query> QUERIES = load();

  private PageSections() {}

  private static Map<String, Query> load() {
    Map<String, Query> out = new java.util.HashMap<>();
    for (String name :
        List.of(
            "unit-totals",
            "unit-within",
            "unit-articles",
            "unit-figures",
            "unit-programmes",
            "unit-orgs",
            "article-facts")) {
      try (InputStream in =
          PageSections.class.getClassLoader().getResourceAsStream("pages/" + name + ".rq")) {
        out.put(name, QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(out);
  }

  /**
   * The rows of section {@code name} for {@code self}, at most {@code limit} from {@code offset}.
   */
  static Rows rows(DatasetGraph dsg, String name, Node self, long offset, long limit) {
    Query q = QUERIES.get(name).cloneQuery();
    q.setOffset(offset);
    q.setLimit(limit);
    return Txn.calculateRead(
        dsg,
        () -> {
          try (QueryExec exec =
              QueryExec.dataset(dsg)
                  .query(q)
                  .substitution("this", self)
                  .timeout(TIMEOUT_MS)
                  .build()) {
            RowSet rs = exec.select();
            List<Var> vars = rs.getResultVars();
            List<Binding> list = new ArrayList<>();
            // a TDB binding reads its nodes lazily: copy them while the transaction is open
            rs.forEachRemaining(
                b -> {
                  var copy = Binding.builder();
                  b.forEach(copy::add);
                  list.add(copy.build());
                });
            return new Rows(vars, list);
          }
        });
  }

  /** Query results kept after the transaction. */
  record Rows(List<Var> vars, List<Binding> bindings) {}

  /**
   * The HTML of every section for {@code self}; {@code page} gives a section's requested page (1
   * when absent), {@code link} turns an IRI into a link, {@code value} a literal into text.
   */
  static String html(
      DatasetGraph dsg,
      List<Section> sections,
      Node self,
      Function<String, Integer> page,
      Function<String, String> href,
      Function<Node, String> link,
      Function<Node, String> value) {
    StringBuilder sb = new StringBuilder();
    for (Section s : sections) {
      int p = Math.max(1, page.apply(s.name()));
      Rows rows = rows(dsg, s.name(), self, (long) (p - 1) * PAGE, PAGE + 1);
      sb.append("<section class=\"leads\" id=\"")
          .append(s.name())
          .append("\">\n<h2>")
          .append(escape(s.title()))
          .append("</h2>\n");
      if (rows.bindings().isEmpty()) {
        sb.append("<p class=\"dim\">")
            .append(p == 1 ? "无 · none" : "没有更多 · no more")
            .append("</p>\n</section>\n");
        continue;
      }
      List<Var> shown =
          rows.vars().stream()
              .filter(
                  v ->
                      !v.getVarName().endsWith("Label")
                          || !rows.vars()
                              .contains(
                                  Var.alloc(
                                      v.getVarName().substring(0, v.getVarName().length() - 5))))
              .toList();
      sb.append("<table class=\"rows\">\n<thead><tr>");
      for (Var v : shown) sb.append("<th>").append(escape(v.getVarName())).append("</th>");
      sb.append("</tr></thead>\n<tbody>\n");
      for (Binding b : rows.bindings().subList(0, Math.min(PAGE, rows.bindings().size()))) {
        sb.append("<tr>");
        for (Var v : shown) {
          Node n = b.get(v);
          Node label = b.get(Var.alloc(v.getVarName() + "Label"));
          sb.append("<td>");
          if (n == null) sb.append("");
          else if (n.isURI())
            sb.append(
                label == null
                    ? link.apply(n)
                    : "<a href=\""
                        + escape(href.apply(n.getURI()))
                        + "\">"
                        + escape(label.getLiteralLexicalForm())
                        + "</a>");
          else sb.append(value.apply(n));
          sb.append("</td>");
        }
        sb.append("</tr>\n");
      }
      sb.append("</tbody>\n</table>\n<p class=\"pager\">");
      if (p > 1)
        sb.append("<a href=\"?")
            .append(s.name())
            .append('=')
            .append(p - 1)
            .append('#')
            .append(s.name())
            .append("\">← 上一页 previous</a> ");
      if (rows.bindings().size() > PAGE)
        sb.append("<a href=\"?")
            .append(s.name())
            .append('=')
            .append(p + 1)
            .append('#')
            .append(s.name())
            .append("\">下一页 next →</a>");
      sb.append("</p>\n</section>\n");
    }
    return sb.toString();
  }
}
