package org.w3id.ruralkg.source;

import java.util.List;

/**
 * One article of a page. Paragraphs are in reading order and may be scattered over the page when
 * articles are interleaved; offsets are into the page's normalised text. {@code title} may be empty
 * when the page prints none; {@code subtitle} likewise.
 */
public record Article(int index, String title, String subtitle, List<String> authors, List<Paragraph> paragraphs) {
  public String body() {
    StringBuilder sb = new StringBuilder();
    for (Paragraph p : paragraphs) {
      if (sb.length() > 0) sb.append('\n');
      sb.append(p.text());
    }
    return sb.toString();
  }
}
