package org.w3id.ruralkg.extract.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.ruralkg.extract.Qualifier;
import org.w3id.ruralkg.extract.Quantity;

class QuantityParserTest {
  private final QuantityParser parser = new QuantityParser();

  private Quantity only(String text) {
    List<Quantity> qs = parser.parse(text);
    assertEquals(1, qs.size(), () -> "expected one quantity in " + text + " but got " + qs);
    return qs.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      创造了1.25万个就业岗位，年务工收入可观         | 1.25万个      | 12500     | -     | count       | EXACT     | 就业岗位
      年务工收入超3亿元                          | 3亿元         | 300000000 | -     | CNY         | MORE_THAN | -
      成功吸引200余家经营主体入驻                  | 200余家       | 200       | -     | count       | MORE_THAN | 经营主体
      带动周边县(市、区)5000余名群众就业            | 5000余名      | 5000      | -     | person      | MORE_THAN | 群众
      使亩产增加500—1000公斤                     | 500—1000公斤  | 500       | 1000  | kg          | RANGE     | -
      月增收1500—3000元                         | 1500—3000元   | 1500      | 3000  | CNY         | RANGE     | -
      带动近300人就近就业                        | 300人         | 300       | -     | person      | NEARLY    | -
      基本养老保险参保率稳定在95%以上              | 95%          | 95        | -     | percent     | AT_LEAST  | -
      转移率达87.05%                            | 87.05%       | 87.05     | -     | percent     | EXACT     | -
      党支部70个左右                             | 70个          | 70        | -     | count       | APPROX    | 党支部
      累计实现纯收益逾320万元                     | 320万元       | 3200000   | -     | CNY         | MORE_THAN | -
      已举办培训班75期                           | 75期          | 75        | -     | count       | EXACT     | 培训班
      累计发放劳务报酬12002.5万元                 | 12002.5万元   | 120025000 | -     | CNY         | EXACT     | -
      发放劳务报酬8059.47万元                    | 8059.47万元   | 80594700  | -     | CNY         | EXACT     | -
      全县30.43万名农村劳动力中                   | 30.43万名     | 304300    | -     | person      | EXACT     | 农村劳动力
      年产出优质种薯1万余吨                       | 1万余吨       | 10000     | -     | tonne       | MORE_THAN | -
      累计向群众发送60余万条岗位短信                | 60余万条      | 600000    | -     | count       | MORE_THAN | 岗位短信
      总投资6.75亿元                            | 6.75亿元      | 675000000 | -     | CNY         | EXACT     | -
      带动农户年增收2300万元                      | 2300万元      | 23000000  | -     | CNY         | EXACT     | -
      成立十五个工作小组                          | 十五个        | 15        | -     | count       | EXACT     | 工作小组
      投入一千二百万元                            | 一千二百万元   | 12000000  | -     | CNY         | EXACT     | -
      两万余人参加培训                            | 两万余人      | 20000     | -     | person      | MORE_THAN | -
      三千余名党员参加                            | 三千余名      | 3000      | -     | person      | MORE_THAN | 党员
      计划投资3至5万元                           | 3至5万元      | 30000     | 50000 | CNY         | RANGE     | -
      覆盖率达到百分之三十                         | 百分之三十     | 30        | -     | percent     | EXACT     | -
      距离县城核心区两公里范围内                    | 两公里        | 2         | -     | km          | UP_TO     | -
      开展就业技能培训320人(次)，极大改善            | 320人(次)     | 320       | -     | person_time | EXACT     | -
      最多的一个月领到了4100，比在老家强多了          | 4100         | 4100      | -     | CNY         | EXACT     | -
      城市低保还有400多的收入                      | 400多         | 400       | -     | CNY         | MORE_THAN | -
      积分兑换218.77万，服务群众                    | 218.77万      | 2187700   | -     | CNY         | EXACT     | -
      新建厂房2万平方米                           | 2万平方米      | 20000     | -     | count       | EXACT     | -
      发放贷款1,200万元                          | 1,200万元     | 12000000  | -     | CNY         | EXACT     | -
      提供服务约5000人次                          | 5000人次      | 5000      | -     | person_time | APPROX    | -
      每年总收入不到3000元                        | 3000元        | 3000      | -     | CNY         | UP_TO     | -
      每个村不少于10名党员                         | 10名          | 10        | -     | person      | AT_LEAST  | 党员
      保证每户至少有1名党员联系服务                  | 1名           | 1         | -     | person      | AT_LEAST  | 党员
      全市建档立卡贫困户劳动力100.61万人             | 100.61万人    | 1006100   | -     | person      | EXACT     | 建档立卡贫困户劳动力
      建成15个乡镇驿站                            | 15个          | 15        | -     | count       | EXACT     | 乡镇驿站
      对8个村(社区)党组织牵头发展                   | 8个           | 8         | -     | count       | EXACT     | 村(社区)党组织
      线上开展58场“直播带岗”活动                    | 58场          | 58        | -     | count       | EXACT     | “直播带岗”活动
      带动3569户种植户户均增收                      | 3569户        | 3569      | -     | household   | EXACT     | 种植户
      10多块板凳围成一圈                           | 10多块        | 10        | -     | count       | MORE_THAN | 板凳
      计划新成立党总支(社区党委)11个                 | 11个          | 11        | -     | count       | EXACT     | 党总支(社区党委)
      一年能卖七八千斤西瓜                         | 七八千斤      | 7000      | 8000  | jin         | RANGE     | -
      一年挣三五十万元                            | 三五十万元     | 300000    | 500000 | CNY        | RANGE     | -
      每月收入八九千元                            | 八九千元      | 8000      | 9000  | CNY         | RANGE     | -
      来了十几名志愿者                            | 十几名        | 10        | -     | person      | MORE_THAN | 志愿者
      撤换了4名不作为的村支书                      | 4名          | 4         | -     | person      | EXACT     | 村支书
      安置了2203名易地搬迁的贫困户                  | 2203名       | 2203      | -     | person      | EXACT     | 贫困户
      流转了几十亩坡地                            | 几十亩        | 10        | -     | mu          | MORE_THAN | -
      合格率只有四成                              | 四成          | 40        | -     | percent     | EXACT     | -
      这半亩菜地                                 | 半亩          | 0.5       | -     | mu          | EXACT     | -
      打造千亩果园                               | 千亩          | 1000      | -     | mu          | EXACT     | -
      每斤8毛钱收购                              | 8毛钱         | 0.8       | -     | CNY         | EXACT     | -
      """)
  void readsAQuantity(
      String text,
      String surface,
      String value,
      String valueMax,
      String unit,
      Qualifier qualifier,
      String counted) {
    Quantity q = only(text.strip());
    assertEquals(surface, q.surface());
    assertEquals(surface, text.strip().substring(q.start(), q.end()));
    assertEquals(new BigDecimal(value), q.value());
    assertEquals(valueMax == null ? null : new BigDecimal(valueMax), q.valueMax());
    assertEquals(unit, q.unit().code());
    assertEquals(qualifier, q.qualifier());
    assertEquals(counted, q.counted());
  }

  @Test
  void valuesPrintWithoutExponent() {
    assertEquals("23000000", only("带动农户年增收2300万元").value().toPlainString());
    assertEquals("23000000", only("带动农户年增收2300万元").value().toString());
    assertEquals("6661000", only("发放奖励性绩效奖金666.10万元").value().toString());
  }

  @Test
  void readsAdjacentQuantitiesSeparately() {
    List<Quantity> qs = parser.parse("安置全县13个乡镇3541户14669人。");
    assertEquals(List.of("13个", "3541户", "14669人"), qs.stream().map(Quantity::surface).toList());
    assertEquals(
        List.of("count", "household", "person"), qs.stream().map(q -> q.unit().code()).toList());
    List<Quantity> loans = parser.parse("累计发放246笔5407万元创业贷款，带动750人就业。");
    assertEquals(List.of("246笔", "5407万元", "750人"), loans.stream().map(Quantity::surface).toList());
  }

  @Test
  void aQuotationOfSomeonesWordsIsNoName() {
    // a short quotation that holds a clause's punctuation is speech: its figures count
    assertEquals(
        List.of("2000斤"),
        parser.parse("农场主人一脸喜色：“2000斤桃子全卖完了！”").stream().map(Quantity::surface).toList());
    // a short quoted name holds none, and its number is part of the name
    assertEquals(List.of(), parser.parse("实施“十万人进城”易地搬迁项目。"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "截至2025年11月，全县",
        "10月15日召开",
        "晚上9点，院坝会接近尾声",
        "9时开始",
        "争创第一",
        "获得第3名",
        "仅用2个月就顺利流转",
        "近5年来",
        "半年多来",
        "连续3天",
        "两年时间",
        "74岁老党员",
        "海拔2000米的山区",
        "茶园在山顶上，有50米高程",
        "党的二十届四中全会精神",
        "“十四五”以来",
        "“巧十条”落地见效",
        "深化“2+5”工作机制",
        "落实“131”就业帮扶服务",
        "构建‘4+N’党建引领推进工作协作机制",
        "推行721利益分配机制",
        "实行5岗20级管理",
        "探索2+1模式",
        "联系电话13812345678",
        "电话0870-2123456",
        "邮箱abc123@qq.com",
        "35kV输变电工程",
        "一个月加起来",
        "村“两委”干部",
        "农村集体“三资”",
        "五个振兴",
        "一户一户敲门",
        "掌握了一至两项基本的施工技能",
        "两个橘子",
        "出台就地就近创业就业10条措施",
        "聚焦“6个百亿元”高原特色产业",
        "“十万人进城”易地搬迁项目",
        "数百米",
        "三三两两议论着离开",
        "现在易地搬迁安置点就在214国道旁",
        "2021—2025年规划",
        "3个多月",
        "以“党支部+合作社”的模式",
        "学生三五成群",
        "规矩一成不变",
        "千家万户",
        "千辛万苦"
      })
  void ignoresNonFigures(String text) {
    assertEquals(List.of(), parser.parse(text), text);
  }

  @Test
  void keepsChineseNumeralsOfTenOrMore() {
    assertEquals(new BigDecimal(15), only("建成十五个服务站").value());
    assertEquals(List.of(), parser.parse("建成五个服务站"));
  }

  @Test
  void everySeedQuantityIsAnExactSubstring() throws IOException {
    Set<String> units =
        Set.of(
            "CNY",
            "percent",
            "mu",
            "hectare",
            "tonne",
            "kg",
            "jin",
            "metre",
            "km",
            "person",
            "person_time",
            "household",
            "count");
    List<Path> seeds;
    try (Stream<Path> s = Files.list(Path.of("seeds"))) {
      seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertEquals(5, seeds.size());
    int total = 0;
    for (Path p : seeds) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      for (String piece : Stream.concat(Stream.of(text), text.lines()).toList()) {
        for (Quantity q : parser.parse(piece)) {
          total++;
          assertEquals(q.surface(), piece.substring(q.start(), q.end()), p + ": " + q);
          assertNotNull(q.value(), q::toString);
          assertTrue(units.contains(q.unit().code()), q::toString);
          assertEquals(q.qualifier() == Qualifier.RANGE, q.valueMax() != null, q::toString);
          if (!Set.of("count", "person", "household").contains(q.unit().code()))
            assertNull(q.counted(), q::toString);
        }
      }
    }
    assertTrue(total > 300, "too few quantities in the seeds: " + total);
  }

  @Test
  void survivesOddInput() {
    for (String s :
        new String[] {
          "",
          "1",
          "万",
          "百分之",
          "百分之%",
          "1—",
          "1.",
          "1,",
          "一十百千万亿",
          "。。。",
          "3至",
          "超",
          "1万亿元",
          "9999999999999999999999亿元"
        }) {
      for (Quantity q : parser.parse(s)) assertEquals(q.surface(), s.substring(q.start(), q.end()));
    }
    assertEquals(new BigDecimal("1000000000000"), only("1万亿元").value());
  }
}
