package org.w3id.ruralkg.extract.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.extract.ProgrammeFact;
import org.w3id.ruralkg.link.Level;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.SentenceSplitter;

class ProgrammeRecognizerTest {
  private static final ProgrammeRecognizer R = new ProgrammeRecognizer();

  private static List<ProgrammeFact> run(String text) {
    return R.recognise(text, SentenceSplitter.split(text, 0), (s, e) -> null);
  }

  private static List<String> labels(String text) {
    return run(text).stream().map(ProgrammeFact::label).toList();
  }

  @Test
  void conceptWithUnitAndEvidence() {
    String text = "针对无法外出务工的群众,巧家县各级党组织积极推行“以工代赈”模式,成立项目临时党支部,优先吸纳脱贫劳动力。";
    UnitMention county = SeedFixture.unit(text, "巧家县", 0, "巧家县", Level.COUNTY, "昭通市");
    List<ProgrammeFact> facts =
        R.recognise(text, SentenceSplitter.split(text, 0), (s, e) -> county);
    assertEquals(1, facts.size(), facts.toString());
    ProgrammeFact f = facts.get(0);
    assertEquals("以工代赈", f.label());
    assertEquals("yi-gong-dai-zhen", f.conceptId());
    assertSame(county, f.unit());
    assertEquals("以工代赈", f.evidence().quote());
    assertEquals(text.indexOf("以工代赈"), f.evidence().start());
    assertEquals(text, f.evidence().sentence());
  }

  @Test
  void synonymsAreNormalised() {
    assertEquals(List.of("院坝会"), labels("一场以学习党的二十届四中全会精神为主题的“院坝夜话”,正以最接地气的方式开展。"));
    assertEquals(List.of("易地扶贫搬迁"), labels("易地搬迁劳动力转移率达92.04%。"));
    assertEquals(List.of("积分制"), labels("打造“银领先锋”志愿品牌,推广“积分超市”,创办假期学校。"));
    // points alone are the points system (SPEC: 积分超市/积分制)
    assertEquals(List.of("积分制"), labels("翻开刘垴村的积分明细表,村党支部副书记说。"));
    assertEquals(List.of("就业帮扶", "产业帮扶"), labels("全面提高就业扶贫、产业扶贫的水平。"));
    assertEquals(List.of("驻村帮扶"), labels("对于村(社区)“两委”干部、驻村工作队队员,重点加强培训。"));
  }

  @Test
  void workTrainingIsNotWorkForRelief() {
    assertEquals(List.of("易地扶贫搬迁"), labels("通过短期以工代训,易地扶贫搬迁群众已掌握了一至两项基本的施工技能。"));
  }

  @Test
  void namedLocalSchemes() {
    assertEquals(List.of("2+5工作机制"), labels("伍寨乡坚持党建引领基层治理,深化“2+5”工作机制,打通矛盾纠纷化解“最后一公里”。"));
    assertEquals(List.of("131就业帮扶服务", "就业帮扶"), labels("成立公共创业服务中心党支部,落实“131”就业帮扶服务和离岗返乡人员应急帮扶机制。"));
    assertEquals(List.of("巧十条"), labels("由巧家县委组织部、县财政局等部门党组织联合推动的“巧十条”落地见效。"));
    // a quoted name that contains a programme's name is a scheme of its own
    assertEquals(List.of("强村富民指数"), labels("湖州市建立“强村富民指数”评价体系,推动形成比学赶超浓厚氛围。"));
    assertEquals(List.of("三联三争"), labels("今年以来,麒麟区将“三联三争”机制的立足点和出发点落在扶贫上。"));
    assertEquals(List.of("四领模式"), labels("创新推行“支部领衔、党员领头、大户领办、群众领管”的“四领模式”。"));
    assertEquals(List.of("一线工作法"), labels("推行“一线工作法”,选优配强村(社区)“两委”干部140名。"));
    assertEquals(List.of("十万人进城", "易地扶贫搬迁"), labels("在实施“十万人进城”易地搬迁项目的会泽县,越来越多的“新市民”走上工地。"));
    assertEquals(List.of("一县一团"), labels("中组部会同农业农村部等多部门,以“一县一团”方式,向重点帮扶县选派科技人员。"));
    assertEquals(List.of("三张清单"), labels("建立依法自治事项、协助行政事项和负面事项“三张清单”,撤除不合理承担的事项。"));
    assertEquals(List.of("党建统领·四共四筹"), labels("博儒桥村推出“党建统领·四共四筹”特色机制。"));
    // ASCII quotes, with a stray one before
    assertEquals(List.of("721利益分配机制"), labels("统一供种\"。 为让产业红利更好地惠及群众, 彝良县创新建立\"721\"利益分配机制:"));
    // a construction named in quotes, and a name of parallel parts joined by 、
    assertEquals(List.of("小五化"), labels("开展包括庭院美化、环境优化等在内的“小五化”建设。"));
    assertEquals(List.of("人人持证、技能河南"), labels("同时推进“人人持证、技能河南”建设。"));
  }

  @Test
  void quotedWordsThatAreNotSchemes() {
    assertEquals(List.of(), labels("伍寨乡中寨村“两委”迅速行动,党员干部迅速赶到现场。"));
    assertEquals(List.of(), labels("联合开展“三资”管理突出问题专项整治行动。"));
    assertEquals(List.of(), labels("以“党建+市场主体+农户”的利益联结机制,有效整合政策。"));
    assertEquals(List.of(), labels("开展58场“直播带岗”活动。"));
    // 的 between the name and the head makes a description, not a name
    assertEquals(List.of(), labels("通过“分批次接待、一对一沟通”的方式,解决群众诉求。"));
    assertEquals(List.of(), labels("采取“走出去”的方式,选派119人参加上级调训。"));
    assertEquals(List.of(), labels("实施“党员教师支教”“名医下乡坐诊”等惠民工程。"));
    // a name with 的 in it is a description; parts of one or two characters a list of words
    assertEquals(List.of(), labels("推进“家门口的务工车间”建设。"));
    assertEquals(List.of(), labels("围绕“吃、住、行”建设配套设施。"));
    assertEquals(
        List.of(),
        labels("在易地扶贫搬迁安置点成立“一站式”社区综合服务站。").stream().filter(l -> !l.equals("易地扶贫搬迁")).toList());
  }

  @Test
  void organisationOfRelocationJobsAndIndustryIsThreeOrganisations() {
    List<ProgrammeFact> f = run("推动产业扶贫、就业扶贫、易地扶贫搬迁组织化——");
    assertEquals(
        List.of("产业帮扶", "就业帮扶", "易地扶贫搬迁", "三个组织化"), f.stream().map(ProgrammeFact::label).toList());
    assertEquals(List.of(), labels("提高党组织的组织化水平。"));
  }

  @Test
  void localSchemeHasNoConcept() {
    ProgrammeFact f = run("深化“2+5”工作机制。").get(0);
    assertNull(f.conceptId());
    assertTrue(f.evidence().quote().startsWith("2+5"));
  }
}
