package org.w3id.ruralkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.w3id.ruralkg.extract.figure.MetricClassifier;
import org.w3id.ruralkg.extract.figure.QuantityParser;
import org.w3id.ruralkg.extract.figure.YearFinder;
import org.w3id.ruralkg.extract.org.PartyOrgRecognizer;
import org.w3id.ruralkg.extract.topic.IndustryRecognizer;
import org.w3id.ruralkg.extract.topic.ProgrammeRecognizer;
import org.w3id.ruralkg.link.Division;
import org.w3id.ruralkg.link.UnitLinker;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.nlp.SentenceSplitter;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.Paragraph;

/**
 * Extracts every kind of fact from each article of a page: links its administrative units, then
 * runs the recognisers (party organisations, programmes, industries, figures), attributing each
 * fact to a place with a {@link ContextPlaceAttributor}. Needs a normalised, split {@link Page};
 * adds {@link ArticleFacts}. Thread-safe: every part is immutable after construction.
 */
public final class ArticleExtractor implements PageExtractor {
  private final UnitLinker linker;
  private final Function<String, Division> divisions;
  private final PartyOrgRecognizer orgs;
  private final ProgrammeRecognizer programmes;
  private final IndustryRecognizer industries;
  private final QuantityParser quantities;
  private final MetricClassifier metrics;
  private final YearFinder years;

  public ArticleExtractor(
      UnitLinker linker,
      Function<String, Division> divisions,
      PartyOrgRecognizer orgs,
      ProgrammeRecognizer programmes,
      IndustryRecognizer industries,
      QuantityParser quantities,
      MetricClassifier metrics,
      YearFinder years) {
    this.linker = linker;
    this.divisions = divisions;
    this.orgs = orgs;
    this.programmes = programmes;
    this.industries = industries;
    this.quantities = quantities;
    this.metrics = metrics;
    this.years = years;
  }

  @Override
  public List<ArticleFacts> extract(Page page) {
    List<ArticleFacts> out = new ArrayList<>();
    for (Article a : page.articles()) out.add(extract(page, a));
    return out;
  }

  ArticleFacts extract(Page page, Article article) {
    String text = page.text();
    List<Sentence> sentences = new ArrayList<>();
    List<Paragraph> ofSentence = new ArrayList<>();
    for (Paragraph p : article.paragraphs()) {
      for (Sentence s : SentenceSplitter.split(p.text(), p.start())) {
        sentences.add(s);
        ofSentence.add(p);
      }
    }
    List<UnitMention> units = linker.link(page, article);
    PlaceAttributor places = new ContextPlaceAttributor(article, sentences, units, headEnd(text, article), divisions);
    return new ArticleFacts(
        article,
        units,
        orgs.recognise(text, sentences, units, places),
        programmes.recognise(text, sentences, places),
        industries.recognise(text, sentences, places),
        figures(sentences, ofSentence, places, publicationYear(page)));
  }

  private List<FigureFact> figures(List<Sentence> sentences, List<Paragraph> paragraphOf, PlaceAttributor places, Integer publicationYear) {
    List<FigureFact> out = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      Paragraph p = paragraphOf.get(i);
      for (Quantity q : quantities.parse(s.text())) {
        int start = s.start() + q.start(), end = s.start() + q.end();
        Quantity onPage = new Quantity(start, end, q.surface(), q.value(), q.valueMax(), q.unit(), q.qualifier(), q.counted());
        String metric = metrics.classify(s.text(), q);
        // the year finder reads the whole paragraph: a year stated before a ；still governs what follows
        Integer year = years.yearFor(p.text(), start - p.start(), publicationYear);
        Evidence ev = new Evidence(start, end, q.surface(), s.start(), s.text(), 0.8);
        out.add(new FigureFact(onPage, metric, places.placeFor(start, end), year, ev));
      }
    }
    return out;
  }

  /** Where the article's head (title and subtitle) ends in the page text, 0 when it is not printed. */
  private static int headEnd(String text, Article a) {
    int end = 0;
    if (a.title() != null && !a.title().isBlank()) {
      int i = text.indexOf(a.title());
      if (i >= 0) end = i + a.title().length();
    }
    if (a.subtitle() != null && !a.subtitle().isBlank()) {
      int i = text.indexOf(a.subtitle(), Math.max(0, end - a.title().length()));
      if (i >= 0) end = Math.max(end, i + a.subtitle().length());
    }
    return end;
  }

  /** Pages carry no reliable date yet; relative years (今年) stay unresolved. */
  private static Integer publicationYear(Page page) {
    return null;
  }
}
