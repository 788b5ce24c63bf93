package org.w3id.ruralkg.extract.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.extract.OrgFact;
import org.w3id.ruralkg.extract.topic.SeedFixture;
import org.w3id.ruralkg.gold.Gold;
import org.w3id.ruralkg.gold.GoldScore;

/**
 * Mention-level recall/precision of party organisations against the gold files of seeds 000-002 (as
 * multisets of mention strings; kind, unit and host agreement are measured on the matched ones,
 * with the test's stand-in linker and place attributor). Floors: the scores of December 2026
 * (recall 40/42, precision 40/40; kind 40, unit 39, host 39 of 40) less a small margin.
 */
class OrgGoldCheckTest {
  private static final PartyOrgRecognizer ORGS = new PartyOrgRecognizer();

  @Test
  void mentionsMatchGold() {
    int tp = 0;
    int gold = 0;
    int got = 0;
    int kindOk = 0;
    int unitOk = 0;
    int hostOk = 0;
    StringBuilder missed = new StringBuilder();
    StringBuilder extra = new StringBuilder();
    List<String> wrong = new ArrayList<>();
    for (String stem : Gold.STEMS) {
      SeedFixture f = SeedFixture.withGoldUnits(stem);
      // gold lists each organisation once per file: compare distinct (mention, host) pairs
      List<OrgFact> facts = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (OrgFact o : ORGS.recognise(f.text, f.sentences, f.units, f.places)) {
        if (seen.add(o.mention() + "|" + o.host())) facts.add(o);
      }
      got += facts.size();
      for (JsonNode g : Gold.file(stem).get("party_orgs")) {
        gold++;
        String mention = g.get("mention").asText();
        OrgFact hit =
            facts.stream().filter(o -> o.mention().equals(mention)).findFirst().orElse(null);
        if (hit == null) {
          missed.append(stem, 0, 3).append(':').append(mention).append(' ');
          continue;
        }
        facts.remove(hit);
        tp++;
        if (hit.kind().equals(g.get("kind").asText())) kindOk++;
        String unit = hit.unit() == null ? null : hit.unit().canonicalName();
        if (g.get("unit").isNull() ? unit == null : g.get("unit").asText().equals(unit)) unitOk++;
        else
          wrong.add(
              stem.substring(0, 3)
                  + " unit of "
                  + mention
                  + ": "
                  + unit
                  + ", gold "
                  + g.get("unit"));
        String host = hit.host();
        if (g.get("host").isNull() ? host == null : g.get("host").asText().equals(host)) hostOk++;
        else
          wrong.add(
              stem.substring(0, 3)
                  + " host of "
                  + mention
                  + ": "
                  + host
                  + ", gold "
                  + g.get("host"));
      }
      for (OrgFact o : facts) extra.append(stem, 0, 3).append(':').append(o.mention()).append(' ');
    }
    GoldScore mentions =
        new GoldScore(
            "party organisation mentions", gold, got, tp, missed.toString(), extra.toString());
    mentions.assertAtLeast(0.92, 0.97);
    assertEquals(tp, kindOk, "every matched mention has the gold kind; " + mentions);
    assertTrue(unitOk >= 0.95 * tp, "unit agrees on " + unitOk + " of " + tp + ": " + wrong);
    assertTrue(hostOk >= 0.95 * tp, "host agrees on " + hostOk + " of " + tp + ": " + wrong);
  }
}
