package org.w3id.ruralkg.source;

import java.util.List;

/** Facts printed in a page's header, when present: the newspaper, and the editor line (责编/组版/校对). */
public record PageHeader(String newspaper, String editorLine, List<String> editors) {
  public static final PageHeader NONE = new PageHeader(null, null, List.of());
}
