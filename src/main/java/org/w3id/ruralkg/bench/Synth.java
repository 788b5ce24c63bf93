package org.w3id.ruralkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.w3id.ruralkg.app.Extraction;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.link.Division;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.link.Level;
import org.w3id.ruralkg.link.UnitLinker;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.PageReader;
import org.w3id.ruralkg.source.Paragraph;

/**
 * A synthetic corpus generator for benchmarks. Needs the seed pages and the gazetteer; adds pages
 * of several articles, each a seed article whose linked places are moved to another real county of
 * Yunnan or Guizhou (its real townships and villages, consistently within the article) and whose
 * figures are scaled (format kept). Deterministic: article i depends only on the seed and i.
 * Immutable after construction and thread-safe.
 */
public final class Synth {
  /**
   * A seed article as printed: its head lines (kicker, title, —— subtitle, byline) and paragraphs,
   * and its linked units.
   */
  record Template(
      String title, List<String> head, List<String> paragraphs, List<UnitMention> units) {}

  /**
   * A generated article: its title, the head lines as printed (title among them) and its
   * paragraphs.
   */
  public record SynthArticle(String title, List<String> head, List<String> paragraphs) {}

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final String[] SHORT_SUFFIXES = {
    "自治县", "街道", "社区", "省", "县", "市", "区", "镇", "乡", "村", "州"
  };

  private final List<Template> templates;
  private final List<Division> counties;
  private final Gazetteer gazetteer;

  /**
   * Templates from the seed pages, their units linked by {@code linker} (whose gazetteer gives the
   * counties to move them to).
   */
  public Synth(List<Page> seeds, UnitLinker linker) {
    this.gazetteer = linker.gazetteer();
    List<Template> ts = new ArrayList<>();
    for (Page page : seeds) {
      List<List<UnitMention>> units = linker.linkPage(page);
      for (int i = 0; i < page.articles().size(); i++) {
        Template t = template(page, page.articles().get(i), units.get(i));
        if (t != null) ts.add(t);
      }
    }
    if (ts.isEmpty()) throw new RuralKgException("no seed article to recombine");
    this.templates = List.copyOf(ts);
    List<Division> cs = new ArrayList<>();
    for (String province : List.of("520000", "530000")) {
      for (Division pref : gazetteer.children(province)) {
        for (Division county :
            pref.level() == Level.COUNTY ? List.of(pref) : gazetteer.children(pref.code())) {
          if (county.level() == Level.COUNTY && hasVillages(county)) cs.add(county);
        }
      }
    }
    if (cs.isEmpty())
      throw new RuralKgException("the gazetteer has no county of Yunnan or Guizhou with villages");
    this.counties = List.copyOf(cs);
  }

  /** Reads every *.txt under {@code seedDir} with the project's page reader. */
  public static Synth fromSeeds(Path seedDir) {
    Extraction chain = Extraction.shared();
    PageReader reader = chain.reader();
    List<Page> pages = new ArrayList<>();
    try (Stream<Path> s = Files.list(seedDir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList())
        pages.add(reader.read(p));
    } catch (IOException e) {
      throw new RuralKgException(seedDir + ": cannot list seeds: " + e.getMessage(), e);
    }
    if (pages.isEmpty()) throw new RuralKgException(seedDir + ": no *.txt seed pages");
    return new Synth(pages, chain.linker());
  }

  public int templateCount() {
    return templates.size();
  }

  private boolean hasVillages(Division county) {
    for (Division t : gazetteer.children(county.code()))
      if (!gazetteer.children(t.code()).isEmpty()) return true;
    return false;
  }

  /** Only titled articles: an untitled one is a continuation that the splitter rightly merges. */
  private static Template template(Page page, Article a, List<UnitMention> units) {
    String text = page.text();
    List<String> paras = new ArrayList<>();
    for (Paragraph p : a.paragraphs()) if (!p.text().isBlank()) paras.add(p.text().strip());
    if (paras.isEmpty() || a.title() == null || a.title().isBlank()) return null;
    String title = a.title().strip();
    List<String> head = new ArrayList<>();
    int titleAt = text.indexOf(title);
    String sub =
        a.subtitle() == null || a.subtitle().isBlank() ? null : lineOf(text, a.subtitle().strip());
    boolean kicker = sub != null && text.indexOf(sub) < titleAt;
    if (kicker) head.add(sub);
    head.add(lineOf(text, title));
    if (sub != null && !kicker) head.add(sub);
    String byline = byline(text, a);
    // a dateline (本报讯(记者 …)) opens the first paragraph; other bylines stand on their own line
    if (byline.startsWith("本报讯")) {
      if (!paras.get(0).startsWith("本报讯")) paras.set(0, byline + " " + paras.get(0));
    } else if (!byline.isEmpty()) {
      head.add(byline);
    }
    return new Template(title, List.copyOf(head), List.copyOf(paras), units);
  }

  /**
   * The whole printed line of the page that holds {@code s} (with its —— or # marks), else {@code
   * s}.
   */
  private static String lineOf(String text, String s) {
    int i = text.indexOf(s);
    if (i < 0) return s;
    int from = text.lastIndexOf('\n', i) + 1;
    int to = text.indexOf('\n', i);
    String line = text.substring(from, to < 0 ? text.length() : to).strip();
    return line.length() <= s.length() + 4 ? line : s;
  }

  /**
   * The byline as printed (the line naming the first author between head and body), else a plain
   * one.
   */
  private static String byline(String text, Article a) {
    if (a.authors().isEmpty()) return "";
    String first = a.authors().get(0);
    int from = a.title() == null || a.title().isBlank() ? 0 : Math.max(0, text.indexOf(a.title()));
    int to = a.paragraphs().isEmpty() ? text.length() : a.paragraphs().get(0).start();
    if (to > from) {
      for (String line : text.substring(from, to).split("\n")) {
        String l = line.strip();
        if (l.contains(first) && l.length() <= 60) return l;
      }
    }
    return "记者 " + String.join(" ", a.authors());
  }

  /** The article with index {@code i} of the corpus made from {@code seed}. */
  public SynthArticle article(long seed, int i) {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
    Template t = templates.get(rnd.nextInt(templates.size()));
    Map<String, String> replace = placeReplacements(t, rnd);
    Replacer r = new Replacer(replace);
    List<String> paras = new ArrayList<>(t.paragraphs().size());
    for (String p : t.paragraphs()) paras.add(perturbFigures(r.apply(p), rnd));
    List<String> head = new ArrayList<>(t.head().size());
    for (String h : t.head()) head.add(r.apply(h));
    return new SynthArticle(r.apply(t.title()), head, paras);
  }

  /** Surface → replacement for every linked unit of the template; one target per source unit. */
  private Map<String, String> placeReplacements(Template t, SplittableRandom rnd) {
    Map<String, Division> target = new HashMap<>();
    Set<String> used = new HashSet<>();
    Division home = counties.get(rnd.nextInt(counties.size()));
    // counties first: their townships and villages then follow them
    for (Level level :
        List.of(Level.COUNTY, Level.PREFECTURE, Level.PROVINCE, Level.TOWNSHIP, Level.VILLAGE)) {
      for (UnitMention u : t.units()) {
        Division d = u.division();
        // only Yunnan and Guizhou move; partner provinces of 东西部协作 stay as written
        if (d == null || d.level() != level || target.containsKey(d.code()) || !isHome(d)) continue;
        Division to =
            switch (level) {
              case COUNTY -> used.add(home.code()) ? home : pick(counties, rnd, used);
              case PREFECTURE -> prefecture(home, rnd, used);
              case PROVINCE -> gazetteer.province(home.code()).orElse(null);
              case TOWNSHIP ->
                  pick(gazetteer.children(countyFor(d, target, home).code()), rnd, used);
              case VILLAGE ->
                  pick(
                      gazetteer.children(townshipFor(d, target, home, rnd, used).code()),
                      rnd,
                      used);
            };
        if (to != null) target.put(d.code(), to);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (UnitMention u : t.units()) {
      Division d = u.division();
      Division to = d == null ? null : target.get(d.code());
      if (to == null || u.surface().length() < 2) continue;
      out.putIfAbsent(u.surface(), u.surface().equals(d.name()) ? to.name() : shortName(to.name()));
      // titles and headlines use the short form of counties and prefectures (万山区 → 万山)
      if (u.surface().equals(d.name())
          && (d.level() == Level.COUNTY || d.level() == Level.PREFECTURE)) {
        String shortFrom = shortName(d.name());
        if (!shortFrom.equals(d.name())) out.putIfAbsent(shortFrom, shortName(to.name()));
      }
      // a short form followed by a suffix the linker did not include (大寨 + 镇) becomes the full name
      if (!u.surface().equals(d.name())) {
        for (String suffix : SHORT_SUFFIXES) out.putIfAbsent(u.surface() + suffix, to.name());
      }
    }
    return out;
  }

  private static boolean isHome(Division d) {
    return d.code().startsWith("52") || d.code().startsWith("53");
  }

  /** The home county's prefecture the first time, another prefecture of its province after. */
  private Division prefecture(Division home, SplittableRandom rnd, Set<String> used) {
    Division own =
        gazetteer.parent(home.code()).filter(p -> p.level() == Level.PREFECTURE).orElse(null);
    if (own != null && used.add(own.code())) return own;
    List<Division> prefectures = new ArrayList<>();
    for (Division p : gazetteer.children(home.code().substring(0, 2) + "0000"))
      if (p.level() == Level.PREFECTURE) prefectures.add(p);
    return pick(prefectures, rnd, used);
  }

  private Division countyFor(Division township, Map<String, Division> target, Division home) {
    Division mapped = township.parentCode() == null ? null : target.get(township.parentCode());
    return mapped != null && mapped.level() == Level.COUNTY ? mapped : home;
  }

  private Division townshipFor(
      Division village,
      Map<String, Division> target,
      Division home,
      SplittableRandom rnd,
      Set<String> used) {
    Division mapped = village.parentCode() == null ? null : target.get(village.parentCode());
    if (mapped != null && !gazetteer.children(mapped.code()).isEmpty()) return mapped;
    List<Division> withVillages = new ArrayList<>();
    for (Division t : gazetteer.children(home.code()))
      if (!gazetteer.children(t.code()).isEmpty()) withVillages.add(t);
    Division t = withVillages.get(rnd.nextInt(withVillages.size()));
    if (village.parentCode() != null) target.putIfAbsent(village.parentCode(), t);
    return t;
  }

  /** A random unit not used yet in this article (any when all are used), or null for none. */
  private static Division pick(List<Division> from, SplittableRandom rnd, Set<String> used) {
    if (from.isEmpty()) return null;
    int start = rnd.nextInt(from.size());
    for (int k = 0; k < from.size(); k++) {
      Division d = from.get((start + k) % from.size());
      if (used.add(d.code())) return d;
    }
    return from.get(start);
  }

  /** The short form news writes (巧家县 → 巧家, 威宁彝族回族苗族自治县 → 威宁), the name when too short. */
  static String shortName(String name) {
    int ethnic = name.indexOf("族");
    if (ethnic >= 2) return name.substring(0, 2);
    for (String s : SHORT_SUFFIXES) {
      if (name.endsWith(s) && name.length() - s.length() >= 2)
        return name.substring(0, name.length() - s.length());
    }
    return name;
  }

  /**
   * Scales the figures of a paragraph by one factor (so ranges stay ordered), keeping their
   * decimals and round zeros; years, dates, percentages over 100 and codes are left alone.
   */
  static String perturbFigures(String text, SplittableRandom rnd) {
    double factor = 0.6 + rnd.nextDouble();
    Matcher m = NUMBER.matcher(text);
    StringBuilder sb = new StringBuilder(text.length() + 16);
    int last = 0;
    while (m.find()) {
      sb.append(text, last, m.start());
      sb.append(
          keep(text, m) ? m.group() : scale(m.group(), factor, followedBy(text, m.end(), "%")));
      last = m.end();
    }
    return sb.append(text, last, text.length()).toString();
  }

  private static boolean keep(String text, Matcher m) {
    String n = m.group();
    char before = m.start() > 0 ? text.charAt(m.start() - 1) : ' ';
    char after = m.end() < text.length() ? text.charAt(m.end()) : ' ';
    if (isAsciiLetter(before) || isAsciiLetter(after) || before == '.' || after == '.') return true;
    if ("年月日时号届期版".indexOf(after) >= 0) return true;
    if (n.length() == 4 && (n.startsWith("19") || n.startsWith("20"))) return true;
    return n.equals("0") || n.length() > 12;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@' || c == '_';
  }

  private static boolean followedBy(String text, int at, String s) {
    return text.startsWith(s, at);
  }

  static String scale(String n, double factor, boolean percent) {
    int dot = n.indexOf('.');
    int decimals = dot < 0 ? 0 : n.length() - dot - 1;
    double v = Double.parseDouble(n) * factor;
    if (percent && v >= 100) v = Double.parseDouble(n);
    if (decimals > 0) {
      String s = String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
      return s.startsWith("0.") && !n.startsWith("0.") ? n : s;
    }
    int zeros = 0;
    for (int i = n.length() - 1; i > 0 && n.charAt(i) == '0'; i--) zeros++;
    // one round zero fewer: 3000 may become 3900, not only 4000
    double unit = Math.pow(10, Math.max(0, zeros - 1));
    long out = Math.max(1, Math.round(v / unit)) * (long) unit;
    return Long.toString(out);
  }

  /** Replaces every key by its value in one left-to-right pass, longest key first. */
  static final class Replacer {
    private final Map<String, String> map;
    private final int maxLen;

    Replacer(Map<String, String> map) {
      this.map = map;
      int m = 0;
      for (String k : map.keySet()) m = Math.max(m, k.length());
      this.maxLen = m;
    }

    String apply(String s) {
      if (map.isEmpty() || s.isEmpty()) return s;
      StringBuilder sb = new StringBuilder(s.length() + 16);
      int i = 0;
      outer:
      while (i < s.length()) {
        for (int len = Math.min(maxLen, s.length() - i); len >= 2; len--) {
          String v = map.get(s.substring(i, i + len));
          if (v != null) {
            sb.append(v);
            i += len;
            continue outer;
          }
        }
        sb.append(s.charAt(i++));
      }
      return sb.toString();
    }
  }

  /** One page of text in the seeds' layout: blank-line separated head lines, then paragraphs. */
  public static String pageText(List<SynthArticle> articles) {
    StringBuilder sb = new StringBuilder();
    sb.append("\n\n");
    for (SynthArticle a : articles) {
      for (String h : a.head()) sb.append(h).append("\n\n");
      sb.append("\n\n");
      for (String p : a.paragraphs()) sb.append(p).append("\n\n");
      sb.append("\n\n");
    }
    return sb.toString();
  }

  /** What {@link #write} produced. */
  public record Result(int files, int articles, long chars, long bytes) {}

  /**
   * Writes {@code articles} articles under {@code out} as page files of 3 to 6 articles each
   * (page-NNNNN.txt, UTF-8). The folder must be missing or empty of *.txt.
   */
  public Result write(Path out, int articles, long seed) {
    try {
      Files.createDirectories(out);
      try (Stream<Path> s = Files.list(out)) {
        if (s.anyMatch(p -> p.toString().endsWith(".txt")))
          throw new RuralKgException(out + ": already holds *.txt files");
      }
      SplittableRandom pages = new SplittableRandom(seed);
      int files = 0;
      long chars = 0, bytes = 0;
      int i = 0;
      while (i < articles) {
        int n = Math.min(articles - i, 3 + pages.nextInt(4));
        List<SynthArticle> onPage = new ArrayList<>(n);
        for (int k = 0; k < n; k++) onPage.add(article(seed, i + k));
        String text = pageText(onPage);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        Files.write(
            out.resolve(String.format(java.util.Locale.ROOT, "page-%05d.txt", files + 1)), b);
        files++;
        chars += text.length();
        bytes += b.length;
        i += n;
      }
      return new Result(files, articles, chars, bytes);
    } catch (IOException e) {
      throw new RuralKgException(out + ": cannot write: " + e.getMessage(), e);
    }
  }
}
