package org.w3id.ruralkg.extract;

import java.util.List;
import org.w3id.ruralkg.extract.topic.IndustryRecognizer;

/**
 * Industries (SKOS concepts of ontology/industries.ttl) a place develops: needs the page's
 * sentences and places; adds {@link IndustryFact}s per article, one per unit when the place is a
 * list of units. An industry is always something a place develops, so it takes the place carried
 * forward. Thread-safe.
 */
public final class IndustryStage implements FactStage<IndustryFact> {
  private final IndustryRecognizer recognizer;

  public IndustryStage(IndustryRecognizer recognizer) {
    this.recognizer = recognizer;
  }

  @Override
  public List<List<IndustryFact>> extract(PageAnalysis page) {
    List<IndustryFact> facts =
        recognizer.recognise(page.text(), page.sentences(), page.places(), page.units());
    return page.perListedUnit(
        page.byArticle(facts, f -> f.evidence().start()),
        IndustryFact::unit,
        (f, u) -> new IndustryFact(f.label(), f.conceptId(), u, f.evidence()));
  }
}
