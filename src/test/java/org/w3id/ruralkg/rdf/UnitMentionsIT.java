package org.w3id.ruralkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.store.FileProcessor;
import org.w3id.ruralkg.store.InputFile;

/**
 * An article's mentions of one unit are one rkg:UnitMention: a span per occurrence, a surface per
 * way of writing it, one confidence (mapping version 4). Programme implementations and industry
 * developments are one per article, concept and unit the same way, with a sentence per occurrence
 * (mapping version 5).
 */
class UnitMentionsIT {
  private static final FileProcessor PROCESSOR = Pipeline.fileProcessor();

  @Test
  void aUnitNamedThreeTimesInOneArticleIsOneMentionWithThreeSpansAndOneSurface(@TempDir Path dir)
      throws IOException {
    String page = "昭通日报\n\n巧家县发展花椒产业\n\n今年以来，巧家县带动农户种植花椒1200亩。巧家县党委组织培训80场。\n";
    Path f = dir.resolve("page.txt");
    Files.writeString(f, page, StandardCharsets.UTF_8);
    List<Quad> quads =
        PROCESSOR.process(new InputFile(f, "page.txt"), Files.readAllBytes(f), "test").quads();

    Node county = Iris.unitByCode("530622");
    Set<Node> mentions =
        quads.stream()
            .filter(q -> q.getPredicate().equals(Vocab.REFERS_TO) && q.getObject().equals(county))
            .map(Quad::getSubject)
            .collect(Collectors.toSet());
    assertEquals(1, mentions.size(), "one mention of 巧家县 in the article: " + mentions);
    Node mention = mentions.iterator().next();

    Set<String> spans = objects(quads, mention, Vocab.EVIDENCE);
    Set<String> surfaces = objects(quads, mention, Vocab.SURFACE);
    long occurrences = page.split("巧家县", -1).length - 1L; // title, body, party committee
    assertEquals(occurrences, spans.size(), "a span per occurrence: " + spans);
    assertEquals(Set.of("巧家县"), surfaces, "one surface for three spans written alike");
    assertEquals(1, objects(quads, mention, Vocab.CONFIDENCE).size());
    assertEquals(1, objects(quads, mention, Vocab.PROV_DERIVED_FROM).size());
  }

  @Test
  void aProgrammeAndAnIndustryNamedInSeveralSentencesForOneUnitAreOneFactEachWithASpanPerPlace(
      @TempDir Path dir) throws IOException {
    String page =
        "昭通日报\n\n巧家县以工代赈助增收\n\n"
            + "今年以来，巧家县实施以工代赈项目12个，带动群众就近务工。"
            + "巧家县大力发展花椒产业，种植花椒1200亩。"
            + "巧家县通过以工代赈发放劳务报酬300万元，花椒产业带动农户增收。\n";
    Path f = dir.resolve("page.txt");
    Files.writeString(f, page, StandardCharsets.UTF_8);
    List<Quad> quads =
        PROCESSOR.process(new InputFile(f, "page.txt"), Files.readAllBytes(f), "test").quads();

    for (Node type : List.of(Vocab.PROGRAMME_IMPLEMENTATION, Vocab.INDUSTRY_DEVELOPMENT)) {
      Set<Node> facts =
          quads.stream()
              .filter(q -> q.getPredicate().equals(Vocab.TYPE) && q.getObject().equals(type))
              .map(Quad::getSubject)
              .collect(Collectors.toSet());
      // one concept and one unit each (以工代赈 and 花椒 in 巧家县): one fact
      assertEquals(1, facts.size(), type + ": " + facts);
      Node fact = facts.iterator().next();
      Set<String> spans = objects(quads, fact, Vocab.EVIDENCE);
      Set<String> sentences = objects(quads, fact, Vocab.SENTENCE);
      // (the title names 以工代赈 too; 花椒 twice in one sentence is two spans, one sentence)
      assertTrue(spans.size() >= 2, type + ": a span per place that names it: " + spans);
      assertTrue(sentences.size() >= 2, type + ": the sentence of each: " + sentences);
      assertTrue(spans.size() >= sentences.size(), type + ": " + spans + " " + sentences);
      for (String sentence : sentences)
        assertTrue(
            objects(quads, fact, Vocab.SURFACE).stream().anyMatch(sentence::contains),
            "each sentence holds a written form: " + sentence);
      assertEquals(1, objects(quads, fact, Vocab.CONFIDENCE).size());
      assertEquals(1, objects(quads, fact, Vocab.CARRIED_OUT_IN).size());
    }
  }

  private static Set<String> objects(List<Quad> quads, Node s, Node p) {
    return quads.stream()
        .filter(q -> q.getSubject().equals(s) && q.getPredicate().equals(p))
        .map(
            q ->
                q.getObject().isLiteral()
                    ? q.getObject().getLiteralLexicalForm()
                    : q.getObject().getURI())
        .collect(Collectors.toSet());
  }
}
