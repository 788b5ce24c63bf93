package org.w3id.ruralkg.extract;

import java.util.List;
import org.w3id.ruralkg.extract.topic.ProgrammeRecognizer;

/**
 * Programmes (SKOS concepts of ontology/programmes.ttl) carried out in a place: needs the page's
 * sentences and places; adds {@link ProgrammeFact}s per article, one per unit when the place is a
 * list of units. A programme named in a paragraph that names no place is a general policy statement
 * unless the paragraph before ended in a township or village: only a place named around it counts,
 * never one carried from further back. Thread-safe.
 */
public final class ProgrammeStage implements FactStage<ProgrammeFact> {
  private final ProgrammeRecognizer recognizer;

  public ProgrammeStage(ProgrammeRecognizer recognizer) {
    this.recognizer = recognizer;
  }

  @Override
  public List<List<ProgrammeFact>> extract(PageAnalysis page) {
    List<ProgrammeFact> facts =
        recognizer.recognise(page.text(), page.sentences(), page.placesNamedAround());
    return page.perListedUnit(
        page.byArticle(facts, f -> f.evidence().start()),
        ProgrammeFact::unit,
        (f, u) -> new ProgrammeFact(f.label(), f.conceptId(), u, f.evidence()));
  }
}
