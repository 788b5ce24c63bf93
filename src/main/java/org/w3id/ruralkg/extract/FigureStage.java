package org.w3id.ruralkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.w3id.ruralkg.extract.figure.MetricClassifier;
import org.w3id.ruralkg.extract.figure.QuantityParser;
import org.w3id.ruralkg.extract.figure.YearFinder;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.source.Paragraph;

/**
 * Figures: needs each article's sentences (with their paragraphs), places and the page's
 * publication year; adds a {@link FigureFact} per quantity of a body sentence, with its metric,
 * place and year. Thread-safe.
 */
public final class FigureStage implements FactStage<FigureFact> {
  private final QuantityParser quantities;
  private final MetricClassifier metrics;
  private final YearFinder years;

  public FigureStage(QuantityParser quantities, MetricClassifier metrics, YearFinder years) {
    this.quantities = quantities;
    this.metrics = metrics;
    this.years = years;
  }

  @Override
  public List<List<FigureFact>> extract(PageAnalysis page) {
    List<List<FigureFact>> out = new ArrayList<>();
    for (PageAnalysis.ArticleAnalysis a : page.articles())
      out.add(figures(a, page.publicationYear()));
    return out;
  }

  private List<FigureFact> figures(PageAnalysis.ArticleAnalysis a, Integer publicationYear) {
    List<FigureFact> out = new ArrayList<>();
    Paragraph marked = null;
    YearFinder.Marks yearMarks = null;
    for (int i = 0; i < a.sentences().size(); i++) {
      Sentence s = a.sentences().get(i);
      Paragraph p = a.paragraphOf().get(i);
      for (Quantity q : quantities.parse(s.text())) {
        int start = s.start() + q.start(), end = s.start() + q.end();
        Quantity onPage =
            new Quantity(
                start,
                end,
                q.surface(),
                q.value(),
                q.valueMax(),
                q.unit(),
                q.qualifier(),
                q.counted());
        MetricClassifier.Decision metric = metrics.decide(s.text(), q);
        // the year finder reads the whole paragraph: a year stated before a ；still governs what
        // follows
        if (p != marked) {
          // scanned once per paragraph: a rescan per figure was ~10% of extraction time
          marked = p;
          yearMarks = years.marks(p.text());
        }
        Integer year = yearMarks.yearFor(start - p.start(), publicationYear);
        ContextPlaceAttributor.Placed placed = a.places().placed(start, end);
        // as sure as the weaker of what decided the metric and where the place was found
        double confidence =
            Math.min(
                Confidence.of("metric", metric.evidence()), Confidence.of("place", placed.scope()));
        Evidence ev = new Evidence(start, end, q.surface(), s.start(), s.text(), confidence);
        out.add(new FigureFact(onPage, metric.metric(), placed.place(), year, ev));
      }
    }
    return out;
  }
}
