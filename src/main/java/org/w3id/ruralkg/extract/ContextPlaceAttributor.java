package org.w3id.ruralkg.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.w3id.ruralkg.link.Division;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Paragraph;

/**
 * Attributes a span of an article to the unit it is about, from the article's unit mentions: the
 * most specific unit named in the same sentence before the span (else after it), else the unit
 * the paragraph is about so far, else the article's topic place (the unit its title names, else
 * the one it names most). A sentence's unit gives way to the paragraph's when the paragraph's lies
 * within it ("巧家县...公司的基地" in a paragraph about 马树镇 is about 马树镇). Immutable; thread-safe.
 */
public final class ContextPlaceAttributor implements PlaceAttributor {
  // sorted by start, with the starts alone for binary search: placeFor runs once per fact
  private final Sentence[] sentences;
  private final int[] sentenceStarts;
  private final Paragraph[] paragraphs;
  private final int[] paragraphStarts;
  private final List<UnitMention> units;
  private final int[] unitStarts;
  private final Function<String, Division> divisions;
  private final UnitMention topic;

  public ContextPlaceAttributor(Article article, List<Sentence> sentences, List<UnitMention> units, int titleEnd, Function<String, Division> divisions) {
    this.sentences = sentences.stream().sorted((a, b) -> Integer.compare(a.start(), b.start())).toArray(Sentence[]::new);
    this.sentenceStarts = java.util.Arrays.stream(this.sentences).mapToInt(Sentence::start).toArray();
    this.paragraphs = article.paragraphs().stream().sorted((a, b) -> Integer.compare(a.start(), b.start())).toArray(Paragraph[]::new);
    this.paragraphStarts = java.util.Arrays.stream(this.paragraphs).mapToInt(Paragraph::start).toArray();
    this.units = units.stream().sorted((a, b) -> Integer.compare(a.start(), b.start())).toList();
    this.unitStarts = this.units.stream().mapToInt(UnitMention::start).toArray();
    this.divisions = divisions;
    this.topic = topicOf(this.units, titleEnd);
  }

  public UnitMention topic() {
    return topic;
  }

  @Override
  public UnitMention placeFor(int start, int end) {
    Sentence s = sentenceAt(start);
    Paragraph p = paragraphAt(start);
    UnitMention inSentence = null;
    if (s != null) {
      inSentence = mostSpecific(between(s.start(), start));
      if (inSentence == null) inSentence = mostSpecific(between(end, s.end()));
    }
    UnitMention inParagraph = null;
    if (p != null) {
      int from = p.start();
      int to = s != null ? s.start() : start;
      inParagraph = lastSentenceUnit(from, to);
    }
    if (inSentence != null) {
      if (inParagraph != null && isWithin(inParagraph, inSentence)) return inParagraph;
      return inSentence;
    }
    if (inParagraph != null) return inParagraph;
    return topic;
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
    // first unit starting at or after from (leftmost among equal starts), then on while they start before to
    int lo = 0, hi = unitStarts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (unitStarts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    for (int i = lo; i < unitStarts.length && unitStarts[i] < to; i++) {
      UnitMention u = units.get(i);
      if (u.end() <= to) out.add(u);
    }
    return out;
  }

  /** The deepest level wins; among equals, the last named (nearest to what follows). */
  private static UnitMention mostSpecific(List<UnitMention> us) {
    UnitMention best = null;
    for (UnitMention u : us) if (best == null || u.level().ordinal() >= best.level().ordinal()) best = u;
    return best;
  }

  /** True when {@code inner} lies strictly within {@code outer} by the gazetteer's parent chain. */
  private boolean isWithin(UnitMention inner, UnitMention outer) {
    if (inner.division() == null || outer.division() == null) return false;
    String target = outer.division().code();
    Division d = inner.division();
    for (int guard = 0; d != null && d.parentCode() != null && guard < 8; guard++) {
      if (d.parentCode().equals(target)) return true;
      d = divisions.apply(d.parentCode());
    }
    return false;
  }

  private Sentence sentenceAt(int offset) {
    int i = lastStartAtOrBefore(sentenceStarts, offset);
    return i >= 0 && offset < sentences[i].end() ? sentences[i] : null;
  }

  private Paragraph paragraphAt(int offset) {
    int i = lastStartAtOrBefore(paragraphStarts, offset);
    return i >= 0 && offset < paragraphs[i].end() ? paragraphs[i] : null;
  }

  /** Index of the last span starting at or before offset (spans do not overlap), -1 if none. */
  private static int lastStartAtOrBefore(int[] starts, int offset) {
    int i = java.util.Arrays.binarySearch(starts, offset);
    if (i < 0) return -i - 2;
    while (i + 1 < starts.length && starts[i + 1] == offset) i++;
    return i;
  }

  /** The unit the title names (most specific), else the unit named most often in the article. */
  private static UnitMention topicOf(List<UnitMention> units, int titleEnd) {
    UnitMention inTitle = null;
    Map<String, Integer> counts = new HashMap<>();
    Map<String, UnitMention> first = new HashMap<>();
    for (UnitMention u : units) {
      if (u.start() < titleEnd && (inTitle == null || u.level().ordinal() > inTitle.level().ordinal())) inTitle = u;
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
