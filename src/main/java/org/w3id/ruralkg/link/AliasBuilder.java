package org.w3id.ruralkg.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the keywords news uses for each division: the canonical name, the name without its ethnic
 * part (关岭布依族苗族自治县 -> 关岭县, 伍寨彝族苗族乡 -> 伍寨乡, 怒江傈僳族自治州 -> 怒江州), bare short forms of provinces,
 * prefectures and (in Yunnan and Guizhou only) counties (云南, 昭通, 巧家), and the committee forms of
 * village names (X居委会 for X社区). Single use, not thread-safe; used while a {@link Gazetteer} is
 * built.
 */
final class AliasBuilder {
  /** The 55 minority nationalities, longest first so the alternation prefers full names. */
  private static final String ETHNIC =
      "柯尔克孜|乌孜别克|鄂伦春|鄂温克|达斡尔|维吾尔|哈萨克|塔吉克|塔塔尔|俄罗斯|蒙古|布依|朝鲜|土家|哈尼|傈僳|高山|"
          + "拉祜|东乡|纳西|景颇|仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|德昂|保安|裕固|独龙|赫哲|门巴|珞巴|基诺|"
          + "回|藏|苗|彝|壮|满|侗|瑶|白|黎|傈|佤|畲|水|土|羌|怒|京";

  private static final Pattern ETHNIC_AUTONOMOUS =
      Pattern.compile("^(.+?)(?:(?:" + ETHNIC + ")族|蒙古|哈萨克|柯尔克孜|维吾尔)+自治(州|县|旗|区)$");
  private static final Pattern ETHNIC_TOWNSHIP =
      Pattern.compile("^(.+?)(?:(?:" + ETHNIC + ")族)+(乡|镇|苏木)$");

  /** Two-character official names that are also everyday words; never matched on their own. */
  private static final Set<String> GENERIC =
      Set.of(
          "城区", "郊区", "林场", "街道", "矿区", "东区", "西区", "城南", "农场", "盐场", "苗圃", "牛场", "中心村", "移民村",
          "和谐社区", "先进村", "社区");

  private static final Pattern GENERIC_ZONE =
      Pattern.compile("^(县|市|区|城市|国营|经济|高新|工业|开发|技术|产业|社区|第)");
  private static final Map<String, String> REGIONS =
      Map.of("内蒙古自治区", "内蒙古", "广西壮族自治区", "广西", "西藏自治区", "西藏", "宁夏回族自治区", "宁夏", "新疆维吾尔自治区", "新疆");

  private final Map<String, List<Alias.Entry>> keys;
  private final Map<String, List<Division>> bareTownships = new HashMap<>(64_000);

  /** For about {@code divisions} divisions (sizes the key table once, no rehashing). */
  AliasBuilder(int divisions) {
    keys = new HashMap<>(Math.max(16, divisions * 3 / 2));
  }

  /**
   * Adds the keywords of {@code d}; {@code sameName} is how many divisions share its canonical
   * name.
   */
  void add(Division d, int sameName) {
    String n = d.name();
    switch (d.level()) {
      case PROVINCE -> {
        put(n, d, false);
        if (REGIONS.containsKey(n)) bare(REGIONS.get(n), d);
        else if (n.endsWith("省") || n.endsWith("市")) bare(n.substring(0, n.length() - 1), d);
      }
      case PREFECTURE -> {
        put(n, d, false);
        Matcher m = ETHNIC_AUTONOMOUS.matcher(n);
        if (m.matches()) {
          put(m.group(1) + m.group(2), d, false);
          bare(m.group(1), d);
        } else if (n.endsWith("地区")) {
          bare(n.substring(0, n.length() - 2), d);
        } else if (n.endsWith("市") || n.endsWith("盟")) {
          bare(n.substring(0, n.length() - 1), d);
        }
      }
      case COUNTY -> {
        put(n, d, false);
        Matcher m = ETHNIC_AUTONOMOUS.matcher(n);
        // bare county names (巧家, 安吉, 寿光) are often everyday words too (资源, 和平): the
        // recogniser keeps one only where its province or prefecture stands right before it or
        // is named on the page (UnitRecogniser, UnitLinker)
        if (m.matches()) {
          put(m.group(1) + m.group(2), d, false);
          if (!m.group(2).equals("旗")) bare(m.group(1), d);
        } else if ((n.endsWith("县") || n.endsWith("市") || n.endsWith("区"))) {
          bare(n.substring(0, n.length() - 1), d);
        } else if (n.endsWith("特区")) {
          bare(n.substring(0, n.length() - 2), d);
        }
      }
      case TOWNSHIP -> {
        // township-level zones (工业园区, 红旗农场, 开发区) often carry generic names: keep only distinctive
        // ones
        boolean standard =
            n.endsWith("镇") || n.endsWith("乡") || n.endsWith("街道") || n.endsWith("苏木");
        if (!standard && (sameName > 1 || n.length() < 5 || GENERIC_ZONE.matcher(n).find())) return;
        put(n, d, false);
        Matcher m = ETHNIC_TOWNSHIP.matcher(n);
        String plain = n;
        if (n.contains("族") && m.matches()) {
          plain = m.group(1) + m.group(2);
          put(plain, d, false);
        }
        String stem = stem(plain);
        if (stem != null && stem.length() >= 2)
          bareTownships.computeIfAbsent(stem, k -> new ArrayList<>(2)).add(d);
      }
      case VILLAGE -> {
        // two-character names (新村, 大村, 上村) are everyday words: found only after their township
        if (n.length() <= 2) return;
        put(n, d, false);
        if (n.endsWith("社区") && n.length() > 3) {
          String stem = n.substring(0, n.length() - 2);
          put(stem + "居委会", d, false);
          put(stem + "居民委员会", d, false);
        }
      }
    }
  }

  private static String stem(String township) {
    if (township.endsWith("街道")) return township.substring(0, township.length() - 2);
    if (township.endsWith("镇") || township.endsWith("乡"))
      return township.substring(0, township.length() - 1);
    return null;
  }

  private void bare(String shortForm, Division d) {
    if (shortForm.length() >= 2) put(shortForm, d, true);
  }

  private void put(String key, Division d, boolean bare) {
    if (GENERIC.contains(key)) return;
    List<Alias.Entry> list = keys.computeIfAbsent(key, k -> new ArrayList<>(1));
    // every key of one division is put during its add(), before the next division's: an entry of
    // d already under this key can only be the last one (a scan of the whole list was quadratic in
    // common village names such as 新华村, thousands of divisions each)
    if (!list.isEmpty() && list.get(list.size() - 1).division().equals(d)) return;
    list.add(new Alias.Entry(d, bare));
  }

  Map<String, List<Division>> bareTownships() {
    return bareTownships;
  }

  /**
   * Puts keywords of provinces, prefectures and counties into {@code upper}, all others into {@code
   * lower}.
   */
  void split(Map<String, Alias> upper, Map<String, Alias> lower) {
    keys.forEach(
        (k, v) -> {
          boolean high = false;
          for (Alias.Entry e : v) high |= e.division().level().ordinal() <= Level.COUNTY.ordinal();
          (high ? upper : lower).put(k, new Alias(k, v));
        });
  }
}
