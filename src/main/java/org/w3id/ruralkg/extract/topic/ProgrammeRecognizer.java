package org.w3id.ruralkg.extract.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3id.ruralkg.extract.PlaceAttributor;
import org.w3id.ruralkg.extract.ProgrammeFact;
import org.w3id.ruralkg.nlp.Sentence;

/**
 * Finds policy programmes in a page. Needs the SKOS scheme ontology/programmes.ttl, the page's
 * sentences and a {@link PlaceAttributor}; adds one {@link ProgrammeFact} per mention: a scheme
 * concept (label = zh prefLabel, conceptId = slug) or a named local scheme written in quotes (label
 * as written, conceptId null). Immutable after construction, thread-safe.
 */
public final class ProgrammeRecognizer {
  private static final String ORGANISED = "组织化";
  private static final String ORGANISED_CONCEPT = "san-ge-zu-zhi-hua";

  private final List<SkosConcept> concepts;
  private final ConceptMatcher matcher;
  private final Set<String> labels;
  private final SkosConcept organised;

  /** Built from the scheme on the class path. */
  public ProgrammeRecognizer() {
    this(SkosSchemes.load(SkosSchemes.PROGRAMMES));
  }

  public ProgrammeRecognizer(List<SkosConcept> concepts) {
    this.concepts = List.copyOf(concepts);
    this.matcher = new ConceptMatcher(this.concepts);
    Set<String> all = new HashSet<>();
    SkosConcept org = null;
    for (SkosConcept c : this.concepts) {
      all.addAll(c.matchLabels());
      if (c.id().equals(ORGANISED_CONCEPT)) org = c;
    }
    this.labels = Set.copyOf(all);
    this.organised = org;
  }

  public List<SkosConcept> concepts() {
    return concepts;
  }

  /** Every programme mention in text order; the caller de-duplicates if it wants to. */
  public List<ProgrammeFact> recognise(
      String pageText, List<Sentence> sentences, PlaceAttributor places) {
    SentenceIndex idx = new SentenceIndex(pageText, sentences);
    List<ProgrammeFact> out = new ArrayList<>();
    List<int[]> covered = new ArrayList<>();
    List<LocalSchemeFinder.Scheme> schemes = LocalSchemeFinder.find(pageText, labels);
    for (ConceptMatcher.Match m : matcher.find(pageText)) {
      // “强村富民指数”评价体系 names an index, not the programme its quoted name contains
      if (schemes.stream()
          .anyMatch(s -> s.quotedName() && s.start() <= m.start() && m.end() <= s.end())) continue;
      covered.add(new int[] {m.start(), m.end()});
      out.add(
          fact(
              m.concept().label(),
              m.concept().id(),
              m.start(),
              m.end(),
              m.hidden() ? 0.65 : 0.85,
              idx,
              places));
    }
    if (organised != null) addOrganised(pageText, idx, places, covered, out);
    for (LocalSchemeFinder.Scheme s : schemes) {
      out.add(fact(s.label(), null, s.start(), s.end(), 0.7, idx, places));
    }
    out.sort(Comparator.comparingInt(f -> f.evidence().start()));
    return out;
  }

  /** "产业扶贫、就业扶贫、易地扶贫搬迁组织化": 组织化 of relocation, jobs or industry is 三个组织化. */
  private void addOrganised(
      String text,
      SentenceIndex idx,
      PlaceAttributor places,
      List<int[]> covered,
      List<ProgrammeFact> out) {
    for (int i = text.indexOf(ORGANISED); i >= 0; i = text.indexOf(ORGANISED, i + 1)) {
      int s = i;
      if (covered.stream().anyMatch(c -> c[0] <= s && c[1] > s)) continue;
      int[] b = idx.bounds(i);
      String sentence = text.substring(b[0], b[1]);
      if (!(sentence.contains("搬迁") || sentence.contains("就业") || sentence.contains("产业")))
        continue;
      out.add(fact(organised.label(), organised.id(), i, i + ORGANISED.length(), 0.6, idx, places));
    }
  }

  private static ProgrammeFact fact(
      String label,
      String id,
      int start,
      int end,
      double conf,
      SentenceIndex idx,
      PlaceAttributor places) {
    return new ProgrammeFact(
        label,
        id,
        places == null ? null : places.placeFor(start, end),
        idx.evidence(start, end, conf));
  }
}
