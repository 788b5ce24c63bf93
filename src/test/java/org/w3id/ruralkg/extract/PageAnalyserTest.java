package org.w3id.ruralkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Paragraph;

/** Which title lines the recognisers read: the title and a subtitle printed below it. */
class PageAnalyserTest {
  private static final Paragraph BODY = new Paragraph(100, 110, "近年来,全县发展产业。");

  @Test
  void aSubtitleBelowTheTitleIsRead() {
    Paragraph title = new Paragraph(0, 8, "支部建到扶贫一线");
    Paragraph sub = new Paragraph(11, 17, "我省抓党建促");
    Article a =
        new Article(0, title.text(), sub.text(), List.of(), List.of(BODY), List.of(title, sub));
    assertEquals(List.of(title, sub), PageAnalyser.readHeads(a));
  }

  @Test
  void aKickerAboveTheTitleIsLeftOut() {
    Paragraph kicker = new Paragraph(0, 6, "我省抓党建促");
    Paragraph title = new Paragraph(9, 17, "支部建到扶贫一线");
    Article a =
        new Article(
            0, title.text(), kicker.text(), List.of(), List.of(BODY), List.of(title, kicker));
    assertEquals(List.of(title), PageAnalyser.readHeads(a));
  }

  @Test
  void withoutATitleLineTheSubtitleIsRead() {
    Paragraph sub = new Paragraph(11, 17, "我省抓党建促");
    Article a = new Article(0, "德江台头村 “四领模式”", sub.text(), List.of(), List.of(BODY), List.of(sub));
    assertEquals(List.of(sub), PageAnalyser.readHeads(a));
  }
}
