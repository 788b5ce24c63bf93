package org.w3id.ruralkg.extract.topic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3id.ruralkg.extract.PlaceAttributor;
import org.w3id.ruralkg.gold.Gold;
import org.w3id.ruralkg.link.Level;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.DictionaryMatcher;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.nlp.SentenceSplitter;

/**
 * Test stand-in for the stages before extraction: a seed page, its sentences, admin-unit mentions
 * found from a list of unit names (the linker's job), and a "nearest unit before, same paragraph"
 * place attributor (the lead's job).
 */
public final class SeedFixture {
  private static final Pattern ETHNIC =
      Pattern.compile(
          "(彝族|苗族|傈僳族|布依族|侗族|土家族|仡佬族|水族|回族|白族|哈尼族|傣族|壮族|纳西族|藏族|景颇族|佤族|拉祜族|瑶族|独龙族|怒族|普米族|蒙古族|布朗族|满族)+(自治)?(?=[乡县州])");

  public final String text;
  public final List<Sentence> sentences;
  public final List<UnitMention> units;
  public final PlaceAttributor places;

  public SeedFixture(String text, List<UnitMention> units) {
    this.text = text;
    this.sentences = SentenceSplitter.split(text, 0);
    this.units = List.copyOf(units);
    this.places = (s, e) -> nearestBefore(text, this.units, s, e);
  }

  public static String seedText(String stem) {
    try {
      return Files.readString(Path.of("seeds", stem + ".txt"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("seed missing: " + stem, e);
    }
  }

  /** Fixture for a seed with the unit names of its gold admin_units standing in for the linker. */
  public static SeedFixture withGoldUnits(String stem) {
    String text = seedText(stem);
    Map<String, String[]> names = new HashMap<>();
    for (JsonNode u : Gold.file(stem).get("admin_units")) {
      String name = u.get("name").asText();
      String[] info = {
        name, u.get("level").asText(), u.path("parent").isNull() ? null : u.path("parent").asText()
      };
      for (String v : variants(name)) names.putIfAbsent(v, info);
    }
    return new SeedFixture(text, find(text, names));
  }

  /** Unit mentions of the given names ({name -> {canonical, level, parent}}), longest match. */
  public static List<UnitMention> find(String text, Map<String, String[]> names) {
    List<UnitMention> out = new ArrayList<>();
    for (DictionaryMatcher.Hit<String[]> h : new DictionaryMatcher<>(names).findLongest(text)) {
      String[] i = h.value();
      out.add(
          new UnitMention(
              h.start(), h.end(), h.key(), Level.ofNotation(i[1]), i[0], null, i[2], 0.9));
    }
    return out;
  }

  public static UnitMention unit(
      String text, String surface, int from, String canonical, Level level, String parent) {
    int s = text.indexOf(surface, from);
    if (s < 0) throw new IllegalArgumentException("not in text: " + surface);
    return new UnitMention(s, s + surface.length(), surface, level, canonical, null, parent, 0.9);
  }

  static List<String> variants(String name) {
    List<String> v = new ArrayList<>(List.of(name));
    String plain = ETHNIC.matcher(name).replaceAll("");
    if (!plain.equals(name)) v.add(plain);
    for (String suf :
        new String[] {"街道", "社区", "自治州", "自治县", "省", "市", "州", "县", "区", "镇", "乡", "村"}) {
      if (plain.endsWith(suf)
          && plain.length() - suf.length() >= 2
          && !suf.equals("社区")
          && !suf.equals("村")) {
        v.add(plain.substring(0, plain.length() - suf.length()));
        break;
      }
    }
    if (name.endsWith("自治州")) v.add(plain.substring(0, plain.length() - 3) + "州");
    return v;
  }

  /**
   * The last unit mentioned before {@code start} in the same paragraph, else the page's first unit.
   */
  static UnitMention nearestBefore(String text, List<UnitMention> units, int start, int end) {
    int para = text.lastIndexOf("\n\n", start);
    UnitMention best = null;
    for (UnitMention u : units) {
      if (u.start() < start && u.start() > para && (best == null || u.start() > best.start()))
        best = u;
    }
    if (best != null) return best;
    return units.isEmpty() ? null : units.get(0);
  }
}
