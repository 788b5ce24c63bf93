package org.w3id.ruralkg.link;

/**
 * An administrative unit mentioned in an article, as linked to the gazetteer. [start, end) are
 * offsets in the page's normalised text. {@code division} is null when the unit could not be linked
 * (absent from the gazetteer, or ambiguous without context); then {@code canonicalName}, {@code
 * level} and {@code parentName} are what the text itself supports.
 */
public record UnitMention(
    int start,
    int end,
    String surface,
    Level level,
    String canonicalName,
    Division division,
    String parentName,
    double confidence) {
  public boolean linked() {
    return division != null;
  }

  /** A key that identifies the unit itself, whichever way it was written. */
  public String key() {
    return division != null ? division.code() : level.notation() + ":" + canonicalName;
  }
}
