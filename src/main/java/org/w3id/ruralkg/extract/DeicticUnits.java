package org.w3id.ruralkg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3id.ruralkg.common.Wordlist;
import org.w3id.ruralkg.link.Division;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.link.Level;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.DictionaryMatcher;
import org.w3id.ruralkg.nlp.Sentence;

/**
 * Resolves units referred to rather than named, by the words of lexicon/unit-references.tsv:
 * 我省/本省/全省 (the province the page's places lie in), 全县/本县/我县, 全市/全州, 全乡/全镇/本镇, 全村 (the unit of that
 * level the article is about at that point), and anaphors (该村, 村里, 我们村, 回村: the unit of that level
 * named last, in a sentence that names none itself). Needs the article's sentences and linked unit
 * mentions; adds mentions whose surface is the reference as written. A reference nothing in the
 * text can resolve is left out rather than guessed. Stateless; thread-safe.
 */
public final class DeicticUnits {
  /** A reference word, its level, how it resolves, and what may not follow it. */
  private record Reference(Level level, boolean named, String notBefore) {}

  private static final Map<String, Reference> REFERENCES = new HashMap<>();

  static {
    for (String[] f : Wordlist.rows("unit-references.tsv"))
      REFERENCES.put(
          f[0],
          new Reference(
              Level.valueOf(f[1].toUpperCase(Locale.ROOT)),
              f[2].equals("named"),
              f.length > 3 ? f[3] : ""));
  }

  /**
   * Any reference word, the longest at each place (咱们村 before 咱村), left to right: one pass of an
   * automaton over a sentence, where an alternation of every word tried each word at each place.
   */
  private static final DictionaryMatcher<Reference> REFERENCE = new DictionaryMatcher<>(REFERENCES);

  private final Gazetteer gazetteer;

  public DeicticUnits(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /**
   * The page's province: the one its linked mentions lie in, the more specific ones weighing more
   * (a county paper names its villages; other provinces come up as prefectures and provinces), and
   * units in lists not at all (在昆明、浙江、广东等地: places of migrant work). Null if none.
   */
  public Division pageProvince(String text, List<List<UnitMention>> unitsPerArticle) {
    Map<String, Integer> votes = new HashMap<>();
    for (List<UnitMention> us : unitsPerArticle) {
      for (UnitMention u : us) {
        if (listed(text, u)) continue;
        Division p = ancestorAt(u.division(), Level.PROVINCE);
        if (p != null) votes.merge(p.code(), u.level().ordinal() + 1, Integer::sum);
      }
    }
    return votes.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .flatMap(e -> gazetteer.byCode(e.getKey()))
        .orElse(null);
  }

  /** The article's units with its resolved references added, in text order. */
  public List<UnitMention> addReferences(
      List<Sentence> sentences, List<UnitMention> units, Division province) {
    List<UnitMention> linked =
        units.stream()
            .filter(UnitMention::linked)
            .sorted(Comparator.comparingInt(UnitMention::start))
            .toList();
    List<UnitMention> out = new ArrayList<>(units);
    for (Sentence s : sentences) {
      for (DictionaryMatcher.Hit<Reference> m : REFERENCE.findLongest(s.text())) {
        int start = s.start() + m.start(), end = s.start() + m.end();
        if (overlaps(units, start, end)) continue;
        Reference r = m.value();
        if (end < s.end() && r.notBefore().indexOf(s.text().charAt(m.end())) >= 0) continue;
        Division d;
        if (r.named()) d = namesUnit(linked, s) ? null : recentNamedAt(linked, start, r.level());
        else d = r.level() == Level.PROVINCE ? province : recentAt(linked, start, r.level());
        if (d == null) continue;
        Division parent = gazetteer.parent(d.code()).orElse(null);
        out.add(
            new UnitMention(
                start,
                end,
                m.key(),
                d.level(),
                d.name(),
                d,
                parent == null ? null : parent.name(),
                0.6));
      }
    }
    out.sort(Comparator.comparingInt(UnitMention::start));
    return out;
  }

  private static boolean listed(String text, UnitMention u) {
    boolean before = u.start() > 0 && text.charAt(u.start() - 1) == '、';
    boolean after =
        u.end() < text.length() && (text.charAt(u.end()) == '、' || text.startsWith("等地", u.end()));
    return before || after;
  }

  private static boolean overlaps(List<UnitMention> units, int start, int end) {
    for (UnitMention u : units) if (u.start() < end && start < u.end()) return true;
    return false;
  }

  private static boolean namesUnit(List<UnitMention> linked, Sentence s) {
    for (UnitMention u : linked) if (u.start() >= s.start() && u.end() <= s.end()) return true;
    return false;
  }

  /** The division of the nearest linked mention before the offset that names that level. */
  private static Division recentNamedAt(List<UnitMention> linked, int offset, Level level) {
    for (int i = linked.size() - 1; i >= 0; i--) {
      UnitMention u = linked.get(i);
      if (u.start() < offset && u.division().level() == level) return u.division();
    }
    return null;
  }

  /** The unit of that level the nearest linked mention before the offset lies in (or is). */
  private Division recentAt(List<UnitMention> linked, int offset, Level level) {
    for (int i = linked.size() - 1; i >= 0; i--) {
      UnitMention u = linked.get(i);
      if (u.start() >= offset) continue;
      Division d = ancestorAt(u.division(), level);
      if (d != null) return d;
    }
    return null;
  }

  /** The division itself or its ancestor at that level, if it has one. */
  private Division ancestorAt(Division d, Level level) {
    if (d == null) return null;
    if (d.level() == level) return d;
    for (Division a : gazetteer.ancestors(d.code())) if (a.level() == level) return a;
    return null;
  }
}
