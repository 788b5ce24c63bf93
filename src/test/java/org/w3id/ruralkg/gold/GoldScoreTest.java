package org.w3id.ruralkg.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scoring helper counts and fails as the gold tests rely on; the seed gold is on the classpath.
 */
class GoldScoreTest {
  @Test
  void sumsPagesAndFailsBelowAFloor() {
    GoldScore s =
        GoldScore.ofSets("x", "p1", Set.of("a", "b", "c"), Set.of("a", "b", "z"))
            .plus(GoldScore.ofSets("x", "p2", Set.of("d"), Set.of("d")));
    assertEquals(4, s.gold());
    assertEquals(4, s.predicted());
    assertEquals(3, s.matched());
    assertEquals(0.75, s.recall(), 1e-9);
    s.assertAtLeast(0.75, 0.75);
    AssertionError e = assertThrows(AssertionError.class, () -> s.assertAtLeast(0.8, 0.5));
    assertEquals(true, e.getMessage().contains("missed p1:[c]"), e.getMessage());
    assertThrows(AssertionError.class, () -> s.assertAtLeast(0.5, 0.8));
    assertThrows(
        AssertionError.class,
        () -> GoldScore.empty("none").assertAtLeast(0, 0),
        "no gold read is a failure, not a pass");
  }

  @Test
  void theThreeSeedGoldFilesAndTheGuideAreTestResources() {
    for (String stem : Gold.STEMS)
      assertEquals(stem + ".txt", Gold.file(stem).get("file").asText());
    assertEquals(Gold.STEMS.get(1), Gold.stem("001"));
    assertEquals(true, java.nio.file.Files.isRegularFile(Gold.dir().resolve("SPEC.md")));
  }
}
