package org.w3id.ruralkg.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ruralkg.extract.ArticleExtractor;
import org.w3id.ruralkg.extract.ArticleFacts;
import org.w3id.ruralkg.extract.PlaceAttributor;
import org.w3id.ruralkg.extract.figure.MetricClassifier;
import org.w3id.ruralkg.extract.figure.QuantityParser;
import org.w3id.ruralkg.extract.figure.YearFinder;
import org.w3id.ruralkg.extract.Quantity;
import org.w3id.ruralkg.extract.org.PartyOrgRecognizer;
import org.w3id.ruralkg.extract.topic.IndustryRecognizer;
import org.w3id.ruralkg.extract.topic.ProgrammeRecognizer;
import org.w3id.ruralkg.link.Division;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.link.UnitLinker;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.nlp.SentenceSplitter;
import org.w3id.ruralkg.rdf.FactMapper;
import org.w3id.ruralkg.rdf.Iris;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.PageReader;
import org.w3id.ruralkg.source.Paragraph;
import org.w3id.ruralkg.store.InputFile;

/**
 * A single-thread time breakdown of extraction per stage on a sample of files: read (decode,
 * normalise, split), sentences, link, each recogniser run alone, figures, the whole extractor
 * (whose remainder over the parts is place attribution and routing), and mapping to quads, in CPU
 * seconds of the timing thread. Needs
 * the input bytes; adds seconds per stage. Builds its own stage objects like Components does.
 * Not thread-safe (meant for one timing run).
 */
final class StageTimer {
  static final int SAMPLE_FILES = 300;

  private StageTimer() {}

  /** This thread's CPU time: other processes on a shared machine do not inflate it. */
  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  static Map<String, Object> time(List<InputFile> inputs, List<byte[]> bytes) {
    Gazetteer gazetteer = Gazetteer.load();
    java.util.function.Function<String, Division> byCode = code -> gazetteer.byCode(code).orElse(null);
    PageReader reader = new PageReader();
    UnitLinker linker = new UnitLinker(gazetteer);
    PartyOrgRecognizer orgs = new PartyOrgRecognizer();
    ProgrammeRecognizer programmes = new ProgrammeRecognizer();
    IndustryRecognizer industries = new IndustryRecognizer();
    QuantityParser quantities = new QuantityParser();
    MetricClassifier metrics = new MetricClassifier();
    YearFinder years = new YearFinder();
    ArticleExtractor extractor = new ArticleExtractor(linker, orgs, programmes, industries, quantities, metrics, years);
    FactMapper mapper = new FactMapper(byCode);
    FactMapper.BuildInfo build = new FactMapper.BuildInfo(Iris.build("2000-01-01T00:00:00Z"), "2000-01-01T00:00:00Z", "bench");
    PlaceAttributor nowhere = (s, e) -> null;

    long read = 0, sentences = 0, link = 0, org = 0, prog = 0, ind = 0, fig = 0, extract = 0, map = 0, chars = 0;
    int n = Math.min(SAMPLE_FILES, inputs.size());
    for (int i = 0; i < n; i++) {
      long t = cpu();
      Page page = reader.read(inputs.get(i).relativePath(), bytes.get(i));
      long t1 = cpu();
      read += t1 - t;
      chars += page.text().length();
      List<Sentence> ss = new ArrayList<>();
      List<Paragraph> paraOf = new ArrayList<>();
      for (Article a : page.articles()) {
        for (Paragraph p : a.paragraphs()) {
          for (Sentence s : SentenceSplitter.split(p.text(), p.start())) {
            ss.add(s);
            paraOf.add(p);
          }
        }
      }
      ss.sort(java.util.Comparator.comparingInt(Sentence::start));
      long t2 = cpu();
      sentences += t2 - t1;
      List<UnitMention> units = new ArrayList<>();
      for (List<UnitMention> us : linker.linkPage(page)) units.addAll(us);
      units.sort(java.util.Comparator.comparingInt(UnitMention::start));
      long t3 = cpu();
      link += t3 - t2;
      orgs.recognise(page.text(), ss, units, nowhere);
      long t4 = cpu();
      org += t4 - t3;
      programmes.recognise(page.text(), ss, nowhere);
      long t5 = cpu();
      prog += t5 - t4;
      industries.recognise(page.text(), ss, nowhere);
      long t6 = cpu();
      ind += t6 - t5;
      for (Sentence s : ss) {
        for (Quantity q : quantities.parse(s.text())) {
          metrics.classify(s.text(), q);
          years.yearFor(s.text(), q.start(), null);
        }
      }
      long t7 = cpu();
      fig += t7 - t6;
      List<ArticleFacts> facts = extractor.extract(page);
      long t8 = cpu();
      extract += t8 - t7;
      mapper.write(page, inputs.get(i).relativePath(), facts, build, new StreamRDFBase() {
        @Override
        public void quad(Quad quad) {}
      });
      map += cpu() - t8;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", n);
    m.put("chars", chars);
    m.put("read", read / 1e9);
    m.put("sentences", sentences / 1e9);
    m.put("link", link / 1e9);
    m.put("partyOrgs", org / 1e9);
    m.put("programmes", prog / 1e9);
    m.put("industries", ind / 1e9);
    m.put("figures", fig / 1e9);
    m.put("extractorWhole", extract / 1e9);
    m.put("attributionAndRest", Math.max(0, extract - sentences - link - org - prog - ind - fig) / 1e9);
    m.put("map", map / 1e9);
    return m;
  }
}
