package org.w3id.ruralkg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.nlp.Sentence;

/**
 * The splitter records where each title and subtitle is printed, and splits every paragraph into
 * sentences once.
 */
class TitleLinesTest {
  private final PageReader reader = new PageReader(new TextNormaliser(), new PageSplitter());

  private Page read(String text) {
    return reader.read("t.txt", text.getBytes(StandardCharsets.UTF_8));
  }

  private static String at(Page p, Paragraph span) {
    return p.text().substring(span.start(), span.end());
  }

  @Test
  void aTitleWhoseWordsRecurEarlierOnThePageIsFoundOnItsOwnLine() {
    String second = "以工代赈“燃”起乡村振兴之火";
    Page p =
        read(
            "永善县推进产业发展\n\n记者 唐龙泉飞\n\n会上,大家学习了"
                + second
                + "一文。\n\n"
                + second
                + "\n\n记者 陈飞\n\n晨光初现,永善县红光安置区一片忙碌。\n");
    assertEquals(2, p.articles().size());
    Article a = p.articles().get(1);
    assertEquals(second, a.title());
    assertEquals(1, a.heads().size());
    Paragraph head = a.heads().get(0);
    assertEquals(second, at(p, head));
    // the earlier occurrence is inside the first article's paragraph; the head is the line after it
    assertTrue(
        head.start() > p.articles().get(0).paragraphs().get(0).end(), "head at " + head.start());
    assertTrue(head.end() <= a.paragraphs().get(0).start());
  }

  @Test
  void headsAreTitleThenSubtitleWithTheDashesLeftOut() {
    Page p = read("支部建到扶贫一线 致富道路越走越宽\n\n——我省持续抓党建促脱贫攻坚\n\n记者 杨铭\n\n近年来,思南县紧扣乡村振兴发展主线。\n");
    Article a = p.articles().get(0);
    assertEquals("我省持续抓党建促脱贫攻坚", a.subtitle());
    assertEquals(List.of(a.title(), a.subtitle()), a.heads().stream().map(h -> at(p, h)).toList());
    assertTrue(a.heads().get(0).start() < a.heads().get(1).start());
  }

  @Test
  void aKickerAboveTheTitleIsTheSubtitleAndKeepsItsPlace() {
    Page p = read("我省持续抓党建促脱贫攻坚——\n支部建到扶贫一线 致富道路越走越宽\n\n记者 杨铭\n\n近年来,思南县紧扣乡村振兴发展主线。\n");
    Article a = p.articles().get(0);
    assertEquals("我省持续抓党建促脱贫攻坚", a.subtitle());
    assertEquals(List.of(a.title(), a.subtitle()), a.heads().stream().map(h -> at(p, h)).toList());
    assertTrue(
        a.heads().get(1).start() < a.heads().get(0).start(),
        "the kicker is printed above the title");
  }

  @Test
  void aTitleJoinedFromAPlaceLabelLineHasNoHeadSpan() {
    Page p = read("德江台头村\n“四领模式”发展壮大村级集体经济\n\n记者 杨铭\n\n近年来,台头村发展集体经济。\n");
    Article a = p.articles().get(0);
    assertEquals("德江台头村 “四领模式”发展壮大村级集体经济", a.title());
    assertEquals(List.of(), a.heads());
  }

  @Test
  void paragraphsCarryTheirSentencesWithPageOffsets() {
    Page p = read("永善县推进产业发展\n\n记者 唐龙泉飞\n\n晨光初现。安置区一片忙碌!群众增收。\n");
    Paragraph para = p.articles().get(0).paragraphs().get(0);
    List<String> texts = para.sentences().stream().map(Sentence::text).toList();
    assertEquals(List.of("晨光初现。", "安置区一片忙碌!", "群众增收。"), texts);
    for (Sentence s : para.sentences())
      assertEquals(s.text(), p.text().substring(s.start(), s.end()));
  }
}
