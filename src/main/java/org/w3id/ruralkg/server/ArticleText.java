package org.w3id.ruralkg.server;

import static org.w3id.ruralkg.common.Html.escape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * An article's text as the graph keeps it: the sentences its facts were extracted from, in the
 * order of the facts' offsets, each fact's words marked and linked to the fact's page. (The graph
 * keeps no article text beyond these sentences.) Stateless.
 */
final class ArticleText {
  private static final int MAX_FACTS = 2000;

  private ArticleText() {}

  /** The id a fact's mark has on its article's page, so a fact page can link to it. */
  static String anchor(String factIri) {
    return "f-" + Integer.toHexString(factIri.hashCode());
  }

  static String html(DatasetGraph dsg, Node article, Function<String, String> href) {
    PageSections.Rows rows = PageSections.rows(dsg, "article-facts", article, 0, MAX_FACTS);
    // A fact has one sentence, or (a programme or industry the article names in several places)
    // several, and then its spans and written forms come without saying which sentence holds
    // which: a sentence's place is the first span of a fact with it alone, else of a fact whose
    // written form it holds.
    Map<String, Set<String>> sentencesOf = new HashMap<>();
    for (Binding b : rows.bindings()) {
      Node s = b.get(Var.alloc("sentence"));
      Node f = b.get(Var.alloc("fact"));
      if (s != null && f != null)
        sentencesOf
            .computeIfAbsent(f.getURI(), k -> new HashSet<>())
            .add(s.getLiteralLexicalForm());
    }
    // sentence → its facts (IRI → words), and where it starts
    Map<String, Map<String, String>> sentences = new LinkedHashMap<>();
    Map<String, Long> starts = new HashMap<>();
    for (Binding b : rows.bindings()) {
      Node s = b.get(Var.alloc("sentence"));
      Node f = b.get(Var.alloc("fact"));
      Node w = b.get(Var.alloc("surface"));
      Node start = b.get(Var.alloc("start"));
      if (s == null || f == null) continue;
      String sentence = s.getLiteralLexicalForm();
      String word = w == null ? "" : w.getLiteralLexicalForm();
      boolean holds =
          sentencesOf.get(f.getURI()).size() == 1 || !word.isEmpty() && sentence.contains(word);
      if (!holds) continue;
      sentences.computeIfAbsent(sentence, k -> new LinkedHashMap<>()).putIfAbsent(f.getURI(), word);
      if (start != null && start.isLiteral())
        starts.merge(sentence, Long.parseLong(start.getLiteralLexicalForm()), Math::min);
    }
    List<Map.Entry<String, Map<String, String>>> ordered = new ArrayList<>(sentences.entrySet());
    ordered.sort(Comparator.comparing(e -> starts.getOrDefault(e.getKey(), Long.MAX_VALUE)));
    StringBuilder sb =
        new StringBuilder(
            "<section class=\"leads\" id=\"text\">\n<h2>正文（事实所在句子）· Text: the sentences facts come from</h2>\n");
    if (sentences.isEmpty()) sb.append("<p class=\"dim\">无 · none</p>\n");
    for (var e : ordered) {
      List<String> words = new ArrayList<>(e.getValue().values());
      List<String> facts = new ArrayList<>(e.getValue().keySet());
      sb.append("<p class=\"sentence\">")
          .append(
              mark(
                  e.getKey(),
                  words,
                  w -> {
                    String fact = facts.get(words.indexOf(w));
                    return "<a class=\"fact\" id=\""
                        + anchor(fact)
                        + "\" href=\""
                        + escape(href.apply(fact))
                        + "\"><mark>"
                        + escape(w)
                        + "</mark></a>";
                  }))
          .append("</p>\n");
    }
    return sb.append("</section>\n").toString();
  }

  /**
   * {@code sentence} escaped, with each of {@code words} (first free occurrence, longest first so
   * 8059.47万元 is not split by 万元) replaced by what {@code render} makes of it.
   */
  static String mark(String sentence, List<String> words, Function<String, String> render) {
    if (sentence == null) return "";
    int n = sentence.length();
    String[] at = new String[n];
    boolean[] taken = new boolean[n];
    List<String> order = new ArrayList<>(words);
    order.sort((a, b) -> b.length() - a.length());
    for (String w : order) {
      if (w == null || w.isEmpty()) continue;
      for (int from = sentence.indexOf(w); from >= 0; from = sentence.indexOf(w, from + 1)) {
        boolean free = true;
        for (int i = from; i < from + w.length(); i++) free &= !taken[i];
        if (!free) continue;
        for (int i = from; i < from + w.length(); i++) taken[i] = true;
        at[from] = w;
        break;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; ) {
      if (at[i] != null) {
        sb.append(render.apply(at[i]));
        i += at[i].length();
      } else {
        sb.append(escape(String.valueOf(sentence.charAt(i))));
        i++;
      }
    }
    return sb.toString();
  }
}
