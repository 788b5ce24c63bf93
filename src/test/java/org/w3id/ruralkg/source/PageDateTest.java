package org.w3id.ruralkg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The publication date comes from the masthead or a date-only header line, never from article text.
 */
class PageDateTest {
  private final PageReader reader = new PageReader(new TextNormaliser(), new PageSplitter());

  private Page read(String text) {
    return reader.read("t.txt", text.getBytes(StandardCharsets.UTF_8));
  }

  private static final String BODY = "思南:抓实农村党建 赋能乡村振兴\n\n杨铭\n\n近年来,思南县紧扣乡村振兴发展主线,以农村党建为抓手。\n";

  @Test
  void mastheadWithPaperAndDate() {
    Page p = read("昭通日报 2025年11月20日 星期四 第3版\n\n" + BODY);
    assertEquals(LocalDate.of(2025, 11, 20), p.header().published());
    assertEquals(2025, p.header().publicationYear());
    assertEquals("昭通日报", p.header().newspaper());
    assertFalse(p.articles().get(0).paragraphs().stream().anyMatch(x -> x.text().contains("星期四")));
  }

  @Test
  void aDateOnlyLineAboveTheTitle() {
    Page p = read("2024-06-03  星期一\n\n" + BODY);
    assertEquals(LocalDate.of(2024, 6, 3), p.header().published());
    assertEquals("思南:抓实农村党建 赋能乡村振兴", p.articles().get(0).title());
  }

  @Test
  void aDateInTheEditorLine() {
    Page p = read("2025年9月8日 责编:孔 竣 组版:田银川 校对:王文富\n\n" + BODY);
    assertEquals(LocalDate.of(2025, 9, 8), p.header().published());
  }

  @Test
  void datesInArticleTextAreNotThePublicationDate() {
    Page p = read(BODY + "\n2025年10月15日,县委召开党建工作推进会,部署下一阶段工作。\n");
    assertNull(p.header().published());
    assertNull(p.header().publicationYear());
    assertNull(Masthead.dateIn("2025年13月40日"));
  }

  @Test
  void theSeedsPrintNoDate() throws Exception {
    try (var files = Files.newDirectoryStream(Path.of("seeds"), "*.txt")) {
      int n = 0;
      for (Path f : files) {
        assertNull(reader.read(f).header().published(), f.toString());
        n++;
      }
      assertTrue(n >= 5);
    }
  }
}
