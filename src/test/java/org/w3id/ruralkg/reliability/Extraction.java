package org.w3id.ruralkg.reliability;

import java.util.List;
import org.w3id.ruralkg.extract.ArticleExtractor;
import org.w3id.ruralkg.extract.ArticleFacts;
import org.w3id.ruralkg.extract.PageExtractor;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.PageReader;

/** The page reader and the whole page extractor, built as org.w3id.ruralkg.app.Components builds them; shared by the tests (thread-safe). */
final class Extraction {
  private static final class Holder {
    static final Extraction INSTANCE = new Extraction();
  }

  final PageReader reader = new PageReader();
  final PageExtractor extractor;

  private Extraction() {
    extractor = ArticleExtractor.standard(Gazetteer.load());
  }

  static Extraction get() {
    return Holder.INSTANCE;
  }

  List<ArticleFacts> extract(String fileName, byte[] bytes) {
    Page page = reader.read(fileName, bytes);
    return extractor.extract(page);
  }
}
