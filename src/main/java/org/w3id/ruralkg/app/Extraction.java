package org.w3id.ruralkg.app;

import java.util.List;
import org.w3id.ruralkg.extract.ArticleExtractor;
import org.w3id.ruralkg.extract.ArticleFacts;
import org.w3id.ruralkg.extract.DeicticUnits;
import org.w3id.ruralkg.extract.FigureStage;
import org.w3id.ruralkg.extract.IndustryStage;
import org.w3id.ruralkg.extract.PageAnalyser;
import org.w3id.ruralkg.extract.PartyOrgStage;
import org.w3id.ruralkg.extract.ProgrammeStage;
import org.w3id.ruralkg.extract.figure.MetricClassifier;
import org.w3id.ruralkg.extract.figure.QuantityParser;
import org.w3id.ruralkg.extract.figure.YearFinder;
import org.w3id.ruralkg.extract.org.PartyOrgRecognizer;
import org.w3id.ruralkg.extract.topic.IndustryRecognizer;
import org.w3id.ruralkg.extract.topic.ProgrammeRecognizer;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.link.UnitLinker;
import org.w3id.ruralkg.link.UnitRecogniser;
import org.w3id.ruralkg.nlp.Segmenter;
import org.w3id.ruralkg.rdf.FactMapper;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.PageReader;
import org.w3id.ruralkg.source.PageSplitter;
import org.w3id.ruralkg.source.TextNormaliser;

/**
 * The extraction chain, assembled in one place ({@link #standard(Gazetteer)}); build, bench, the
 * Spark job and the tests all use it. A file passes through:
 *
 * <ol>
 *   <li>source — {@link PageReader}: decode, {@link TextNormaliser}, {@link PageSplitter} (page
 *       header, articles, title lines, paragraphs and their sentences);
 *   <li>analysis — {@link PageAnalyser}: {@link UnitLinker} (with {@link UnitRecogniser}) links the
 *       units, {@link DeicticUnits} resolves 我省/全县, a place attributor per article;
 *   <li>fact stages over that analysis — party organisations, programmes, industries, figures;
 *   <li>rdf — {@link FactMapper}: the facts as quads, one named graph per article.
 * </ol>
 *
 * Every part is thread-safe, so one chain serves every thread of a process.
 */
public record Extraction(PageReader reader, ArticleExtractor extractor, FactMapper mapper) {
  private static final class Holder {
    static final Extraction INSTANCE = standard(Gazetteer.load());
  }

  /**
   * The standard chain over the packaged gazetteer, built once per process (the gazetteer,
   * dictionaries and HanLP take a moment to load).
   */
  public static Extraction shared() {
    return Holder.INSTANCE;
  }

  /** The standard chain: every stage and every part a stage uses, built here and nowhere else. */
  public static Extraction standard(Gazetteer gazetteer) {
    PageReader reader = new PageReader(new TextNormaliser(), new PageSplitter());
    // one dictionary segmenter (thread-safe) for the unit recogniser, place attribution and metrics
    Segmenter segmenter = new Segmenter();
    UnitLinker linker = new UnitLinker(gazetteer, new UnitRecogniser(gazetteer, segmenter));
    PageAnalyser analyser = new PageAnalyser(linker, new DeicticUnits(gazetteer), segmenter);
    ArticleExtractor extractor =
        new ArticleExtractor(
            analyser,
            new PartyOrgStage(new PartyOrgRecognizer()),
            new ProgrammeStage(new ProgrammeRecognizer()),
            new IndustryStage(new IndustryRecognizer()),
            new FigureStage(
                new QuantityParser(), new MetricClassifier(segmenter), new YearFinder()));
    FactMapper mapper = new FactMapper(code -> gazetteer.byCode(code).orElse(null));
    return new Extraction(reader, extractor, mapper);
  }

  /** The unit linker of the chain (tests and benchmarks that look at linking alone). */
  public UnitLinker linker() {
    return extractor.analyser().linker();
  }

  /** Reads and extracts one file's bytes. */
  public List<ArticleFacts> extract(String fileName, byte[] bytes) {
    Page page = reader.read(fileName, bytes);
    return extractor.extract(page);
  }
}
