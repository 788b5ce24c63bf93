package org.w3id.ruralkg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextNormaliserTest {
  private final TextNormaliser norm = new TextNormaliser();

  private SourceText run(String original) {
    SourceText s = norm.normalise("t.txt", "0", "UTF-8", original);
    assertMapSound(s);
    return s;
  }

  /**
   * Every normalised char comes from the original char it maps to (same, NFKC of it, or CR->LF).
   */
  static void assertMapSound(SourceText s) {
    String o = s.original();
    String t = s.text();
    int[] map = s.toOriginal();
    assertEquals(t.length() + 1, map.length);
    assertEquals(o.length(), map[t.length()]);
    for (int i = 0; i < t.length(); i++) {
      if (i > 0) assertTrue(map[i] >= map[i - 1], "map goes backwards at " + i);
      char tc = t.charAt(i);
      char oc = o.charAt(map[i]);
      if (tc == oc) continue;
      if (tc == '\n' && (oc == '\r' || oc == '\f')) continue;
      String nf = Normalizer.normalize(String.valueOf(oc), Normalizer.Form.NFKC);
      assertTrue(
          nf.indexOf(tc) >= 0,
          "text[" + i + "]='" + tc + "' does not come from original '" + oc + "'");
    }
  }

  @Test
  void fullWidthDigitsLettersAndPunctuationBecomeHalfWidth() {
    SourceText s = run("共带动１２３名群众，ＡＢｃ（资金）：好！");
    assertEquals("共带动123名群众,ABc(资金):好!", s.text());
    assertEquals(s.original().indexOf('２'), s.originalOffset(s.text().indexOf('2')));
  }

  @Test
  void chinesePunctuationIsKept() {
    String t = "“院坝夜话”传党音、《条例》「三曲联奏」……。";
    assertEquals(t, run(t).text());
  }

  @Test
  void spacesInsideProseBetweenCjkAreRemoved() {
    SourceText s = run("秋日的巧家县玉屏街道湖畔社 区富春小区,天气凉爽。居民们与社 区工作人员围坐在一起。");
    assertEquals("秋日的巧家县玉屏街道湖畔社区富春小区,天气凉爽。居民们与社区工作人员围坐在一起。", s.text());
    int qu = s.text().indexOf("区富春");
    assertEquals(
        ' ', s.original().charAt(s.originalOffset(qu) - 1)); // the map skips the removed space
  }

  @Test
  void headingAndBylineSpacesAreKept() {
    String page = "产业为基 就业为桥 民生为本\n\n通讯员 颜 微 阮开波 文/图\n\n本报讯(记者 陈飞) 进入寒冬,冷风飕飕。";
    String text = run(page).text();
    assertTrue(text.startsWith("产业为基 就业为桥 民生为本\n\n通讯员 颜 微 阮开波 文/图\n\n"), text);
    assertTrue(text.contains("(记者 陈飞)"), text);
  }

  @Test
  void crlfBecomesLfAndMarkdownHeadingMarkerIsStripped() {
    SourceText s = run("# 巧家湖畔社区:党建赋能建体系\r\n\r\n#### 小种苗撑起\"致富伞\"\r\n正文。");
    assertEquals("巧家湖畔社区:党建赋能建体系\n\n小种苗撑起\"致富伞\"\n正文。", s.text());
    assertEquals(2, s.originalOffset(0));
  }

  @Test
  void sentenceCutByBlankLineIsJoined() {
    // seed 001: a paragraph broken by a blank line in the middle of a word
    SourceText s = run("已指导实施项目94个,共带动14653名群众就近就地就\n\n业增收,累计发放劳务报酬12002.5万元。\n\n下一段。");
    assertEquals("已指导实施项目94个,共带动14653名群众就近就地就业增收,累计发放劳务报酬12002.5万元。\n\n下一段。", s.text());
    int ye = s.text().indexOf("业增收");
    assertEquals(s.original().indexOf("业增收"), s.originalOffset(ye));
  }

  @Test
  void hardWrappedLinesAreJoined() {
    SourceText s = run("近年来,绥江县南岸镇以\"六聚\n焦、六服务\"为抓手,精准对接群众需\n求,把实事办在群众心坎上。");
    assertEquals("近年来,绥江县南岸镇以\"六聚焦、六服务\"为抓手,精准对接群众需求,把实事办在群众心坎上。", s.text());
  }

  @Test
  void finishedSentencesHeadingsAndQuotesAreNotJoined() {
    String a = "第一段到此结束。\n\n第二段,继续。";
    assertEquals(a, run(a).text());
    // a subhead line does not run on into the text under it
    String b = "铸魂:在“双向奔赴”中厚植情怀\n驻村工作不仅是“施”与“受”的实践。";
    assertEquals(b, run(b).text());
    // seed 000: a paragraph cut off mid-word is followed by another story's quote: keep apart
    String c = "既引导务工人员依法维\n\n“党员可以带头学电商、做直播,既把花生卖出去。”";
    assertEquals(c, run(c).text());
    // two or more blank lines are an image break, not a wrapped line
    String d = "由党员带头掌握实\n\n\n\n以工代赈蓄水池修建现场。";
    assertEquals(d, run(d).text());
  }

  @Test
  void ellipsisAndCircledNumbersSurviveNfkc() {
    SourceText s = run("带着乡亲们一起增收致富……①抓党建");
    assertEquals("带着乡亲们一起增收致富……①抓党建", s.text());
  }

  @Test
  void invisibleCharactersAreDroppedAndTabsBecomeSpaces() {
    SourceText s = run("党建\u200b引领\uFEFF\n\t标题 一");
    assertEquals("党建引领\n标题 一", s.text());
    assertFalse(s.text().contains("\t"));
  }
}
