package org.w3id.ruralkg.common;

/**
 * Text fit for one log line: a file name may hold a line break or terminal controls, which would
 * forge log lines or rewrite the terminal. Stateless.
 */
public final class Printable {
  private Printable() {}

  /**
   * The text with control, line and paragraph separator and bidi override chars escaped as \n, \t,
   * \r or \\uXXXX.
   */
  public static String escape(String s) {
    if (s == null) return null;
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> unsafe(c) ? String.format(java.util.Locale.ROOT, "\\u%04X", (int) c) : null;
          };
      if (esc == null) {
        if (sb != null) sb.append(c);
        continue;
      }
      if (sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      sb.append(esc);
    }
    return sb == null ? s : sb.toString();
  }

  private static boolean unsafe(char c) {
    return Character.isISOControl(c)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
