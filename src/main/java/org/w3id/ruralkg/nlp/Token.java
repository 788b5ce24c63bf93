package org.w3id.ruralkg.nlp;

/**
 * One word from the {@link Segmenter}: its text, HanLP's part-of-speech tag (PKU-style: n, v, m, q,
 * ns, nr, nt, ...; never null, "x" when unknown) and [start, end) in the text that was segmented.
 */
public record Token(String word, String pos, int start, int end) {
  public int length() {
    return end - start;
  }

  /** True when the tag starts with the given prefix ("n" holds n, ns, nr, nz, ...). */
  public boolean posStartsWith(String prefix) {
    return pos.startsWith(prefix);
  }
}
