package org.w3id.ruralkg.extract;

import java.util.List;
import org.w3id.ruralkg.extract.org.PartyOrgRecognizer;

/**
 * Party organisations (党委, 党支部 …): needs the page's sentences (heads included), units and places;
 * adds {@link OrgFact}s per article. Runs once per page (the recogniser reads a span's surroundings
 * in the page text). Thread-safe.
 */
public final class PartyOrgStage implements FactStage<OrgFact> {
  private final PartyOrgRecognizer recognizer;

  public PartyOrgStage(PartyOrgRecognizer recognizer) {
    this.recognizer = recognizer;
  }

  @Override
  public List<List<OrgFact>> extract(PageAnalysis page) {
    List<OrgFact> facts =
        recognizer.recognise(
            page.text(), page.sentences(), page.units(), page.places(), page.placesNamedAround());
    return page.byArticle(facts, f -> f.evidence().start());
  }
}
