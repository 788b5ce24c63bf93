package org.w3id.ruralkg.extract.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class YearFinderTest {
  private final YearFinder years = new YearFinder();

  private Integer yearAt(String text, String figure, Integer published) {
    return years.yearFor(text, text.indexOf(figure), published);
  }

  @Test
  void takesTheNearestStatedYearBeforeTheFigure() {
    assertEquals(2025, yearAt("截至2025年11月，全县已批复以工代赈项目38个，总投资6.75亿元", "6.75亿元", null));
    assertEquals(2025, yearAt("2025年以来，累计带动500余人次就近务工", "500余人次", null));
    assertEquals(2025, yearAt("争取到位2024年以工代赈专项资金20663万元，争取到位2025年提前批以工代赈专项资金18795万元", "18795万元", null));
    assertEquals(2024, yearAt("争取到位2024年以工代赈专项资金20663万元，争取到位2025年提前批以工代赈专项资金18795万元", "20663万元", null));
  }

  @Test
  void semicolonPartsShareTheYearButSentencesDoNot() {
    String para = "2024年，永善县培训党员干部8000余人次；举办中青年干部培训班1期。次年共培训30期。";
    assertEquals(2024, yearAt(para, "1期", null));
    assertNull(yearAt(para, "30期", null));
  }

  @Test
  void resolvesRelativeYearsOnlyWithAPublicationYear() {
    assertEquals(2025, yearAt("今年已下达实施以工代赈专项项目33个", "33个", 2025));
    assertEquals(2024, yearAt("去年全村销售白茶260余万元", "260余万元", 2025));
    assertNull(yearAt("今年已下达实施以工代赈专项项目33个", "33个", null));
  }

  @Test
  void ignoresYearsAfterTheFigureInQuotesAndSpanStarts() {
    assertNull(yearAt("带动750人就业，2025年将继续推进", "750人", null));
    assertNull(yearAt("“十四五”以来，已指导实施专项项目94个", "94个", null));
    assertEquals(2025, yearAt("2021—2025年累计投入资金3亿元", "3亿元", null));
    assertNull(yearAt("2021—累计投入资金3亿元", "3亿元", null));
  }
}
