package org.w3id.ruralkg.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.zip.GZIPInputStream;
import org.w3id.ruralkg.common.Futures;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.nlp.DictionaryMatcher;

/**
 * The national division gazetteer (classpath resource gazetteer/divisions.tsv.gz, built by
 * tools/build-gazetteer.py): needs nothing, adds code/parent/ancestor/child lookups and the alias
 * automaton that {@link UnitRecogniser} matches against. Immutable and thread-safe; {@link #load()}
 * returns one lazily built shared instance.
 */
public final class Gazetteer {
  public static final String RESOURCE = "gazetteer/divisions.tsv.gz";

  private final Map<String, Division> byCode;
  private final Map<String, List<Division>> children;
  private final Map<String, List<Division>> byName;
  private final Map<String, List<Division>> bareTownships;

  /**
   * Provinces, prefectures, counties and their short forms (short keywords, any last character).
   */
  private final DictionaryMatcher<Alias> matcher;

  /** Townships and villages (many keywords, few last characters). */
  private final SuffixIndex suffixIndex;

  private Gazetteer(List<Division> divisions) {
    // the code and child tables on a second thread, while this one builds the names and keywords
    // (which need only the names): the two halves take about as long, and a build starts idle
    FutureTask<Map<String, Division>> codeTables =
        new FutureTask<>(
            () -> {
              Map<String, Division> codes = new HashMap<>(divisions.size() * 2);
              for (Division d : divisions) codes.put(d.code(), d);
              return codes;
            });
    FutureTask<Map<String, List<Division>>> childTables =
        new FutureTask<>(
            () -> {
              Map<String, List<Division>> kids = new HashMap<>(divisions.size() / 4);
              for (Division d : divisions)
                if (d.parentCode() != null)
                  kids.computeIfAbsent(d.parentCode(), k -> new ArrayList<>(4)).add(d);
              return freeze(kids);
            });
    Thread helper =
        new Thread(
            () -> {
              codeTables.run();
              childTables.run();
            },
            "ruralkg-gazetteer");
    helper.setDaemon(true);
    helper.start();
    Map<String, List<Division>> names = new HashMap<>(divisions.size() * 2);
    for (Division d : divisions) names.computeIfAbsent(d.name(), k -> new ArrayList<>(1)).add(d);
    this.byName = freeze(names);
    AliasBuilder aliases = new AliasBuilder(divisions.size());
    for (Division d : divisions) aliases.add(d, byName.get(d.name()).size());
    this.bareTownships = freeze(aliases.bareTownships());
    Map<String, Alias> upper = new HashMap<>(20_000);
    Map<String, Alias> lower = new HashMap<>(divisions.size() * 2);
    aliases.split(upper, lower);
    this.matcher = new DictionaryMatcher<>(upper);
    this.suffixIndex = new SuffixIndex(lower);
    this.byCode = await(codeTables);
    this.children = await(childTables);
  }

  private static <T> T await(FutureTask<T> task) {
    return Futures.await(task, "building the gazetteer");
  }

  private static Map<String, List<Division>> freeze(Map<String, List<Division>> m) {
    m.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(m);
  }

  /** The shared instance, read from the classpath on first use. */
  public static Gazetteer load() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final Gazetteer INSTANCE = read(RESOURCE);
  }

  /** Reads a gazetteer from a classpath resource (gzip TSV: code, name, level, parent code). */
  public static Gazetteer read(String resource) {
    InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) throw new RuralKgException("gazetteer resource not found: " + resource);
    List<Division> divisions = new ArrayList<>(80_000);
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty()) continue;
        int a = line.indexOf('\t');
        int b = line.indexOf('\t', a + 1);
        int c = line.indexOf('\t', b + 1);
        if (a < 0 || b < 0 || c < 0) throw new RuralKgException("bad gazetteer line: " + line);
        String parent = line.substring(c + 1);
        divisions.add(
            new Division(
                line.substring(0, a),
                line.substring(a + 1, b),
                Level.ofNotation(line.substring(b + 1, c)),
                parent.isEmpty() ? null : parent));
      }
    } catch (IOException e) {
      throw new RuralKgException("cannot read gazetteer " + resource + ": " + e.getMessage(), e);
    }
    return new Gazetteer(divisions);
  }

  public int size() {
    return byCode.size();
  }

  public Optional<Division> byCode(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  public Optional<Division> parent(String code) {
    Division d = byCode.get(code);
    return d == null || d.parentCode() == null
        ? Optional.empty()
        : Optional.ofNullable(byCode.get(d.parentCode()));
  }

  /** The enclosing units of {@code code}, nearest first, up to and including the province. */
  public List<Division> ancestors(String code) {
    List<Division> out = new ArrayList<>(4);
    Division d = byCode.get(code);
    while (d != null && d.parentCode() != null) {
      d = byCode.get(d.parentCode());
      if (d != null) out.add(d);
    }
    return out;
  }

  /** Whether {@code ancestor} strictly encloses {@code code}. */
  public boolean isAncestor(String ancestor, String code) {
    // codes nest (5306 ⊃ 530622 ⊃ 530622105): a cheap prefix test rules out almost every pair
    int sig = significant(ancestor);
    if (code.length() <= sig || !code.regionMatches(0, ancestor, 0, sig)) return false;
    Division d = byCode.get(code);
    while (d != null && d.parentCode() != null) {
      if (d.parentCode().equals(ancestor)) return true;
      d = byCode.get(d.parentCode());
    }
    return false;
  }

  /** Length of the part of a code its descendants share: 53|0000, 5306|00, 530622, 530622105. */
  private static int significant(String code) {
    if (code.length() != 6) return code.length();
    if (code.endsWith("0000")) return 2;
    if (code.endsWith("00")) return 4;
    return 6;
  }

  /** The province of a unit (itself for a province). */
  public Optional<Division> province(String code) {
    Division d = byCode.get(code);
    while (d != null && d.parentCode() != null) d = byCode.get(d.parentCode());
    return Optional.ofNullable(d);
  }

  public List<Division> children(String code) {
    return children.getOrDefault(code, List.of());
  }

  /** A direct child of {@code parentCode} with the canonical name {@code name}, if any. */
  public Optional<Division> child(String parentCode, String name) {
    for (Division d : children(parentCode)) if (d.name().equals(name)) return Optional.of(d);
    return Optional.empty();
  }

  /** Units whose canonical name is exactly {@code name}. */
  public List<Division> byName(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /** Townships whose name without 镇/乡/街道 (and ethnic part) is {@code bare}, e.g. 金塘 -> 金塘镇. */
  public List<Division> bareTownships(String bare) {
    return bareTownships.getOrDefault(bare, List.of());
  }

  /**
   * Every occurrence in {@code text} of a keyword (full names and the short forms news uses),
   * overlapping ones included, ordered by start then longest first.
   */
  public List<DictionaryMatcher.Hit<Alias>> findAll(String text) {
    List<DictionaryMatcher.Hit<Alias>> hits = new ArrayList<>(matcher.findAll(text));
    hits.addAll(suffixIndex.findAll(text));
    hits.sort(
        (a, b) ->
            a.start() != b.start()
                ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
    return hits;
  }

  /** The aliases a keyword stands for, or null. */
  public Alias alias(String key) {
    Alias a = matcher.get(key);
    return a != null ? a : suffixIndex.get(key);
  }
}
