package org.w3id.ruralkg.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SegmenterTest {
  private static final Segmenter FAST = new Segmenter();
  private static final Segmenter VITERBI = new Segmenter(Segmenter.Mode.VITERBI);

  // seed 000: a figure with its counted noun
  private static final String SEED_FIGURE = "累计培训致富带头人152名，带动3569户种植户增收";

  @Test
  void tokensCoverTheTextWithTheirOffsets() {
    for (Segmenter s : List.of(FAST, VITERBI)) {
      List<Token> tokens = s.segment(SEED_FIGURE);
      StringBuilder joined = new StringBuilder();
      int expectedStart = 0;
      for (Token t : tokens) {
        assertEquals(expectedStart, t.start(), "contiguous offsets at " + t);
        assertEquals(t.word(), SEED_FIGURE.substring(t.start(), t.end()));
        assertFalse(t.pos().isEmpty());
        joined.append(t.word());
        expectedStart = t.end();
      }
      assertEquals(SEED_FIGURE, joined.toString());
    }
  }

  @Test
  void numbersAndMeasureWordsAreTagged() {
    List<Token> tokens = FAST.segment(SEED_FIGURE);
    Token n = tokens.stream().filter(t -> t.word().equals("3569")).findFirst().orElseThrow();
    assertEquals("m", n.pos());
    Token next = tokens.get(tokens.indexOf(n) + 1);
    assertEquals("户", next.word());
    assertEquals("q", next.pos());
  }

  @Test
  void aWindowKeepsOffsetsIntoTheWholeText() {
    String text = "地处金沙江畔的巧家，98.9%的山地占比曾是制约当地发展的短板";
    int from = text.indexOf("山地");
    List<Token> tokens = FAST.segment(text, from, from + 4);
    assertEquals("山地", tokens.get(0).word());
    assertEquals(from, tokens.get(0).start());
    assertEquals(from + 2, tokens.get(0).end());
  }

  @Test
  void aProductInsideALongerWordIsNotAligned() {
    // 茶 inside 茶馆: the shop, not the crop
    String text = "村里新开了一家茶馆";
    int i = text.indexOf("茶");
    Token crossing = FAST.crossing(text, i, i + 1);
    assertNotNull(crossing);
    assertEquals("茶馆", crossing.word());
    // 茶 before 产业 stands alone
    String tea = "大力发展茶产业";
    int j = tea.indexOf("茶");
    assertNull(FAST.crossing(tea, j, j + 1));
  }

  @Test
  void emptyInputGivesNoTokens() {
    assertTrue(FAST.segment("").isEmpty());
    assertTrue(FAST.segment(null).isEmpty());
    assertTrue(FAST.segment("abc", 2, 2).isEmpty());
  }

  @Test
  void sharedInstanceGivesTheSameTokensOnManyThreads() throws Exception {
    List<String> sentences =
        List.of(
            SEED_FIGURE,
            "永善县溪洛渡街道红光片区以工代赈示范工程施工现场",
            "今年已下达实施以工代赈专项项目33个，总投资20993.73万元",
            "曲靖市会泽县爽身粉纺织车间里，纺织女工邹琼美正忙着赶制一批定做的校服");
    List<List<Token>> expected = new ArrayList<>();
    for (String s : sentences) expected.add(VITERBI.segment(s));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < 200; r++) {
                    for (int k = 0; k < sentences.size(); k++) {
                      if (!VITERBI.segment(sentences.get(k)).equals(expected.get(k))) return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : results) assertTrue(f.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void wordBeforeTellsAPrepositionFromAWordEndingInIt() {
    String moved = "她和家人从矿山镇泗水村搬进了安置房";
    Token from = FAST.wordBefore(moved, moved.indexOf("矿山镇"));
    assertEquals("从", from.word());
    assertEquals("p", from.pos());
    String obey = "他服从镇里安排";
    Token verb = FAST.wordBefore(obey, obey.indexOf("镇里"));
    assertEquals("服从", verb.word());
    assertEquals("v", verb.pos());
    assertNull(FAST.wordBefore(obey, 0));
    // inside a word there is no word ending at the offset
    assertNull(FAST.wordBefore(obey, obey.indexOf("从")));
  }
}
