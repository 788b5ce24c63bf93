package org.w3id.ruralkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.w3id.ruralkg.link.Division;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.link.UnitLinker;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.Segmenter;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.Paragraph;

/**
 * Analyses a page once for every fact stage: needs a split {@link Page} (paragraphs with their
 * sentences, head lines from the splitter); adds a {@link PageAnalysis} — the units each article
 * mentions (linked by {@link UnitLinker}, quoted names dropped, references such as 我省 resolved by
 * {@link DeicticUnits}) and a {@link ContextPlaceAttributor} per article. Thread-safe: every part
 * is immutable after construction.
 */
public final class PageAnalyser {
  private final UnitLinker linker;
  private final DeicticUnits deictic;
  private final Gazetteer gazetteer;
  private final Segmenter segmenter;

  public PageAnalyser(UnitLinker linker, DeicticUnits deictic, Segmenter segmenter) {
    this.linker = linker;
    this.deictic = deictic;
    this.gazetteer = linker.gazetteer();
    this.segmenter = segmenter;
  }

  public UnitLinker linker() {
    return linker;
  }

  public PageAnalysis analyse(Page page) {
    List<List<UnitMention>> unitsPerArticle = linker.linkPage(page);
    Division province = deictic.pageProvince(page.text(), unitsPerArticle);
    List<PageAnalysis.ArticleAnalysis> articles = new ArrayList<>();
    for (int i = 0; i < page.articles().size(); i++)
      articles.add(article(page, page.articles().get(i), unitsPerArticle.get(i), province));
    return new PageAnalysis(page, province, articles);
  }

  private PageAnalysis.ArticleAnalysis article(
      Page page, Article article, List<UnitMention> linked, Division province) {
    List<Sentence> sentences = new ArrayList<>();
    List<Paragraph> paragraphOf = new ArrayList<>();
    for (Paragraph p : article.paragraphs()) {
      for (Sentence s : p.sentences()) {
        sentences.add(s);
        paragraphOf.add(p);
      }
    }
    List<Paragraph> heads = readHeads(article);
    List<Sentence> headSentences = new ArrayList<>();
    for (Paragraph h : heads) headSentences.add(new Sentence(h.start(), h.end(), h.text()));
    // a byline naming the author's post is read like a head; the title's topic leaves it out
    for (Paragraph b : article.affiliations())
      headSentences.add(new Sentence(b.start(), b.end(), b.text()));
    String text = page.text();
    List<UnitMention> units =
        deictic.addReferences(sentences, withoutQuotedNames(text, linked), province);
    int headEnd = 0;
    for (Paragraph h : heads) headEnd = Math.max(headEnd, h.end());
    ContextPlaceAttributor places =
        new ContextPlaceAttributor(text, article, sentences, units, headEnd, gazetteer, segmenter);
    return new PageAnalysis.ArticleAnalysis(
        article, sentences, paragraphOf, headSentences, units, places);
  }

  /**
   * The head lines the recognisers read and the title's topic counts from: the title and a subtitle
   * printed below it. A kicker printed above the title (its subtitle when it has no —— line) is
   * left out, as it was when heads were searched for after the title; reading it too is a change of
   * behaviour to be measured on the gold on its own.
   */
  static List<Paragraph> readHeads(Article article) {
    List<Paragraph> out = new ArrayList<>();
    Paragraph title = null;
    for (Paragraph h : article.heads()) {
      boolean isTitle =
          title == null && article.title() != null && h.text().equals(article.title());
      if (isTitle) title = h;
      if (isTitle || title == null || h.start() >= title.end()) out.add(h);
    }
    return out;
  }

  /**
   * Drops units that open a short quoted name: an honour or a brand (“红旗村(社区)”, “巧家实践”) names no
   * place.
   */
  static List<UnitMention> withoutQuotedNames(String text, List<UnitMention> units) {
    List<UnitMention> out = new ArrayList<>();
    for (UnitMention u : units) {
      boolean opensQuote =
          u.start() > 0 && (text.charAt(u.start() - 1) == '“' || text.charAt(u.start() - 1) == '"');
      int close =
          opensQuote ? text.indexOf(text.charAt(u.start() - 1) == '“' ? '”' : '"', u.end()) : -1;
      if (opensQuote && close >= u.end() && close - u.end() <= 6) continue;
      out.add(u);
    }
    return out;
  }
}
