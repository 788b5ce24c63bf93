package org.w3id.ruralkg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.common.RuralKgException;

class PageReaderDecodingTest {
  private static final String PAGE =
      "产业为基 就业为桥 民生为本\n\n通讯员 张顺富 文/图\n\n" + "地处金沙江畔的巧家,98.9%的山地占比曾是制约当地发展的短板。\n";
  private final PageReader reader = new PageReader(new TextNormaliser(), new PageSplitter());

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  @Test
  void utf8WithoutBom() throws Exception {
    byte[] bytes = PAGE.getBytes(StandardCharsets.UTF_8);
    Page p = reader.read("a.txt", bytes);
    assertEquals("UTF-8", p.source().charset());
    assertEquals(PAGE, p.source().original());
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertEquals(expected, p.source().sha256());
    assertTrue(p.source().sha256().matches("[0-9a-f]{64}"));
    assertEquals("产业为基 就业为桥 民生为本", p.articles().get(0).title());
  }

  @Test
  void utf8WithBomDropsTheBom() {
    byte[] bytes =
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            PAGE.getBytes(StandardCharsets.UTF_8));
    Page p = reader.read("bom.txt", bytes);
    assertEquals("UTF-8", p.source().charset());
    assertEquals(PAGE, p.source().original());
    assertTrue(p.text().startsWith("产业为基"));
  }

  @Test
  void gb18030IsDetectedWhenNotUtf8() {
    Page p = reader.read("gbk.txt", PAGE.getBytes(Charset.forName("GB18030")));
    assertEquals("GB18030", p.source().charset());
    assertEquals(PAGE, p.source().original());
    assertEquals(java.util.List.of("张顺富"), p.articles().get(0).authors());
  }

  @Test
  void utf16WithBomBothByteOrders() {
    byte[] le =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, PAGE.getBytes(StandardCharsets.UTF_16LE));
    byte[] be =
        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, PAGE.getBytes(StandardCharsets.UTF_16BE));
    Page pl = reader.read("le.txt", le);
    Page pb = reader.read("be.txt", be);
    assertEquals("UTF-16LE", pl.source().charset());
    assertEquals("UTF-16BE", pb.source().charset());
    assertEquals(PAGE, pl.source().original());
    assertEquals(pl.text(), pb.text());
  }

  @Test
  void binaryWithNulIsRefused() {
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    RuralKgException e = assertThrows(RuralKgException.class, () -> reader.read("x.png", bytes));
    assertEquals("x.png: binary file, not text", e.getMessage());
  }

  @Test
  void randomBytesAreRefused() {
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    for (int i = 0; i < bytes.length; i++)
      if (bytes[i] == 0) bytes[i] = 1; // not caught by the NUL rule
    RuralKgException e =
        assertThrows(RuralKgException.class, () -> reader.read("noise.bin", bytes));
    assertTrue(e.getMessage().contains("binary"), e.getMessage());
  }

  @Test
  void controlCharactersMakeAFileBinary() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200; i++) sb.append("党建").append((char) 3);
    assertThrows(
        RuralKgException.class,
        () -> reader.read("ctl.txt", sb.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void emptyAndBlankFilesAreRefused() {
    RuralKgException e1 =
        assertThrows(RuralKgException.class, () -> reader.read("e.txt", new byte[0]));
    assertEquals("e.txt: empty file", e1.getMessage());
    RuralKgException e2 =
        assertThrows(
            RuralKgException.class,
            () -> reader.read("w.txt", " \n\t\r\n\u3000 ".getBytes(StandardCharsets.UTF_8)));
    assertEquals("w.txt: empty file", e2.getMessage());
    RuralKgException e3 =
        assertThrows(
            RuralKgException.class,
            () -> reader.read("b.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
    assertEquals("b.txt: empty file", e3.getMessage());
  }

  @Test
  void missingFileIsAOneLineError() {
    RuralKgException e =
        assertThrows(
            RuralKgException.class,
            () -> reader.read(java.nio.file.Path.of("/nonexistent/dir/page.txt")));
    assertTrue(e.getMessage().startsWith("/nonexistent/dir/page.txt: cannot read"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"));
  }
}
