package org.w3id.ruralkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.Segmenter;
import org.w3id.ruralkg.nlp.Token;

/**
 * HanLP's ns (place) tag alone never makes an administrative unit: only the gazetteer and its
 * grammar do.
 */
class PlaceTagIsNotAUnitTest {
  private static final ArticleExtractor EXTRACTOR =
      org.w3id.ruralkg.app.Extraction.shared().extractor();
  private static final Segmenter SEGMENTER = new Segmenter(Segmenter.Mode.VITERBI);

  private static List<String> units(String text) {
    return EXTRACTOR
        .extract(
            org.w3id.ruralkg.app.Extraction.shared()
                .reader()
                .read("t.txt", text.getBytes(StandardCharsets.UTF_8)))
        .stream()
        .flatMap(a -> a.units().stream())
        .map(UnitMention::surface)
        .toList();
  }

  private static String posOf(String text, String word) {
    return SEGMENTER.segment(text).stream()
        .filter(t -> t.word().equals(word))
        .map(Token::pos)
        .findFirst()
        .orElse(null);
  }

  @Test
  void anNsTokenOutsideTheGazetteerIsNoUnit() {
    String text = "巧家县村民到华东地区务工，村里的茶叶远销江南一带。";
    assertEquals("ns", posOf(text, "华东"));
    assertEquals("ns", posOf(text, "江南"));
    assertEquals(List.of("巧家县"), units(text));
  }

  @Test
  void theGazetteerCutsAcrossAnNsToken() {
    // seed 000: HanLP reads 镇海/ns across the township and the community it names
    String text = "大寨镇海口社区党总支通过“党支部+合作社+农户”模式发展产业。";
    assertEquals("ns", posOf(text, "镇海"));
    List<String> units = units(text);
    assertTrue(units.containsAll(List.of("大寨镇", "海口社区")), units.toString());
    assertTrue(units.stream().noneMatch(u -> u.contains("镇海")), units.toString());
  }
}
