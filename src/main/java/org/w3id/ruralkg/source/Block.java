package org.w3id.ruralkg.source;

/**
 * One non-empty line of the normalised page text (after the normaliser's joins, a line is a
 * paragraph): [start, end) in the text, and how many blank lines stand before and after it.
 */
record Block(int index, int start, int end, String text, int blanksBefore, int blanksAfter) {
  /**
   * Blocks separated by two or more blank lines sit on either side of an image or a column jump.
   */
  boolean afterImageBreak() {
    return blanksBefore >= 2;
  }
}
