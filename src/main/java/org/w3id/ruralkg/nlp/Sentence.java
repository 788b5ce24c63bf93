package org.w3id.ruralkg.nlp;

/** A sentence: [start, end) in the page's normalised text, and its text. */
public record Sentence(int start, int end, String text) {
  public boolean contains(int offset) {
    return offset >= start && offset < end;
  }
}
