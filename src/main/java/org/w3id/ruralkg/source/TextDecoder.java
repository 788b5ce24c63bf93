package org.w3id.ruralkg.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * Decodes the raw bytes of an input file: needs the bytes, adds the charset and the decoded string
 * (BOM removed); refuses binary and empty files. Stateless and thread-safe.
 */
final class TextDecoder {
  private static final Charset GB18030 = Charset.forName("GB18030");

  /** The decoded text and the name of the charset that decoded it. */
  record Decoded(String charset, String text) {}

  private TextDecoder() {}

  static Decoded decode(String fileName, byte[] bytes) {
    if (bytes.length == 0) throw new RuralKgException(fileName + ": empty file");
    Decoded d = decodeByBom(fileName, bytes);
    if (d == null) {
      if (hasNul(bytes)) throw binary(fileName);
      String utf8 = strict(StandardCharsets.UTF_8, bytes, 0);
      if (utf8 != null) {
        d = new Decoded("UTF-8", utf8);
      } else {
        // Not UTF-8: Chinese county papers often come as GBK/GB18030; accept only if it reads as
        // text.
        String gb = strict(GB18030, bytes, 0);
        if (gb == null || !mostlyChinese(gb)) throw notText(fileName, bytes);
        d = new Decoded("GB18030", gb);
      }
    }
    if (controlShare(d.text()) > 0.01) throw binary(fileName);
    if (isBlank(d.text())) throw new RuralKgException(fileName + ": empty file");
    return d;
  }

  private static Decoded decodeByBom(String fileName, byte[] b) {
    if (startsWith(b, 0xEF, 0xBB, 0xBF))
      return bomDecoded(fileName, "UTF-8", StandardCharsets.UTF_8, b, 3);
    if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00))
      return bomDecoded(fileName, "UTF-32LE", Charset.forName("UTF-32LE"), b, 4);
    if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF))
      return bomDecoded(fileName, "UTF-32BE", Charset.forName("UTF-32BE"), b, 4);
    if (startsWith(b, 0xFF, 0xFE))
      return bomDecoded(fileName, "UTF-16LE", StandardCharsets.UTF_16LE, b, 2);
    if (startsWith(b, 0xFE, 0xFF))
      return bomDecoded(fileName, "UTF-16BE", StandardCharsets.UTF_16BE, b, 2);
    return null;
  }

  private static Decoded bomDecoded(String fileName, String name, Charset cs, byte[] b, int skip) {
    if (b.length == skip) throw new RuralKgException(fileName + ": empty file");
    String s = strict(cs, b, skip);
    if (s == null)
      throw new RuralKgException(
          fileName
              + ": not valid "
              + name
              + " although it starts with a "
              + name
              + " byte order mark");
    return new Decoded(name, s);
  }

  private static String strict(Charset cs, byte[] b, int offset) {
    try {
      CharBuffer out =
          cs.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b, offset, b.length - offset));
      return out.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
    return true;
  }

  private static boolean hasNul(byte[] b) {
    for (byte x : b) if (x == 0) return true;
    return false;
  }

  /** Share of C0/C1 controls (other than usual whitespace) and replacement chars. */
  static double controlShare(String s) {
    if (s.isEmpty()) return 0;
    int bad = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
      if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\uFFFD') bad++;
    }
    return bad / (double) s.length();
  }

  /**
   * A GB18030 decoding of random bytes yields rare symbols; real text is Han, ASCII and CJK
   * punctuation.
   */
  static boolean mostlyChinese(String s) {
    int good = 0;
    int total = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      total++;
      if (cp < 0x80 && (cp >= 0x20 || cp == '\n' || cp == '\r' || cp == '\t')) good++;
      else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) good++;
      else if ((cp >= 0x3000 && cp <= 0x303F)
          || (cp >= 0xFF00 && cp <= 0xFFEF)
          || (cp >= 0x2010 && cp <= 0x206F)) good++;
    }
    return total > 0 && good >= 0.95 * total;
  }

  private static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF') return false;
    }
    return true;
  }

  /** Text that is UTF-8 but for a few bad bytes gets a message that says where, not "binary". */
  private static RuralKgException notText(String fileName, byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var result = decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
    String lenient = new String(bytes, StandardCharsets.UTF_8);
    if (result.isError() && controlShare(lenient) <= 0.01) {
      return new RuralKgException(
          fileName
              + ": not valid UTF-8 (bad byte at offset "
              + in.position()
              + ") and not GB18030 text");
    }
    return binary(fileName);
  }

  private static RuralKgException binary(String fileName) {
    return new RuralKgException(fileName + ": binary file, not text");
  }
}
