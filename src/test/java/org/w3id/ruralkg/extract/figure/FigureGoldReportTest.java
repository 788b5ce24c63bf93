package org.w3id.ruralkg.extract.figure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.gold.Gold;

/**
 * Scores the figure recognisers against the seed gold of seeds 000-002 (test resources gold/).
 * Floors: the scores of December 2026 (214 of 214 found, none extra; value, unit and qualifier
 * right on all, metric on 203, year on 27 of 29) less a small margin.
 */
class FigureGoldReportTest {
  @Test
  void findsTheGoldFiguresWithTheirAttributes() throws IOException {
    FigureGoldReport.Score s = new FigureGoldReport().score(Gold.dir(), Path.of("seeds"));
    String notes = "\n" + String.join("\n", s.notes());
    assertTrue(s.gold() > 200, "gold figures: " + s.gold());
    s.figures().assertAtLeast(0.98, 0.98);
    assertTrue(
        s.value() >= 0.98 * s.matched(),
        "value right on " + s.value() + " of " + s.matched() + notes);
    assertTrue(
        s.unit() >= 0.98 * s.matched(), "unit right on " + s.unit() + " of " + s.matched() + notes);
    assertTrue(
        s.qualifier() >= 0.98 * s.matched(),
        "qualifier right on " + s.qualifier() + " of " + s.matched() + notes);
    assertTrue(
        s.metric() >= 0.92 * s.matched(),
        "metric right on " + s.metric() + " of " + s.matched() + notes);
    assertTrue(
        s.yearOk() >= 0.85 * s.yearN(), "year right on " + s.yearOk() + " of " + s.yearN() + notes);
  }
}
