package org.w3id.ruralkg.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.source.Page;

/**
 * Measures the linker against the hand-annotated admin_units of seeds 000-002 (name, level and
 * parent must all agree). Pages are built with {@link TestPages}, i.e. one article per page.
 */
class GoldAdminUnitsTest {
  private static final Path GOLD = Path.of("/work/shared/gold");

  @Test
  void findsMostGoldAdminUnitsWithTheRightNameLevelAndParent() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(GOLD), "gold files not available");
    UnitLinker linker = new UnitLinker();
    int gold = 0;
    int exact = 0;
    int named = 0;
    int predicted = 0;
    int predictedInGold = 0;
    StringBuilder misses = new StringBuilder();
    for (String seed : List.of("000", "001", "002")) {
      Path file;
      try (var files = Files.list(GOLD)) {
        file = files.filter(f -> f.getFileName().toString().startsWith(seed)).findFirst().orElseThrow();
      }
      JsonNode units = new ObjectMapper().readTree(file.toFile()).get("admin_units");
      Page page = TestPages.seed(seed);
      List<UnitMention> ms = linker.link(page, page.articles().get(0));
      Set<String> goldNames = new HashSet<>();
      for (JsonNode u : units) {
        gold++;
        String name = u.get("name").asText();
        String level = u.get("level").asText();
        String parent = u.get("parent").isNull() ? null : u.get("parent").asText();
        goldNames.add(name);
        boolean n = ms.stream().anyMatch(m -> m.canonicalName().equals(name));
        boolean e = ms.stream().anyMatch(m -> m.canonicalName().equals(name) && m.level().notation().equals(level)
            && Objects.equals(m.parentName(), parent));
        if (n) named++;
        if (e) exact++;
        else misses.append(seed).append(':').append(name).append(' ');
      }
      Set<String> ours = new HashSet<>();
      for (UnitMention m : ms) ours.add(m.canonicalName());
      predicted += ours.size();
      for (String o : ours) if (goldNames.contains(o)) predictedInGold++;
    }
    String summary = String.format(java.util.Locale.ROOT, "gold %d, exact (name+level+parent) %d, name only %d; predicted units %d, of which in gold %d; missed: %s",
        gold, exact, named, predicted, predictedInGold, misses);
    System.out.println("[gold admin_units] " + summary);
    assertTrue(exact >= 0.8 * gold, summary);
    assertTrue(predictedInGold >= 0.9 * predicted, summary);
  }
}
