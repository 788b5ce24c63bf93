package org.w3id.ruralkg.source;

import java.time.LocalDate;
import java.util.List;

/**
 * Facts printed in a page's header, when present: the newspaper, the editor line (责编/组版/校对) and the
 * publication date of the masthead (2025年11月20日 星期四), null when the page does not print it.
 */
public record PageHeader(
    String newspaper, String editorLine, List<String> editors, LocalDate published) {
  public static final PageHeader NONE = new PageHeader(null, null, List.of(), null);

  /** A header without a printed date. */
  public PageHeader(String newspaper, String editorLine, List<String> editors) {
    this(newspaper, editorLine, editors, null);
  }

  /** The publication year, or null when the date is unknown. */
  public Integer publicationYear() {
    return published == null ? null : published.getYear();
  }
}
