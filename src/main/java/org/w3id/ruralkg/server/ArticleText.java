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
import java.util.TreeSet;
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
    List<Row> found = new ArrayList<>();
    for (Binding b : rows.bindings()) {
      Node s = b.get(Var.alloc("sentence"));
      Node f = b.get(Var.alloc("fact"));
      Node w = b.get(Var.alloc("surface"));
      Node start = b.get(Var.alloc("start"));
      if (s == null || f == null || start == null || !start.isLiteral()) continue;
      found.add(
          new Row(
              f.getURI(),
              s.getLiteralLexicalForm(),
              w == null ? "" : w.getLiteralLexicalForm(),
              Long.parseLong(start.getLiteralLexicalForm())));
    }
    Map<String, Long> starts = sentenceStarts(found);
    // sentence → its facts (IRI → words), in the order of the text
    Map<String, Map<String, String>> sentences = new LinkedHashMap<>();
    Map<String, Set<String>> sentencesOf = sentencesOf(found);
    for (Row r : found) {
      // a fact with several sentences is shown in those that hold its written form
      boolean single = sentencesOf.get(r.fact()).size() == 1;
      if (single || !r.word().isEmpty() && r.sentence().contains(r.word()))
        sentences
            .computeIfAbsent(r.sentence(), k -> new LinkedHashMap<>())
            .putIfAbsent(r.fact(), r.word());
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

  /** One row of the article's facts: a fact, one of its sentences, a written form, a span start. */
  record Row(String fact, String sentence, String word, long start) {}

  private static Map<String, Set<String>> sentencesOf(List<Row> rows) {
    Map<String, Set<String>> out = new HashMap<>();
    for (Row r : rows) out.computeIfAbsent(r.fact(), k -> new HashSet<>()).add(r.sentence());
    return out;
  }

  /**
   * Where each sentence starts, as far as the rows tell. A fact with one sentence places it: the
   * span's start less the written form's place in the sentence. A fact with several (a programme
   * named in several places: merged per article, concept and unit) gives its spans and sentences
   * without saying which holds which; such a sentence goes where the spans of every fact that lists
   * it fit and no placed sentence is.
   */
  static Map<String, Long> sentenceStarts(List<Row> rows) {
    Map<String, Set<String>> sentencesOf = sentencesOf(rows);
    Map<String, Long> starts = new HashMap<>();
    for (Row r : rows)
      if (sentencesOf.get(r.fact()).size() == 1)
        starts.merge(
            r.sentence(), r.start() - Math.max(0, r.sentence().indexOf(r.word())), Math::min);
    // a sentence of merged facts: each place a written form of one of them puts it at, kept when
    // every fact that lists the sentence has a span inside it there and no placed sentence is in
    // the way; the sentences with fewest such places are placed first
    Map<String, Set<Long>> spansOf = new HashMap<>();
    Map<String, Set<String>> factsOf = new HashMap<>();
    for (Row r : rows) {
      spansOf.computeIfAbsent(r.fact(), k -> new HashSet<>()).add(r.start());
      factsOf.computeIfAbsent(r.sentence(), k -> new HashSet<>()).add(r.fact());
    }
    while (true) {
      String best = null;
      TreeSet<Long> bestPlaces = null;
      for (Map.Entry<String, Set<String>> e : factsOf.entrySet()) {
        String sentence = e.getKey();
        if (starts.containsKey(sentence)) continue;
        TreeSet<Long> places = new TreeSet<>();
        for (Row r : rows) {
          int at = r.word().isEmpty() ? -1 : sentence.indexOf(r.word());
          if (!e.getValue().contains(r.fact()) || at < 0) continue;
          long from = r.start() - at;
          long to = from + sentence.length();
          boolean fits = !overlapsPlaced(from, to, starts);
          for (String f : e.getValue())
            fits &= spansOf.get(f).stream().anyMatch(x -> x >= from && x < to);
          if (fits) places.add(from);
        }
        if (!places.isEmpty() && (bestPlaces == null || places.size() < bestPlaces.size())) {
          best = sentence;
          bestPlaces = places;
        }
      }
      if (best == null) break;
      starts.put(best, bestPlaces.first());
    }
    return starts;
  }

  /** True when a placed sentence overlaps [from, to). */
  private static boolean overlapsPlaced(long from, long to, Map<String, Long> placed) {
    for (Map.Entry<String, Long> e : placed.entrySet())
      if (from < e.getValue() + e.getKey().length() && e.getValue() < to) return true;
    return false;
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
