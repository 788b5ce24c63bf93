package org.w3id.ruralkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.link.UnitMention;

/**
 * A unit after the preposition 从 is where someone came from: it stays a unit but is no figure's
 * place.
 */
class OriginPlaceTest {
  private static final ArticleExtractor EXTRACTOR =
      org.w3id.ruralkg.app.Extraction.shared().extractor();

  private static List<ArticleFacts> extract(String text) {
    return EXTRACTOR.extract(
        org.w3id.ruralkg.app.Extraction.shared()
            .reader()
            .read("t.txt", text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String placeOf(List<ArticleFacts> facts, String quantity) {
    for (ArticleFacts a : facts) {
      for (FigureFact f : a.figures())
        if (f.quantity().surface().equals(quantity))
          return f.place() == null ? null : f.place().canonicalName();
    }
    throw new AssertionError("no figure " + quantity);
  }

  private static String page(String move) {
    // seed 002
    return "曲靖市会泽县爽身粉纺织车间里，纺织女工邹琼美正忙着赶制一批定做的校服。今年5月，她和家人"
        + move
        + "，很快在家门口找到了工作。邹琼美说：“我一个月30天全出勤，最多的一个月领到了4100元。”\n";
  }

  @Test
  void theVillageSomeoneMovedFromIsNotThePlace() {
    List<ArticleFacts> facts = extract(page("从矿山镇泗水村搬进了位于县城的汇丰园安置房"));
    assertEquals("会泽县", placeOf(facts, "4100元"));
    List<String> units = facts.get(0).units().stream().map(UnitMention::surface).toList();
    assertTrue(units.containsAll(List.of("矿山镇", "泗水村")), units.toString());
  }

  @Test
  void theVillageSomeoneLivesInIsThePlace() {
    assertEquals("泗水村", placeOf(extract(page("在矿山镇泗水村开了一家小卖部")), "4100元"));
  }
}
