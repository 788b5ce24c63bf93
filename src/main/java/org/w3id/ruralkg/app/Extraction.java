package org.w3id.ruralkg.app;

import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.w3id.ruralkg.common.Futures;
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
    static final Extraction INSTANCE = assemble(Gazetteer::load);
  }

  /**
   * Starts building the shared chain on a background thread, so that loading the gazetteer and
   * HanLP's dictionaries overlaps whatever the caller does next (scanning the input, opening the
   * store); {@link #shared()} then waits for it. Idempotent and cheap.
   */
  public static void preload() {
    Thread t = new Thread(Extraction::shared, "ruralkg-preload");
    t.setDaemon(true);
    t.start();
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
    return assemble(() -> gazetteer);
  }

  /**
   * The standard chain, with the gazetteer made on a second thread while the parts that do not need
   * it (HanLP's segmenter and the fact stages' dictionaries) are built on this one.
   */
  private static Extraction assemble(Supplier<Gazetteer> gazetteers) {
    FutureTask<Gazetteer> loading = new FutureTask<>(gazetteers::get);
    Thread loader = new Thread(loading, "ruralkg-gazetteer-load");
    loader.setDaemon(true);
    loader.start();
    PageReader reader = new PageReader(new TextNormaliser(), new PageSplitter());
    // one dictionary segmenter (thread-safe) for the unit recogniser, place attribution and metrics
    Segmenter segmenter = new Segmenter();
    PartyOrgStage partyOrgs = new PartyOrgStage(new PartyOrgRecognizer());
    ProgrammeStage programmes = new ProgrammeStage(new ProgrammeRecognizer());
    IndustryStage industries = new IndustryStage(new IndustryRecognizer());
    FigureStage figures =
        new FigureStage(new QuantityParser(), new MetricClassifier(segmenter), new YearFinder());
    Gazetteer gazetteer = await(loading);
    UnitLinker linker = new UnitLinker(gazetteer, new UnitRecogniser(gazetteer, segmenter));
    PageAnalyser analyser = new PageAnalyser(linker, new DeicticUnits(gazetteer), segmenter);
    ArticleExtractor extractor =
        new ArticleExtractor(analyser, partyOrgs, programmes, industries, figures);
    FactMapper mapper = new FactMapper(code -> gazetteer.byCode(code).orElse(null));
    return new Extraction(reader, extractor, mapper);
  }

  private static Gazetteer await(FutureTask<Gazetteer> loading) {
    return Futures.await(loading, "loading the gazetteer");
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
