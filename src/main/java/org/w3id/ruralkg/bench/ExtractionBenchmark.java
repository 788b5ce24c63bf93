package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.w3id.ruralkg.app.Extraction;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.extract.ArticleExtractor;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.PageReader;

/**
 * Prints the single-thread throughput of {@link ArticleExtractor} (pages already read) over the
 * *.txt files of a folder, in characters per wall second and per CPU second of the thread, after a
 * warm-up. Usage: {@code ExtractionBenchmark DIR [PASSES]}. Not a test; a manual measurement.
 */
public final class ExtractionBenchmark {
  private ExtractionBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "seeds");
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Extraction chain = Extraction.standard(Gazetteer.load());
    PageReader reader = chain.reader();
    List<Page> pages = new ArrayList<>();
    long chars = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        Page page = reader.read(p);
        pages.add(page);
        chars += page.text().length();
      }
    }
    if (pages.isEmpty()) throw new RuralKgException("no *.txt under " + dir);
    ArticleExtractor extractor = chain.extractor();
    long facts = 0;
    for (Page p : pages) facts += extractor.extract(p).size(); // warm-up
    var threads = ManagementFactory.getThreadMXBean();
    for (int pass = 0; pass < passes; pass++) {
      long w0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
      for (Page p : pages) facts += extractor.extract(p).size();
      long w1 = System.nanoTime(), c1 = threads.getCurrentThreadCpuTime();
      System.out.printf(
          java.util.Locale.ROOT,
          "pass %d: %d pages, %,d chars: %,.0f chars/s wall, %,.0f chars/s per CPU second%n",
          pass + 1,
          pages.size(),
          chars,
          chars / ((w1 - w0) / 1e9),
          chars / ((c1 - c0) / 1e9));
    }
    if (facts < 0) System.out.println(facts);
  }
}
