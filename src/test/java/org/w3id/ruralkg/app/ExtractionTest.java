package org.w3id.ruralkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.extract.ArticleFacts;
import org.w3id.ruralkg.extract.PageAnalysis;
import org.w3id.ruralkg.extract.ProgrammeFact;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.Paragraph;

/**
 * The one assembled chain: its stages in order, and facts of a title placed on the article's own
 * title line.
 */
class ExtractionTest {
  private static final Extraction CHAIN = Extraction.shared();

  @Test
  void theChainNamesItsFactStagesInOrder() {
    assertEquals(
        List.of("partyOrgs", "programmes", "industries", "figures"),
        List.copyOf(CHAIN.extractor().stages().keySet()));
    assertSame(CHAIN, Extraction.shared(), "one chain per process");
  }

  @Test
  void aProgrammeInARepeatedTitleIsEvidencedInItsOwnArticlesTitle() {
    String title = "以工代赈“燃”起乡村振兴之火";
    String text =
        title
            + "\n\n记者 唐龙泉飞\n\n晨光初现,永善县红光安置区一片忙碌。\n\n"
            + title
            + "\n\n记者 陈飞\n\n巧家县白鹤滩镇的群众在工地上务工。\n";
    Page page = CHAIN.reader().read("t.txt", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(2, page.articles().size());
    List<ArticleFacts> facts = CHAIN.extractor().extract(page);
    Paragraph secondHead = page.articles().get(1).heads().get(0);
    List<ProgrammeFact> inSecond =
        facts.get(1).programmes().stream().filter(f -> f.label().equals("以工代赈")).toList();
    assertFalse(inSecond.isEmpty(), "以工代赈 of the second title: " + facts.get(1).programmes());
    for (ProgrammeFact f : inSecond) {
      assertTrue(
          f.evidence().start() >= secondHead.start() && f.evidence().end() <= secondHead.end(),
          "evidence at " + f.evidence().start());
    }
  }

  @Test
  void theAnalysisIsComputedOnceAndSharedByEveryStage() {
    String text = "永善县推进产业发展\n\n记者 唐龙泉飞\n\n永善县红光村种植花椒3000亩。\n";
    Page page = CHAIN.reader().read("t.txt", text.getBytes(StandardCharsets.UTF_8));
    PageAnalysis analysis = CHAIN.extractor().analyser().analyse(page);
    assertEquals(CHAIN.extractor().extract(page), CHAIN.extractor().extract(analysis));
    assertFalse(analysis.units().isEmpty());
    assertSame(analysis.articles().get(0), analysis.at(analysis.units().get(0).start()));
  }
}
