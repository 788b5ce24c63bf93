package org.w3id.ruralkg.extract.org;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3id.ruralkg.common.Wordlist;
import org.w3id.ruralkg.extract.OrgFact;
import org.w3id.ruralkg.extract.PlaceAttributor;
import org.w3id.ruralkg.extract.topic.SentenceIndex;
import org.w3id.ruralkg.link.Level;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.DictionaryMatcher;
import org.w3id.ruralkg.nlp.Sentence;

/**
 * Finds mentions of specific party organisations (马树镇党委, 巧家县洪邦农业发展有限公司党支部, 县人社局党支部, 巧家县委, 县委组织部
 * ...). Needs the page text, its sentences, the article's linked admin-unit mentions and a {@link
 * PlaceAttributor}; adds one {@link OrgFact} per mention with the contract kind, the owning unit
 * and the host body. Generic mentions (各村党支部, 党支部+合作社, 党支部4个) are skipped. Immutable after
 * construction, thread-safe.
 *
 * <p>Grammar, right to left from a kind suffix: [modifiers 机关/第二] then the longest name run back to
 * punctuation or a function word, read as [admin units][host body] or a level word (县, 村 ...) or a
 * short descriptive name (苹果产业, 外出务工人员).
 */
public final class PartyOrgRecognizer {
  /** A suffix: its contract kind; for 县委-type suffixes the level word they carry. */
  private record Suffix(String kind, String levelWord) {}

  /** Name suffixes and their kinds: lexicon/org-suffixes.tsv. */
  private static final Map<String, Suffix> SUFFIXES = suffixes();

  /** After 县委 etc.: a department or school of the committee, not the committee itself. */
  private static final List<String> DEPARTMENTS = nameWords("department");

  /** Words (ending right before a name) that end the name when reading leftwards. */
  private static final List<String> STOPS = nameWords("stop");

  /** Quantifiers before a name that make it a category, not one organisation. */
  private static final List<String> GENERIC_BEFORE = nameWords("generic-before");

  /** Heads that make a descriptive name one organisation: lexicon/org-descriptive-heads.txt. */
  private static final java.util.Set<String> DESCRIPTIVE_HEADS =
      Wordlist.words("org-descriptive-heads.txt");

  /** Kinds a village has one of, so that a bare mention in its story is that village's. */
  private static final java.util.Set<String> BARE_OF_VILLAGE =
      java.util.Set.copyOf(nameWords("village-kind"));

  /** Founding verbs: a bare "成立了临时党工委" names one organisation. */
  private static final List<String> FOUNDED = nameWords("founded");

  /**
   * Endings of non-admin host bodies, longest first; those in GOVERNMENT belong to an admin unit.
   */
  private static final List<String> HOSTS = nameWords("host");

  private static final List<String> GOVERNMENT = nameWords("government");

  /** Level words an organisation name may start with (县人社局, 村党总支), longest first. */
  private static final List<String> LEVEL_WORDS = nameWords("level-word");

  /** The party's own name opening a formal name (中共…支部委员会), longest first. */
  private static final List<String> PARTY_NAMES = nameWords("party-name");

  /** A bare host noun whose name the sentence gave before (“以工代赈”模式 ... 项目临时党支部). */
  private static final List<String> BARE_HOSTS = nameWords("bare-host");

  private static final Pattern MODIFIERS = Pattern.compile("(机关)?(第[一二三四五六七八九十0-9]+)?$");
  private static final Pattern COUNT_BEFORE =
      Pattern.compile("([0-9０-９]+|[一二两三四五六七八九十百千万]+)(个|家|支)[^，。；！？,;：:\\n]{0,8}$");
  private static final Pattern COUNT_AFTER = Pattern.compile("^([0-9０-９]+|[一二两三四五六七八九十百千万]+)(个|家)");
  private static final String CLAUSE_BREAKS = "，。；！？,;“”\"：:\n（）()";
  private static final int MAX_NAME = 30;
  private static final int MAX_DESCRIPTIVE = 10;

  /** The words of one role in lexicon/org-name-words.tsv, in file order. */
  private static List<String> nameWords(String role) {
    return List.copyOf(Wordlist.words("org-name-words.tsv", role));
  }

  private static Map<String, Suffix> suffixes() {
    Map<String, Suffix> out = new HashMap<>();
    for (String[] row : Wordlist.rows("org-suffixes.tsv"))
      out.put(row[0], new Suffix(row[1], row[2].equals("-") ? null : row[2]));
    return Map.copyOf(out);
  }

  private final DictionaryMatcher<Suffix> matcher;

  public PartyOrgRecognizer() {
    matcher = new DictionaryMatcher<>(new HashMap<>(SUFFIXES));
  }

  /** Every specific organisation mention in text order; the caller de-duplicates if it wants to. */
  public List<OrgFact> recognise(
      String pageText, List<Sentence> sentences, List<UnitMention> units, PlaceAttributor places) {
    return recognise(pageText, sentences, units, places, null);
  }

  /**
   * As above; {@code namedAround} (places named around a span, not carried from far back) gives the
   * owner of a bare 党支部 in a village's story.
   */
  public List<OrgFact> recognise(
      String pageText,
      List<Sentence> sentences,
      List<UnitMention> units,
      PlaceAttributor places,
      PlaceAttributor namedAround) {
    Context cx =
        new Context(
            pageText,
            new SentenceIndex(pageText, sentences),
            units == null ? List.of() : units,
            places,
            namedAround);
    List<OrgFact> out = new ArrayList<>();
    for (DictionaryMatcher.Hit<Suffix> h : matcher.findLongest(pageText)) {
      OrgFact f = parse(cx, h);
      if (f != null) out.add(f);
    }
    out.sort(Comparator.comparingInt(f -> f.evidence().start()));
    return out;
  }

  /** The organisation a suffix hit ends, or null when the hit names none (团县委, 党组织, 两个党支部 …). */
  private OrgFact parse(Context cx, DictionaryMatcher.Hit<Suffix> h) {
    Ending ending = ending(cx.text, h);
    if (ending == null) return null;
    String t = cx.text;
    int s = h.start();
    int e = ending.end();
    int nameEnd = nameEnd(cx, h);
    int[] sb = cx.index.bounds(s);
    int from = Math.max(sb[0], nameEnd - MAX_NAME);
    Named named = named(cx, nameEnd, from);
    int left = named.left();
    if (genericBefore(t, left, sb[0])) return null;
    if (formula(t, left, e)) return null;
    if (COUNT_BEFORE.matcher(t.substring(Math.max(sb[0], left - 12), nameEnd)).find()) return null;
    return owned(cx, h, ending.kind(), left, nameEnd, e, named.host());
  }

  /**
   * Where the organisation's words end and its kind: the suffix, or 县委组织部; null for what is no
   * party organisation.
   */
  private record Ending(int end, String kind) {}

  private static Ending ending(String t, DictionaryMatcher.Hit<Suffix> h) {
    int s = h.start();
    int e = h.end();
    String kind = h.value().kind();
    if (h.value().levelWord() != null) {
      if (h.key().equals("区委") && s > 0 && t.charAt(s - 1) == '社') return null;
      // 团县委, 共青团X县委: the Youth League's committee, not the party's
      if (s > 0 && t.charAt(s - 1) == '团') return null;
      if (t.substring(Math.max(0, s - 12), s).contains("共青团")) return null;
      if (t.startsWith("组织部", e)) {
        kind = "组织部";
        e += 3;
      } else if (DEPARTMENTS.stream().anyMatch(d -> t.startsWith(d, h.end()))) {
        return null;
      }
    } else {
      if (h.key().equals("党组") && t.startsWith("织", e)) return null;
      if (t.startsWith("员", e)) return null;
    }
    return countAfter(t, e) ? null : new Ending(e, kind);
  }

  /** The right end of the name part: for 县委 the level character may belong to the unit (巧家县|委). */
  private static int nameEnd(Context cx, DictionaryMatcher.Hit<Suffix> h) {
    int s = h.start();
    String levelWord = h.value().levelWord();
    if (levelWord != null) {
      UnitMention u = cx.unitEndingAt(s + 1);
      return u != null && u.start() < s && u.surface().endsWith(levelWord) ? s + 1 : s;
    }
    var m = MODIFIERS.matcher(cx.text.substring(Math.max(0, s - 6), s));
    return m.find() ? s - m.group().length() : s;
  }

  /**
   * Where the name before the suffix starts, and the host organisations when they are tied to it by
   * 的.
   */
  private record Named(int left, String host) {}

  private Named named(Context cx, int nameEnd, int from) {
    String t = cx.text;
    int left = scanLeft(cx, nameEnd, from);
    // "县委党校、职业技能培训学校的党支部": hosts joined by 、 and tied to the suffix by 的
    if (left == nameEnd && nameEnd > from && t.charAt(nameEnd - 1) == '的') {
      int hostEnd = nameEnd - 1;
      int l = scanLeft(cx, hostEnd, from);
      if (l < hostEnd && hostSuffix(t.substring(l, hostEnd)) != null) {
        while (l - 1 > from && t.charAt(l - 1) == '、') {
          int l2 = scanLeft(cx, l - 1, from);
          if (l2 >= l - 1 || hostSuffix(t.substring(l2, l - 1)) == null) break;
          l = l2;
        }
        return new Named(l, t.substring(l, hostEnd));
      }
    }
    return new Named(left, null);
  }

  /**
   * The organisation named [left, e) with its name part ending at {@code nameEnd}: whose it is, or
   * null for a generic mention.
   */
  private OrgFact owned(
      Context cx,
      DictionaryMatcher.Hit<Suffix> h,
      String kind,
      int left,
      int nameEnd,
      int e,
      String host) {
    int s = h.start();
    String levelWord = h.value().levelWord();
    boolean committee = levelWord != null;
    String name = cx.text.substring(left, nameEnd);
    if (host != null) {
      return fact(cx, left, e, kind, placeOrInside(cx, left, e, left, nameEnd), host, 0.8);
    }
    if (name.isEmpty()) {
      return bare(cx, left, e, kind, levelWord, committee);
    }
    if (committee && nameEnd == s + 1) {
      return fact(cx, left, e, kind, cx.unitEndingAt(s + 1), null, 0.9);
    }
    UnitMention lastInside = cx.lastUnitInside(left, nameEnd);
    if (lastInside != null && lastInside.end() == nameEnd) {
      if (committee && !levelWord.equals(lastLevelChar(lastInside))) {
        // "巧家县" + "市委"? a mismatch: the unit is still the one named
        return fact(cx, left, e, kind, lastInside, null, 0.7);
      }
      return fact(cx, left, e, kind, lastInside, null, 0.9);
    }
    if (committee) {
      // an unlinked name before 县委: trust the level word
      return fact(cx, left, e, kind, cx.resolve(levelWord, left, e), null, 0.7);
    }
    return ownedByName(cx, kind, left, nameEnd, e, name, lastInside);
  }

  /**
   * A name before a branch-like suffix that is not a linked unit: a host, a level word, an unlinked
   * admin name, or a description.
   */
  private OrgFact ownedByName(
      Context cx, String kind, int left, int nameEnd, int e, String name, UnitMention lastInside) {
    for (String g : GENERIC_BEFORE) {
      if (name.startsWith(g)) return null;
    }
    String hostEnding = hostSuffix(name);
    if (hostEnding != null) {
      return hostFact(cx, left, nameEnd, e, kind, name, hostEnding);
    }
    for (String lw : LEVEL_WORDS) {
      if (name.equals(lw)) return fact(cx, left, e, kind, cx.resolve(lw, left, e), null, 0.75);
    }
    for (String lw : LEVEL_WORDS) {
      if (name.endsWith(lw) && name.length() > lw.length()) {
        // an admin name the linker did not give us (维拉坝珠海社区): the place in focus
        return fact(cx, left, e, kind, cx.place(left, e), null, 0.6);
      }
    }
    // a name that is neither a unit nor a host (软弱涣散党支部, 五星级党支部) describes a kind of
    // organisation: a generic mention without an identifiable owner (SPEC)
    if (lastInside == null && DESCRIPTIVE_HEADS.stream().noneMatch(name::endsWith)) return null;
    if (name.length() > MAX_DESCRIPTIVE) return null;
    return fact(cx, left, e, kind, lastInside != null ? lastInside : cx.place(left, e), null, 0.7);
  }

  private OrgFact hostFact(
      Context cx, int left, int nameEnd, int e, String kind, String name, String ending) {
    // 中共…项目临时支部委员会: the party's name opens the organisation's formal name, not the host's
    String host = name;
    for (String party : PARTY_NAMES)
      if (host.startsWith(party) && host.length() > party.length()) {
        host = host.substring(party.length());
        break;
      }
    if (BARE_HOSTS.contains(name)) {
      String quoted = lastQuotedBefore(cx.text, cx.index.bounds(left)[0], left);
      if (quoted != null) host = quoted + name;
      return fact(cx, left, e, kind, cx.place(left, e), host, 0.7);
    }
    UnitMention inside = cx.lastUnitInside(left, nameEnd);
    UnitMention unit;
    if (GOVERNMENT.contains(ending) || name.endsWith("指挥部")) {
      if (inside != null) unit = inside;
      else {
        String lw = LEVEL_WORDS.stream().filter(name::startsWith).findFirst().orElse(null);
        unit = lw != null ? cx.resolve(lw, left, e) : cx.place(left, e);
        // "市发改委" is the bureau of the city in context: name it in full (昭通市发改委)
        if (lw != null
            && unit != null
            && unit.canonicalName() != null
            && unit.canonicalName().endsWith(lw)) {
          host = unit.canonicalName() + name.substring(lw.length());
        }
      }
    } else {
      // a company or cooperative sits where the story is, whatever county its name carries
      UnitMention p = cx.place(left, e);
      unit = p != null ? p : inside;
    }
    return fact(cx, left, e, kind, unit, host, inside != null ? 0.9 : 0.75);
  }

  private OrgFact bare(
      Context cx, int left, int e, String kind, String levelWord, boolean committee) {
    String t = cx.text;
    if (committee) return fact(cx, left, e, kind, cx.resolve(levelWord, left, e), null, 0.7);
    String before = t.substring(Math.max(0, left - 3), left);
    boolean founded = FOUNDED.stream().anyMatch(before::endsWith);
    boolean withGovernment =
        t.startsWith("、", e) && t.indexOf("政府", e) > 0 && t.indexOf("政府", e) <= e + 3;
    if (!founded && !withGovernment) {
      // 党支部每月开展主题党日 in a village's story: that village's branch
      if (cx.namedAround == null || !BARE_OF_VILLAGE.contains(kind)) return null;
      UnitMention v = cx.namedAround.placeFor(left, e);
      return v != null && v.level() == Level.VILLAGE ? fact(cx, left, e, kind, v, null, 0.6) : null;
    }
    return fact(cx, left, e, kind, cx.place(left, e), null, 0.6);
  }

  private static OrgFact fact(
      Context cx, int start, int end, String kind, UnitMention unit, String host, double conf) {
    return new OrgFact(
        cx.text.substring(start, end), kind, unit, host, cx.index.evidence(start, end, conf));
  }

  private static UnitMention placeOrInside(
      Context cx, int start, int end, int nameStart, int nameEnd) {
    UnitMention p = cx.place(start, end);
    return p != null ? p : cx.lastUnitInside(nameStart, nameEnd);
  }

  /**
   * Reads leftwards from {@code end} over a name: unit mentions whole, stopping at punctuation or a
   * function word.
   */
  private static int scanLeft(Context cx, int end, int from) {
    String t = cx.text;
    int cur = end;
    while (cur > from) {
      UnitMention u = cx.unitEndingAt(cur);
      if (u != null && u.start() >= from && u.start() < cur) {
        cur = u.start();
        continue;
      }
      char c = t.charAt(cur - 1);
      if (!nameChar(c)) break;
      int at = cur;
      if (STOPS.stream().anyMatch(w -> at >= w.length() && t.startsWith(w, at - w.length()))) break;
      cur--;
    }
    return cur;
  }

  private static boolean nameChar(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
        || Character.isLetterOrDigit(c);
  }

  private static String hostSuffix(String name) {
    for (String h : HOSTS) {
      if (name.endsWith(h) && name.length() >= h.length()) {
        // a single-character ending (局, 委) needs a name before it
        if (h.length() == 1 && name.length() < 2) return null;
        return h;
      }
    }
    return null;
  }

  private static String lastLevelChar(UnitMention u) {
    String s = u.surface();
    return s.isEmpty() ? "" : s.substring(s.length() - 1);
  }

  private static boolean genericBefore(String t, int left, int sentenceStart) {
    String before = t.substring(Math.max(sentenceStart, left - 12), left);
    for (String g : GENERIC_BEFORE) {
      if (before.endsWith(g)) return true;
    }
    return COUNT_BEFORE.matcher(before).find();
  }

  private static boolean countAfter(String t, int e) {
    int i = e;
    if (i < t.length() && (t.charAt(i) == ')' || t.charAt(i) == '）')) i++;
    if (i < t.length() && (t.charAt(i) == '(' || t.charAt(i) == '（')) {
      int close = i + 1;
      while (close < t.length()
          && close < i + 12
          && t.charAt(close) != ')'
          && t.charAt(close) != '）') close++;
      i = close + 1;
    }
    if (i >= t.length()) return false;
    String after = t.substring(i, Math.min(t.length(), i + 8));
    return COUNT_AFTER.matcher(after).find() || after.startsWith("全覆盖");
  }

  /** "党支部+合作社+农户": a model formula, not an organisation. */
  private static boolean formula(String t, int start, int end) {
    int l = start;
    while (l > 0 && CLAUSE_BREAKS.indexOf(t.charAt(l - 1)) < 0 && start - l < 40) l--;
    int r = end;
    while (r < t.length() && CLAUSE_BREAKS.indexOf(t.charAt(r)) < 0 && r - end < 40) r++;
    String clause = t.substring(l, r);
    return clause.indexOf('+') >= 0 || clause.indexOf('＋') >= 0;
  }

  private static String lastQuotedBefore(String t, int from, int to) {
    int close = t.lastIndexOf('”', to - 1);
    if (close < from) return null;
    int open = t.lastIndexOf('“', close);
    if (open < from || close - open < 3 || close - open > 12) return null;
    return t.substring(open + 1, close);
  }

  /** Per-call state: the page and its unit mentions indexed by end offset. */
  private static final class Context {
    final String text;
    final SentenceIndex index;
    final List<UnitMention> units;
    final PlaceAttributor places;
    final PlaceAttributor namedAround;
    final Map<Integer, UnitMention> byEnd = new HashMap<>();

    Context(
        String text,
        SentenceIndex index,
        List<UnitMention> units,
        PlaceAttributor places,
        PlaceAttributor namedAround) {
      this.text = text;
      this.index = index;
      this.units = units;
      this.places = places;
      this.namedAround = namedAround;
      for (UnitMention u : units) {
        UnitMention old = byEnd.get(u.end());
        if (old == null || u.start() < old.start()) byEnd.put(u.end(), u);
      }
    }

    UnitMention unitEndingAt(int end) {
      return byEnd.get(end);
    }

    UnitMention lastUnitInside(int start, int end) {
      UnitMention best = null;
      for (UnitMention u : units) {
        if (u.start() >= start && u.end() <= end && (best == null || u.end() > best.end()))
          best = u;
      }
      return best;
    }

    UnitMention place(int start, int end) {
      return places == null ? null : places.placeFor(start, end);
    }

    /** The unit of the level a word like 县 or 村 names, for the text at [start, end). */
    UnitMention resolve(String levelWord, int start, int end) {
      UnitMention p = place(start, end);
      if (p != null && fits(p, levelWord)) return p;
      if (p != null && p.parentName() != null) {
        for (UnitMention u : units) {
          if (fits(u, levelWord) && p.parentName().equals(u.canonicalName())) return u;
        }
      }
      UnitMention before = null;
      UnitMention after = null;
      for (UnitMention u : units) {
        if (!fits(u, levelWord)) continue;
        if (u.end() <= start && (before == null || u.end() > before.end())) before = u;
        if (u.start() >= end && (after == null || u.start() < after.start())) after = u;
      }
      return before != null ? before : after;
    }

    private static boolean fits(UnitMention u, String levelWord) {
      Level l = u.level();
      String name = u.canonicalName() == null ? u.surface() : u.canonicalName();
      return switch (levelWord) {
        case "省" -> l == Level.PROVINCE;
        case "州" -> l == Level.PREFECTURE;
        case "市" -> l == Level.PREFECTURE || l == Level.COUNTY && name.endsWith("市");
        case "县", "区" -> l == Level.COUNTY;
        case "镇", "乡", "街道" -> l == Level.TOWNSHIP;
        default -> l == Level.VILLAGE;
      };
    }
  }
}
