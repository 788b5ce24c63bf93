package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.w3id.ruralkg.app.Extraction;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.link.UnitLinker;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.PageHeader;
import org.w3id.ruralkg.source.Paragraph;
import org.w3id.ruralkg.source.SourceText;

/**
 * Prints gazetteer load + automaton build time and single-thread throughput of the raw automaton
 * and of full linking over the seed pages repeated to about 50 M characters. Usage: {@code
 * GazetteerBenchmark [SEEDS_DIR] [TARGET_CHARS]}. Not a test; a manual measurement.
 */
public final class GazetteerBenchmark {
  private GazetteerBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "seeds");
    long target = args.length > 1 ? Long.parseLong(args[1]) : 50_000_000L;

    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Gazetteer g = Gazetteer.read(Gazetteer.RESOURCE);
    long t1 = System.nanoTime();
    long c1 = threads.getCurrentThreadCpuTime();
    System.out.printf(
        java.util.Locale.ROOT,
        "gazetteer: %d divisions, load + automaton build %.0f ms wall, %.0f ms CPU of the loading thread%n",
        g.size(),
        (t1 - t0) / 1e6,
        (c1 - c0) / 1e6);

    List<Page> pages = new ArrayList<>();
    long pageChars = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        pages.add(page(p.getFileName().toString(), text));
        pageChars += text.length();
      }
    }
    if (pages.isEmpty()) throw new RuralKgException("no *.txt under " + dir);
    int reps = (int) Math.max(1, target / pageChars);
    UnitLinker linker = Extraction.standard(g).linker();

    // warm-up, then measure
    run(g, linker, pages, Math.max(1, reps / 20));
    // CPU time of this thread: other load on the machine does not count against the throughput
    long w0 = System.nanoTime();
    long a0 = threads.getCurrentThreadCpuTime();
    long hits = 0;
    for (int r = 0; r < reps; r++) for (Page p : pages) hits += g.findAll(p.text()).size();
    long w1 = System.nanoTime();
    long a1 = threads.getCurrentThreadCpuTime();
    long mentions = 0;
    for (int r = 0; r < reps; r++)
      for (Page p : pages) for (List<UnitMention> l : linker.linkPage(p)) mentions += l.size();
    long w2 = System.nanoTime();
    long a2 = threads.getCurrentThreadCpuTime();
    double chars = (double) pageChars * reps;
    System.out.printf(
        java.util.Locale.ROOT,
        "text: %.1f M chars (%d seed pages x %d), one thread%n",
        chars / 1e6,
        pages.size(),
        reps);
    System.out.printf(
        java.util.Locale.ROOT,
        "keyword matching (Gazetteer.findAll): %.1f M chars/s CPU, %.1f M chars/s wall (%d raw hits)%n",
        chars / ((a1 - a0) / 1e9) / 1e6,
        chars / ((w1 - w0) / 1e9) / 1e6,
        hits);
    System.out.printf(
        java.util.Locale.ROOT,
        "full linking (recognise + resolve): %.1f M chars/s CPU, %.1f M chars/s wall (%d mentions)%n",
        chars / ((a2 - a1) / 1e9) / 1e6,
        chars / ((w2 - w1) / 1e9) / 1e6,
        mentions);
  }

  private static void run(Gazetteer g, UnitLinker linker, List<Page> pages, int reps) {
    for (int r = 0; r < reps; r++)
      for (Page p : pages) {
        g.findAll(p.text());
        linker.linkPage(p);
      }
  }

  /** One article per page, paragraphs split on blank lines (what the source stage would give). */
  static Page page(String fileName, String text) {
    int[] identity = new int[text.length() + 1];
    for (int i = 0; i < identity.length; i++) identity[i] = i;
    List<Paragraph> paragraphs = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int blank = text.indexOf("\n\n", start);
      int end = blank < 0 ? text.length() : blank;
      int s = start;
      int e = end;
      while (s < e && Character.isWhitespace(text.charAt(s))) s++;
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
      if (e > s) paragraphs.add(new Paragraph(s, e, text.substring(s, e)));
      start = blank < 0 ? text.length() : blank + 2;
    }
    SourceText source = new SourceText(fileName, "", "UTF-8", text, text, identity);
    return new Page(
        source, PageHeader.NONE, List.of(new Article(0, "", "", List.of(), paragraphs)));
  }
}
