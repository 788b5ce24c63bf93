package org.w3id.ruralkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.source.PageReader;

/** 今年/去年 in a figure's sentence resolve against the masthead's date, and stay null without one. */
class PublicationYearTest {
  private static final ArticleExtractor EXTRACTOR =
      org.w3id.ruralkg.app.Extraction.shared().extractor();
  private static final PageReader READER = org.w3id.ruralkg.app.Extraction.shared().reader();
  // seed 001
  private static final String BODY =
      "以工代赈“燃”起乡村振兴之火\n\n记者 唐龙泉飞\n\n"
          + "今年已下达实施以工代赈专项项目33个，总投资20993.73万元。去年全市发放劳务报酬2466万元。"
          + "2024年，永善县培训党员干部8000余人次。\n";

  private static Integer yearOf(String page, String quantity) {
    for (ArticleFacts a :
        EXTRACTOR.extract(READER.read("t.txt", page.getBytes(StandardCharsets.UTF_8)))) {
      for (FigureFact f : a.figures()) if (f.quantity().surface().equals(quantity)) return f.year();
    }
    throw new AssertionError("no figure " + quantity);
  }

  @Test
  void relativeYearsResolveWithTheMastheadDate() {
    String page = "昭通日报 2025年11月20日 星期四\n\n" + BODY;
    assertEquals(2025, yearOf(page, "33个"));
    assertEquals(2025, yearOf(page, "20993.73万元"));
    assertEquals(2024, yearOf(page, "2466万元"));
    assertEquals(2024, yearOf(page, "8000余人次"));
  }

  @Test
  void withoutADateOnlyExplicitYearsAreKnown() {
    assertNull(yearOf(BODY, "33个"));
    assertNull(yearOf(BODY, "2466万元"));
    assertEquals(2024, yearOf(BODY, "8000余人次"));
  }
}
