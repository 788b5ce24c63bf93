package org.w3id.ruralkg.reliability;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.extract.ArticleFacts;
import org.w3id.ruralkg.extract.Evidence;
import org.w3id.ruralkg.extract.FigureFact;
import org.w3id.ruralkg.extract.IndustryFact;
import org.w3id.ruralkg.extract.OrgFact;
import org.w3id.ruralkg.extract.ProgrammeFact;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.PageSplitter;
import org.w3id.ruralkg.source.SourceText;
import org.w3id.ruralkg.source.TextNormaliser;

/**
 * Seeded random inputs through the whole page extractor (source → extract with link and nlp): it
 * never throws (except the reader's one-line refusals of empty or binary input), never hangs, and
 * every offset it reports points into the page text at exactly the quoted characters. A failure
 * prints the seed and the input, so it can be replayed.
 */
class ExtractorFuzzTest {
  static final long SEED = 20261122L;
  static final int BATCHES = 100;
  static final int PER_BATCH = 1000;
  static final Duration BATCH_LIMIT = Duration.ofSeconds(60);

  static final String[] NUMERALS = {
    "一", "二", "两", "三", "十", "百", "千", "万", "亿", "零", "〇", "壹", "余", "多", "几", "半"
  };
  static final String[] UNITS = {
    "元", "万元", "亿元", "亩", "万亩", "公斤", "吨", "户", "人", "名", "个", "%", "％", "平方米", "公里", "千瓦", "人次",
    "元/斤", "倍", "年", "月", "日"
  };
  static final String[] PUNCT = {
    "，", "。", "；", "：", "、", "！", "？", "（", "）", "“", "”", "——", "……", "·", ",", ".", "-", "～", "~",
    "(", ")", "\"", "《", "》", "/", "+", "—"
  };
  static final String[] SPACE = {
    " ", "\n", "\n\n", "\r\n", "\t", "\u3000", "\u00A0", "\u2028", "\r", "\f", "\u200B", "\uFEFF"
  };

  static List<String> fragments;
  static final TextNormaliser NORMALISER = new TextNormaliser();
  static final PageSplitter SPLITTER = new PageSplitter();

  @BeforeAll
  static void load() throws Exception {
    fragments = new ArrayList<>();
    try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
      for (Path p : seeds.sorted().toList()) {
        for (String s : Files.readString(p, StandardCharsets.UTF_8).split("(?<=[。；！？，\n])")) {
          if (!s.isBlank()) fragments.add(s);
        }
      }
    }
    org.w3id.ruralkg.app.Extraction
        .shared(); // load the gazetteer and dictionaries outside the timed batches
  }

  @Test
  void theExtractorNeverThrowsNeverHangsAndEveryOffsetPointsAtItsQuote() {
    long[] stats = new long[4]; // inputs, refused by the reader, facts checked, slowest input (ns)
    List<String> failures = new ArrayList<>();
    for (int b = 0; b < BATCHES && failures.isEmpty(); b++) {
      final int batch = b;
      assertTimeoutPreemptively(
          BATCH_LIMIT,
          () -> {
            SplittableRandom rnd = new SplittableRandom(SEED + batch);
            for (int i = 0; i < PER_BATCH && failures.size() < 5; i++) {
              String input = generate(rnd);
              long t = System.nanoTime();
              try {
                stats[2] += check(input, i % 10 == 0);
              } catch (RuralKgException refused) {
                stats[1]++;
                if (refused.getMessage().contains("\n"))
                  failures.add("multi-line refusal for " + escape(input));
              } catch (Throwable e) {
                failures.add(
                    "batch "
                        + batch
                        + " input "
                        + i
                        + ": "
                        + e
                        + " at "
                        + where(e)
                        + " on "
                        + escape(input));
              }
              stats[3] = Math.max(stats[3], System.nanoTime() - t);
              stats[0]++;
            }
          },
          () ->
              "batch " + batch + " (seed " + (SEED + batch) + ") did not finish in " + BATCH_LIMIT);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(stats[0] >= 100_000, "inputs: " + stats[0]);
    assertTrue(stats[2] > 100_000, "the inputs must produce many facts to check, got " + stats[2]);
    assertTrue(stats[1] < stats[0] / 10, "most inputs reach the extractor; refused: " + stats[1]);
    System.out.printf(
        java.util.Locale.ROOT,
        "fuzz: %d inputs, %d refused by the reader, %d facts checked, slowest input %d ms%n",
        stats[0],
        stats[1],
        stats[2],
        stats[3] / 1_000_000);
  }

  /**
   * Runs one input through the extractor and checks every fact; returns how many facts it checked.
   */
  static long check(String input, boolean viaBytes) {
    Page page;
    if (viaBytes) {
      // through the decoder as a file would come (lone surrogates become '?' in UTF-8)
      page =
          org.w3id.ruralkg.app.Extraction.shared()
              .reader()
              .read("fuzz.txt", input.getBytes(StandardCharsets.UTF_8));
    } else {
      // straight into the normaliser, so unpaired surrogates and controls reach the later stages
      SourceText src = NORMALISER.normalise("fuzz.txt", "0", "UTF-8", input);
      if (src.text().isBlank()) return 0;
      page = SPLITTER.split(src);
    }
    String text = page.text();
    long n = 0;
    List<ArticleFacts> all = org.w3id.ruralkg.app.Extraction.shared().extractor().extract(page);
    if (all.size() != page.articles().size())
      throw new AssertionError("one ArticleFacts per article");
    for (ArticleFacts af : all) {
      for (UnitMention u : af.units()) {
        span(text, u.start(), u.end(), u.surface(), "unit");
        n++;
      }
      for (OrgFact f : af.orgs()) n += evidence(text, f.evidence(), "org");
      for (ProgrammeFact f : af.programmes()) n += evidence(text, f.evidence(), "programme");
      for (IndustryFact f : af.industries()) n += evidence(text, f.evidence(), "industry");
      for (FigureFact f : af.figures()) {
        n += evidence(text, f.evidence(), "figure");
        span(
            text,
            f.quantity().start(),
            f.quantity().end(),
            f.quantity().surface(),
            "figure quantity");
        if (f.quantity().value() == null) throw new AssertionError("figure without value: " + f);
      }
    }
    return n;
  }

  static int evidence(String text, Evidence e, String kind) {
    span(text, e.start(), e.end(), e.quote(), kind + " evidence");
    span(
        text,
        e.sentenceStart(),
        e.sentenceStart() + e.sentence().length(),
        e.sentence(),
        kind + " sentence");
    if (e.start() < e.sentenceStart() || e.end() > e.sentenceStart() + e.sentence().length()) {
      throw new AssertionError(
          kind
              + " quote ["
              + e.start()
              + ","
              + e.end()
              + ") outside its sentence at "
              + e.sentenceStart());
    }
    return 1;
  }

  static void span(String text, int start, int end, String expected, String what) {
    if (start < 0 || end < start || end > text.length()) {
      throw new AssertionError(
          what + " [" + start + "," + end + ") outside the text of length " + text.length());
    }
    String actual = text.substring(start, end);
    if (!actual.equals(expected))
      throw new AssertionError(
          what + " [" + start + "," + end + ") is '" + actual + "' but says '" + expected + "'");
  }

  /**
   * A short random mix of seed fragments, numbers, numerals, units, punctuation, whitespace and odd
   * unicode.
   */
  static String generate(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    int parts = 1 + r.nextInt(12);
    for (int p = 0; p < parts; p++) {
      switch (r.nextInt(10)) {
        case 0, 1, 2 -> {
          String f = fragments.get(r.nextInt(fragments.size()));
          int a = r.nextInt(f.length());
          int z = Math.min(f.length(), a + 1 + r.nextInt(40));
          // a whole fragment, its head, its tail, or a piece from inside
          sb.append(f, r.nextInt(3) == 0 ? 0 : a, r.nextInt(3) == 0 ? f.length() : z);
        }
        case 3 -> {
          sb.append(r.nextInt(100_000));
          if (r.nextBoolean()) sb.append('.').append(r.nextInt(100));
        }
        case 4 -> {
          for (int k = 1 + r.nextInt(4); k > 0; k--)
            sb.append(NUMERALS[r.nextInt(NUMERALS.length)]);
        }
        case 5 -> sb.append(UNITS[r.nextInt(UNITS.length)]);
        case 6 -> sb.append(PUNCT[r.nextInt(PUNCT.length)]);
        case 7 -> sb.append(SPACE[r.nextInt(SPACE.length)]);
        case 8 -> randomUnicode(r, sb);
        default ->
            sb.append(r.nextInt(2000, 2030)).append("年").append(r.nextInt(1, 13)).append("月");
      }
    }
    return sb.toString();
  }

  private static void randomUnicode(SplittableRandom r, StringBuilder sb) {
    switch (r.nextInt(6)) {
      case 0 -> sb.append((char) (0xD800 + r.nextInt(0x400))); // lone high surrogate
      case 1 -> sb.append((char) (0xDC00 + r.nextInt(0x400))); // lone low surrogate
      case 2 ->
          sb.appendCodePoint(
              0x10000 + r.nextInt(0x10FFFF - 0x10000)); // a valid pair, often unassigned
      case 3 -> sb.appendCodePoint(0x4E00 + r.nextInt(0x9FFF - 0x4E00)); // any Han character
      case 4 -> sb.append((char) r.nextInt(0x20)); // a control
      default -> sb.append((char) r.nextInt(0x10000));
    }
  }

  /** The first frames of the project's code in a stack trace. */
  static String where(Throwable e) {
    return java.util.Arrays.stream(e.getStackTrace())
        .filter(
            f ->
                f.getClassName().startsWith("org.w3id.ruralkg")
                    && !f.getClassName().contains("reliability"))
        .limit(3)
        .map(StackTraceElement::toString)
        .reduce((a, b) -> a + " < " + b)
        .orElse("?");
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              if (c < 0x20
                  || (c >= 0x7F && c < 0xA0)
                  || Character.isSurrogate((char) c)
                  || c > 0xFFFF
                  || c == '"'
                  || c == '\\') sb.append(String.format(java.util.Locale.ROOT, "\\u{%X}", c));
              else sb.appendCodePoint(c);
            });
    return sb.append('"').toString();
  }
}
