package org.w3id.ruralkg.rdf;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.ruralkg.link.UnitMention;

/**
 * Mints the data IRIs. Every IRI depends only on what identifies the thing (a division code, a
 * file's relative path and an article's index, an offset), never on build order, so rebuilding an
 * unchanged corpus yields the same IRIs.
 */
public final class Iris {
  private Iris() {}

  /** Percent-encodes everything but RFC 3986 unreserved characters and '/'. */
  public static String encodePath(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '/') {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }

  public static String shortHash(String s) {
    return HexFormat.of()
        .formatHex(
            org.w3id.ruralkg.common.Hashes.sha1().digest(s.getBytes(StandardCharsets.UTF_8)), 0, 6);
  }

  /** The key of a file: its path relative to the input folder, without the .txt extension. */
  public static String fileKey(String relativePath) {
    String p = relativePath.replace('\\', '/');
    if (p.endsWith(".txt")) p = p.substring(0, p.length() - 4);
    return encodePath(p);
  }

  private static Node uri(String s) {
    return NodeFactory.createURI(s);
  }

  public static Node source(String fileKey) {
    return uri(Vocab.ID + "source/" + fileKey);
  }

  public static Node article(String fileKey, int index) {
    return uri(Vocab.ID + "article/" + fileKey + "/" + index);
  }

  /** The named graph holding one article's facts. */
  public static Node graph(String fileKey, int index) {
    return uri(Vocab.ID + "graph/" + fileKey + "/" + index);
  }

  /**
   * The named graph holding one file's own description (source file, build activity), beside its
   * article graphs.
   */
  public static Node fileGraph(String fileKey) {
    return uri(Vocab.ID + "graph/" + fileKey + "/file");
  }

  /**
   * A span of a source file as an RFC 5147 fragment IRI ({@code <source>#char=start,end}, offsets
   * in characters of the file as read): the Web Annotation model's way to name a segment of a
   * plain-text resource without a selector node.
   */
  public static Node textSpan(Node source, long start, long end) {
    return uri(source.getURI() + "#char=" + start + "," + end);
  }

  /** Prefix of every graph of one file, to find and drop them when the file changes. */
  public static String graphPrefix(String fileKey) {
    return Vocab.ID + "graph/" + fileKey + "/";
  }

  public static Node build(String startedAt) {
    return uri(Vocab.ID + "build/" + encodePath(startedAt));
  }

  public static Node unit(UnitMention u) {
    if (u.division() != null) return unitByCode(u.division().code());
    String parent = u.parentName() == null ? "" : u.parentName();
    return uri(
        Vocab.ID
            + "unit/x/"
            + u.level().notation()
            + "/"
            + shortHash(u.level() + "|" + parent + "|" + u.canonicalName()));
  }

  public static Node unitByCode(String code) {
    return uri(Vocab.ID + "unit/" + code);
  }

  public static Node org(
      UnitMention unit, Vocab.OrgKind kind, String host, String mentionIfNoUnit) {
    String owner = unit == null ? "x/" + shortHash(mentionIfNoUnit) : unitLocal(unit);
    String h = host == null ? "" : "/" + shortHash(host);
    return uri(
        Vocab.ID
            + "org/"
            + owner
            + "/"
            + kind.concept.getURI().substring(Vocab.CONCEPT_BASE.length() + "org-kind/".length())
            + h);
  }

  public static Node hostBody(UnitMention unit, String host) {
    return uri(Vocab.ID + "body/" + (unit == null ? "x" : unitLocal(unit)) + "/" + shortHash(host));
  }

  private static String unitLocal(UnitMention u) {
    return unit(u).getURI().substring((Vocab.ID + "unit/").length());
  }

  /**
   * A fact found at an offset of an article: kind is mention, org-mention, programme, industry or
   * figure.
   */
  public static Node fact(String kind, String fileKey, int articleIndex, int start) {
    return uri(Vocab.ID + kind + "/" + fileKey + "/" + articleIndex + "/" + start);
  }

  /** A fact at an offset that may hold for several units (a programme run in each listed unit). */
  public static Node fact(
      String kind, String fileKey, int articleIndex, int start, UnitMention unit) {
    Node base = fact(kind, fileKey, articleIndex, start);
    return unit == null ? base : uri(base.getURI() + "-" + shortHash(unit.key()));
  }

  public static Node localScheme(String label) {
    return uri(Vocab.CONCEPT_BASE + "programme/local/" + encodePath(label));
  }

  public static Node child(Node parent, String fragment) {
    return uri(parent.getURI() + "#" + fragment);
  }
}
