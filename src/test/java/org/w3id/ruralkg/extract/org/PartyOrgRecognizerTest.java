package org.w3id.ruralkg.extract.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.extract.OrgFact;
import org.w3id.ruralkg.extract.PlaceAttributor;
import org.w3id.ruralkg.link.Level;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.SentenceSplitter;

class PartyOrgRecognizerTest {
  private static final PartyOrgRecognizer R = new PartyOrgRecognizer();

  private static List<OrgFact> run(String text, List<UnitMention> units, PlaceAttributor places) {
    return R.recognise(text, SentenceSplitter.split(text, 0), units, places);
  }

  private static List<String> mentions(String text) {
    return run(text, List.of(), (s, e) -> null).stream().map(OrgFact::mention).toList();
  }

  private static UnitMention u(String text, String surface, String canonical, Level level) {
    return unitAt(text, surface, 0, canonical, level);
  }

  private static UnitMention unitAt(
      String text, String surface, int from, String canonical, Level level) {
    int s = text.indexOf(surface, from);
    return new UnitMention(s, s + surface.length(), surface, level, canonical, null, null, 0.9);
  }

  @Test
  void aBareBranchInAVillagesStoryIsThatVillagesBranch() {
    String text = "党支部每月开展主题党日活动。";
    UnitMention village = new UnitMention(0, 0, "晋家坡村", Level.VILLAGE, "晋家坡村", null, "横水镇", 0.9);
    List<OrgFact> got =
        R.recognise(
            text, SentenceSplitter.split(text, 0), List.of(), (s, e) -> village, (s, e) -> village);
    assertEquals(List.of("党支部"), got.stream().map(OrgFact::mention).toList());
    assertSame(village, got.get(0).unit());
    // where nothing around names a village (a general statement), it is a generic mention
    UnitMention county = new UnitMention(0, 0, "林州市", Level.COUNTY, "林州市", null, null, 0.9);
    assertEquals(
        List.of(),
        R.recognise(
            text, SentenceSplitter.split(text, 0), List.of(), (s, e) -> village, (s, e) -> county));
  }

  @Test
  void aDescriptiveNameWithoutOwnerIsAKindOfOrganisationNotOne() {
    assertEquals(List.of(), mentions("对软弱涣散党支部进行整顿，评出五星级党支部。"));
  }

  @Test
  void aDescriptiveNameWithAGroupHeadIsOneOrganisation() {
    assertEquals(List.of("苹果产业党支部"), mentions("成立了苹果产业党支部。"));
  }

  @Test
  void theYouthLeaguesCommitteesAreNotThePartys() {
    assertEquals(List.of(), mentions("团县委组织青年志愿者，共青团泾源县委开展活动。"));
  }

  @Test
  void aFormalNameIsTheBranchItNames() {
    // 支部委员会 is the formal name of a 党支部: the party's name opens the mention, not the host's
    String text = "经研究，成立中共鱼米之乡产业示范园项目临时支部委员会，局长担任书记。另设立东村农业专业合作社总支部委员会。";
    UnitMention town = u(text, "东村", "东村", Level.VILLAGE);
    List<OrgFact> f = run(text, List.of(), (s, e) -> town);
    assertEquals(
        List.of("中共鱼米之乡产业示范园项目临时支部委员会", "东村农业专业合作社总支部委员会"),
        f.stream().map(OrgFact::mention).toList());
    assertEquals("临时党支部", f.get(0).kind());
    assertEquals("鱼米之乡产业示范园项目", f.get(0).host());
    assertEquals("党总支", f.get(1).kind());
    assertEquals("东村农业专业合作社", f.get(1).host());
  }

  @Test
  void companyBranchTakesTheUnitFromContext() {
    String text = "马树镇积极推动马铃薯产业发展。巧家县洪邦农业发展有限公司党支部建设的4000亩马铃薯种植基地。";
    UnitMention town = u(text, "马树镇", "马树镇", Level.TOWNSHIP);
    UnitMention county = u(text, "巧家县", "巧家县", Level.COUNTY);
    List<OrgFact> f = run(text, List.of(town, county), (s, e) -> town);
    assertEquals(1, f.size(), f.toString());
    assertEquals("巧家县洪邦农业发展有限公司党支部", f.get(0).mention());
    assertEquals("党支部", f.get(0).kind());
    assertEquals("巧家县洪邦农业发展有限公司", f.get(0).host());
    assertSame(town, f.get(0).unit());
    assertEquals(text.indexOf("巧家县洪邦"), f.get(0).evidence().start());
  }

  @Test
  void adminChainTakesTheLastUnit() {
    String text = "大寨镇海口社区党总支通过“党建+合作社+农户”模式,打造猫薄荷花椒示范基地。";
    UnitMention town = u(text, "大寨镇", "大寨镇", Level.TOWNSHIP);
    UnitMention village = u(text, "海口社区", "海口社区", Level.VILLAGE);
    List<OrgFact> f = run(text, List.of(town, village), (s, e) -> town);
    assertEquals(List.of("大寨镇海口社区党总支"), f.stream().map(OrgFact::mention).toList());
    assertSame(village, f.get(0).unit());
    assertNull(f.get(0).host());
  }

  @Test
  void bureauBelongsToItsUnit() {
    String text = "在物流体系建设方面,巧家县交通运输局党支部牵头推进县级寄递物流公共配送中心建设。";
    UnitMention county = u(text, "巧家县", "巧家县", Level.COUNTY);
    OrgFact f = run(text, List.of(county), (s, e) -> null).get(0);
    assertEquals("巧家县交通运输局党支部", f.mention());
    assertEquals("巧家县交通运输局", f.host());
    assertSame(county, f.unit());
  }

  @Test
  void countyCommitteeAndItsOrganisationDepartment() {
    String text = "作为国家级乡村振兴重点帮扶县,巧家县委始终把党建引领贯穿于乡村振兴。为精准输送岗位,巧家县委组织部、县人社局党支部协同发力。";
    UnitMention c1 = u(text, "巧家县", "巧家县", Level.COUNTY);
    UnitMention c2 = unitAt(text, "巧家县", c1.end(), "巧家县", Level.COUNTY);
    List<OrgFact> f = run(text, List.of(c1, c2), (s, e) -> c1);
    assertEquals(List.of("巧家县委", "巧家县委组织部", "县人社局党支部"), f.stream().map(OrgFact::mention).toList());
    assertEquals(List.of("党委", "组织部", "党支部"), f.stream().map(OrgFact::kind).toList());
    assertSame(c1, f.get(0).unit());
    assertSame(c2, f.get(1).unit());
    assertEquals("巧家县", f.get(2).unit().canonicalName());
    assertEquals("巧家县人社局", f.get(2).host());
  }

  @Test
  void cityBureauBranchWithModifiers() {
    String text = "昭通市发改委党组深入推进全市以工代赈项目。市发改委机关第二党支部作为“支部引办”项目。";
    UnitMention city = u(text, "昭通市", "昭通市", Level.PREFECTURE);
    List<OrgFact> f = run(text, List.of(city), (s, e) -> city);
    assertEquals(List.of("昭通市发改委党组", "市发改委机关第二党支部"), f.stream().map(OrgFact::mention).toList());
    assertEquals(List.of("党组", "党支部"), f.stream().map(OrgFact::kind).toList());
    assertEquals("昭通市发改委", f.get(0).host());
    assertEquals("昭通市发改委", f.get(1).host());
    assertSame(city, f.get(1).unit());
  }

  @Test
  void townshipCommitteeWithGovernment() {
    String text = "这起劳资纠纷,在伍寨乡党委、乡政府的统筹推动下成功化解。";
    UnitMention town = u(text, "伍寨乡", "伍寨彝族苗族乡", Level.TOWNSHIP);
    OrgFact f = run(text, List.of(town), (s, e) -> town).get(0);
    assertEquals("伍寨乡党委", f.mention());
    assertEquals("伍寨彝族苗族乡", f.unit().canonicalName());
  }

  @Test
  void projectBranchNamesTheProject() {
    String text = "巧家县各级党组织积极推行“以工代赈”模式,成立项目临时党支部,优先吸纳脱贫劳动力。";
    UnitMention county = u(text, "巧家县", "巧家县", Level.COUNTY);
    List<OrgFact> f = run(text, List.of(county), (s, e) -> county);
    assertEquals(1, f.size(), f.toString());
    assertEquals("项目临时党支部", f.get(0).mention());
    assertEquals("临时党支部", f.get(0).kind());
    assertEquals("以工代赈项目", f.get(0).host());
    assertSame(county, f.get(0).unit());
  }

  @Test
  void coordinatedHostsTiedByDe() {
    String text = "技能提升为就业赋能。巧家县依托县委党校、职业技能培训学校的党支部,围绕产业发展需求开展培训。";
    UnitMention county = u(text, "巧家县", "巧家县", Level.COUNTY);
    List<OrgFact> f = run(text, List.of(county), (s, e) -> county);
    assertEquals(List.of("县委党校、职业技能培训学校的党支部"), f.stream().map(OrgFact::mention).toList());
    assertEquals("县委党校、职业技能培训学校", f.get(0).host());
  }

  @Test
  void levelWordTakesTheUnitInFocus() {
    String text = "初到石燕村,我向村党总支书记请教。";
    UnitMention village = u(text, "石燕村", "石燕村", Level.VILLAGE);
    OrgFact f = run(text, List.of(village), (s, e) -> village).get(0);
    assertEquals("村党总支", f.mention());
    assertSame(village, f.unit());
  }

  @Test
  void bareCountyCommitteeFindsTheCounty() {
    String text = "会泽县把易地扶贫搬迁作为治本之策。会泽县易地扶贫搬迁新城建设指挥部指挥长、县委书记缪平章介绍。";
    UnitMention c1 = u(text, "会泽县", "会泽县", Level.COUNTY);
    UnitMention c2 = unitAt(text, "会泽县", c1.end(), "会泽县", Level.COUNTY);
    List<OrgFact> f = run(text, List.of(c1, c2), (s, e) -> null);
    assertEquals(List.of("县委"), f.stream().map(OrgFact::mention).toList());
    assertEquals("会泽县", f.get(0).unit().canonicalName());
  }

  @Test
  void namedDescriptiveBranches() {
    String text = "2018年,新社区党支部专门成立了“苹果产业党支部”,党员干部一户一户敲门。";
    UnitMention village = u(text, "新社区", "新社区", Level.VILLAGE);
    List<OrgFact> f = run(text, List.of(village), (s, e) -> village);
    assertEquals(List.of("新社区党支部", "苹果产业党支部"), f.stream().map(OrgFact::mention).toList());
    assertSame(village, f.get(1).unit());
    assertNull(f.get(1).host());
  }

  @Test
  void foundedOrWithGovernmentBareOrganisations() {
    assertEquals(List.of("临时党工委", "临时党支部"), mentions("在镇雄县,县级层面成立了临时党工委,各迁出乡镇及安置点分别成立临时党支部。"));
    assertEquals(List.of("党委"), mentions("在德钦县,党委、政府集中财力、物力和人力实施生态移民。"));
  }

  @Test
  void genericMentionsAreSkipped() {
    List<String> none = new ArrayList<>();
    for (String s :
        List.of(
            "全镇各村党总支牵头组建产业服务队。",
            "线下则由各村党支部牵头,组织167场村级巡回招聘会。",
            "以“党支部+合作社”的模式,组建“党支部+产业合作社”1948个。",
            "在125个易地扶贫搬迁安置点上建立党工委2个、党支部4个。",
            "计划新成立党总支(社区党委)11个,党支部70个左右。",
            "成立靖安、卯家湾等5个临时党工委。",
            "推动58个居民小区党支部全覆盖并配齐网格力量。",
            "将党支部建在产业链上,把党员团结在党支部下。",
            "组建156个流动党员“网上党支部”。",
            "纳入党委(党组)理论学习中心组学习“第一课题”。",
            "玉屏街道、白鹤滩街道等地的党组织推行摸排机制。",
            "县委常委会议研究部署。",
            "红光社区委员会换届。")) {
      none.addAll(mentions(s));
    }
    assertEquals(List.of(), none);
  }
}
