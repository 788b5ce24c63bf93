package org.w3id.ruralkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.store.FileProcessor;
import org.w3id.ruralkg.store.InputFile;

/**
 * In every article graph, each administrative unit carries rkg:within to every unit up its
 * rkg:parent chain: the saved queries that match inside one article graph rely on it.
 */
class UnitClosureIT {
  private static final FileProcessor PROCESSOR = Pipeline.fileProcessor();

  @Test
  void aUnitMetFirstAsAnAncestorAndMentionedLaterHasItsWholeClosure(@TempDir Path dir)
      throws IOException {
    // 大寨镇 (530622102) first brings in 巧家县 as its parent; the article then names 巧家县 itself
    String page = "昭通日报\n\n大寨镇发展花椒产业\n\n今年以来，大寨镇党委带动农户种植花椒1200亩。巧家县发放劳务报酬300万元。\n";
    Map<Node, Map<Node, Set<Node>>> graphs = graphs(process(dir, "page.txt", page));
    Node county = node("530622");
    Map<Node, Set<Node>> within =
        graphs.values().stream().filter(g -> g.containsKey(county)).findFirst().orElseThrow();
    assertEquals(
        Set.of(node("530600"), node("530000")), within.get(county), "巧家县 lies within 昭通市 and 云南省");
    assertTrue(
        within.get(node("530622102")).containsAll(Set.of(county, node("530600"), node("530000"))));
  }

  @Test
  void everySeedGraphHoldsTheClosureOfItsParentChains() throws IOException {
    List<Path> seeds;
    try (Stream<Path> s = Files.list(Path.of("seeds"))) {
      seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertFalse(seeds.isEmpty());
    int units = 0;
    for (Path seed : seeds) {
      List<Quad> quads =
          PROCESSOR
              .process(
                  new InputFile(seed, seed.getFileName().toString()),
                  Files.readAllBytes(seed),
                  "test")
              .quads();
      Map<Node, Map<Node, Node>> parents = new HashMap<>();
      for (Quad q : quads) {
        if (q.getPredicate().equals(Vocab.PARENT))
          parents
              .computeIfAbsent(q.getGraph(), g -> new HashMap<>())
              .put(q.getSubject(), q.getObject());
      }
      for (var g : graphs(quads).entrySet()) {
        Map<Node, Node> parent = parents.getOrDefault(g.getKey(), Map.of());
        for (Node unit : parent.keySet()) {
          Set<Node> chain = new HashSet<>();
          for (Node p = parent.get(unit); p != null; p = parent.get(p)) chain.add(p);
          assertEquals(
              chain,
              g.getValue().getOrDefault(unit, Set.of()),
              seed.getFileName() + " " + g.getKey() + " " + unit);
          units++;
        }
      }
    }
    assertTrue(units > 20, "units with a parent in the seed graphs: " + units);
  }

  /** Graph → unit → the units it is rkg:within. */
  private static Map<Node, Map<Node, Set<Node>>> graphs(List<Quad> quads) {
    Map<Node, Map<Node, Set<Node>>> m = new HashMap<>();
    for (Quad q : quads) {
      if (!q.getPredicate().equals(Vocab.WITHIN)) continue;
      m.computeIfAbsent(q.getGraph(), g -> new HashMap<>())
          .computeIfAbsent(q.getSubject(), s -> new HashSet<>())
          .add(q.getObject());
    }
    return m;
  }

  private static List<Quad> process(Path dir, String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return new ArrayList<>(
        PROCESSOR.process(new InputFile(f, name), Files.readAllBytes(f), "test").quads());
  }

  private static Node node(String code) {
    return Iris.unitByCode(code);
  }
}
