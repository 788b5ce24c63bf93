package org.w3id.ruralkg.nlp;

/**
 * Checks whether a dictionary hit begins inside a word of its text (山药 in 高山药材, 桃 in 核桃), in two
 * steps: HanLP's fast dictionary segmenter over a small window, and only when that says so the
 * slower Viterbi segmenter to confirm (longest match alone cuts 大洋|芋 in 昭通大洋芋). A hit that ends
 * inside a word is not flagged: that word is mostly the hit plus a head noun (苹果树, 茶园, 加工厂). Needs
 * the text and the hit's offsets; adds nothing. Immutable and thread-safe.
 */
public final class WordBoundaries {
  private final Segmenter fast;
  private final Segmenter careful;

  public WordBoundaries() {
    this(new Segmenter(Segmenter.Mode.DICTIONARY), new Segmenter(Segmenter.Mode.VITERBI));
  }

  public WordBoundaries(Segmenter fast, Segmenter careful) {
    this.fast = fast;
    this.careful = careful;
  }

  /** True when both segmenters put a word across the start of [start, end). */
  public boolean startsInsideWord(String text, int start, int end) {
    if (start <= 0 || start >= end || end > text.length()) return false;
    return crossesStart(fast.crossing(text, start, end), start)
        && crossesStart(careful.crossing(text, start, end), start);
  }

  /** The word across the start of [start, end) by the careful segmenter, or null. */
  public Token wordAcrossStart(String text, int start, int end) {
    Token t = careful.crossing(text, start, end);
    return crossesStart(t, start) ? t : null;
  }

  private static boolean crossesStart(Token t, int start) {
    return t != null && t.start() < start && t.end() > start;
  }
}
