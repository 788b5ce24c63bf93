package org.w3id.ruralkg.common;

/**
 * The one HTML escaper of the project's pages (the ontology page, resource pages, article text):
 * safe in element content and in quoted attribute values alike. Not a template engine: the pages
 * are small, built in code, and every text or IRI that goes into one passes through here.
 * Stateless; thread-safe.
 */
public final class Html {
  private Html() {}

  /** {@code <>&"'} as character references; everything else (Chinese text included) as it is. */
  public static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      String ref =
          switch (s.charAt(i)) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (ref == null) {
        if (sb != null) sb.append(s.charAt(i));
        continue;
      }
      if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      sb.append(ref);
    }
    return sb == null ? s : sb.toString();
  }
}
