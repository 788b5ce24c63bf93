package org.w3id.ruralkg.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.gold.Gold;
import org.w3id.ruralkg.gold.GoldScore;
import org.w3id.ruralkg.source.Page;

/**
 * Measures the linker against the hand-annotated admin_units of seeds 000-002 (test resources
 * gold/). Pages are built with {@link TestPages}, i.e. one article per page. Floors: the scores of
 * December 2026 (exact 69/76, names 70/76, precision 70/71) less a small margin.
 */
class GoldAdminUnitsTest {
  @Test
  void findsMostGoldAdminUnitsWithTheRightNameLevelAndParent() {
    UnitLinker linker = org.w3id.ruralkg.app.Extraction.shared().linker();
    GoldScore names = GoldScore.empty("admin units by name");
    int gold = 0;
    int exact = 0;
    int predicted = 0;
    StringBuilder inexact = new StringBuilder();
    for (String seed : List.of("000", "001", "002")) {
      JsonNode units = Gold.file(Gold.stem(seed)).get("admin_units");
      Page page = TestPages.seed(seed);
      List<UnitMention> ms = linker.link(page, page.articles().get(0));
      Set<String> goldNames = new HashSet<>();
      for (JsonNode u : units) {
        gold++;
        String name = u.get("name").asText();
        String level = u.get("level").asText();
        String parent = u.get("parent").isNull() ? null : u.get("parent").asText();
        goldNames.add(name);
        if (ms.stream()
            .anyMatch(
                m ->
                    m.canonicalName().equals(name)
                        && m.level().notation().equals(level)
                        && Objects.equals(m.parentName(), parent))) exact++;
        else inexact.append(seed).append(':').append(name).append(' ');
      }
      Set<String> ours = new HashSet<>();
      for (UnitMention m : ms) ours.add(m.canonicalName());
      predicted += ours.size();
      names = names.plus(GoldScore.ofSets("admin units by name", seed, goldNames, ours));
    }
    GoldScore full =
        new GoldScore(
            "admin units by name, level and parent",
            gold,
            predicted,
            exact,
            inexact.toString(),
            "");
    full.assertAtLeast(0.88, 0);
    names.assertAtLeast(0.89, 0.96);
  }
}
