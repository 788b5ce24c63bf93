package org.w3id.ruralkg;

import org.w3id.ruralkg.extract.ArticleExtractor;
import org.w3id.ruralkg.extract.PageExtractor;
import org.w3id.ruralkg.extract.figure.MetricClassifier;
import org.w3id.ruralkg.extract.figure.QuantityParser;
import org.w3id.ruralkg.extract.figure.YearFinder;
import org.w3id.ruralkg.extract.org.PartyOrgRecognizer;
import org.w3id.ruralkg.extract.topic.IndustryRecognizer;
import org.w3id.ruralkg.extract.topic.ProgrammeRecognizer;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.link.UnitLinker;
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
    java.util.function.Function<String, org.w3id.ruralkg.link.Division> byCode = code -> gazetteer.byCode(code).orElse(null);
    PageExtractor extractor = new ArticleExtractor(
        new UnitLinker(gazetteer),
        byCode,
        new PartyOrgRecognizer(),
        new ProgrammeRecognizer(),
        new IndustryRecognizer(),
        new QuantityParser(),
        new MetricClassifier(),
        new YearFinder());
    return new Components(new PageReader(), extractor, new FactMapper(byCode));
  }
}
