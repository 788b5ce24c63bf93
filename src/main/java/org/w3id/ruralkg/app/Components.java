package org.w3id.ruralkg.app;

import org.w3id.ruralkg.extract.ArticleExtractor;
import org.w3id.ruralkg.extract.PageExtractor;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.rdf.FactMapper;
import org.w3id.ruralkg.source.PageReader;

/**
 * The stage objects, built once per process (the gazetteer, dictionaries and HanLP take a moment
 * to load) and shared: every one of them is thread-safe.
 */
record Components(PageReader reader, PageExtractor extractor, FactMapper mapper) {
  private static final class Holder {
    static final Components INSTANCE = create();
  }

  static Components get() {
    return Holder.INSTANCE;
  }

  private static Components create() {
    Gazetteer gazetteer = Gazetteer.load();
    return new Components(new PageReader(), ArticleExtractor.standard(gazetteer), new FactMapper(code -> gazetteer.byCode(code).orElse(null)));
  }
}
