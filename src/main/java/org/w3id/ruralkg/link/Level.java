package org.w3id.ruralkg.link;

/**
 * Administrative levels; {@link #notation()} is the contract's code (docs/CONTRACT.md section 2).
 */
public enum Level {
  PROVINCE,
  PREFECTURE,
  COUNTY,
  TOWNSHIP,
  VILLAGE;

  public String notation() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Level ofNotation(String s) {
    return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
