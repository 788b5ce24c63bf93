package org.w3id.ruralkg.extract.topic;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.extract.IndustryFact;
import org.w3id.ruralkg.extract.ProgrammeFact;

/**
 * Label-level recall/precision against the gold files of seeds 000-002 (units depend on the
 * lead's place attribution, so only the set of labels per file is compared).
 */
class TopicGoldCheckTest {
  private static final ProgrammeRecognizer PROGRAMMES = new ProgrammeRecognizer();
  private static final IndustryRecognizer INDUSTRIES = new IndustryRecognizer();

  @Test
  void programmeLabelsMatchGold() {
    assumeTrue(SeedFixture.goldDir() != null, "shared gold not found");
    int[] c = new int[3];
    for (String stem : SeedFixture.GOLD_STEMS) {
      SeedFixture f = SeedFixture.withGoldUnits(stem);
      Set<String> got = new TreeSet<>();
      for (ProgrammeFact p : PROGRAMMES.recognise(f.text, f.sentences, f.places)) got.add(p.label());
      count(stem, "programme", SeedFixture.gold(stem).get("programmes"), "programme", got, c);
    }
    report("programmes", c);
    assertTrue(recall(c) >= 0.85, "programme label recall " + recall(c));
    assertTrue(precision(c) >= 0.75, "programme label precision " + precision(c));
  }

  @Test
  void industryLabelsMatchGold() {
    assumeTrue(SeedFixture.goldDir() != null, "shared gold not found");
    int[] c = new int[3];
    for (String stem : SeedFixture.GOLD_STEMS) {
      SeedFixture f = SeedFixture.withGoldUnits(stem);
      Set<String> got = new TreeSet<>();
      for (IndustryFact p : INDUSTRIES.recognise(f.text, f.sentences, f.places)) got.add(p.label());
      count(stem, "industry", SeedFixture.gold(stem).get("industries"), "industry", got, c);
    }
    report("industries", c);
    assertTrue(recall(c) >= 0.85, "industry label recall " + recall(c));
    assertTrue(precision(c) >= 0.75, "industry label precision " + precision(c));
  }

  /** c = {true positives, gold size, predicted size}. */
  static void count(String stem, String what, JsonNode gold, String field, Set<String> got, int[] c) {
    Set<String> want = new TreeSet<>();
    for (JsonNode g : gold) want.add(g.get(field).asText());
    Set<String> tp = new TreeSet<>(want);
    tp.retainAll(got);
    c[0] += tp.size();
    c[1] += want.size();
    c[2] += got.size();
    Set<String> missed = new TreeSet<>(want);
    missed.removeAll(got);
    Set<String> extra = new TreeSet<>(got);
    extra.removeAll(want);
    System.err.println(stem + " " + what + " missed=" + missed + " extra=" + extra);
  }

  static double recall(int[] c) {
    return c[1] == 0 ? 1 : (double) c[0] / c[1];
  }

  static double precision(int[] c) {
    return c[2] == 0 ? 1 : (double) c[0] / c[2];
  }

  static void report(String what, int[] c) {
    System.err.printf(java.util.Locale.ROOT, "%s: recall %.3f (%d/%d) precision %.3f (%d/%d)%n", what, recall(c), c[0], c[1], precision(c), c[0], c[2]);
  }

  static List<String> labels(List<ProgrammeFact> facts) {
    return facts.stream().map(ProgrammeFact::label).toList();
  }
}
