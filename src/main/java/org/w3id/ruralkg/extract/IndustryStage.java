package org.w3id.ruralkg.extract;

import java.util.ArrayList;
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
    List<List<IndustryFact>> byArticle = page.byArticle(recognizer.recognise(page.text(), page.sentences(), page.places()), f -> f.evidence().start());
    List<List<IndustryFact>> out = new ArrayList<>();
    for (int i = 0; i < byArticle.size(); i++) {
      out.add(page.articles().get(i).perListedUnit(byArticle.get(i), IndustryFact::unit, (f, u) -> new IndustryFact(f.label(), f.conceptId(), u, f.evidence())));
    }
    return out;
  }
}
