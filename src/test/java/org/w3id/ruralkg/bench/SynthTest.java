package org.w3id.ruralkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.link.UnitLinker;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.PageReader;

class SynthTest {
  static Synth synth;

  @BeforeAll
  static void load() {
    synth = Synth.fromSeeds(Path.of("seeds"));
  }

  @Test
  void sameSeedSameCorpusOtherSeedOtherCorpus(@TempDir Path tmp) throws Exception {
    Synth.Result a = synth.write(tmp.resolve("a"), 40, 7);
    Synth.Result b = synth.write(tmp.resolve("b"), 40, 7);
    Synth.Result c = synth.write(tmp.resolve("c"), 40, 8);
    assertEquals(a, b);
    assertEquals(40, a.articles());
    assertEquals(concat(tmp.resolve("a")), concat(tmp.resolve("b")));
    assertNotEquals(concat(tmp.resolve("a")), concat(tmp.resolve("c")));
  }

  @Test
  void articleDependsOnlyOnSeedAndIndex() {
    assertEquals(synth.article(3, 17), synth.article(3, 17));
    assertNotEquals(synth.article(3, 17), synth.article(3, 18));
  }

  @Test
  void pagesReadBackAsSeveralArticlesWithTheirTitles(@TempDir Path tmp) throws Exception {
    synth.write(tmp, 30, 1);
    PageReader reader = org.w3id.ruralkg.app.Extraction.shared().reader();
    List<Path> files = list(tmp);
    assertTrue(files.size() >= 5 && files.size() <= 10, "3 to 6 articles a page: " + files.size());
    int articles = 0;
    for (Path f : files) {
      Page page = reader.read(f);
      assertTrue(page.articles().size() >= 2, f + " has " + page.articles().size() + " articles");
      articles += page.articles().size();
    }
    assertTrue(articles >= 27 && articles <= 30, "articles read back: " + articles);
  }

  @Test
  void placesMoveToRealUnitsOfYunnanOrGuizhouThatTheLinkerFinds(@TempDir Path tmp)
      throws Exception {
    synth.write(tmp, 30, 5);
    PageReader reader = org.w3id.ruralkg.app.Extraction.shared().reader();
    UnitLinker linker = org.w3id.ruralkg.app.Extraction.shared().linker();
    int linked = 0, home = 0;
    for (Path f : list(tmp)) {
      for (List<UnitMention> us : linker.linkPage(reader.read(f))) {
        for (UnitMention u : us) {
          if (!u.linked()) continue;
          linked++;
          if (u.division().code().startsWith("52") || u.division().code().startsWith("53")) home++;
        }
      }
    }
    assertTrue(linked > 100, "linked units: " + linked);
    assertTrue(home > linked * 0.8, home + " of " + linked + " in Yunnan/Guizhou");
  }

  @Test
  void aCountyIsReplacedConsistentlyWithinAnArticle() {
    // find an article made from the 巧家 template: no 巧家 left, one county name used throughout
    for (int i = 0; i < 300; i++) {
      Synth.SynthArticle a = synth.article(11, i);
      if (!a.title().equals("产业为基 就业为桥 民生为本")) continue;
      String body = String.join("\n", a.paragraphs());
      assertFalse(body.contains("巧家"), body.substring(0, 200));
      assertFalse(body.contains("马树镇"));
      return;
    }
    throw new AssertionError("no article from the 巧家 template in 300");
  }

  @Test
  void figuresScaleKeepingTheirFormat() {
    assertEquals("3900", Synth.scale("3000", 1.3, false));
    assertEquals("1.46", Synth.scale("1.12", 1.3, false));
    assertEquals("8059.47", Synth.scale("8059.47", 1.0, false));
    assertEquals("98.9", Synth.scale("98.9", 1.5, true), "a percentage never goes over 100");
    String in = "2025年以来,带动3569户种植户户均增收1.12万元,12月3日";
    String out = Synth.perturbFigures(in, new SplittableRandom(1));
    assertTrue(out.startsWith("2025年以来,带动"), out);
    assertTrue(out.endsWith("12月3日"), out);
    assertTrue(out.matches("2025年以来,带动\\d+户种植户户均增收\\d\\.\\d\\d万元,12月3日"), out);
    assertNotEquals(in, out);
  }

  @Test
  void shortNames() {
    assertEquals("巧家", Synth.shortName("巧家县"));
    assertEquals("威宁", Synth.shortName("威宁彝族回族苗族自治县"));
    assertEquals("马树", Synth.shortName("马树镇"));
    assertEquals("云南", Synth.shortName("云南省"));
  }

  @Test
  void refusesAFolderThatHoldsText(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("x.txt"), "x");
    assertThrows(RuralKgException.class, () -> synth.write(tmp, 3, 1));
  }

  private static List<Path> list(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static String concat(Path dir) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (Path p : list(dir))
      sb.append(p.getFileName()).append('\n').append(Files.readString(p, StandardCharsets.UTF_8));
    return sb.toString();
  }
}
