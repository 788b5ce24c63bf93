package org.w3id.ruralkg.extract.figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The measure words that may follow a number, mapped to contract unit codes, longest first.
 * Immutable, thread-safe. Area in square metres is normalised to hectares (the contract has no m²
 * code; 1 hectare = 10^4 m²), so "2万平方米" becomes 2 hectare.
 */
final class Measures {
  /** MEASURED: money and physical measures (两公里 counts); COUNTED: people, households, things;
   * EXCLUDED: time, age, order and other words that make the number a non-figure. */
  enum Kind { MEASURED, COUNTED, EXCLUDED }

  record Measure(String word, String unit, BigDecimal factor, Kind kind) {}

  private static final String[] COUNT_WORDS = {
    "个", "家", "场", "期", "支", "块", "盏", "株", "瓶", "头", "套", "幢", "栋", "条", "笔", "间", "座", "处", "次",
    "批", "项", "所", "辆", "台", "只", "棵", "张", "件", "份", "本", "根", "口", "眼", "片", "匹", "架", "艘",
    "亩次", "车次", "场次", "班次", "轮", "组", "队", "部", "户次", "起", "宗"
  };

  private static final String[] EXCLUDED_WORDS = {
    "年", "月", "日", "号", "天", "周", "星期", "小时", "分钟", "秒", "点", "时", "岁", "周岁", "届", "代", "倍",
    "季度", "世纪", "级", "星", "楼", "层", "版", "伏", "千伏", "千瓦", "兆瓦", "瓦", "度", "摄氏度", "分", "章",
    "条例", "美元", "欧元", "国道", "省道", "县道", "线", "号线", "路"
  };

  private final List<Measure> all;

  Measures() {
    List<Measure> m = new ArrayList<>();
    measured(m, "元", "CNY", "1");
    measured(m, "块钱", "CNY", "1");
    measured(m, "%", "percent", "1");
    measured(m, "％", "percent", "1");
    measured(m, "个百分点", "percent", "1");
    measured(m, "亩", "mu", "1");
    measured(m, "公顷", "hectare", "1");
    measured(m, "平方米", "hectare", "0.0001");
    measured(m, "㎡", "hectare", "0.0001");
    measured(m, "平方公里", "hectare", "100");
    measured(m, "吨", "tonne", "1");
    measured(m, "公斤", "kg", "1");
    measured(m, "千克", "kg", "1");
    measured(m, "斤", "jin", "1");
    measured(m, "米", "metre", "1");
    measured(m, "公里", "km", "1");
    measured(m, "千米", "km", "1");
    counted(m, "人次", "person_time");
    counted(m, "人(次)", "person_time");
    counted(m, "人（次）", "person_time");
    counted(m, "人", "person");
    counted(m, "名", "person");
    counted(m, "位", "person");
    counted(m, "户", "household");
    for (String w : COUNT_WORDS) counted(m, w, "count");
    for (String w : EXCLUDED_WORDS) m.add(new Measure(w, null, BigDecimal.ONE, Kind.EXCLUDED));
    m.sort(Comparator.comparingInt((Measure x) -> x.word().length()).reversed());
    all = List.copyOf(m);
  }

  private static void measured(List<Measure> m, String w, String unit, String factor) {
    m.add(new Measure(w, unit, new BigDecimal(factor), Kind.MEASURED));
  }

  private static void counted(List<Measure> m, String w, String unit) {
    m.add(new Measure(w, unit, BigDecimal.ONE, Kind.COUNTED));
  }

  /** The longest measure word starting at {@code pos}, or null. */
  Measure at(String text, int pos) {
    for (Measure m : all) {
      if (text.startsWith(m.word(), pos)) return m;
    }
    return null;
  }
}
