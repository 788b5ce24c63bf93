package org.w3id.ruralkg.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ruralkg.app.Extraction;
import org.w3id.ruralkg.extract.ArticleFacts;
import org.w3id.ruralkg.extract.FactStage;
import org.w3id.ruralkg.extract.PageAnalysis;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.rdf.FactMapper;
import org.w3id.ruralkg.rdf.Iris;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.store.InputFile;

/**
 * A single-thread time breakdown of extraction per stage of the standard chain ({@link
 * Extraction#standard}) on a sample of files: read (decode, normalise, split into articles and
 * sentences), analyse (link units, resolve references, set up place attribution), each fact stage
 * by its name, and mapping to quads, in CPU seconds of the timing thread. Needs the input bytes;
 * adds seconds per stage; a new fact stage is timed without a change here. Not thread-safe (meant
 * for one timing run).
 */
final class StageTimer {
  static final int SAMPLE_FILES = 300;

  private StageTimer() {}

  /** This thread's CPU time: other processes on a shared machine do not inflate it. */
  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  static Map<String, Object> time(List<InputFile> inputs, List<byte[]> bytes) {
    Extraction chain = Extraction.standard(Gazetteer.load());
    FactMapper.BuildInfo build =
        new FactMapper.BuildInfo(
            Iris.build("2000-01-01T00:00:00Z"), "2000-01-01T00:00:00Z", "bench");
    Map<String, Long> nanos = new LinkedHashMap<>();
    nanos.put("read", 0L);
    nanos.put("analyse", 0L);
    for (String stage : chain.extractor().stages().keySet()) nanos.put(stage, 0L);
    nanos.put("map", 0L);
    long chars = 0;
    int n = Math.min(SAMPLE_FILES, inputs.size());
    for (int i = 0; i < n; i++)
      chars += timeFile(chain, build, inputs.get(i).relativePath(), bytes.get(i), nanos);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", n);
    m.put("chars", chars);
    long extract = 0;
    for (Map.Entry<String, Long> e : nanos.entrySet()) {
      m.put(e.getKey(), e.getValue() / 1e9);
      if (!e.getKey().equals("read") && !e.getKey().equals("map")) extract += e.getValue();
    }
    m.put("extractorWhole", extract / 1e9);
    return m;
  }

  /**
   * Runs one file through the chain stage by stage, adding each stage's CPU time; returns the
   * page's length.
   */
  private static long timeFile(
      Extraction chain,
      FactMapper.BuildInfo build,
      String name,
      byte[] bytes,
      Map<String, Long> nanos) {
    long t = cpu();
    Page page = chain.reader().read(name, bytes);
    t = add(nanos, "read", t);
    PageAnalysis analysis = chain.extractor().analyser().analyse(page);
    t = add(nanos, "analyse", t);
    for (Map.Entry<String, FactStage<?>> stage : chain.extractor().stages().entrySet()) {
      stage.getValue().extract(analysis);
      t = add(nanos, stage.getKey(), t);
    }
    // the facts again, as the build gets them, for the mapper (not timed: the stages were)
    List<ArticleFacts> facts = chain.extractor().extract(analysis);
    t = cpu();
    chain
        .mapper()
        .write(
            page,
            name,
            facts,
            build,
            new StreamRDFBase() {
              @Override
              public void quad(Quad quad) {}
            });
    add(nanos, "map", t);
    return page.text().length();
  }

  private static long add(Map<String, Long> nanos, String stage, long since) {
    long now = cpu();
    nanos.merge(stage, now - since, Long::sum);
    return now;
  }
}
