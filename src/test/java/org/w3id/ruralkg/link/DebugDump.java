package org.w3id.ruralkg.link;

import org.w3id.ruralkg.source.Page;

/** Prints the linker's mentions of a seed (manual inspection, not a test). */
final class DebugDump {
  public static void main(String[] args) {
    UnitLinker linker = new UnitLinker();
    for (String seed : args) {
      Page page = TestPages.seed(seed);
      System.out.println("== " + seed);
      for (UnitMention m : linker.link(page, page.articles().get(0))) {
        System.out.printf("%5d %-12s %-10s %-14s %-12s %-10s %.2f%n", m.start(), m.surface(), m.level().notation(),
            m.canonicalName(), m.division() == null ? "-" : m.division().code(), m.parentName(), m.confidence());
      }
    }
  }
}
