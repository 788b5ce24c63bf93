package org.w3id.ruralkg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.w3id.ruralkg.extract.figure.MetricClassifier;
import org.w3id.ruralkg.extract.figure.QuantityParser;
import org.w3id.ruralkg.extract.figure.YearFinder;
import org.w3id.ruralkg.extract.org.PartyOrgRecognizer;
import org.w3id.ruralkg.extract.topic.IndustryRecognizer;
import org.w3id.ruralkg.extract.topic.ProgrammeRecognizer;
import org.w3id.ruralkg.link.Division;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.link.UnitLinker;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.Segmenter;
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
  private final Gazetteer gazetteer;
  private final PartyOrgRecognizer orgs;
  private final ProgrammeRecognizer programmes;
  private final IndustryRecognizer industries;
  private final QuantityParser quantities;
  private final MetricClassifier metrics;
  private final YearFinder years;
  private final DeicticUnits deictic;
  private final Segmenter segmenter = new Segmenter();

  public ArticleExtractor(
      UnitLinker linker,
      PartyOrgRecognizer orgs,
      ProgrammeRecognizer programmes,
      IndustryRecognizer industries,
      QuantityParser quantities,
      MetricClassifier metrics,
      YearFinder years) {
    this.linker = linker;
    this.gazetteer = linker.gazetteer();
    this.orgs = orgs;
    this.programmes = programmes;
    this.industries = industries;
    this.quantities = quantities;
    this.metrics = metrics;
    this.years = years;
    this.deictic = new DeicticUnits(gazetteer);
  }

  /** The extractor with the standard recognisers and the ontology's SKOS schemes. */
  public static ArticleExtractor standard(Gazetteer gazetteer) {
    return new ArticleExtractor(
        new UnitLinker(gazetteer), new PartyOrgRecognizer(), new ProgrammeRecognizer(),
        new IndustryRecognizer(), new QuantityParser(), new MetricClassifier(), new YearFinder());
  }

  @Override
  public List<ArticleFacts> extract(Page page) {
    String text = page.text();
    List<ArticleContext> contexts = new ArrayList<>();
    List<Sentence> allSentences = new ArrayList<>();
    List<UnitMention> allUnits = new ArrayList<>();
    List<List<UnitMention>> unitsPerArticle = linker.linkPage(page);
    Division province = deictic.pageProvince(page.text(), unitsPerArticle);
    for (int i = 0; i < page.articles().size(); i++) {
      ArticleContext cx = context(page, page.articles().get(i), unitsPerArticle.get(i), province);
      contexts.add(cx);
      allSentences.addAll(cx.sentences);
      allSentences.addAll(cx.heads);
      allUnits.addAll(cx.units);
    }
    allSentences.sort(Comparator.comparingInt(Sentence::start));
    allUnits.sort(Comparator.comparingInt(UnitMention::start));
    // The recognisers read a span's surroundings in the page text, so they run once per page (a
    // linear scan however many articles it has); each fact then goes to the article that owns its
    // offset and is attributed with that article's context.
    ArticleLocator locator = new ArticleLocator(contexts);
    PlaceAttributor places = (start, end) -> {
      ArticleContext cx = locator.at(start);
      return cx == null ? null : cx.places.placeFor(start, end);
    };
    var orgFacts = orgs.recognise(text, allSentences, allUnits, places);
    // a programme named in a paragraph that names no place is a general policy statement; an
    // industry is always something a place develops, so it takes the place carried forward
    PlaceAttributor namedAround = (start, end) -> {
      ArticleContext cx = locator.at(start);
      return cx == null ? null : cx.places.placeNamedAround(start, end);
    };
    var programmeFacts = programmes.recognise(text, allSentences, namedAround);
    var industryFacts = industries.recognise(text, allSentences, places);
    // grouped once per page: a scan per article was quadratic on pages with thousands of articles
    var orgsByArticle = byOwner(locator, orgFacts, f -> f.evidence().start());
    var programmesByArticle = byOwner(locator, programmeFacts, f -> f.evidence().start());
    var industriesByArticle = byOwner(locator, industryFacts, f -> f.evidence().start());
    List<ArticleFacts> out = new ArrayList<>();
    for (ArticleContext cx : contexts) {
      out.add(new ArticleFacts(
          cx.article,
          cx.units,
          orgsByArticle.getOrDefault(cx, List.of()),
          perListedUnit(programmesByArticle.getOrDefault(cx, List.of()), cx,
              ProgrammeFact::unit, (f, u) -> new ProgrammeFact(f.label(), f.conceptId(), u, f.evidence())),
          perListedUnit(industriesByArticle.getOrDefault(cx, List.of()), cx,
              IndustryFact::unit, (f, u) -> new IndustryFact(f.label(), f.conceptId(), u, f.evidence())),
          figures(cx, publicationYear(page))));
    }
    return out;
  }

  private static <T> java.util.Map<ArticleContext, List<T>> byOwner(ArticleLocator locator, List<T> facts, java.util.function.ToIntFunction<T> start) {
    java.util.Map<ArticleContext, List<T>> out = new java.util.IdentityHashMap<>();
    for (T f : facts) {
      ArticleContext owner = locator.at(start.applyAsInt(f));
      if (owner != null) out.computeIfAbsent(owner, k -> new ArrayList<>()).add(f);
    }
    return out;
  }

  /** One fact per listed unit when a fact's place stands for a list of units. */
  private static <T> List<T> perListedUnit(List<T> facts, ArticleContext cx, Function<T, UnitMention> unit, java.util.function.BiFunction<T, UnitMention, T> withUnit) {
    List<T> out = new ArrayList<>();
    for (T f : facts) {
      List<UnitMention> members = cx.places.membersOf(unit.apply(f));
      if (members.size() == 1 && members.get(0) == unit.apply(f)) out.add(f);
      else for (UnitMention m : members) out.add(withUnit.apply(f, m));
    }
    return out;
  }

  /** An article with its sentences (and the paragraph of each), its linked units and its place attributor. */
  private static final class ArticleContext {
    final Article article;
    final List<Sentence> sentences = new ArrayList<>();
    final List<Paragraph> paragraphOf = new ArrayList<>();
    /** The title and subtitle where the page prints them: programmes and organisations named there count. */
    final List<Sentence> heads = new ArrayList<>();
    List<UnitMention> units;
    ContextPlaceAttributor places;

    ArticleContext(Article article) {
      this.article = article;
    }
  }

  private ArticleContext context(Page page, Article article, List<UnitMention> units, Division province) {
    ArticleContext cx = new ArticleContext(article);
    for (Paragraph p : article.paragraphs()) {
      for (Sentence s : SentenceSplitter.split(p.text(), p.start())) {
        cx.sentences.add(s);
        cx.paragraphOf.add(p);
      }
    }
    String text = page.text();
    int from = 0;
    for (String head : new String[] {article.title(), article.subtitle()}) {
      if (head == null || head.isBlank()) continue;
      int i = text.indexOf(head, from);
      if (i < 0) continue;
      cx.heads.add(new Sentence(i, i + head.length(), head));
      from = i + head.length();
    }
    cx.units = deictic.addReferences(cx.sentences, withoutQuotedNames(text, units), province);
    cx.places = new ContextPlaceAttributor(page.text(), article, cx.sentences, cx.units, headEnd(page.text(), article), gazetteer, segmenter);
    return cx;
  }

  /**
   * Drops units that open a short quoted name: an honour or a brand (“红旗村(社区)”, “巧家实践”)
   * names no place.
   */
  static List<UnitMention> withoutQuotedNames(String text, List<UnitMention> units) {
    List<UnitMention> out = new ArrayList<>();
    for (UnitMention u : units) {
      boolean opensQuote = u.start() > 0 && (text.charAt(u.start() - 1) == '“' || text.charAt(u.start() - 1) == '"');
      int close = opensQuote ? text.indexOf(text.charAt(u.start() - 1) == '“' ? '”' : '"', u.end()) : -1;
      if (opensQuote && close >= u.end() && close - u.end() <= 6) continue;
      out.add(u);
    }
    return out;
  }

  /** Finds the article whose paragraph or head holds an offset, by binary search over them all. */
  private static final class ArticleLocator {
    private final int[] starts;
    private final int[] ends;
    private final ArticleContext[] owners;

    ArticleLocator(List<ArticleContext> contexts) {
      List<Object[]> spans = new ArrayList<>();
      for (ArticleContext cx : contexts) {
        for (Paragraph p : cx.article.paragraphs()) spans.add(new Object[] {p.start(), p.end(), cx});
        for (Sentence h : cx.heads) spans.add(new Object[] {h.start(), h.end(), cx});
      }
      spans.sort(Comparator.comparingInt(o -> (Integer) o[0]));
      starts = new int[spans.size()];
      ends = new int[spans.size()];
      owners = new ArticleContext[spans.size()];
      for (int i = 0; i < spans.size(); i++) {
        starts[i] = (Integer) spans.get(i)[0];
        ends[i] = (Integer) spans.get(i)[1];
        owners[i] = (ArticleContext) spans.get(i)[2];
      }
    }

    ArticleContext at(int offset) {
      int i = java.util.Arrays.binarySearch(starts, offset);
      if (i < 0) i = -i - 2;
      return i >= 0 && offset < ends[i] ? owners[i] : null;
    }
  }

  private List<FigureFact> figures(ArticleContext cx, Integer publicationYear) {
    List<FigureFact> out = new ArrayList<>();
    Paragraph marked = null;
    YearFinder.Marks yearMarks = null;
    for (int i = 0; i < cx.sentences.size(); i++) {
      Sentence s = cx.sentences.get(i);
      Paragraph p = cx.paragraphOf.get(i);
      for (Quantity q : quantities.parse(s.text())) {
        int start = s.start() + q.start(), end = s.start() + q.end();
        Quantity onPage = new Quantity(start, end, q.surface(), q.value(), q.valueMax(), q.unit(), q.qualifier(), q.counted());
        MetricClassifier.Decision metric = metrics.decide(s.text(), q);
        // the year finder reads the whole paragraph: a year stated before a ；still governs what follows
        if (p != marked) {
          // scanned once per paragraph: a rescan per figure was ~10% of extraction time
          marked = p;
          yearMarks = years.marks(p.text());
        }
        Integer year = yearMarks.yearFor(start - p.start(), publicationYear);
        ContextPlaceAttributor.Placed placed = cx.places.placed(start, end);
        // as sure as the weaker of what decided the metric and where the place was found
        double confidence = Math.min(Confidence.of("metric", metric.evidence()), Confidence.of("place", placed.scope()));
        Evidence ev = new Evidence(start, end, q.surface(), s.start(), s.text(), confidence);
        out.add(new FigureFact(onPage, metric.metric(), placed.place(), year, ev));
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

  /** The year of the masthead's date; without it relative years (今年) stay unresolved. */
  private static Integer publicationYear(Page page) {
    return page.header() == null ? null : page.header().publicationYear();
  }
}
