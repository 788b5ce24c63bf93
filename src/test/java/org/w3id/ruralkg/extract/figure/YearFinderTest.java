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
    assertEquals(
        2025, yearAt("争取到位2024年以工代赈专项资金20663万元，争取到位2025年提前批以工代赈专项资金18795万元", "18795万元", null));
    assertEquals(
        2024, yearAt("争取到位2024年以工代赈专项资金20663万元，争取到位2025年提前批以工代赈专项资金18795万元", "20663万元", null));
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

  @Test
  void relativeYearsFollowThePublicationYearAndExplicitOnesStillWin() {
    assertEquals(2026, yearAt("明年计划新建蔬菜大棚50个", "50个", 2025));
    assertEquals(2023, yearAt("前年全村仅有合作社2个", "2个", 2025));
    // an explicit year nearer the figure than 今年 is the year of the figure
    assertEquals(2024, yearAt("今年以来，与2024年同期相比，新增就业120人", "120人", 2025));
    // and one after the figure does not override the relative year before it
    assertEquals(2025, yearAt("今年新增就业120人，高于2024年", "120人", 2025));
  }

  @Test
  void paragraphMarksGiveTheSameYearsAsARescan() {
    String para = "2024年，永善县培训党员干部8000余人次；今年举办培训班3期。去年共培训30期，“十四五”以来新建项目94个。";
    YearFinder.Marks marks = years.marks(para);
    for (String figure : new String[] {"8000余人次", "3期", "30期", "94个"}) {
      for (Integer published : new Integer[] {null, 2025}) {
        assertEquals(
            yearAt(para, figure, published),
            marks.yearFor(para.indexOf(figure), published),
            figure + " " + published);
      }
    }
    assertEquals(2025, marks.yearFor(para.indexOf("3期"), 2025));
    assertEquals(2024, marks.yearFor(para.indexOf("30期"), 2025));
    assertNull(marks.yearFor(para.indexOf("30期"), null));
  }
}
