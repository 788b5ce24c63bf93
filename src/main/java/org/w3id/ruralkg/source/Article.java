package org.w3id.ruralkg.source;

import java.util.List;

/**
 * One article of a page. Paragraphs are in reading order and may be scattered over the page when
 * articles are interleaved; offsets are into the page's normalised text. {@code title} may be empty
 * when the page prints none; {@code subtitle} likewise. {@code heads} are the lines the title and
 * subtitle are printed on, as the splitter found them (title first, then subtitle), so that no
 * later stage has to search the page for a title's words; empty when the title is not on the page.
 */
public record Article(
    int index,
    String title,
    String subtitle,
    List<String> authors,
    List<Paragraph> paragraphs,
    List<Paragraph> heads) {
  public Article {
    heads = List.copyOf(heads);
  }

  /** An article whose title, if any, is not printed on the page (no head spans). */
  public Article(
      int index, String title, String subtitle, List<String> authors, List<Paragraph> paragraphs) {
    this(index, title, subtitle, authors, paragraphs, List.of());
  }

  public String body() {
    StringBuilder sb = new StringBuilder();
    for (Paragraph p : paragraphs) {
      if (sb.length() > 0) sb.append('\n');
      sb.append(p.text());
    }
    return sb.toString();
  }
}
