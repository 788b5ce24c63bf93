package org.w3id.ruralkg.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.PageHeader;
import org.w3id.ruralkg.source.Paragraph;
import org.w3id.ruralkg.source.SourceText;

/**
 * Builds simple Pages for tests before the source stage exists: one article, paragraphs split on
 * blank lines.
 */
final class TestPages {
  private TestPages() {}

  static Page seed(String prefix) {
    try (var files = Files.list(Path.of("seeds"))) {
      Path p =
          files
              .filter(f -> f.getFileName().toString().startsWith(prefix))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no seed " + prefix));
      return page(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Page page(String fileName, String text) {
    int[] identity = new int[text.length() + 1];
    for (int i = 0; i < identity.length; i++) identity[i] = i;
    SourceText source = new SourceText(fileName, "", "UTF-8", text, text, identity);
    List<Paragraph> paragraphs = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start < n) {
      int blank = text.indexOf("\n\n", start);
      int end = blank < 0 ? n : blank;
      int s = start;
      int e = end;
      while (s < e && Character.isWhitespace(text.charAt(s))) s++;
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
      if (e > s) paragraphs.add(new Paragraph(s, e, text.substring(s, e)));
      start = blank < 0 ? n : blank + 2;
    }
    Article article = new Article(0, "", "", List.of(), paragraphs);
    return new Page(source, PageHeader.NONE, List.of(article));
  }

  static Page text(String text) {
    return page("test.txt", text);
  }
}
