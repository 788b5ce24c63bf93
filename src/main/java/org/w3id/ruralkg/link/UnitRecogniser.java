package org.w3id.ruralkg.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.ruralkg.common.Wordlist;
import org.w3id.ruralkg.nlp.DictionaryMatcher;
import org.w3id.ruralkg.nlp.Segmenter;
import org.w3id.ruralkg.nlp.Token;

/**
 * Finds the administrative-unit mentions of one text segment (a title or a paragraph): needs a
 * {@link Gazetteer}, adds {@link Candidate}s with every division each mention may denote. Bare
 * short forms (巧家, 昭通) count only as standalone names; a unit written right after its parent but
 * absent from the gazetteer (永丰镇新社区) becomes a candidate without divisions. Thread-safe.
 */
public final class UnitRecogniser {
  /** Characters before a bare short form that leave it a standalone name (在巧家, 的巧家). */
  private static final String LEFT_OK = "在到赴从和与及同是为的对向往至了于据或";

  /** Characters after a bare short form that leave it a standalone name (巧家县, 昭通是, 巧家的). */
  private static final String RIGHT_OK = "县市州人的是以在将等和与及地籍各全为有把已正也还都共境又";

  /** Characters that never occur inside the name of a unit found only by its suffix. */
  private static final String STOP = "的了在是为有和与及等各全本该每这那此其个级区县市州省里外内以对把将被从向到于人党委府局所站队会部厅办要";

  /** Everyday words that look like a name plus a unit suffix: lexicon/generic-unit-words.txt. */
  private static final Set<String> GENERIC = Wordlist.words("generic-unit-words.txt");

  /**
   * Bare short forms that are also everyday words (安宁 peace, 威信 prestige, 古城 old town): they count
   * only before a unit word (安宁市 is matched whole anyway; 安宁人, 威信籍) or next to a related unit.
   */
  private static final Set<String> WEAK_SHORT_FORMS =
      Set.of(
          "安宁", "富民", "大同", "长治", "安康", "白银", "平坝", "古城", "西山", "白云", "江口", "朝阳", "白山", "黄山", "威信",
          "大方", "祥云", "红河", "弥勒", "麒麟", "大关", "水城", "万山", "钟山", "天柱", "独山", "龙里", "长顺", "清镇", "开阳",
          "修文", "海口", "北海", "中山", "阿里", "山南", "金沙", "五华", "盘龙", "马龙", "罗平", "广安", "乐山", "永平", "永胜",
          "南华", "建水", "石屏", "马关", "广南", "海东", "定西", "三明", "南明", "花溪", "云岩", "乌当", "东川", "官渡", "黑河",
          "大庆", "吉安", "泰安", "延安", "常德", "宣威", "文山");

  private static final String WEAK_RIGHT_OK = "县市州区人籍境";
  private static final Pattern UNIT_SUFFIX =
      Pattern.compile("([\\u4e00-\\u9fff]{1,5}?)(村民委员会|居民委员会|村委会|居委会|社区|街道|村|镇|乡)");

  /** 金塘、蒙姑等沿江乡镇 / 金钟、钟屏、以礼3个街道: bare township names listed before a generic noun. */
  private static final Pattern TOWNSHIP_LIST =
      Pattern.compile(
          "([\\u4e00-\\u9fff]{2,3})((?:、[\\u4e00-\\u9fff&&[^等、]]{2,3})+)(?:等)?(?:[0-9一二三四五六七八九十两]+个)?"
              + "[\\u4e00-\\u9fff]{0,4}?(乡镇|街道|乡|镇)");

  /** A list whose items may each open with a township's bare name: 东姚小米、茶店菊花、横水红薯. */
  private static final Pattern ORIGIN_LIST =
      Pattern.compile("[\\u4e00-\\u9fff&&[^等、]]{3,}(?:、[\\u4e00-\\u9fff&&[^等、]]{3,5})+");

  private static final String[] VILLAGE_TAILS = {"村民委员会", "民委员会", "委会"};
  private static final String[] COMMUNITY_TAILS = {"居民委员会", "居委会"};

  /** What only a real village or community has: its committee, its party organisation. */
  private static final Set<String> VILLAGE_BODIES = Wordlist.words("village-bodies.txt");

  private final Gazetteer gazetteer;

  private final Segmenter segmenter;

  /**
   * A recogniser over {@code gazetteer}; {@code segmenter} (the dictionary one) checks that a bare
   * short form stands alone.
   */
  public UnitRecogniser(Gazetteer gazetteer, Segmenter segmenter) {
    this.gazetteer = gazetteer;
    this.segmenter = segmenter;
  }

  /** Candidates of {@code text}, a segment that starts at {@code offset} in the page text. */
  List<Candidate> recognise(String text, int offset) {
    List<DictionaryMatcher.Hit<Alias>> all = gazetteer.findAll(text);
    // longest keyword first, then leftmost: 玉屏街道 beats 玉屏, 伍寨彝族苗族乡 beats 伍寨
    List<DictionaryMatcher.Hit<Alias>> byLength = new ArrayList<>(all);
    byLength.sort(
        Comparator.<DictionaryMatcher.Hit<Alias>>comparingInt(h -> -h.length())
            .thenComparingInt(h -> h.start()));
    boolean[] taken = new boolean[text.length()];
    List<DictionaryMatcher.Hit<Alias>> chosen = new ArrayList<>();
    for (DictionaryMatcher.Hit<Alias> h : byLength) {
      boolean free = true;
      for (int i = h.start(); i < h.end() && free; i++) free = !taken[i];
      if (!free) continue;
      for (int i = h.start(); i < h.end(); i++) taken[i] = true;
      chosen.add(h);
    }
    chosen.sort(Comparator.comparingInt(DictionaryMatcher.Hit::start));

    List<Candidate> found = new ArrayList<>(chosen.size());
    for (DictionaryMatcher.Hit<Alias> h : chosen) {
      int end = extendCommittee(text, h);
      List<Division> divisions = divisionsOf(h.value());
      // the country has 620,000 villages, many named like everyday words (示范村, 壮大村): a name that
      // only villages bear counts only where the text supports it: an enclosing unit links it, or
      // its own committee or party branch follows (团结村党总支)
      boolean needsLink = onlyVillages(divisions) && !startsWithAny(text, end, VILLAGE_BODIES);
      found.add(
          new Candidate(
              h.start(),
              end,
              text.substring(h.start(), end),
              divisions,
              h.value().anyBare(),
              needsLink));
    }
    List<Candidate> kept = validate(text, found);
    addChained(text, kept);
    addTownshipLists(text, kept);
    addOriginLists(text, kept);
    addProvinceGroups(text, kept);
    kept.sort(Comparator.comparingInt(c -> c.start));
    List<Candidate> out = new ArrayList<>(kept.size());
    for (Candidate c : kept) {
      Candidate shifted =
          new Candidate(
              c.start + offset, c.end + offset, c.surface, c.divisions, c.bare, c.needsLink);
      shifted.inGroup = c.inGroup;
      out.add(shifted);
    }
    // re-link chain parents on the shifted copies
    for (int i = 1; i < out.size(); i++) {
      Candidate prev = out.get(i - 1);
      Candidate cur = out.get(i);
      if (prev.end == cur.start && isHigher(prev, cur)) cur.chainParent = prev;
    }
    return out;
  }

  private static boolean startsWithAny(String text, int at, Set<String> words) {
    for (String w : words) if (text.startsWith(w, at)) return true;
    return false;
  }

  private static boolean onlyVillages(List<Division> divisions) {
    for (Division d : divisions) if (d.level() != Level.VILLAGE) return false;
    return !divisions.isEmpty();
  }

  private static List<Division> divisionsOf(Alias a) {
    List<Division> ds = new ArrayList<>(a.entries().size());
    for (Alias.Entry e : a.entries()) ds.add(e.division());
    return ds;
  }

  /** 木桥村 + 民委员会, 海口社区 + 居民委员会: the written committee form belongs to the mention. */
  private static int extendCommittee(String text, DictionaryMatcher.Hit<Alias> h) {
    String key = h.key();
    String[] tails =
        key.endsWith("村") ? VILLAGE_TAILS : key.endsWith("社区") ? COMMUNITY_TAILS : null;
    if (tails == null) return h.end();
    for (String t : tails) if (text.startsWith(t, h.end())) return h.end() + t.length();
    return h.end();
  }

  /** Drops bare short forms and two-character names that are not standalone names here. */
  private List<Candidate> validate(String text, List<Candidate> found) {
    List<Candidate> kept = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      Candidate c = found.get(i);
      Candidate prev = i > 0 ? found.get(i - 1) : null;
      Candidate next = i + 1 < found.size() ? found.get(i + 1) : null;
      boolean chained =
          (prev != null && prev.end == c.start && encloses(prev, c))
              || (next != null && next.start == c.end && encloses(c, next));
      if (c.surface.endsWith("村")
          && c.end < text.length()
          && text.charAt(c.end) == '民'
          && !chained) {
        continue; // 团结村民 = "unite the villagers"
      }
      if (c.surface.endsWith("乡")
          && c.end < text.length()
          && "镇村风".indexOf(text.charAt(c.end)) >= 0
          && !chained) {
        continue; // 沿江乡镇 riverside townships, 发展乡村 develop the countryside, 文明乡风 mores
      }
      if (GENERIC.contains(c.surface) && onlyVillages(c.divisions) && !chained)
        continue; // 新农村 is also a village name somewhere
      if (!chained && onlyBareCounty(c) && isEverydayWord(text, c)) {
        // 资源, 和平: a bare county name that is also a word counts only where a unit above it
        // links it (narrowed like a village); 巧家, 安吉 are no words and stand on their own
        c = new Candidate(c.start, c.end, c.surface, c.divisions, c.bare, true);
      }
      boolean strict = c.surface.length() <= 2 || (c.bare && onlyBare(c));
      if (strict && !chained && !standalone(text, c, kept)) continue;
      kept.add(c);
    }
    return kept;
  }

  /** HanLP reads the span as a place name and the next word as a verb or an adverb. */
  private boolean isSubjectOfVerb(String text, Candidate c) {
    Token w = segmenter.wordAt(text, c.start, c.end);
    Token next = segmenter.wordAfter(text, c.end);
    return w != null
        && w.posStartsWith("ns")
        && next != null
        && (next.posStartsWith("v") || next.posStartsWith("d"));
  }

  /** HanLP's dictionary reads the span as one word that is not a place name. */
  private boolean isEverydayWord(String text, Candidate c) {
    Token w = segmenter.wordAt(text, c.start, c.end);
    return w != null && !w.posStartsWith("ns");
  }

  private boolean onlyBareCounty(Candidate c) {
    Alias a = gazetteer.alias(c.surface);
    if (a == null || !c.bare) return false;
    for (Alias.Entry e : a.entries())
      if (!e.bare() || e.division().level() != Level.COUNTY) return false;
    return true;
  }

  private boolean onlyBare(Candidate c) {
    Alias a = gazetteer.alias(c.surface);
    if (a == null) return false;
    for (Alias.Entry e : a.entries()) if (!e.bare()) return false;
    return c.surface.length() <= 2;
  }

  private boolean standalone(String text, Candidate c, List<Candidate> kept) {
    boolean left =
        c.start == 0
            || !UnitNames.isHan(text.charAt(c.start - 1))
            || LEFT_OK.indexOf(text.charAt(c.start - 1)) >= 0;
    boolean right =
        c.end == text.length()
            || !UnitNames.isHan(text.charAt(c.end))
            || RIGHT_OK.indexOf(text.charAt(c.end)) >= 0;
    if (WEAK_SHORT_FORMS.contains(c.surface)) {
      left = true;
      right = c.end < text.length() && WEAK_RIGHT_OK.indexOf(text.charAt(c.end)) >= 0;
    }
    if (left && right) return true;
    // a province's short form before a clean right side (输出广东、江浙) needs no clean left, also one
    // another unit shares (整个河南8个: 河南蒙古族自治县 too), which linking then resolves
    if (right && c.divisions.stream().anyMatch(d -> d.level() == Level.PROVINCE)) return true;
    // ，河南深化乡镇机构改革: a province's short form opening a clause as the subject of a verb
    if (c.start > 0
        && !UnitNames.isHan(text.charAt(c.start - 1))
        && c.divisions.stream().anyMatch(d -> d.level() == Level.PROVINCE)
        && isSubjectOfVerb(text, c)) return true;
    // 东莞、中山建立: an item of an enumeration whose previous item is a unit
    if (left && c.start > 0 && text.charAt(c.start - 1) == '、' && !kept.isEmpty()) {
      return kept.get(kept.size() - 1).end == c.start - 1;
    }
    return false;
  }

  /** Whether some division of {@code outer} encloses some division of {@code inner}. */
  private boolean encloses(Candidate outer, Candidate inner) {
    for (Division o : outer.divisions)
      for (Division i : inner.divisions) if (gazetteer.isAncestor(o.code(), i.code())) return true;
    return false;
  }

  private static boolean isHigher(Candidate a, Candidate b) {
    Level la = a.level();
    Level lb = b.level();
    return la != null && lb != null && la.ordinal() < lb.ordinal();
  }

  /**
   * After a county or township, a name ending in a lower unit suffix is that unit: a child from the
   * gazetteer when one has that name (马树镇木桥村, 某镇新村), else a unit the gazetteer lacks.
   */
  private void addChained(String text, List<Candidate> kept) {
    for (int i = 0; i < kept.size(); i++) {
      Candidate c = kept.get(i);
      if (c.end >= text.length()) continue;
      Candidate next = i + 1 < kept.size() ? kept.get(i + 1) : null;
      if (next != null && next.start == c.end) continue;
      Level parentLevel = c.level();
      if (parentLevel == null
          || parentLevel.ordinal() < Level.COUNTY.ordinal()
          || parentLevel == Level.VILLAGE) continue;
      Candidate child = chainedChild(text, c, next == null ? text.length() : next.start);
      if (child != null) kept.add(i + 1, child);
    }
  }

  private Candidate chainedChild(String text, Candidate parent, int limit) {
    Matcher m = UNIT_SUFFIX.matcher(text);
    m.region(parent.end, Math.min(limit, Math.min(text.length(), parent.end + 10)));
    // longest gazetteer child first
    for (int len = Math.min(8, limit - parent.end); len >= 2; len--) {
      String s = text.substring(parent.end, parent.end + len);
      String canonical = UnitNames.canonicalVillage(s);
      for (Division p : parent.divisions) {
        var hit = gazetteer.child(p.code(), canonical);
        if (hit.isPresent() && hit.get().level().ordinal() > p.level().ordinal()) {
          return new Candidate(parent.end, parent.end + len, s, List.of(hit.get()), false, false);
        }
      }
    }
    if (!m.lookingAt()) return null;
    String name = m.group(1);
    String whole = m.group();
    for (int k = 0; k < name.length(); k++) if (STOP.indexOf(name.charAt(k)) >= 0) return null;
    if (GENERIC.contains(whole) || GENERIC.contains(UnitNames.canonicalVillage(whole))) return null;
    // 信丰县发动村里党员, 某县村民: an unknown "village" whose 村 starts 村里/村民 is no village
    if (whole.endsWith("村") && m.end() < text.length() && "民里".indexOf(text.charAt(m.end())) >= 0)
      return null;
    if (whole.endsWith("乡") && m.end() < text.length() && "镇村风".indexOf(text.charAt(m.end())) >= 0)
      return null;
    Level level = UnitNames.levelOfSuffix(whole);
    Level parentLevel = parent.level();
    if (level == null || parentLevel == null || level.ordinal() <= parentLevel.ordinal())
      return null;
    return new Candidate(m.start(), m.end(), whole, List.of(), false, false);
  }

  private void addTownshipLists(String text, List<Candidate> kept) {
    if (text.indexOf('、') < 0) return;
    Matcher m = TOWNSHIP_LIST.matcher(text);
    while (m.find()) {
      List<int[]> spans = new ArrayList<>();
      int firstEnd = m.end(1);
      // the first item may be two or three characters: prefer the one that names a township
      int firstStart =
          gazetteer
                  .bareTownships(
                      text.substring(
                          firstEnd - 3 < m.start(1) ? m.start(1) : firstEnd - 3, firstEnd))
                  .isEmpty()
              ? firstEnd - 2
              : Math.max(m.start(1), firstEnd - 3);
      spans.add(new int[] {firstStart, firstEnd});
      int p = m.start(2);
      String rest = m.group(2);
      for (String item : rest.substring(1).split("、")) {
        spans.add(new int[] {p + 1, p + 1 + item.length()});
        p += 1 + item.length();
      }
      for (int[] s : spans) {
        if (overlaps(kept, s[0], s[1])) continue;
        String name = text.substring(s[0], s[1]);
        List<Division> ds = gazetteer.bareTownships(name);
        if (ds.isEmpty()) continue;
        kept.add(new Candidate(s[0], s[1], name, ds, true, true));
      }
    }
  }

  /** Provinces named together by their one-character names: lexicon/province-groups.tsv. */
  private static final Map<String, List<String>> PROVINCE_GROUPS = provinceGroups();

  private static Map<String, List<String>> provinceGroups() {
    Map<String, List<String>> out = new HashMap<>();
    for (String[] row : Wordlist.rows("province-groups.tsv"))
      out.put(row[0], List.of(row[1].split(",")));
    return Map.copyOf(out);
  }

  private static final DictionaryMatcher<List<String>> GROUP_MATCHER =
      new DictionaryMatcher<>(PROVINCE_GROUPS);

  /** 江浙, 豫鲁皖: each character of a group is a mention of its province, where no unit is found. */
  private void addProvinceGroups(String text, List<Candidate> kept) {
    for (DictionaryMatcher.Hit<List<String>> h : GROUP_MATCHER.findLongest(text)) {
      boolean overlaps = false;
      for (Candidate c : kept) overlaps |= c.start < h.end() && h.start() < c.end;
      if (overlaps) continue;
      for (int k = 0; k < h.value().size(); k++) {
        int at = h.start() + k;
        Division d = gazetteer.byCode(h.value().get(k)).orElse(null);
        if (d == null) continue;
        Candidate c =
            new Candidate(at, at + 1, text.substring(at, at + 1), List.of(d), true, false);
        c.inGroup = true;
        kept.add(c);
      }
    }
  }

  /**
   * Products named after the townships they come from, in a list (东姚小米、茶店菊花、横水红薯、桂林辣椒): an item's
   * first two or three characters name a township where at least two items name townships of one
   * county. Each needs that county in the text to be linked.
   */
  private void addOriginLists(String text, List<Candidate> kept) {
    if (text.indexOf('、') < 0) return;
    Matcher m = ORIGIN_LIST.matcher(text);
    while (m.find()) {
      String[] items = m.group().split("、");
      List<int[]> spans = new ArrayList<>();
      List<List<Division>> found = new ArrayList<>();
      int p = m.start();
      for (int i = 0; i < items.length; i++) {
        // the first item starts somewhere in the run before the first 、: try three to five
        // characters
        int itemEnd = p + items[i].length();
        int[] starts = i == 0 ? new int[] {itemEnd - 5, itemEnd - 4, itemEnd - 3} : new int[] {p};
        for (int start : starts) {
          if (start < m.start()) continue;
          for (int len = 3; len >= 2; len--) {
            if (itemEnd - (start + len) < 1) continue;
            List<Division> ds = gazetteer.bareTownships(text.substring(start, start + len));
            if (ds.isEmpty()) continue;
            spans.add(new int[] {start, start + len, i});
            found.add(ds);
          }
        }
        p = itemEnd + 1;
      }
      // two different townships of one county (民主管理、民主决策 names one word twice, no township)
      Map<String, Set<String>> townshipsByCounty = new HashMap<>();
      for (List<Division> ds : found) {
        for (Division d : ds)
          townshipsByCounty.computeIfAbsent(d.parentCode(), x -> new HashSet<>()).add(d.code());
      }
      Set<Integer> done = new HashSet<>();
      for (int k = 0; k < spans.size(); k++) {
        int[] sp = spans.get(k);
        if (done.contains(sp[2])) continue;
        List<Division> ds =
            found.get(k).stream()
                .filter(d -> townshipsByCounty.get(d.parentCode()).size() >= 2)
                .toList();
        if (ds.isEmpty()) continue;
        // a bare short form found on the same characters (桂林 for 桂林市) gives way to the township
        kept.removeIf(c -> c.bare && c.start == sp[0] && c.end == sp[1]);
        if (overlaps(kept, sp[0], sp[1])) continue;
        kept.add(new Candidate(sp[0], sp[1], text.substring(sp[0], sp[1]), ds, true, true));
        done.add(sp[2]);
      }
    }
  }

  private static boolean overlaps(List<Candidate> kept, int start, int end) {
    for (Candidate c : kept) if (c.start < end && start < c.end) return true;
    return false;
  }
}
