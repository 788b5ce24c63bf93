package org.w3id.ruralkg.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.source.Page;

class UnitLinkerTest {
  private static final UnitLinker LINKER = org.w3id.ruralkg.app.Extraction.shared().linker();

  private static List<UnitMention> link(Page page) {
    return LINKER.link(page, page.articles().get(0));
  }

  private static List<UnitMention> seed(String prefix) {
    return link(TestPages.seed(prefix));
  }

  private static List<UnitMention> text(String text) {
    return link(TestPages.text(text));
  }

  private static List<UnitMention> withSurface(List<UnitMention> ms, String surface) {
    List<UnitMention> out = ms.stream().filter(m -> m.surface().equals(surface)).toList();
    assertFalse(out.isEmpty(), "no mention " + surface);
    return out;
  }

  private static void allLinkedTo(List<UnitMention> ms, String surface, String code) {
    for (UnitMention m : withSurface(ms, surface)) {
      assertTrue(m.linked(), surface + " at " + m.start() + " unresolved");
      assertEquals(code, m.division().code(), surface + " at " + m.start());
    }
  }

  @Test
  void seedTownshipsAndVillagesResolveFromContext() {
    List<UnitMention> s000 = seed("000");
    allLinkedTo(s000, "马树镇", "530622105");
    allLinkedTo(s000, "木桥村", "530622105202");
    allLinkedTo(s000, "团结村", "530626102202");
    UnitMention tuanjie = withSurface(s000, "团结村").get(0);
    assertEquals("南岸镇", tuanjie.parentName());
    assertEquals(Level.VILLAGE, tuanjie.level());
    allLinkedTo(seed("004"), "新街镇", "530621108");
    allLinkedTo(seed("003"), "平原镇", "520626111");
  }

  @Test
  void shortFormsResolveToTheCanonicalUnit() {
    UnitMention qiaojia = withSurface(seed("000"), "巧家").get(0);
    assertEquals("530622", qiaojia.division().code());
    assertEquals("巧家县", qiaojia.canonicalName());
    assertEquals("昭通市", qiaojia.parentName());
    assertEquals(Level.COUNTY, qiaojia.level());
    UnitMention wuzhai = withSurface(seed("000"), "伍寨乡").get(0);
    assertEquals("伍寨彝族苗族乡", wuzhai.canonicalName());
    UnitMention nujiang = withSurface(seed("002"), "怒江州").get(0);
    assertEquals("怒江傈僳族自治州", nujiang.canonicalName());
  }

  @Test
  void parentsComeFromTheGazetteer() {
    UnitMention weixi = withSurface(seed("002"), "维西傈僳族自治县").get(0);
    assertEquals("迪庆藏族自治州", weixi.parentName());
    assertEquals("533423", weixi.division().code());
  }

  @Test
  void sameNameTownshipWithoutContextStaysUnresolved() {
    List<UnitMention> ms = text("城关镇开展活动，群众积极参与。");
    assertEquals(1, ms.size());
    UnitMention m = ms.get(0);
    assertNull(m.division());
    assertEquals("城关镇", m.canonicalName());
    assertEquals(Level.TOWNSHIP, m.level());
    assertTrue(m.confidence() < 0.5);
  }

  @Test
  void sameNameTownshipLinksUnderTheCountyOfTheSentence() {
    List<UnitMention> ms = text("鲁甸县新街镇开展活动。\n\n次日，新街镇召开大会。");
    allLinkedTo(ms, "新街镇", "530621108");
  }

  @Test
  void unitsMissingFromTheGazetteerKeepTheirContextParent() {
    List<UnitMention> ms = seed("002");
    UnitMention xin = withSurface(ms, "新社区").get(0);
    assertNull(xin.division());
    assertEquals(Level.VILLAGE, xin.level());
    assertEquals("永丰镇", xin.parentName());
  }

  @Test
  void villageAbsentUnderItsTownshipIsNotLinkedToANamesakeElsewhere() {
    // 泗水村 exists elsewhere? Either way it must not be linked outside 矿山镇
    for (UnitMention m : withSurface(seed("002"), "泗水村")) {
      assertTrue(m.division() == null || m.division().parentCode().equals("530326105"));
      assertEquals("矿山镇", m.parentName());
    }
  }

  @Test
  void shortFormsDoNotFireInsideOrdinaryWords() {
    assertEquals(List.of(), text("推进强村富民行动，整合政策、资金、技术与资源，让社会安宁。"));
    assertEquals(List.of(), text("守好金沙江这一江清水，漫山遍野的云南松。"));
    assertEquals(List.of(), text("把党员团结在党支部下，团结村民，带动周边县(市、区)5000余名群众就业。"));
    assertEquals(List.of(), text("整合沿江乡镇的力量，为全乡经济社会高质量发展乡村振兴营造环境。"));
    assertEquals(List.of(), text("各地区各部门坚持培育文明乡风、良好家风。"));
    assertTrue(text("越西县农业农村局局长罗热说。").stream().noneMatch(m -> m.surface().contains("农业")));
    assertEquals(List.of(), text("培育壮大文旅产业，在工业园区、红光安置区建设务工车间。"));
  }

  @Test
  void shortFormsCountAsStandaloneNames() {
    List<UnitMention> ms = text("思南:紧扣乡村振兴\n\n昭通是全省脱贫人口最多的地级市，永善伍寨乡党委推动发展。");
    assertEquals("思南县", withSurface(ms, "思南").get(0).canonicalName());
    assertEquals("昭通市", withSurface(ms, "昭通").get(0).canonicalName());
    assertEquals("永善县", withSurface(ms, "永善").get(0).canonicalName());
    assertTrue(ms.stream().noneMatch(m -> m.surface().startsWith("紧扣")));
  }

  @Test
  void aNameOfSeveralUnitsIsTheOneAUnitNamedWithItLiesIn() {
    // 河南 is 河南省 and 河南蒙古族自治县, 河北 is 河北省 and 天津市河北区
    allLinkedTo(text("河南商丘市虞城县刘庄村，村民种植蔬菜。"), "河南", "410000");
    allLinkedTo(text("他们去过四川德阳、河北邢台等地学习。"), "河北", "130000");
  }

  @Test
  void aProvincesShortFormOpeningAClauseIsTheProvince() {
    List<UnitMention> ms = text("为发挥乡镇的作用，河南深化乡镇机构改革，在乡镇成立党建工作办公室。");
    assertEquals("河南省", withSurface(ms, "河南").get(0).canonicalName());
    // inside a brand it is not: HanLP reads 云南白药 as one word
    assertEquals(List.of(), text("他说，云南白药的销量很好。"));
  }

  @Test
  void provincesNamedTogetherByOneCharacterEachAreEachMentioned() {
    List<UnitMention> ms = text("就业劳动力主要是劳务输出广东、江浙沿海一带。");
    assertEquals(
        List.of("广东省", "江苏省", "浙江省"), ms.stream().map(UnitMention::canonicalName).toList());
    assertEquals(List.of("江", "浙"), ms.subList(1, 3).stream().map(UnitMention::surface).toList());
    assertEquals(
        List.of("河南省", "山东省", "安徽省"),
        text("咱这儿地处豫鲁皖三省交界，车流量大。").stream().map(UnitMention::canonicalName).toList());
  }

  @Test
  void aShortFormAProvinceSharesWithACountyIsTheProvinceBeforeACleanRightSide() {
    // 河南 is also 河南蒙古族自治县: before a number it is still a province's short form
    List<UnitMention> ms = text("“全国评了246个，整个河南8个，商丘就俺们一个。”");
    assertEquals("河南省", withSurface(ms, "河南").get(0).canonicalName());
  }

  @Test
  void bareTownshipsInAListAreLinkedUnderTheCounty() {
    List<UnitMention> ms = text("巧家县组建了文旅产业党建联盟，通过整合金塘、蒙姑等沿江乡镇的党组织力量。");
    allLinkedTo(ms, "金塘", "530622111");
    allLinkedTo(ms, "蒙姑", "530622112");
  }

  @Test
  void writtenCommitteeFormsBelongToTheMention() {
    List<UnitMention> ms = text("巧家县大寨镇海口社区居民委员会和马树镇木桥村民委员会召开会议。");
    UnitMention haikou = withSurface(ms, "海口社区居民委员会").get(0);
    assertEquals("海口社区", haikou.canonicalName());
    assertEquals("530622102002", haikou.division().code());
    allLinkedTo(ms, "木桥村民委员会", "530622105202");
  }

  @Test
  void offsetsPointIntoThePageText() {
    Page page = TestPages.seed("001");
    for (UnitMention m : link(page))
      assertEquals(m.surface(), page.text().substring(m.start(), m.end()));
  }

  @Test
  void productsNamedAfterTownshipsInAListNameTheTownships() {
    List<UnitMention> ms = text("在河南林州市，重点打造东姚小米、茶店菊花、横水红薯、桂林辣椒等八大农业产业基地。");
    allLinkedTo(ms, "东姚", "410581103");
    allLinkedTo(ms, "茶店", "410581114");
    allLinkedTo(ms, "横水", "410581104");
    // 桂林 is also a prefecture's short form: beside three townships of 林州市 it is the township
    allLinkedTo(ms, "桂林", "410581113");
  }

  @Test
  void oneWordRepeatedInAListNamesNoTownship() {
    // 民主镇 lies in 马边彝族自治县, but 民主管理、民主决策 names one word twice
    List<UnitMention> ms = text("马边彝族自治县推动民主管理、民主决策，让村民当家作主。");
    assertTrue(ms.stream().noneMatch(m -> m.surface().equals("民主")), ms.toString());
  }
}
