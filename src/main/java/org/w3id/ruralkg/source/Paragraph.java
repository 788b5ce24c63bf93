package org.w3id.ruralkg.source;

import java.util.List;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.nlp.SentenceSplitter;

/**
 * A paragraph of an article, or a title line: [start, end) in the normalised page text, its text,
 * and its sentences (page offsets), split once here so that no later stage splits again.
 */
public record Paragraph(int start, int end, String text, List<Sentence> sentences) {
  public Paragraph {
    sentences = List.copyOf(sentences);
  }

  /** The paragraph [start, end) with text {@code text}, split into sentences. */
  public Paragraph(int start, int end, String text) {
    this(start, end, text, SentenceSplitter.split(text, start));
  }
}
