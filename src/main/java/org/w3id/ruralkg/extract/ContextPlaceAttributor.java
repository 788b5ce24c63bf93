package org.w3id.ruralkg.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3id.ruralkg.common.Wordlist;
import org.w3id.ruralkg.link.Division;
import org.w3id.ruralkg.link.Gazetteer;
import org.w3id.ruralkg.link.Level;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.Segmenter;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.nlp.Token;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Paragraph;

/**
 * Attributes a span of an article to the unit it is about. Needs the page text, the article's
 * sentences and unit mentions; thread-safe and immutable.
 *
 * <p>The place of a span is the most specific unit the same sentence names before it (else after
 * it), else the unit the paragraph is about so far, else the article's topic (what its title names,
 * else the unit it names most). Not every mention is a place the sentence is about:
 *
 * <ul>
 *   <li>a unit that only names a person's post (红光社区党支部书记鲜波) or starts a company's name
 *       (巧家县洪邦农业发展有限公司) is passed over;
 *   <li>units listed together (金塘、蒙姑等沿江乡镇; 玉屏街道、白鹤滩街道等地) stand for the unit that encloses them all,
 *       when the gazetteer knows one;
 *   <li>a sentence's unit gives way to the paragraph's when the paragraph's lies within it;
 *   <li>a unit after the preposition 从/自 (她和家人从矿山镇泗水村搬进…) is where someone came from, not a place
 *       of the story: HanLP's segmenter tells the preposition from words ending in it.
 * </ul>
 */
public final class ContextPlaceAttributor implements PlaceAttributor {
  /** What may follow a unit that only names someone's post. */
  private static final Pattern POST =
      Pattern.compile(
          "^(?:党(?:总支|支部|委|工委)?|村委会|居委会|两委)?(?:第一)?(?:副)?(?:书记|主任|支书|主席|镇长|乡长|县长|市长|村长|站长)");

  /**
   * A body's name that a unit begins: CJK run (no punctuation) ending in a head of
   * lexicon/body-name-heads.txt.
   */
  private static final Pattern BODY =
      Pattern.compile(
          "^[\\p{IsHan}A-Za-z0-9]{0,16}?(?:"
              + String.join("|", Wordlist.words("body-name-heads.txt"))
              + ")");

  /** A unit's own party committee or government right after its name: 义乌市委, 信丰县政府. */
  private static final Pattern OWN_BODY =
      Pattern.compile("^(?:委|党委|党工委|人民政府|政府)(?!书记|副|常委|组织部|宣传部)");

  private static final String LIST_JOINERS = "、和及与";
  private static final String CLAUSE_BREAKS = ",，;；:：。！？!?";
  private static final java.util.Set<String> DESTINATION_BEFORE =
      Wordlist.words("destination-cues.tsv", "before");
  private static final java.util.Set<String> DESTINATION_AFTER =
      Wordlist.words("destination-cues.tsv", "after");

  /** Frames around a unit named as a model to compare with or learn from (跟山东寿光等地比): "A…B". */
  private static final List<String[]> MODEL_FRAMES =
      Wordlist.words("destination-cues.tsv", "around").stream()
          .map(f -> f.split("…", 2))
          .filter(f -> f.length == 2)
          .toList();

  /** Words that make a sentence a general statement: lexicon/general-scope-cues.txt. */
  private static final java.util.Set<String> GENERAL = Wordlist.words("general-scope-cues.txt");

  /** Words that may stand before a unit opening a clause: 在, 走进, 来到. */
  private static final List<String> CLAUSE_LEADS = List.of("走进", "来到", "在");

  private final String text;
  private final Sentence[] sentences;
  private final int[] sentenceStarts;
  private final Paragraph[] paragraphs;
  private final int[] paragraphStarts;
  private final List<UnitMention> places;
  private final int[] placeStarts;
  private final Gazetteer gazetteer;
  private final Segmenter segmenter;
  private final UnitMention topic;

  /** Whether the topic is what the title names (else it is only the unit named most). */
  private final boolean topicFromTitle;

  /**
   * Whether every place the article names lies in one prefecture: a local story is about its topic
   * throughout, a round-up moving between provinces is not.
   */
  private final boolean localStory;

  private final Map<UnitMention, List<UnitMention>> listMembers = new java.util.IdentityHashMap<>();

  /** Units the article opens a clause with: {@link #clauseOpeners}. */
  private final java.util.Set<String> clauseOpeners;

  /** Units that only name a post: a place of last resort, before the article's topic. */
  private final List<UnitMention> posts = new ArrayList<>();

  /**
   * @param segmenter tells an origin preposition (从, 自) before a unit from a word ending in it
   */
  public ContextPlaceAttributor(
      String text,
      Article article,
      List<Sentence> sentences,
      List<UnitMention> units,
      int titleEnd,
      Gazetteer gazetteer,
      Segmenter segmenter) {
    this.text = text;
    this.segmenter = segmenter;
    this.gazetteer = gazetteer;
    this.sentences =
        sentences.stream()
            .sorted((a, b) -> Integer.compare(a.start(), b.start()))
            .toArray(Sentence[]::new);
    this.sentenceStarts = Arrays.stream(this.sentences).mapToInt(Sentence::start).toArray();
    this.paragraphs =
        article.paragraphs().stream()
            .sorted((a, b) -> Integer.compare(a.start(), b.start()))
            .toArray(Paragraph[]::new);
    this.paragraphStarts = Arrays.stream(this.paragraphs).mapToInt(Paragraph::start).toArray();
    List<UnitMention> sorted =
        units.stream().sorted((a, b) -> Integer.compare(a.start(), b.start())).toList();
    this.places = placesOf(sorted);
    this.placeStarts = places.stream().mapToInt(UnitMention::start).toArray();
    this.topic = topicOf(this.places, titleEnd);
    this.topicFromTitle = topic != null && topic.start() < titleEnd;
    this.localStory = withinOnePrefecture(this.places);
    this.clauseOpeners = clauseOpeners();
  }

  public UnitMention topic() {
    return topic;
  }

  /**
   * The units a place stands for: the listed units when the place is the unit enclosing a list (a
   * programme run in 玉屏街道、白鹤滩街道 is run in each), else the place itself.
   */
  public List<UnitMention> membersOf(UnitMention place) {
    if (place == null) return java.util.Collections.singletonList(null);
    return listMembers.getOrDefault(place, List.of(place));
  }

  /** Where a place was found, nearest first: the confidence of a fact's place follows it. */
  public enum Scope {
    SENTENCE,
    PARAGRAPH,
    POST,
    CARRIED,
    TOPIC,
    NONE
  }

  /** A place and where it was found. */
  public record Placed(UnitMention place, Scope scope) {}

  @Override
  public UnitMention placeFor(int start, int end) {
    return placeFor(start, end, true);
  }

  /** As {@link #placeFor}, with the scope the place came from. */
  public Placed placed(int start, int end) {
    UnitMention[] scope = new UnitMention[Scope.values().length];
    UnitMention p = placeFor(start, end, true, scope);
    for (Scope sc : Scope.values())
      if (sc != Scope.NONE && scope[sc.ordinal()] == p && p != null) return new Placed(p, sc);
    return new Placed(p, Scope.NONE);
  }

  /**
   * As {@link #placeFor}, but a statement whose paragraph names no place is carried no further than
   * from the paragraph just before, and only from a township or village: a programme or industry
   * mentioned in general terms (全面推进乡村振兴) is carried out nowhere in particular.
   */
  public UnitMention placeNamedAround(int start, int end) {
    return placeFor(start, end, false);
  }

  private UnitMention placeFor(int start, int end, boolean carry) {
    return placeFor(start, end, carry, null);
  }

  /**
   * @param seen when given, the candidate of each scope is recorded at its ordinal
   */
  private UnitMention placeFor(int start, int end, boolean carry, UnitMention[] seen) {
    Sentence s = sentenceAt(start);
    Paragraph p = paragraphAt(start);
    UnitMention inSentence = null;
    if (s != null) {
      // a unit in the span's own clause is what the span is about (木杆镇竹文旅); otherwise the
      // sentence's most specific unit before the span, else after it
      inSentence = overlapping(start, end);
      if (inSentence == null) inSentence = last(between(clauseStart(s.start(), start), start));
      if (inSentence == null) inSentence = mostSpecific(between(s.start(), start));
      // after the span, the nearest unit: 以工代赈项目…完善马树镇草皮地村… is about 马树镇
      if (inSentence == null) inSentence = first(between(end, s.end()));
    }
    UnitMention inParagraph = null;
    if (p != null) inParagraph = lastSentenceUnit(p.start(), s != null ? s.start() : start);
    // a speaker's unit (李老家乡党委副书记侯让东说) named after the paragraph's last place: a sentence
    // naming no unit of its own goes on about the speaker's unit
    UnitMention speaker = p == null ? null : lastPost(p.start(), s != null ? s.start() : start);
    if (speaker != null && inParagraph != null && speaker.start() < inParagraph.end())
      speaker = null;
    if (seen != null) {
      seen[Scope.SENTENCE.ordinal()] = inSentence;
      seen[Scope.PARAGRAPH.ordinal()] = inParagraph;
      seen[Scope.TOPIC.ordinal()] = topic;
    }
    if (inSentence != null) {
      // a narrower unit just named refines the sentence's, unless the sentence's unit acts through
      // its own party committee or government (义乌市委、市政府深化实施…): then the place is the whole unit
      if (inParagraph != null
          && isWithin(inParagraph, inSentence)
          && !actsThroughItsBodies(inSentence)) return inParagraph;
      return inSentence;
    }
    if (speaker != null) {
      if (seen != null) seen[Scope.POST.ordinal()] = speaker;
      return speaker;
    }
    if (inParagraph != null) return inParagraph;
    // 团结村党总支书记李建坤告诉记者…: with no other place at hand, the post's unit is the place
    UnitMention post = p == null ? null : lastPost(p.start(), s != null ? s.end() : end);
    // “…争积分…。”团结村党总支书记李建坤告诉记者: a quotation's speaker is named after it
    if (post == null && p != null && s != null && quoted(s)) post = firstPost(s.end(), p.end());
    if (post != null) {
      if (seen != null) seen[Scope.POST.ordinal()] = post;
      return post;
    }
    if (!carry) {
      // a story told over paragraphs (在…晋家坡村，… / “农民夜校”办得火热): the township or village the
      // paragraph before ended in, unless the sentence speaks of many places (各地…)
      if (s != null && isGeneral(s)) return null;
      UnitMention before = p == null ? null : previousParagraphs(p);
      if (before != null) return before;
      return topicFromTitle || localStory ? topic : null;
    }
    // the place the article last talked about carries forward until another takes over
    UnitMention carried =
        p != null && paragraphs.length > 0
            ? lastSentenceUnit(paragraphs[0].start(), p.start())
            : null;
    // a story whose title names its unit (蹲点刘庄村) carries only places within that unit: a unit
    // named in passing elsewhere (上浙江台州大儿子家, 前些年他在利民镇…) does not take over the story
    if (carried != null
        && topicFromTitle
        && carried != topic
        && !carried.key().equals(topic.key())
        && !isWithin(carried, topic)
        && !clauseOpeners.contains(carried.key())) carried = null;
    if (seen != null) seen[Scope.CARRIED.ordinal()] = carried;
    return carried != null ? carried : topic;
  }

  /**
   * The mentions that can be a sentence's place: posts and company-name prefixes dropped, a list of
   * units replaced by the unit enclosing them all (at the list's position), or dropped when nothing
   * encloses them.
   */
  private List<UnitMention> placesOf(List<UnitMention> units) {
    List<UnitMention> out = new ArrayList<>();
    int originEnd = -1;
    int i = 0;
    while (i < units.size()) {
      int j = i;
      while (j + 1 < units.size() && listed(units.get(j), units.get(j + 1))) j++;
      if (j > i) {
        UnitMention enclosing = enclosing(units.subList(i, j + 1));
        if (enclosing != null && !isDestination(enclosing)) {
          out.add(enclosing);
          listMembers.put(enclosing, List.copyOf(units.subList(i, j + 1)));
        }
      } else if (isDestination(units.get(i))) {
        // where people go to work or goods are sold is not where the fact happens
      } else if (isOrigin(units.get(i)) || units.get(i).start() == originEnd) {
        // where someone moved from is not where the fact happens (nor the units written after it:
        // 从矿山镇泗水村)
        originEnd = units.get(i).end();
      } else if (namesPost(units.get(i))) {
        posts.add(units.get(i));
      } else if (!startsBodyName(units.get(i))) {
        out.add(units.get(i));
      }
      i = j + 1;
    }
    return out;
  }

  /**
   * Two mentions in one list: only a joiner (、和及与) between them, or a shared-suffix list (金塘、蒙姑).
   */
  private boolean listed(UnitMention a, UnitMention b) {
    if (b.start() <= a.end() || b.start() - a.end() > 2) return false;
    String between = text.substring(a.end(), b.start());
    return !between.isEmpty()
        && between.chars().allMatch(c -> LIST_JOINERS.indexOf(c) >= 0 || c == ' ');
  }

  /** 销往广东、浙江等地, 到浙江务工: a destination cue before the unit in its clause, or right after it. */
  private boolean isDestination(UnitMention u) {
    String before = text.substring(clauseStart(Math.max(0, u.start() - 40), u.start()), u.start());
    for (String cue : DESTINATION_BEFORE) if (before.contains(cue)) return true;
    String after = text.substring(u.end(), Math.min(text.length(), u.end() + 6));
    int stop = firstBreak(after);
    for (String cue : DESTINATION_AFTER) {
      int at = after.indexOf(cue);
      if (at >= 0 && at < stop) return true;
    }
    String near = text.substring(u.end(), Math.min(text.length(), u.end() + 12));
    near = near.substring(0, firstBreak(near));
    for (String[] frame : MODEL_FRAMES)
      if (before.contains(frame[0]) && near.contains(frame[1])) return true;
    return false;
  }

  private static int firstBreak(String s) {
    for (int i = 0; i < s.length(); i++)
      if (CLAUSE_BREAKS.indexOf(s.charAt(i)) >= 0 || "。！？".indexOf(s.charAt(i)) >= 0) return i;
    return s.length();
  }

  private boolean isOrigin(UnitMention u) {
    if (segmenter == null || u.start() == 0) return false;
    char c = text.charAt(u.start() - 1);
    if (c != '从' && c != '自') return false;
    Token before = segmenter.wordBefore(text, u.start());
    return before != null && before.length() == 1 && before.pos().equals("p");
  }

  /**
   * The keys of the units some mention of which opens a clause (，彝良县创新建立…; 在…咀头村，…): the story is
   * about them there, rather than naming them in passing (他在利民镇一家企业…, 上浙江台州大儿子家).
   */
  private java.util.Set<String> clauseOpeners() {
    java.util.Set<String> out = new java.util.HashSet<>();
    Map<Integer, UnitMention> byEnd = new HashMap<>();
    for (UnitMention u : places) if (u.start() < u.end()) byEnd.putIfAbsent(u.end(), u);
    for (UnitMention u : places) {
      int k = u.start();
      // 河南商丘市: the chain of units the mention ends opens the clause
      for (UnitMention before = byEnd.get(k); before != null; before = byEnd.get(k))
        k = before.start();
      for (String lead : CLAUSE_LEADS)
        if (k >= lead.length() && text.startsWith(lead, k - lead.length())) {
          k -= lead.length();
          break;
        }
      if (k == 0
          || CLAUSE_BREAKS.indexOf(text.charAt(k - 1)) >= 0
          || "\n 　".indexOf(text.charAt(k - 1)) >= 0) out.add(u.key());
    }
    return out;
  }

  /** The township or village named last in the paragraph before p, or null. */
  private UnitMention previousParagraphs(Paragraph p) {
    int k = floor(paragraphStarts, p.start());
    if (k <= 0) return null;
    UnitMention u = lastSentenceUnit(paragraphs[k - 1].start(), paragraphs[k - 1].end());
    return u != null && u.level().ordinal() >= Level.TOWNSHIP.ordinal() ? u : null;
  }

  private static boolean isGeneral(Sentence s) {
    for (String cue : GENERAL) if (s.text().contains(cue)) return true;
    return false;
  }

  private boolean actsThroughItsBodies(UnitMention u) {
    return OWN_BODY.matcher(text.subSequence(u.end(), Math.min(text.length(), u.end() + 5))).find();
  }

  private boolean namesPost(UnitMention u) {
    return POST.matcher(text.subSequence(u.end(), Math.min(text.length(), u.end() + 12))).find();
  }

  private boolean startsBodyName(UnitMention u) {
    return BODY.matcher(text.subSequence(u.end(), Math.min(text.length(), u.end() + 24))).find();
  }

  /**
   * The lowest unit enclosing every listed one, as a mention spanning the list; null if unknown.
   */
  private UnitMention enclosing(List<UnitMention> list) {
    List<Division> common = null;
    for (UnitMention u : list) {
      if (u.division() == null) return null;
      List<Division> chain = chain(u.division());
      chain.remove(0); // the unit itself does not enclose its siblings
      if (common == null) common = chain;
      else common.retainAll(chain);
    }
    if (common == null || common.isEmpty()) return null;
    Division d = common.get(0);
    Division parent = gazetteer.parent(d.code()).orElse(null);
    UnitMention first = list.get(0), last = list.get(list.size() - 1);
    return new UnitMention(
        first.start(),
        last.end(),
        text.substring(first.start(), last.end()),
        d.level(),
        d.name(),
        d,
        parent == null ? null : parent.name(),
        0.5);
  }

  private boolean withinOnePrefecture(List<UnitMention> units) {
    String prefecture = null;
    for (UnitMention u : units) {
      if (u.division() == null) continue;
      Division p = null;
      for (Division d : chain(u.division())) if (d.level() == Level.PREFECTURE) p = d;
      if (p == null) return false; // a province or a unit outside any prefecture
      if (prefecture == null) prefecture = p.code();
      else if (!prefecture.equals(p.code())) return false;
    }
    return prefecture != null;
  }

  /** The division and its ancestors, nearest first. */
  private List<Division> chain(Division d) {
    List<Division> out = new ArrayList<>();
    out.add(d);
    out.addAll(gazetteer.ancestors(d.code()));
    return out;
  }

  private boolean quoted(Sentence s) {
    int open = s.text().indexOf('“');
    return open >= 0 && open <= 1;
  }

  /** The first unit in [from, to) that only names a post, or null. */
  private UnitMention firstPost(int from, int to) {
    for (UnitMention u : posts) if (u.start() >= from && u.end() <= to) return u;
    return null;
  }

  /** The last unit in [from, to) that only names a post (李老家乡党委副书记), or null. */
  private UnitMention lastPost(int from, int to) {
    for (int k = posts.size() - 1; k >= 0; k--) {
      UnitMention u = posts.get(k);
      if (u.start() >= from && u.end() <= to) return u;
    }
    return null;
  }

  /** The most specific unit of the last sentence in [from, to) that names one. */
  private UnitMention lastSentenceUnit(int from, int to) {
    List<UnitMention> in = between(from, to);
    if (in.isEmpty()) return null;
    Sentence last = sentenceAt(in.get(in.size() - 1).start());
    if (last == null) return in.get(in.size() - 1);
    return mostSpecific(between(Math.max(from, last.start()), Math.min(to, last.end())));
  }

  private List<UnitMention> between(int from, int to) {
    List<UnitMention> out = new ArrayList<>();
    // binary search to the first place at or after from: a fact costs log(units), not units
    int lo = 0, hi = placeStarts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (placeStarts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    for (int k = lo; k < places.size() && places.get(k).start() < to; k++) {
      if (places.get(k).end() <= to) out.add(places.get(k));
    }
    return out;
  }

  /** A unit whose last characters the span shares (夏阳村集体经济: 夏阳村 and 村集体经济), or null. */
  private UnitMention overlapping(int start, int end) {
    int k = Arrays.binarySearch(placeStarts, start);
    k = k >= 0 ? k - 1 : -k - 2;
    if (k < 0) return null;
    UnitMention u = places.get(k);
    return u.end() > start && u.end() <= end ? u : null;
  }

  private static UnitMention first(List<UnitMention> us) {
    return us.isEmpty() ? null : us.get(0);
  }

  private static UnitMention last(List<UnitMention> us) {
    return us.isEmpty() ? null : us.get(us.size() - 1);
  }

  /**
   * Where the clause holding {@code offset} starts: after the last ,;: before it in the sentence.
   */
  private int clauseStart(int sentenceStart, int offset) {
    for (int i = offset - 1; i >= sentenceStart; i--) {
      if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) return i + 1;
    }
    return sentenceStart;
  }

  /**
   * The deepest level wins; among equals, the last named (nearest to what follows), except that a
   * unit named outright beats a list standing for the same level (巧家县…整合金塘、蒙姑等乡镇).
   */
  private UnitMention mostSpecific(List<UnitMention> us) {
    UnitMention best = null;
    for (UnitMention u : us) {
      if (best == null || u.level().ordinal() > best.level().ordinal()) best = u;
      else if (u.level() == best.level()
          && !(listMembers.containsKey(u) && !listMembers.containsKey(best))) best = u;
    }
    return best;
  }

  /** True when {@code inner} lies strictly within {@code outer} by the gazetteer's parent chain. */
  private boolean isWithin(UnitMention inner, UnitMention outer) {
    if (inner.division() == null || outer.division() == null) return false;
    String target = outer.division().code();
    List<Division> chain = chain(inner.division());
    for (int k = 1; k < chain.size(); k++) if (chain.get(k).code().equals(target)) return true;
    return false;
  }

  private Sentence sentenceAt(int offset) {
    int i = floor(sentenceStarts, offset);
    return i >= 0 && offset < sentences[i].end() ? sentences[i] : null;
  }

  private Paragraph paragraphAt(int offset) {
    int i = floor(paragraphStarts, offset);
    return i >= 0 && offset < paragraphs[i].end() ? paragraphs[i] : null;
  }

  private static int floor(int[] starts, int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -i - 2;
  }

  /** The unit the title names (most specific), else the unit named most often in the article. */
  private static UnitMention topicOf(List<UnitMention> units, int titleEnd) {
    UnitMention inTitle = null;
    Map<String, Integer> counts = new HashMap<>();
    Map<String, UnitMention> first = new HashMap<>();
    for (UnitMention u : units) {
      if (u.start() < titleEnd
          && (inTitle == null || u.level().ordinal() > inTitle.level().ordinal())) inTitle = u;
      counts.merge(u.key(), 1, Integer::sum);
      first.putIfAbsent(u.key(), u);
    }
    if (inTitle != null) return inTitle;
    String best = null;
    for (var e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) best = e.getKey();
    }
    return best == null ? null : first.get(best);
  }
}
