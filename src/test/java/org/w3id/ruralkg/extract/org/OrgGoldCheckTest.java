package org.w3id.ruralkg.extract.org;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.extract.OrgFact;
import org.w3id.ruralkg.extract.topic.SeedFixture;

/**
 * Mention-level recall/precision of party organisations against the gold files of seeds 000-002
 * (as multisets of mention strings; kind and unit agreement are measured on the matched ones, with
 * the test's stand-in linker and place attributor).
 */
class OrgGoldCheckTest {
  private static final PartyOrgRecognizer ORGS = new PartyOrgRecognizer();

  @Test
  void mentionsMatchGold() {
    assumeTrue(SeedFixture.goldDir() != null, "shared gold not found");
    int tp = 0;
    int gold = 0;
    int got = 0;
    int kindOk = 0;
    int unitOk = 0;
    int hostOk = 0;
    for (String stem : SeedFixture.GOLD_STEMS) {
      SeedFixture f = SeedFixture.withGoldUnits(stem);
      // gold lists each organisation once per file: compare distinct (mention, host) pairs
      List<OrgFact> facts = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (OrgFact o : ORGS.recognise(f.text, f.sentences, f.units, f.places)) {
        if (seen.add(o.mention() + "|" + o.host())) facts.add(o);
      }
      got += facts.size();
      List<String> missed = new ArrayList<>();
      for (JsonNode g : SeedFixture.gold(stem).get("party_orgs")) {
        gold++;
        String mention = g.get("mention").asText();
        OrgFact hit = facts.stream().filter(o -> o.mention().equals(mention)).findFirst().orElse(null);
        if (hit == null) {
          missed.add(mention);
          continue;
        }
        facts.remove(hit);
        tp++;
        if (hit.kind().equals(g.get("kind").asText())) kindOk++;
        String unit = hit.unit() == null ? null : hit.unit().canonicalName();
        if (g.get("unit").isNull() ? unit == null : g.get("unit").asText().equals(unit)) unitOk++;
        else System.err.println(stem + " unit " + mention + " got=" + unit + " want=" + g.get("unit"));
        String host = hit.host();
        if (g.get("host").isNull() ? host == null : g.get("host").asText().equals(host)) hostOk++;
        else System.err.println(stem + " host " + mention + " got=" + host + " want=" + g.get("host"));
      }
      System.err.println(stem + " orgs missed=" + missed + " extra=" + facts.stream().map(OrgFact::mention).toList());
    }
    double recall = (double) tp / gold;
    double precision = (double) tp / got;
    System.err.printf(java.util.Locale.ROOT, "party orgs: recall %.3f (%d/%d) precision %.3f (%d/%d); of matched: kind %d, unit %d, host %d%n",
        recall, tp, gold, precision, tp, got, kindOk, unitOk, hostOk);
    assertTrue(recall >= 0.8, "org mention recall " + recall);
    assertTrue(precision >= 0.8, "org mention precision " + precision);
    assertTrue(kindOk == tp, "every matched mention has the gold kind");
  }
}
