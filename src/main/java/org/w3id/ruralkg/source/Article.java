package org.w3id.ruralkg.source;

import java.util.List;

/**
 * One article of a page. Paragraphs are in reading order and may be scattered over the page when
 * articles are interleaved; offsets are into the page's normalised text. {@code title} may be empty
 * when the page prints none; {@code subtitle} likewise. {@code heads} are the lines the title and
 * subtitle are printed on, as the splitter found them (title first, then subtitle), so that no
 * later stage has to search the page for a title's words; empty when the title is not on the page.
 * {@code affiliations} are the byline lines that name the author's post (西碗镇石燕村党总支书记助理 高青天): not
 * body text, but the units and organisations they name are the page's mentions.
 */
public record Article(
    int index,
    String title,
    String subtitle,
    List<String> authors,
    List<Paragraph> paragraphs,
    List<Paragraph> heads,
    List<Paragraph> affiliations) {
  public Article {
    heads = List.copyOf(heads);
    affiliations = List.copyOf(affiliations);
  }

  /** An article without byline affiliations. */
  public Article(
      int index,
      String title,
      String subtitle,
      List<String> authors,
      List<Paragraph> paragraphs,
      List<Paragraph> heads) {
    this(index, title, subtitle, authors, paragraphs, heads, List.of());
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
