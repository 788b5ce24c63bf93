package org.w3id.ruralkg.extract.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3id.ruralkg.common.Wordlist;
import org.w3id.ruralkg.extract.IndustryFact;
import org.w3id.ruralkg.extract.PlaceAttributor;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.DictionaryMatcher;
import org.w3id.ruralkg.nlp.Sentence;

/**
 * Finds specialty industries (crops, livestock, sectors) in a page. Needs the SKOS scheme
 * ontology/industries.ttl (labels to match), the page's sentences and a {@link PlaceAttributor};
 * adds one {@link IndustryFact} per mention (label = the concept's zh prefLabel), unit from the
 * attributor. Immutable after construction, thread-safe.
 */
public final class IndustryRecognizer {
  /** Characters that make a product word part of a place name (李子坪, 茶园村). */
  private static final String TOPONYM_NEXT = "村镇乡坪坝沟湾坡寨屯垭岭河街塘冲箐岩洞溪铺岗";

  /**
   * Phrases in which a product word does not mean the product: lexicon/not-industry-phrases.txt.
   */
  private static final Set<String> NOT_INDUSTRY = Wordlist.words("not-industry-phrases.txt");

  /**
   * Words that show a sentence talks about growing, making or selling: lexicon/industry-cues.txt.
   */
  private static final List<String> CUES = List.copyOf(Wordlist.words("industry-cues.txt"));

  private final List<SkosConcept> concepts;
  private final ConceptMatcher matcher;
  private final DictionaryMatcher<Boolean> blocked;

  /** Built from the scheme on the class path. */
  public IndustryRecognizer() {
    this(SkosSchemes.load(SkosSchemes.INDUSTRIES));
  }

  public IndustryRecognizer(List<SkosConcept> concepts) {
    this.concepts = List.copyOf(concepts);
    this.matcher = new ConceptMatcher(this.concepts);
    Map<String, Boolean> b = new java.util.HashMap<>();
    NOT_INDUSTRY.forEach(p -> b.put(p, Boolean.TRUE));
    this.blocked = new DictionaryMatcher<>(b);
  }

  public List<SkosConcept> concepts() {
    return concepts;
  }

  /** Every industry mention in text order; the caller de-duplicates if it wants to. */
  public List<IndustryFact> recognise(
      String pageText, List<Sentence> sentences, PlaceAttributor places) {
    return recognise(pageText, sentences, places, List.of());
  }

  /**
   * As above; a product word inside one of the page's unit mentions is part of a place's name
   * (小米地村, 茶店镇), not the product.
   */
  public List<IndustryFact> recognise(
      String pageText,
      List<Sentence> sentences,
      PlaceAttributor places,
      List<UnitMention> unitMentions) {
    SentenceIndex idx = new SentenceIndex(pageText, sentences);
    List<DictionaryMatcher.Hit<Boolean>> stops = new ArrayList<>(blocked.findAll(pageText));
    for (UnitMention u : unitMentions)
      stops.add(new DictionaryMatcher.Hit<>(u.start(), u.end(), u.surface(), Boolean.TRUE));
    List<IndustryFact> found = new ArrayList<>();
    List<Boolean> cued = new ArrayList<>();
    Set<String> developed = new java.util.HashSet<>();
    for (ConceptMatcher.Match m : matcher.find(pageText)) {
      if (!accept(pageText, m, stops)) continue;
      double conf = m.hidden() ? 0.65 : 0.85;
      IndustryFact f =
          new IndustryFact(
              m.concept().label(),
              m.concept().id(),
              places == null ? null : places.placeFor(m.start(), m.end()),
              idx.evidence(m.start(), m.end(), conf));
      boolean c = talksOfDevelopment(pageText, idx.bounds(m.start()));
      found.add(f);
      cued.add(c);
      if (c) developed.add(pairKey(f));
    }
    // what a place develops: a product the page never speaks of growing, making or selling in
    // that place (抓起一把稻谷 in one village, 种植水稻 in another) is named there in passing
    List<IndustryFact> out = new ArrayList<>();
    for (int i = 0; i < found.size(); i++)
      if (cued.get(i) || developed.contains(pairKey(found.get(i)))) out.add(found.get(i));
    return out;
  }

  private static String pairKey(IndustryFact f) {
    return f.conceptId() + "|" + (f.unit() == null ? "" : f.unit().key());
  }

  private static boolean talksOfDevelopment(String text, int[] sentence) {
    String s = text.substring(sentence[0], sentence[1]);
    for (String cue : CUES) if (s.contains(cue)) return true;
    return false;
  }

  private static boolean accept(
      String text, ConceptMatcher.Match m, List<DictionaryMatcher.Hit<Boolean>> stops) {
    for (DictionaryMatcher.Hit<Boolean> s : stops) {
      if (s.start() <= m.start() && s.end() >= m.end()) return false;
    }
    if (m.end() < text.length() && TOPONYM_NEXT.indexOf(text.charAt(m.end())) >= 0) return false;
    // "吃/喝/尝 X": the product as food, not as something the area produces
    if (m.start() > 0 && "吃喝尝".indexOf(text.charAt(m.start() - 1)) >= 0) return false;
    return true;
  }
}
