package org.w3id.ruralkg.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.ruralkg.source.Page;

/**
 * Extracts every kind of fact from each article of a page: needs a split {@link Page}; analyses it
 * once ({@link PageAnalyser}: units, places) and runs each {@link FactStage} over that analysis;
 * adds {@link ArticleFacts}. Thread-safe: every part is immutable after construction. Assembled
 * with the standard parts in {@code org.w3id.ruralkg.app.Extraction#standard}.
 */
public final class ArticleExtractor implements PageExtractor {
  private final PageAnalyser analyser;
  private final FactStage<OrgFact> orgs;
  private final FactStage<ProgrammeFact> programmes;
  private final FactStage<IndustryFact> industries;
  private final FactStage<FigureFact> figures;

  public ArticleExtractor(
      PageAnalyser analyser,
      FactStage<OrgFact> orgs,
      FactStage<ProgrammeFact> programmes,
      FactStage<IndustryFact> industries,
      FactStage<FigureFact> figures) {
    this.analyser = analyser;
    this.orgs = orgs;
    this.programmes = programmes;
    this.industries = industries;
    this.figures = figures;
  }

  public PageAnalyser analyser() {
    return analyser;
  }

  /** The fact stages by name, in the order they run (for timing them one by one). */
  public Map<String, FactStage<?>> stages() {
    Map<String, FactStage<?>> out = new LinkedHashMap<>();
    out.put("partyOrgs", orgs);
    out.put("programmes", programmes);
    out.put("industries", industries);
    out.put("figures", figures);
    return out;
  }

  @Override
  public List<ArticleFacts> extract(Page page) {
    return extract(analyser.analyse(page));
  }

  /** The facts of an analysed page, article by article. */
  public List<ArticleFacts> extract(PageAnalysis page) {
    List<List<OrgFact>> o = orgs.extract(page);
    List<List<ProgrammeFact>> p = programmes.extract(page);
    List<List<IndustryFact>> i = industries.extract(page);
    List<List<FigureFact>> f = figures.extract(page);
    List<ArticleFacts> out = new ArrayList<>();
    for (int a = 0; a < page.articles().size(); a++) {
      PageAnalysis.ArticleAnalysis article = page.articles().get(a);
      out.add(
          new ArticleFacts(
              article.article(), article.units(), o.get(a), p.get(a), i.get(a), f.get(a)));
    }
    return out;
  }
}
