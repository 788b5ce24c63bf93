package org.w3id.ruralkg.extract.figure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3id.ruralkg.extract.Quantity;
import org.w3id.ruralkg.nlp.DictionaryMatcher;
import org.w3id.ruralkg.nlp.DictionaryMatcher.Hit;

/**
 * Needs a sentence and a {@link Quantity} found in it; adds the contract metric code of the figure
 * (income_increase, wages, ... other). Immutable after construction and thread-safe.
 *
 * <p>Cue words (a table: cue -> metric, the units it may describe, a weight) are found in the
 * sentence; each occurrence scores weight / (1 + distance / 8), halved per clause boundary between
 * it and the quantity. Cues to the right count only within the clause (a parenthesis is stepped
 * over) and a little less than cues to the left. Inside the counted noun, the head (its last cue)
 * counts double and other cues are modifiers (易地扶贫搬迁群众: who, not what) and count little.
 * Where two cues overlap the longer wins (总收入 over 收入). Below a threshold the unit decides
 * (percent -> rate, mu -> area, tonne -> production, 家 -> organisations ...), else other.
 */
public final class MetricClassifier {
  /** {@code noun}: a category noun (党组织, 项目) that names what is counted, so it counts only
   * inside the counted noun or right next to the number, never as the subject of the clause. */
  private record Cue(String metric, Set<String> units, double weight, boolean noun) {}

  private static final Set<String> MONEY = Set.of("CNY");
  private static final Set<String> PEOPLE = Set.of("person", "household");
  private static final Set<String> PEOPLE_TIMES = Set.of("person", "household", "person_time");
  private static final Set<String> COUNT = Set.of("count");
  private static final Set<String> AREA = Set.of("mu", "hectare");
  private static final Set<String> WEIGHT = Set.of("tonne", "kg", "jin");
  private static final double THRESHOLD = 0.6;

  private final DictionaryMatcher<List<Cue>> cues;

  public MetricClassifier() {
    Map<String, List<Cue>> t = new HashMap<>();
    add(t, "income_increase", MONEY, 3, "增收", "增加收入");
    add(t, "income_increase", MONEY, 4, "户均增收", "人均增收", "月增收", "年增收", "年均增收");
    add(t, "wages", MONEY, 4, "劳务报酬", "务工收入", "工资性收入", "绩效奖金", "稳定收入", "月收入");
    add(t, "wages", MONEY, 3, "报酬", "工资", "挣", "薪酬", "薪资", "劳务费", "工钱");
    add(t, "wages", MONEY, 2, "领到", "奖金", "赚");
    add(t, "wages", MONEY, 1.5, "收入");
    add(t, "investment", MONEY, 4, "总投资", "专项资金", "预算内资金", "财政资金", "衔接资金");
    add(t, "investment", MONEY, 3, "投资", "资金", "国债", "专债", "捐款", "捐赠", "党费", "投入", "补助资金");
    add(t, "investment", MONEY, 2, "争取", "下拨", "拨付", "筹集", "补助", "援助", "募集");
    add(t, "loans", Set.of("CNY", "count"), 4, "贷款", "信贷", "授信", "小额信贷");
    add(t, "output_value", MONEY, 4, "产值", "销售额", "营业收入", "营业额", "交易额", "销售收入", "销售农产品");
    add(t, "output_value", MONEY, 3, "分红", "营收", "利润", "销售");
    add(t, "output_value", MONEY, 2.5, "总收入");
    add(t, "output_value", MONEY, 2, "收益");
    add(t, "collective_income", MONEY, 4, "集体经济", "村集体", "集体收入", "集体收益", "集体积累");
    add(t, "collective_income", MONEY, 6, "集体经济收入", "集体经济收益");
    add(t, "employment", PEOPLE, 4, "转移就业", "实现就业", "就近务工", "就近就业", "吸纳就业", "稳定就业", "参与建设", "参与工程");
    add(t, "employment", PEOPLE, 3.5, "就业", "务工", "上岗", "用工", "参与项目");
    add(t, "rate", Set.of("percent"), 3, "就业率", "转移率", "覆盖率", "参保率", "开工率");
    add(t, "jobs", Set.of("count", "person_time", "person"), 5, "就业岗位", "务工岗位", "公益性岗位", "工作岗位");
    noun(t, "jobs", Set.of("count", "person_time"), 4, "岗位");
    add(t, "training", Set.of("person", "person_time", "count"), 5, "培训班", "技能培训", "调训", "轮训", "参训");
    add(t, "training", Set.of("person", "person_time", "count"), 4, "培训");
    add(t, "training", Set.of("person", "person_time"), 2, "考核", "取证");
    add(t, "beneficiaries", PEOPLE_TIMES, 4, "就业帮扶", "产业帮扶", "消费帮扶");
    add(t, "beneficiaries", PEOPLE_TIMES, 3, "惠及", "受益", "岗位安置", "结对帮扶");
    add(t, "beneficiaries", PEOPLE_TIMES, 2.5, "帮扶", "结对");
    add(t, "beneficiaries", PEOPLE_TIMES, 2, "覆盖", "服务", "吸纳", "辐射");
    add(t, "beneficiaries", Set.of("household"), 2.5, "带动");
    add(t, "beneficiaries", Set.of("person", "person_time"), 1.5, "带动");
    add(t, "relocation", PEOPLE, 3, "搬迁", "迁徙", "入住", "分房", "移民", "易地扶贫搬迁");
    add(t, "relocation", PEOPLE, 2.5, "安置");
    add(t, "area", AREA, 4, "面积", "流转");
    add(t, "area", AREA, 3, "基地", "土地", "种植", "耕地", "林地", "资源");
    add(t, "production", WEIGHT, 4, "产量", "亩产", "年产", "产出");
    add(t, "production", WEIGHT, 3, "加工", "收获", "出栏", "销售");
    String[] orgs = {"党组织", "党支部", "党委", "党工委", "党总支", "合作社", "企业", "公司", "经营主体", "主体", "协会", "联盟", "家庭农场", "小组", "科室", "服务队", "工作队", "突击队", "车间"};
    noun(t, "organisations", COUNT, 4, orgs);
    noun(t, "facilities", COUNT, 4, "服务站", "服务点", "驿站", "安置点", "安置区", "超市", "安置房", "路灯", "摄像头", "监控", "厂房", "活动室", "广场", "站点", "冷库", "管道", "水池", "公厕");
    noun(t, "facilities", COUNT, 3, "站", "中心");
    noun(t, "facilities", COUNT, 5, "就业服务站", "就业服务中心", "就业车间", "务工车间", "帮扶车间", "扶贫车间", "就业驿站");
    noun(t, "events", COUNT, 4, "招聘会", "活动", "会议", "座谈会", "宣讲", "讲座", "院坝会", "比赛");
    noun(t, "events", COUNT, 2.5, "会");
    noun(t, "projects", COUNT, 4, "项目");
    noun(t, "members", Set.of("person"), 4, "党员", "干部", "队员", "书记", "专干", "标兵", "志愿者", "监测员", "网格员", "工作人员", "工作者", "人才", "教师", "医生");
    // Places of the administrative tree counted as such are not organisations (村民小组 vs 小组).
    noun(t, "other", COUNT, 6, "村民小组", "自然村", "行政村", "乡镇", "街道", "州市", "县(市、区)", "县市区");
    cues = new DictionaryMatcher<>(t);
  }

  private static void add(Map<String, List<Cue>> t, String metric, Set<String> units, double weight, String... words) {
    for (String w : words) t.computeIfAbsent(w, k -> new ArrayList<>()).add(new Cue(metric, units, weight, false));
  }

  private static void noun(Map<String, List<Cue>> t, String metric, Set<String> units, double weight, String... words) {
    for (String w : words) t.computeIfAbsent(w, k -> new ArrayList<>()).add(new Cue(metric, units, weight, true));
  }

  /** The metric code of {@code q} in {@code sentence}; never null. */
  public String classify(String sentence, Quantity q) {
    if ("percent".equals(q.unit())) return "rate";
    int[] counted = countedSpan(sentence, q);
    String best = null;
    double bestScore = THRESHOLD;
    List<Hit<List<Cue>>> hits = longestOnly(cues.findAll(sentence));
    Hit<List<Cue>> head = null;
    if (counted != null) {
      for (Hit<List<Cue>> h : hits) {
        if (h.start() >= counted[0] && h.end() <= counted[1] && fits(h, q) != null && isHeadAtEnd(sentence, h, counted)) head = h;
      }
    }
    int anchor = partOfEarlier(sentence, q.start());
    for (Hit<List<Cue>> h : hits) {
      if (h.end() > q.start() && h.start() < q.end()) continue;
      Cue cue = fits(h, q);
      if (cue == null) continue;
      boolean inCounted = counted != null && h.start() >= counted[0] && h.end() <= counted[1];
      double distance;
      int boundaries;
      double side;
      if (h.end() <= q.start()) {
        boolean inherit = anchor < q.start() && h.end() <= anchor;
        int to = inherit ? anchor : q.start();
        distance = to - h.end();
        boundaries = boundaries(sentence, h.end(), to);
        side = 1.0;
      } else {
        int[] d = rightDistance(sentence, q.end(), h.start());
        if (d == null) continue;
        distance = d[0];
        boundaries = 0;
        side = 0.8;
      }
      // A category noun outside the counted noun names the figure only when the count has no noun
      // of its own and the cue is right next to it (已竣工12个 after 安置区), with no number between.
      if (cue.noun() && !inCounted && (counted != null || boundaries > 0 || distance > (side < 1 ? 1 : 4)
          || hasDigit(sentence, Math.min(h.end(), q.end()), Math.max(h.start(), q.start())))) continue;
      double score = cue.weight() * side / (1 + distance / 8.0) * Math.pow(0.35, boundaries);
      if (inCounted && h != head) {
        if (cue.noun()) continue; // a modifier naming a kind of thing: 企业宣传视频 counts videos
        score *= 0.4;
      } else if (inCounted) {
        score *= 2.0;
      }
      if (score > bestScore) {
        bestScore = score;
        best = cue.metric();
      }
    }
    return best != null ? best : byUnit(q);
  }

  private static boolean hasDigit(String s, int from, int to) {
    for (int k = Math.max(0, from); k < Math.min(to, s.length()); k++) if (Character.isDigit(s.charAt(k))) return true;
    return false;
  }

  private static Cue fits(Hit<List<Cue>> h, Quantity q) {
    Cue best = null;
    for (Cue c : h.value()) if (c.units().contains(q.unit()) && (best == null || c.weight() > best.weight())) best = c;
    return best;
  }

  /** The head cue must end the counted noun (ignoring quotes and a parenthesis). */
  private static boolean isHeadAtEnd(String s, Hit<?> h, int[] counted) {
    String rest = s.substring(h.end(), counted[1]).replaceAll("\\([^)]*\\)|（[^）]*）|[”’“‘]", "");
    return rest.isEmpty();
  }

  /** Where two hits overlap keep the longer (总收入 over 收入, 村民小组 over 小组). */
  private static <V> List<Hit<V>> longestOnly(List<Hit<V>> all) {
    List<Hit<V>> out = new ArrayList<>();
    for (Hit<V> h : all) {
      boolean covered = false;
      for (Hit<V> o : all) {
        if (o != h && o.length() > h.length() && o.start() <= h.start() && o.end() >= h.end()) {
          covered = true;
          break;
        }
      }
      if (!covered) out.add(h);
    }
    return out;
  }

  /**
   * For a figure in a clause opened by 其中 ("…92325人，其中…49619人"), the end of the clause before:
   * it is a part of the earlier figure and shares its cues. Otherwise {@code start} itself.
   */
  private static int partOfEarlier(String s, int start) {
    int b = lastBoundary(s, start);
    if (b < 0) return start;
    if (s.substring(b + 1, start).strip().startsWith("其中")) return b;
    int b2 = lastBoundary(s, b);
    if (b2 >= 0 && s.substring(b2 + 1, b).strip().equals("其中")) return b2;
    return start;
  }

  private static int lastBoundary(String s, int before) {
    int b = before - 1;
    while (b >= 0 && BOUNDARY.indexOf(s.charAt(b)) < 0) b--;
    return b;
  }

  private static final String BOUNDARY = "，,；;：:（(";

  private static int boundaries(String s, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) if ("，,；;：:（(".indexOf(s.charAt(k)) >= 0) n++;
    return n;
  }

  /** Distance to a cue on the right within the clause, stepping over a parenthesis; null if none. */
  private static int[] rightDistance(String s, int from, int to) {
    int d = 0;
    int k = from;
    while (k < to) {
      char c = s.charAt(k);
      if (c == '(' || c == '（') {
        int close = s.indexOf(c == '(' ? ')' : '）', k);
        if (close < 0 || close >= to) return null;
        k = close + 1;
        continue;
      }
      if ("，,；;：:。".indexOf(c) >= 0) return null;
      d++;
      k++;
    }
    return new int[] {d};
  }

  private static int[] countedSpan(String s, Quantity q) {
    String c = q.counted();
    if (c == null || c.isEmpty()) return null;
    int right = s.indexOf(c, q.end());
    if (right >= 0 && right - q.end() <= 3) return new int[] {right, right + c.length()};
    int left = s.lastIndexOf(c, q.start());
    if (left >= 0 && q.start() - (left + c.length()) <= 4) return new int[] {left, left + c.length()};
    return null;
  }

  private static String byUnit(Quantity q) {
    String u = q.unit();
    String surface = q.surface();
    return switch (u) {
      case "percent" -> "rate";
      case "mu", "hectare" -> "area";
      case "tonne", "kg", "jin" -> "production";
      case "household" -> "beneficiaries";
      case "count" -> surface.endsWith("家") ? "organisations" : surface.endsWith("场") ? "events" : surface.endsWith("期") ? "training" : "other";
      default -> "other";
    };
  }
}
