package org.w3id.ruralkg.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.source.Article;
import org.w3id.ruralkg.source.Page;
import org.w3id.ruralkg.source.Paragraph;

/**
 * Links the administrative units an article mentions to the national gazetteer: needs a {@link
 * Page} split into {@link Article}s, adds one {@link UnitMention} per mention (title, subtitle and
 * paragraphs). Same-name units are told apart by an enclosing unit named nearby: in the same
 * sentence, else paragraph, else article, else page; without such evidence the mention stays
 * unresolved (division null). Thread-safe: holds only the immutable gazetteer.
 */
public final class UnitLinker {
  private static final double[] SCOPE_CONFIDENCE = {0.95, 0.9, 0.85, 0.8, 0.7};
  private static final int SCOPES = 5; // chain, sentence, paragraph, article, page

  private final Gazetteer gazetteer;
  private final UnitRecogniser recogniser;

  /**
   * A linker over {@code gazetteer}, finding candidates with {@code recogniser} (built on the same
   * gazetteer).
   */
  public UnitLinker(Gazetteer gazetteer, UnitRecogniser recogniser) {
    this.gazetteer = gazetteer;
    this.recogniser = recogniser;
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /** The unit mentions of {@code article} (title, subtitle, paragraphs), in text order. */
  public List<UnitMention> link(Page page, Article article) {
    int idx = page.articles().indexOf(article);
    if (idx < 0) {
      // an article not on the page: link it alone
      Page alone = new Page(page.source(), page.header(), List.of(article));
      return linkPage(alone).get(0);
    }
    return linkPage(page).get(idx);
  }

  /** The unit mentions of every article of the page, in the page's article order. */
  public List<List<UnitMention>> linkPage(Page page) {
    String text = page.text();
    List<Candidate> all = new ArrayList<>();
    int paragraphId = 0;
    int sentenceId = 0;
    for (int a = 0; a < page.articles().size(); a++) {
      Article article = page.articles().get(a);
      List<Paragraph> segments = segments(article);
      Set<Integer> starts = new HashSet<>();
      List<Candidate> inArticle = new ArrayList<>();
      for (Paragraph seg : segments) {
        int pid = paragraphId++;
        List<Sentence> sentences = seg.sentences();
        for (Candidate c : recogniser.recognise(seg.text(), seg.start())) {
          if (!starts.add(c.start)) continue;
          c.article = a;
          c.paragraph = pid;
          c.sentence = sentenceId + sentenceIndex(sentences, c.start);
          inArticle.add(c);
        }
        sentenceId += Math.max(1, sentences.size());
      }
      addRepeatedUnknowns(text, segments, inArticle);
      all.addAll(inArticle);
    }
    // provinces named by their character in a group link to themselves and steer nothing else
    List<Candidate> grouped = new ArrayList<>();
    for (Candidate c : all) if (c.inGroup) grouped.add(c);
    all.removeAll(grouped);
    resolve(all);
    for (Candidate c : grouped) set(c, c.divisions.get(0), 0.9);
    all.addAll(grouped);
    List<List<UnitMention>> out = new ArrayList<>();
    for (int a = 0; a < page.articles().size(); a++) out.add(new ArrayList<>());
    for (Candidate c : all) {
      // written right after its parent (矿山镇泗水村), a name is a unit even when the code list lacks it
      // there
      if (c.needsLink && c.resolved == null && c.chainParent == null) continue;
      out.get(c.article).add(toMention(c, all));
    }
    for (List<UnitMention> l : out) l.sort(Comparator.comparingInt(UnitMention::start));
    return out;
  }

  /**
   * The title and subtitle lines the splitter found (those not inside a paragraph), the byline
   * lines naming the author's post, then every paragraph.
   */
  private static List<Paragraph> segments(Article article) {
    List<Paragraph> out = new ArrayList<>();
    for (Paragraph head : article.heads()) {
      boolean inParagraph = false;
      for (Paragraph p : article.paragraphs())
        inParagraph |= p.start() < head.end() && head.start() < p.end();
      if (!inParagraph) out.add(head);
    }
    out.addAll(article.affiliations());
    out.addAll(article.paragraphs());
    return out;
  }

  private static int sentenceIndex(List<Sentence> sentences, int offset) {
    for (int i = 0; i < sentences.size(); i++) if (offset < sentences.get(i).end()) return i;
    return Math.max(0, sentences.size() - 1);
  }

  /**
   * A unit the gazetteer lacks, once found after its parent (永丰镇新社区), is that unit wherever the
   * article repeats it.
   */
  private static void addRepeatedUnknowns(
      String text, List<Paragraph> segments, List<Candidate> inArticle) {
    List<Candidate> unknowns = new ArrayList<>();
    for (Candidate c : inArticle) if (c.unknown() && c.chainParent != null) unknowns.add(c);
    for (Candidate u : unknowns) {
      for (Paragraph seg : segments) {
        int from = seg.start();
        while (true) {
          int at = text.indexOf(u.surface, from);
          if (at < 0 || at + u.surface.length() > seg.end()) break;
          from = at + 1;
          int end = at + u.surface.length();
          boolean free = true;
          for (Candidate c : inArticle) free &= !(c.start < end && at < c.end);
          if (!free) continue;
          Candidate r = new Candidate(at, end, u.surface, List.of(), false, false);
          r.article = u.article;
          r.paragraph = -1;
          r.sentence = -1;
          r.chainParent = u.chainParent;
          inArticle.add(r);
        }
      }
    }
  }

  private void resolve(List<Candidate> all) {
    markContradictions(all);
    // unique provinces, prefectures and counties anchor everything else
    for (Candidate c : all) {
      if (c.divisions.size() == 1
          && !c.contradicted
          && !c.needsLink
          && c.divisions.get(0).level().ordinal() <= Level.COUNTY.ordinal()) {
        set(c, c.divisions.get(0), c.bare ? 0.9 : 0.95);
      }
    }
    propagate(all);
    // 河南商丘市, 河北邢台: a name of several units (河南省, 河南县) is the one a unit named with it in
    // its sentence lies in
    boolean changed = false;
    for (Candidate c : all) {
      if (c.resolved != null || c.contradicted || c.divisions.size() < 2) continue;
      Division only = null;
      int found = 0;
      for (Division d : c.divisions) {
        for (Candidate r : all) {
          if (r == c || r.resolved == null || scope(c, r) > 1) continue;
          if (gazetteer.isAncestor(d.code(), r.resolved.code())) {
            found++;
            only = d;
            break;
          }
        }
      }
      if (found == 1) {
        set(c, only, 0.85);
        changed = true;
      }
    }
    if (changed) propagate(all);
    // no context at all: a unique township or an all-enclosing candidate (大理 -> 大理白族自治州)
    changed = false;
    for (Candidate c : all) {
      if (c.resolved != null || c.contradicted || c.needsLink || c.divisions.isEmpty()) continue;
      if (c.divisions.size() == 1 && c.divisions.get(0).level() == Level.TOWNSHIP) {
        set(c, c.divisions.get(0), 0.7);
        changed = true;
      } else if (c.divisions.size() > 1) {
        Division top = enclosingAll(c.divisions);
        if (top != null && top.level() != Level.VILLAGE) {
          set(c, top, 0.6);
          changed = true;
        }
      }
    }
    if (changed) propagate(all);
    oneSensePerArticle(all);
  }

  private void propagate(List<Candidate> all) {
    for (int round = 0; round < 6; round++) {
      boolean changed = false;
      List<Candidate> resolved = new ArrayList<>();
      for (Candidate c : all) if (c.resolved != null) resolved.add(c);
      for (Candidate c : all) {
        if (c.resolved != null || c.contradicted || c.divisions.isEmpty()) continue;
        if (narrow(c, resolved)) changed = true;
      }
      if (!changed) return;
    }
  }

  /**
   * Keeps the candidates with an enclosing unit mentioned nearest (chain, sentence, paragraph,
   * article, page), and among those the most specific enclosing unit; links when one is left.
   */
  private boolean narrow(Candidate c, List<Candidate> resolved) {
    List<Division> remaining = c.divisions;
    boolean village = c.level() == Level.VILLAGE;
    for (int scope = 0; scope < SCOPES; scope++) {
      int best = -1;
      List<Division> top = new ArrayList<>();
      for (Division d : remaining) {
        int spec = -1;
        for (Candidate r : resolved) {
          if (r == c || scope(c, r) > scope) continue;
          Level rl = r.resolved.level();
          if (village && rl == Level.PROVINCE)
            continue; // a province says little about a village name
          if (rl.ordinal() > spec && gazetteer.isAncestor(r.resolved.code(), d.code()))
            spec = rl.ordinal();
        }
        if (spec < 0) continue;
        if (spec > best) {
          best = spec;
          top.clear();
        }
        if (spec == best) top.add(d);
      }
      if (top.isEmpty()) continue;
      if (top.size() == 1) {
        set(c, top.get(0), SCOPE_CONFIDENCE[scope]);
        return true;
      }
      remaining = top;
    }
    return false;
  }

  /** 0 chain, 1 sentence, 2 paragraph, 3 article, 4 page. */
  private static int scope(Candidate c, Candidate r) {
    if (c.chainParent == r) return 0;
    if (c.article != r.article) return 4;
    if (c.sentence >= 0 && c.sentence == r.sentence) return 1;
    if (c.paragraph >= 0 && c.paragraph == r.paragraph) return 2;
    return 3;
  }

  /**
   * A township or village whose sentence names enclosing units (the chain parent, else the
   * townships, else the counties of the sentence) none of its candidates lies in is a unit the
   * gazetteer lacks or renamed: it must not be linked to a namesake elsewhere.
   */
  private void markContradictions(List<Candidate> all) {
    for (Candidate c : all) {
      if (c.divisions.isEmpty()) continue;
      Level level = c.level();
      if (level == null || level.ordinal() < Level.TOWNSHIP.ordinal()) continue;
      if (c.chainParent != null && !c.chainParent.divisions.isEmpty()) {
        c.contradicted = !anyInside(c.divisions, c.chainParent.divisions);
        continue;
      }
      for (Level outer = Level.values()[level.ordinal() - 1];
          outer.ordinal() >= Level.COUNTY.ordinal();
          outer = Level.values()[outer.ordinal() - 1]) {
        List<Division> enclosing = new ArrayList<>();
        for (Candidate r : all) {
          if (r == c || r.sentence != c.sentence || r.article != c.article || c.sentence < 0)
            continue;
          if (r.divisions.size() == 1 && r.divisions.get(0).level() == outer)
            enclosing.add(r.divisions.get(0));
        }
        if (enclosing.isEmpty()) continue;
        c.contradicted = !anyInside(c.divisions, enclosing);
        break;
      }
    }
  }

  private boolean anyInside(List<Division> inner, List<Division> outer) {
    for (Division i : inner)
      for (Division o : outer) if (gazetteer.isAncestor(o.code(), i.code())) return true;
    return false;
  }

  /** The candidate that encloses all others, if any (大理白族自治州 over 大理市). */
  private Division enclosingAll(List<Division> ds) {
    for (Division top : ds) {
      boolean all = true;
      for (Division d : ds) all &= d == top || gazetteer.isAncestor(top.code(), d.code());
      if (all) return top;
    }
    return null;
  }

  /**
   * A name linked somewhere in an article means the same unit where the article repeats it without
   * context.
   */
  private static void oneSensePerArticle(List<Candidate> all) {
    Map<String, Division> linked = new HashMap<>();
    for (Candidate c : all)
      if (c.resolved != null) linked.putIfAbsent(c.article + "|" + c.resolved.name(), c.resolved);
    for (Candidate c : all) {
      if (c.resolved != null || c.contradicted) continue;
      for (Division d : c.divisions) {
        Division l = linked.get(c.article + "|" + d.name());
        if (d.equals(l)) {
          set(c, d, 0.75);
          break;
        }
      }
    }
  }

  private static void set(Candidate c, Division d, double confidence) {
    c.resolved = d;
    c.confidence = confidence;
  }

  private UnitMention toMention(Candidate c, List<Candidate> all) {
    if (c.resolved != null) {
      String parent = gazetteer.parent(c.resolved.code()).map(Division::name).orElse(null);
      return new UnitMention(
          c.start,
          c.end,
          c.surface,
          c.resolved.level(),
          c.resolved.name(),
          c.resolved,
          parent,
          c.confidence);
    }
    Level level = c.level();
    if (level == null) level = Level.COUNTY;
    String name = canonicalName(c, level);
    String parent = contextParent(c, level, all);
    double confidence = c.unknown() ? 0.5 : c.contradicted ? 0.45 : 0.3;
    return new UnitMention(c.start, c.end, c.surface, level, name, null, parent, confidence);
  }

  private static String canonicalName(Candidate c, Level level) {
    if (c.unknown())
      return level == Level.VILLAGE ? UnitNames.canonicalVillage(c.surface) : c.surface;
    for (Division d : c.divisions) if (d.level() == level) return d.name();
    return c.divisions.get(0).name();
  }

  /** The chain parent, else the nearest higher-level unit written before it in the sentence. */
  private String contextParent(Candidate c, Level level, List<Candidate> all) {
    Candidate p = c.chainParent;
    if (p == null && c.sentence >= 0) {
      for (Candidate r : all) {
        if (r.article != c.article || r.sentence != c.sentence || r.start >= c.start) continue;
        Level rl = r.level();
        if (rl != null && rl.ordinal() < level.ordinal() && (p == null || r.start > p.start)) p = r;
      }
    }
    if (p == null) return null;
    if (p.resolved != null) return p.resolved.name();
    Level pl = p.level();
    return canonicalName(p, pl == null ? Level.COUNTY : pl);
  }
}
