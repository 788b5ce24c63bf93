package org.w3id.ruralkg.source;

/**
 * A decoded and normalised input file. {@code text} is what every later stage reads; {@code
 * toOriginal[i]} is the char index in {@code original} of {@code text.charAt(i)} (length is
 * text.length()+1, the last entry maps the end), so any span can be reported against the file.
 */
public record SourceText(
    String fileName,
    String sha256,
    String charset,
    String original,
    String text,
    int[] toOriginal) {
  public int originalOffset(int normalisedOffset) {
    return toOriginal[normalisedOffset];
  }
}
