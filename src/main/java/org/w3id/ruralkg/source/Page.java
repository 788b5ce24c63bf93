package org.w3id.ruralkg.source;

import java.util.List;

/** A newspaper page read from one input file, split into its articles. */
public record Page(SourceText source, PageHeader header, List<Article> articles) {
  public String text() {
    return source.text();
  }
}
