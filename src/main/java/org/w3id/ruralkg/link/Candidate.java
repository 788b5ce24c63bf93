package org.w3id.ruralkg.link;

import java.util.List;

/**
 * A unit mention while one page is being linked: where it is, which divisions it may denote, and
 * (once decided) which one it does. Mutable, confined to one {@link UnitLinker#linkPage} call.
 */
final class Candidate {
  final int start;
  final int end;
  final String surface;

  /** Divisions the surface may stand for; empty for a unit absent from the gazetteer. */
  final List<Division> divisions;

  /**
   * Kept only if linked: a bare township in an enumeration (金塘、蒙姑等乡镇), or a name that only villages
   * bear (示范村 is also a village somewhere).
   */
  final boolean needsLink;

  /** Whether the keyword was a bare short form (巧家) rather than a suffixed name. */
  final boolean bare;

  int article;
  int paragraph;
  int sentence;

  /** The mention written directly before this one when it is a higher level (绥江县|南岸镇). */
  Candidate chainParent;

  Division resolved;
  double confidence;

  /** Set when the sentence names an enclosing unit that none of the divisions lies in. */
  boolean contradicted;

  /**
   * A province named only by its character in a group (江浙, 远销川渝): a mention, but no anchor that
   * other names are linked by (a destination of sales would pull 新街镇 into 四川).
   */
  boolean inGroup;

  Candidate(
      int start,
      int end,
      String surface,
      List<Division> divisions,
      boolean bare,
      boolean needsLink) {
    this.start = start;
    this.end = end;
    this.surface = surface;
    this.divisions = divisions;
    this.bare = bare;
    this.needsLink = needsLink;
  }

  boolean unknown() {
    return divisions.isEmpty();
  }

  /** The highest level among the divisions, else the level the surface's suffix implies. */
  Level level() {
    if (resolved != null) return resolved.level();
    Level fromSuffix = UnitNames.levelOfSuffix(surface);
    if (divisions.isEmpty()) return fromSuffix;
    Level first = divisions.get(0).level();
    boolean same = true;
    for (Division d : divisions) same &= d.level() == first;
    if (same) return first;
    if (fromSuffix != null)
      for (Division d : divisions) if (d.level() == fromSuffix) return fromSuffix;
    Level top = Level.VILLAGE;
    for (Division d : divisions) if (d.level().ordinal() < top.ordinal()) top = d.level();
    return top;
  }
}
