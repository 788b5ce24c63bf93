package org.w3id.ruralkg.extract.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.extract.IndustryFact;

/**
 * Industry labels that begin inside a HanLP word are rejected; labels at word boundaries are kept.
 */
class WordBoundaryCheckTest {
  private static final IndustryRecognizer INDUSTRIES = new IndustryRecognizer();

  private static List<String> labels(String text) {
    return INDUSTRIES.recognise(text, List.of(), null).stream().map(IndustryFact::label).toList();
  }

  @Test
  void aLabelStartingInsideAWordIsRejected() {
    assertEquals(List.of(), labels("村里把闲置的居民宿舍改造成活动室")); // 民宿 inside 居民|宿舍
    assertEquals(List.of(), labels("供电商户")); // 电商 inside 供电|商户
    assertEquals(List.of("油菜"), labels("村里种的油菜开花生长期")); // 花生 inside 开花|生长
  }

  @Test
  void aLabelAtAWordBoundaryOrHeadingACompoundIsKept() {
    assertEquals(List.of("民宿", "农家乐"), labels("发展民宿和农家乐")); // 农家乐 is a concept of its own
    // seed 002: the apple trees are the apple industry (苹果 heads 苹果树)
    assertEquals(List.of("苹果"), labels("漫山遍野都是村民种的苹果树"));
    // seed 004: longest match alone cuts 大洋|芋, the Viterbi segmenter does not
    assertEquals(List.of("马铃薯"), labels("让\"昭通大洋芋\"在新街镇长成产业"));
  }

  @Test
  void aProductNamedOnlyInPassingIsNoIndustry() {
    // pd07-like: grain scattered for the hens, a field edge; nothing grown, made or sold
    assertEquals(List.of(), labels("她抓起一把稻谷，顺手撒向鸡窝"));
    assertEquals(List.of(), labels("玉米地旁，插着一幅幅农民画"));
  }

  @Test
  void aProductThePageSpeaksOfGrowingCountsWhereverItIsNamed() {
    // the second line names rice in passing, but the first says the village grows it
    assertEquals(List.of("水稻", "水稻"), labels("村里种植水稻300亩\n她抓起一把稻谷，顺手撒向鸡窝"));
  }
}
