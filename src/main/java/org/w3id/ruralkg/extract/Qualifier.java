package org.w3id.ruralkg.extract;

/** How a figure's number relates to the true value; {@link #notation()} is the contract code. */
public enum Qualifier {
  EXACT("exact"),
  MORE_THAN("moreThan"),
  AT_LEAST("atLeast"),
  NEARLY("nearly"),
  APPROX("approx"),
  UP_TO("upTo"),
  RANGE("range");

  private final String notation;

  Qualifier(String notation) {
    this.notation = notation;
  }

  public String notation() {
    return notation;
  }
}
