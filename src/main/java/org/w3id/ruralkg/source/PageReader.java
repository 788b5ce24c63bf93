package org.w3id.ruralkg.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.w3id.ruralkg.common.Hashes;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The source stage: needs an input file (path or name + bytes), adds a {@link Page} — decoded
 * (UTF-8/UTF-16/GB18030), normalised with a map back to the original, and split into articles.
 * Refuses binary and empty files with a {@link RuralKgException}. Stateless and thread-safe.
 */
public final class PageReader {
  private final TextNormaliser normaliser;
  private final PageSplitter splitter;

  public PageReader(TextNormaliser normaliser, PageSplitter splitter) {
    this.normaliser = normaliser;
    this.splitter = splitter;
  }

  public Page read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RuralKgException(
          file + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    Path name = file.getFileName();
    return read(name == null ? file.toString() : name.toString(), bytes);
  }

  public Page read(String fileName, byte[] bytes) {
    return read(fileName, bytes, Hashes.sha256(bytes));
  }

  /** As above, for bytes whose SHA-256 (lower-case hex) the caller has computed already. */
  public Page read(String fileName, byte[] bytes, String sha256) {
    TextDecoder.Decoded d = TextDecoder.decode(fileName, bytes);
    SourceText src = normaliser.normalise(fileName, sha256, d.charset(), d.text());
    if (src.text().isBlank()) throw new RuralKgException(fileName + ": empty file");
    return splitter.split(src);
  }
}
