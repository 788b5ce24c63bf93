package org.w3id.ruralkg.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Writes the bad-input corpus into a folder at test time (nothing large is committed). Each entry
 * says what the build must do with the file: load it, or refuse it with a reason containing a given
 * phrase.
 */
final class BadInputCorpus {
  static final String GOOD_SEED = "seeds/001_9a9fe845a7e3c4ef.txt";
  static final String PARAGRAPH = "2024年永善县溪洛渡街道红光片区以工代赈项目的实施,带动当地群众434人参与工程就地就近就业,发放劳务报酬331.46万元。";
  static final int MANY_ARTICLES = 3000;

  /** null: the file must load; otherwise a phrase its one-line refusal must contain. */
  record Expectation(String refusal) {
    static Expectation loads() {
      return new Expectation(null);
    }

    static Expectation refused(String phrase) {
      return new Expectation(phrase);
    }
  }

  private BadInputCorpus() {}

  static String seed() throws IOException {
    return Files.readString(Path.of(GOOD_SEED), StandardCharsets.UTF_8);
  }

  /**
   * Writes every bad input (and good.txt, the seed) into {@code dir}; returns file name →
   * expectation.
   */
  static Map<String, Expectation> write(Path dir) throws IOException {
    String seed = seed();
    Map<String, Expectation> out = new LinkedHashMap<>();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("good.txt"), seed, StandardCharsets.UTF_8);
    out.put("good.txt", Expectation.loads());

    Files.write(dir.resolve("empty.txt"), new byte[0]);
    out.put("empty.txt", Expectation.refused("empty file"));
    Files.write(
        dir.resolve("blank-bom.txt"), "\uFEFF \n\t\u3000\n".getBytes(StandardCharsets.UTF_8));
    out.put("blank-bom.txt", Expectation.refused("empty file"));
    Files.write(dir.resolve("binary.txt"), binary(4096));
    out.put("binary.txt", Expectation.refused("binary file"));

    Files.write(dir.resolve("gbk.txt"), seed.getBytes(Charset.forName("GBK")));
    out.put("gbk.txt", Expectation.loads());
    // 𠀀 (U+20000) and € exist in GB18030 only, not GBK
    Files.write(
        dir.resolve("gb18030.txt"), (seed + "\n𠀀€\n").getBytes(Charset.forName("GB18030")));
    out.put("gb18030.txt", Expectation.loads());
    Files.write(
        dir.resolve("utf8-bom.txt"),
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            seed.getBytes(StandardCharsets.UTF_8)));
    out.put("utf8-bom.txt", Expectation.loads());
    Files.write(
        dir.resolve("utf16-bom.txt"),
        seed.getBytes(StandardCharsets.UTF_16)); // big-endian with BOM
    out.put("utf16-bom.txt", Expectation.loads());
    Files.write(
        dir.resolve("utf16le-bom.txt"),
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, seed.getBytes(StandardCharsets.UTF_16LE)));
    out.put("utf16le-bom.txt", Expectation.loads());
    Files.write(dir.resolve("invalid-utf8.txt"), invalidUtf8(seed));
    out.put("invalid-utf8.txt", Expectation.refused("not valid UTF-8 (bad byte at offset"));

    Files.writeString(
        dir.resolve("numbers.txt"),
        "123456\n7890\n3.1415\n-42\n".repeat(200),
        StandardCharsets.UTF_8);
    out.put("numbers.txt", Expectation.loads());
    Files.writeString(dir.resolve("page.html.txt"), html(seed), StandardCharsets.UTF_8);
    out.put("page.html.txt", Expectation.loads());
    Files.writeString(
        dir.resolve("long-line.txt"), longLine(seed, 1 << 20), StandardCharsets.UTF_8);
    out.put("long-line.txt", Expectation.loads());
    Files.writeString(
        dir.resolve("many-articles.txt"), manyArticles(MANY_ARTICLES), StandardCharsets.UTF_8);
    out.put("many-articles.txt", Expectation.loads());
    writeHuge(dir.resolve("huge.txt"), seed, 50L << 20);
    out.put("huge.txt", Expectation.refused("too large"));
    return out;
  }

  static byte[] binary(int n) {
    byte[] b = new byte[n];
    new Random(7).nextBytes(b);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    System.arraycopy(png, 0, b, 0, png.length);
    return b;
  }

  /** The seed in UTF-8 with two stray bytes: an 0xFF and a lead byte without its continuation. */
  static byte[] invalidUtf8(String seed) {
    byte[] b = seed.getBytes(StandardCharsets.UTF_8);
    int at = 600;
    while ((b[at] & 0xC0) == 0x80) at++; // on a character boundary
    byte[] out = new byte[b.length + 2];
    System.arraycopy(b, 0, out, 0, at);
    out[at] = (byte) 0xFF;
    out[at + 1] = (byte) 0xC3;
    System.arraycopy(b, at, out, at + 2, b.length - at);
    return out;
  }

  static String html(String seed) {
    StringBuilder sb =
        new StringBuilder(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>昭通日报</title>"
                + "<style>p { margin: 0 }</style><script>var n = 1 < 2 && 3 > 2;</script></head>\n<body><div class=\"content\">\n");
    seed.lines()
        .filter(l -> !l.isBlank())
        .forEach(l -> sb.append("<p>").append(l.strip()).append("</p>\n"));
    return sb.append("</div></body></html>\n").toString();
  }

  /**
   * About {@code bytes} of UTF-8 on one line: the seed's text with its line breaks removed,
   * repeated.
   */
  static String longLine(String seed, int bytes) {
    String flat = seed.replaceAll("\\s+", "");
    StringBuilder sb = new StringBuilder();
    while (sb.length() * 3 < bytes) sb.append(flat);
    return sb.append('\n').toString();
  }

  static String manyArticles(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++)
      sb.append("乡村振兴第").append(i + 1).append("篇报道\n\n记者 张三\n\n").append(PARAGRAPH).append("\n\n");
    return sb.toString();
  }

  private static void writeHuge(Path file, String seed, long size) throws IOException {
    byte[] chunk = seed.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long n = 0; n < size; n += chunk.length) out.write(chunk);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
