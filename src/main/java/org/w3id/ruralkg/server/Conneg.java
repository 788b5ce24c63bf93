package org.w3id.ruralkg.server;

import java.util.Locale;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.eclipse.jetty.http.QuotedCSV;
import org.eclipse.jetty.http.QuotedQualityCSV;

/**
 * HTTP content negotiation for the servlets, on the parsers the server already carries: Jena's
 * {@link AcceptList} for Accept (q-values, wildcards, most specific first, as Fuseki negotiates),
 * Jetty's {@link QuotedQualityCSV} for Accept-Encoding (q=0 refuses) and {@link QuotedCSV} for the
 * entity-tag list of If-None-Match. Header values come from clients: anything malformed counts as
 * absent, never as an error. Thread-safe (stateless).
 */
final class Conneg {
  private Conneg() {}

  /**
   * The media type of {@code offered} that best fits an Accept header; {@code fallback} when the
   * header is absent, malformed or matches none of them. Among equal preferences the offer listed
   * first wins, so {@code *}{@code /*} gets the first offer.
   */
  static String choose(String accept, AcceptList offered, String fallback) {
    if (accept == null || accept.isBlank()) return fallback;
    try {
      MediaType m = AcceptList.match(new AcceptList(accept), offered);
      return m == null ? fallback : m.getContentTypeStr();
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  /** Accept-Encoding lists gzip (or {@code *}) with a quality above 0. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) return false;
    QuotedQualityCSV codings = new QuotedQualityCSV();
    codings.addValue(acceptEncoding);
    for (String c : codings.getValues()) {
      String coding = c.trim().toLowerCase(Locale.ROOT);
      if (coding.equals("gzip") || coding.equals("*")) return true;
    }
    return false;
  }

  /**
   * If-None-Match holds {@code *} or {@code etag} among its entity tags, compared weakly (RFC 9110
   * section 13.1.2: a {@code W/} prefix on either side is ignored).
   */
  static boolean ifNoneMatch(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) return false;
    String want = opaque(etag);
    for (String t : new QuotedCSV(true, ifNoneMatch).getValues()) {
      String tag = t.trim();
      if (tag.equals("*") || opaque(tag).equals(want)) return true;
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
