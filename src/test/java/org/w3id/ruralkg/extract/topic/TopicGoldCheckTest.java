package org.w3id.ruralkg.extract.topic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.extract.IndustryFact;
import org.w3id.ruralkg.extract.ProgrammeFact;
import org.w3id.ruralkg.gold.Gold;
import org.w3id.ruralkg.gold.GoldScore;

/**
 * Label-level recall/precision against the gold files of seeds 000-002 (units depend on the lead's
 * place attribution, so only the set of labels per file is compared). Floors: the scores of
 * December 2026 (programmes 38/41 and 38/39, industries 37/37 and 37/39) less a small margin.
 */
class TopicGoldCheckTest {
  private static final ProgrammeRecognizer PROGRAMMES = new ProgrammeRecognizer();
  private static final IndustryRecognizer INDUSTRIES = new IndustryRecognizer();

  @Test
  void programmeLabelsMatchGold() {
    GoldScore s = GoldScore.empty("programme labels");
    for (String stem : Gold.STEMS) {
      SeedFixture f = SeedFixture.withGoldUnits(stem);
      Set<String> got = new TreeSet<>();
      for (ProgrammeFact p : PROGRAMMES.recognise(f.text, f.sentences, f.places))
        got.add(p.label());
      s =
          s.plus(
              GoldScore.ofSets(
                  s.what(), stem.substring(0, 3), labels(stem, "programmes", "programme"), got));
    }
    s.assertAtLeast(0.90, 0.94);
  }

  @Test
  void industryLabelsMatchGold() {
    GoldScore s = GoldScore.empty("industry labels");
    for (String stem : Gold.STEMS) {
      SeedFixture f = SeedFixture.withGoldUnits(stem);
      Set<String> got = new TreeSet<>();
      for (IndustryFact p : INDUSTRIES.recognise(f.text, f.sentences, f.places)) got.add(p.label());
      s =
          s.plus(
              GoldScore.ofSets(
                  s.what(), stem.substring(0, 3), labels(stem, "industries", "industry"), got));
    }
    s.assertAtLeast(0.97, 0.92);
  }

  private static Set<String> labels(String stem, String list, String field) {
    Set<String> want = new TreeSet<>();
    for (JsonNode g : Gold.file(stem).get(list)) want.add(g.get(field).asText());
    return want;
  }
}
