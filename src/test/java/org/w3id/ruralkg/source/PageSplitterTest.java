package org.w3id.ruralkg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageSplitterTest {
  private final PageReader reader = new PageReader(new TextNormaliser(), new PageSplitter());

  private Page read(String text) {
    return reader.read("t.txt", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void pageWithoutTitleIsOneUntitledArticle() {
    Page p = read("近年来,思南县紧扣乡村振兴发展主线,以农村党建为抓手。\n\n以“排队抓尾、双整双创”行动为核心,开展整顿。\n");
    assertEquals(1, p.articles().size());
    Article a = p.articles().get(0);
    assertEquals("", a.title());
    assertEquals(List.of(), a.authors());
    assertEquals(2, a.paragraphs().size());
  }

  @Test
  void subheadsStayInTheirArticle() {
    Page p =
        read(
            "思南:抓实农村党建 赋能乡村振兴\n\n杨铭\n\n近年来,思南县紧扣乡村振兴发展主线。\n\n"
                + "党建赋能产业 筑牢集群发展“红色根基”\n\n巧家县坚持将党组织建在产业链上。\n");
    assertEquals(1, p.articles().size());
    assertEquals(List.of("杨铭"), p.articles().get(0).authors());
    assertEquals(3, p.articles().get(0).paragraphs().size());
  }

  @Test
  void bylineForms() {
    assertEquals(List.of("张顺富"), Bylines.standalone("通讯员 张顺富 文/图", false));
    assertEquals(List.of("郎晶晶", "黎鸿凯"), Bylines.standalone("本报记者 郎晶晶 黎鸿凯", false));
    assertEquals(List.of("颜微", "阮开波", "陈治娟"), Bylines.standalone("通讯员 颜 微 阮开波 陈治娟 文/图", false));
    assertEquals(List.of("高青天"), Bylines.standalone("西碗镇石燕村党总支书记助理 高青天", false));
    assertEquals(List.of("杨铭"), Bylines.standalone("杨铭", true));
    assertEquals(null, Bylines.standalone("杨铭", false));
    assertEquals(null, Bylines.standalone("产业为基 就业为桥 民生为本", true));
    assertEquals(null, Bylines.standalone("党建赋能产业 筑牢集群发展“红色根基”", true));
    Bylines.Inline in = Bylines.inline("本报讯(记者 陈飞) 进入寒冬,冷风飕飕。");
    assertEquals(List.of("陈飞"), in.names());
    assertEquals("进入寒冬,冷风飕飕。", "本报讯(记者 陈飞) 进入寒冬,冷风飕飕。".substring(in.bodyStart()));
    assertEquals(null, Bylines.inline("(一)加强组织建设,夯实基础。"));
  }

  @Test
  void aBylineNamingTheAuthorsPostIsKeptAsAnAffiliation() {
    String text =
        "扎根乡土践初心 青春淬火炼真金\n\n西碗镇石燕村党总支书记助理 高青天\n\n我来到石燕村已经两年。\n\n"
            + "以工代赈“燃”起乡村振兴之火\n\n记者 唐龙泉飞\n\n晨光初现,永善县红光安置区一片忙碌。\n";
    Page p = read(text);
    Article a = p.articles().get(0);
    assertEquals(List.of("高青天"), a.authors());
    assertEquals(
        List.of("西碗镇石燕村党总支书记助理 高青天"), a.affiliations().stream().map(Paragraph::text).toList());
    Paragraph line = a.affiliations().get(0);
    assertEquals(line.text(), p.text().substring(line.start(), line.end()));
    // a role and a name is no affiliation
    assertEquals(List.of(), p.articles().get(1).affiliations());
  }

  @Test
  void mastheadGivesTheNewspaperName() {
    Page p = read("昭通日报 2025年11月20日 星期四 第3版\n\n以工代赈“燃”起乡村振兴之火\n\n记者 唐龙泉飞\n\n晨光初现,永善县红光安置区一片忙碌。\n");
    assertEquals("昭通日报", p.header().newspaper());
    assertEquals("以工代赈“燃”起乡村振兴之火", p.articles().get(0).title());
    assertEquals(List.of("唐龙泉飞"), p.articles().get(0).authors());
  }

  @Test
  void thousandsOfShortArticlesStayFast() {
    StringBuilder sb = new StringBuilder();
    int n = 3000;
    for (int i = 0; i < n; i++) {
      sb.append("第").append(i).append("村发展产业 群众增收致富\n\n通讯员 张三\n\n");
      sb.append("近年来,该村发展种植").append(i).append("亩,带动群众增收。\n\n");
      sb.append("党建引领 产业兴旺\n\n村党支部牵头成立合作社,吸纳农户").append(i).append("户。\n\n");
    }
    long t0 = System.nanoTime();
    Page p = read(sb.toString());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(n, p.articles().size());
    assertEquals(3, p.articles().get(n - 1).paragraphs().size());
    assertTrue(ms < 10_000, "took " + ms + " ms");
  }
}
