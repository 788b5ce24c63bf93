package org.w3id.ruralkg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageSplitterSeedTest {
  private static final Path SEEDS = Path.of("seeds");
  private final PageReader reader = new PageReader(new TextNormaliser(), new PageSplitter());

  static Stream<Path> seeds() throws IOException {
    try (Stream<Path> s = Files.list(SEEDS)) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
    }
  }

  private Page seed(String prefix) throws IOException {
    try (Stream<Path> s = Files.list(SEEDS)) {
      Path p =
          s.filter(x -> x.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
      return reader.read(p);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"000", "001", "002"})
  void articlesMatchTheGoldAnnotation(String prefix) throws IOException {
    Page page = seed(prefix);
    JsonNode gold;
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/source/" + page.source().fileName().replace(".txt", ".articles.json"))) {
      gold = new ObjectMapper().readTree(in).get("articles");
    }
    assertEquals(gold.size(), page.articles().size(), titles(page));
    for (int i = 0; i < gold.size(); i++) {
      JsonNode g = gold.get(i);
      Article a = page.articles().get(i);
      assertEquals(i, a.index());
      assertEquals(g.get("title").asText(), a.title());
      List<String> authors = new ArrayList<>();
      g.get("authors").forEach(n -> authors.add(n.asText()));
      assertEquals(authors, a.authors(), a.title());
      String first = a.paragraphs().get(0).text();
      assertTrue(
          first.startsWith(g.get("first_chars").asText()),
          a.title() + " starts with: " + first.substring(0, 20));
    }
  }

  private static String titles(Page p) {
    return p.articles().stream().map(Article::title).toList().toString();
  }

  @Test
  void interleavedArticlesOfSeed000GetTheirOwnParagraphs() throws IOException {
    Page p = seed("000");
    Article courtyard = p.articles().get(1);
    Article wages = p.articles().get(2);
    assertEquals("“院坝夜话”传党音", courtyard.title());
    // the courtyard story's paragraphs appear before its title and between the wage story's
    assertTrue(courtyard.body().contains("党员马贵清主动接过话茬"));
    assertTrue(courtyard.body().contains("“党员可以带头学电商、做直播"));
    assertTrue(courtyard.body().contains("这场党建引领的“院坝夜话”并未结束"));
    assertFalse(courtyard.body().contains("伍寨"));
    assertEquals("永善伍寨乡以党建引领化解劳资纠纷小记", wages.subtitle());
    assertTrue(wages.body().contains("为彻底化解纠纷"));
    assertTrue(wages.body().contains("此次劳资纠纷的成功化解"));
    assertFalse(wages.body().contains("团结村"));
    assertFalse(p.articles().get(0).body().contains("院坝"));
    // the caption under the first byline belongs to the first article, but does not open it
    assertTrue(
        p.articles().get(0).paragraphs().stream().anyMatch(x -> x.text().equals("村民正在采摘冬草莓。")));
  }

  @Test
  void seed002KickerDatelinesAndPhotoCredit() throws IOException {
    Page p = seed("002");
    Article first = p.articles().get(0);
    assertEquals("我省持续抓党建促脱贫攻坚,推动产业扶贫、就业扶贫、易地扶贫搬迁组织化", first.subtitle());
    assertTrue(first.body().endsWith("本版图片均为本报记者 陈飞 谢毅 摄"));
    // the dateline byline is not part of the paragraph
    assertTrue(p.articles().get(1).paragraphs().get(0).text().startsWith("进入寒冬"));
    // 在德钦县,党委、政府集中财力、|blank line|物力和人力… is one paragraph
    assertTrue(first.body().contains("集中财力、物力和人力"));
  }

  @Test
  void seed003TitlesAndBylines() throws IOException {
    Page p = seed("003");
    List<Article> titled = p.articles().stream().filter(a -> !a.title().isEmpty()).toList();
    assertEquals("思南:抓实农村党建 赋能乡村振兴", titled.get(0).title());
    assertEquals(List.of("杨铭"), titled.get(0).authors());
    assertEquals("万山:建强指导员队伍提升新兴领域党建质量", titled.get(1).title());
    assertEquals(List.of("莫利群"), titled.get(1).authors());
    assertEquals("德江台头村 “四领模式”发展壮大村级集体经济", titled.get(2).title());
    assertEquals(List.of("德轩"), titled.get(2).authors());
    assertEquals(List.of("黄小雷"), titled.get(3).authors());
    // the photo story (caption, text, 张珣 摄) is an untitled item, not the start of 德江
    assertTrue(titled.get(2).paragraphs().get(0).text().startsWith("近年来,德江县平原镇台头村"));
  }

  @Test
  void seed004HeaderTitleAndSplitNames() throws IOException {
    Page p = seed("004");
    assertEquals("责编:孔 竣 组版:田银川 校对:王文富 周万琴 E-mail:ztrbtkb@126.com", p.header().editorLine());
    assertEquals(List.of("孔竣", "田银川", "王文富", "周万琴"), p.header().editors());
    Article a = p.articles().get(0);
    assertEquals("巧家湖畔社区:党建赋能建体系 精细服务暖民心", a.title());
    assertNull(a.subtitle());
    assertEquals(List.of("颜微", "阮开波", "陈治娟"), a.authors());
    assertTrue(a.paragraphs().get(0).text().startsWith("秋日的巧家县玉屏街道湖畔社区富春小区"));
    assertEquals("产业\"开花\" 百姓增收", p.articles().get(1).title());
    assertEquals(List.of("刘卓娅", "马标"), p.articles().get(1).authors());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyParagraphIsItsSpanOfThePageTextAndBelongsToOneArticle(Path file) {
    Page p = reader.read(file);
    TextNormaliserTest.assertMapSound(p.source());
    String text = p.text();
    List<Paragraph> all = new ArrayList<>();
    for (int i = 0; i < p.articles().size(); i++) {
      Article a = p.articles().get(i);
      assertEquals(i, a.index());
      assertFalse(a.paragraphs().isEmpty(), "article without paragraphs: " + a.title());
      for (Paragraph g : a.paragraphs()) {
        assertEquals(text.substring(g.start(), g.end()), g.text());
        assertFalse(g.text().isBlank());
        assertFalse(g.text().contains("\n"));
        all.add(g);
      }
    }
    all.sort((x, y) -> Integer.compare(x.start(), y.start()));
    for (int i = 1; i < all.size(); i++)
      assertTrue(all.get(i).start() >= all.get(i - 1).end(), "overlap at " + all.get(i).start());
    // articles are in order of first appearance
    int last = -1;
    for (Article a : p.articles()) {
      int first = a.paragraphs().stream().mapToInt(Paragraph::start).min().orElseThrow();
      int titleAt =
          a.title().isEmpty() ? first : Math.min(first, text.indexOf(a.title().split(" ")[0]));
      assertTrue(titleAt > last, a.title());
      last = titleAt;
    }
  }

  @Test
  void readingIsThreadSafeAndDeterministic() throws Exception {
    List<Path> files = seeds().toList();
    List<Page> once = files.stream().map(reader::read).toList();
    for (int round = 0; round < 3; round++) {
      List<Page> parallel = files.parallelStream().map(reader::read).toList();
      for (int i = 0; i < files.size(); i++) {
        assertEquals(once.get(i).articles(), parallel.get(i).articles());
        assertEquals(once.get(i).text(), parallel.get(i).text());
      }
    }
  }
}
