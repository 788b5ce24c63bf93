package org.w3id.ruralkg.link;

import java.util.List;

/**
 * One keyword of the gazetteer automaton and the units it may stand for. An entry is {@code bare}
 * when the keyword is a short form without any level suffix (巧家 for 巧家县, 云南 for 云南省); such entries
 * count only where the text makes them a standalone name. Immutable.
 */
public record Alias(String key, List<Entry> entries) {
  public record Entry(Division division, boolean bare) {}

  public Alias {
    entries = List.copyOf(entries);
  }

  public boolean anyBare() {
    for (Entry e : entries) if (e.bare()) return true;
    return false;
  }
}
