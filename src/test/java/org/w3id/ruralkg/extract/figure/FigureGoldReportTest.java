package org.w3id.ruralkg.extract.figure;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Scores the recognisers against the shared gold of seeds 000-002 (skipped where it is absent). */
class FigureGoldReportTest {
  private static final Path GOLD = Path.of("/work/shared/gold");

  @Test
  void findsTheGoldFiguresWithTheirAttributes() throws IOException {
    assumeTrue(Files.isDirectory(GOLD), "no shared gold here");
    FigureGoldReport.Score s = new FigureGoldReport().score(GOLD, Path.of("seeds"));
    assertTrue(s.gold() > 200, "gold figures: " + s.gold());
    assertTrue(s.recall() >= 0.95, "recall " + s.recall() + "\n" + String.join("\n", s.notes()));
    assertTrue(s.precision() >= 0.95, "precision " + s.precision() + "\n" + String.join("\n", s.notes()));
    assertTrue(s.value() >= 0.98 * s.matched(), "value accuracy");
    assertTrue(s.unit() >= 0.98 * s.matched(), "unit accuracy");
    assertTrue(s.qualifier() >= 0.95 * s.matched(), "qualifier accuracy");
    assertTrue(s.metric() >= 0.85 * s.matched(), "metric accuracy " + s.metric() + "/" + s.matched());
    assertTrue(s.yearOk() >= 0.8 * s.yearN(), "year accuracy " + s.yearOk() + "/" + s.yearN());
  }
}
