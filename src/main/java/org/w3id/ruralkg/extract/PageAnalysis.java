package org.w3id.ruralkg.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.w3id.ruralkg.link.Division;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.Paragraph;

/**
 * What every {@link FactStage} reads of one page, computed once by {@link PageAnalyser}: per
 * article its sentences (with the paragraph of each), its head lines, its units (linked mentions
 * and resolved references such as 我省) and its place attributor; page-wide the same sentences and
 * units in text order, and which article owns an offset. Immutable, so stages may share it.
 */
public final class PageAnalysis {
  /** One article's share of the analysis. */
  public record ArticleAnalysis(
      Article article,
      List<Sentence> sentences,
      List<Paragraph> paragraphOf,
      List<Sentence> heads,
      List<UnitMention> units,
      ContextPlaceAttributor places) {
    public ArticleAnalysis {
      sentences = List.copyOf(sentences);
      paragraphOf = List.copyOf(paragraphOf);
      heads = List.copyOf(heads);
      units = List.copyOf(units);
    }

    /** One fact per listed unit when a fact's place stands for a list of units (云南、贵州两省). */
    public <T> List<T> perListedUnit(
        List<T> facts, Function<T, UnitMention> unit, BiFunction<T, UnitMention, T> withUnit) {
      List<T> out = new ArrayList<>();
      for (T f : facts) {
        List<UnitMention> members = places.membersOf(unit.apply(f));
        if (members.size() == 1 && members.get(0) == unit.apply(f)) out.add(f);
        else for (UnitMention m : members) out.add(withUnit.apply(f, m));
      }
      return out;
    }
  }

  private final Page page;
  private final Division province;
  private final List<ArticleAnalysis> articles;
  private final List<Sentence> sentences;
  private final List<UnitMention> units;
  private final int[] starts;
  private final int[] ends;
  private final ArticleAnalysis[] owners;

  PageAnalysis(Page page, Division province, List<ArticleAnalysis> articles) {
    this.page = page;
    this.province = province;
    this.articles = List.copyOf(articles);
    List<Sentence> allSentences = new ArrayList<>();
    List<UnitMention> allUnits = new ArrayList<>();
    List<Object[]> spans = new ArrayList<>();
    for (ArticleAnalysis a : articles) {
      allSentences.addAll(a.sentences());
      allSentences.addAll(a.heads());
      allUnits.addAll(a.units());
      for (Paragraph p : a.article().paragraphs()) spans.add(new Object[] {p.start(), p.end(), a});
      for (Sentence h : a.heads()) spans.add(new Object[] {h.start(), h.end(), a});
    }
    allSentences.sort(Comparator.comparingInt(Sentence::start));
    allUnits.sort(Comparator.comparingInt(UnitMention::start));
    this.sentences = List.copyOf(allSentences);
    this.units = List.copyOf(allUnits);
    spans.sort(Comparator.comparingInt(o -> (Integer) o[0]));
    starts = new int[spans.size()];
    ends = new int[spans.size()];
    owners = new ArticleAnalysis[spans.size()];
    for (int i = 0; i < spans.size(); i++) {
      starts[i] = (Integer) spans.get(i)[0];
      ends[i] = (Integer) spans.get(i)[1];
      owners[i] = (ArticleAnalysis) spans.get(i)[2];
    }
  }

  public Page page() {
    return page;
  }

  /** The page's normalised text, which every offset points into. */
  public String text() {
    return page.text();
  }

  /** The province the page is about (its linked units vote), or null. */
  public Division province() {
    return province;
  }

  /** The articles in the page's order. */
  public List<ArticleAnalysis> articles() {
    return articles;
  }

  /** Every sentence of every article, heads included, in text order. */
  public List<Sentence> sentences() {
    return sentences;
  }

  /** Every unit of every article, in text order. */
  public List<UnitMention> units() {
    return units;
  }

  /** The year of the masthead's date; without it relative years (今年) stay unresolved. */
  public Integer publicationYear() {
    return page.header() == null ? null : page.header().publicationYear();
  }

  /**
   * The article whose paragraph or head holds {@code offset}, or null: a binary search over them
   * all.
   */
  public ArticleAnalysis at(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    if (i < 0) i = -i - 2;
    return i >= 0 && offset < ends[i] ? owners[i] : null;
  }

  /** The place of a span, by the attributor of the article that holds it. */
  public PlaceAttributor places() {
    return (start, end) -> {
      ArticleAnalysis a = at(start);
      return a == null ? null : a.places().placeFor(start, end);
    };
  }

  /** As {@link #places()}, but only a place named around the span, never one carried forward. */
  public PlaceAttributor placesNamedAround() {
    return (start, end) -> {
      ArticleAnalysis a = at(start);
      return a == null ? null : a.places().placeNamedAround(start, end);
    };
  }

  /**
   * {@link ArticleAnalysis#perListedUnit} for the facts of every article, as {@link #byArticle}
   * groups them.
   */
  public <T> List<List<T>> perListedUnit(
      List<List<T>> byArticle,
      Function<T, UnitMention> unit,
      BiFunction<T, UnitMention, T> withUnit) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < byArticle.size(); i++)
      out.add(articles.get(i).perListedUnit(byArticle.get(i), unit, withUnit));
    return out;
  }

  /**
   * Page-wide facts grouped by the article that owns each one's start, in the page's article order
   * (grouped once per page: a scan per article was quadratic on pages with thousands of articles).
   */
  public <T> List<List<T>> byArticle(List<T> facts, ToIntFunction<T> start) {
    Map<ArticleAnalysis, List<T>> owned = new IdentityHashMap<>();
    for (T f : facts) {
      ArticleAnalysis owner = at(start.applyAsInt(f));
      if (owner != null) owned.computeIfAbsent(owner, k -> new ArrayList<>()).add(f);
    }
    List<List<T>> out = new ArrayList<>();
    for (ArticleAnalysis a : articles) out.add(owned.getOrDefault(a, List.of()));
    return out;
  }
}
