package org.w3id.ruralkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.source.PageReader;

/** Which unit a fact is about, on sentences from the seed pages, through the whole extractor. */
class PlaceAttributionTest {
  private static final ArticleExtractor EXTRACTOR =
      org.w3id.ruralkg.app.Extraction.shared().extractor();
  private static final PageReader READER = org.w3id.ruralkg.app.Extraction.shared().reader();

  private static List<ArticleFacts> extract(String text) {
    return EXTRACTOR.extract(READER.read("t.txt", text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String placeOf(String text, String quantity) {
    for (ArticleFacts a : extract(text)) {
      for (FigureFact f : a.figures())
        if (f.quantity().surface().equals(quantity))
          return f.place() == null ? null : f.place().canonicalName();
    }
    throw new AssertionError("no figure " + quantity);
  }

  @Test
  void aUnitThatOnlyNamesAPostGivesWayToTheSubjectOfTheSentence() {
    String t = "据红光社区党支部书记鲜波介绍,2024年永善县溪洛渡街道红光片区以工代赈项目的实施,带动当地群众434人参与工程就地就近就业。";
    assertEquals("溪洛渡街道", placeOf(t, "434人"));
  }

  @Test
  void thePlaceLastTalkedAboutCarriesForwardIntoParagraphsThatNameNone() {
    String t = "各地探索组织振兴新路。\n\n走进浙江安吉县夏阳村，天蓝水净草碧。\n\n懂市场，懂村情，村集体收入增加到175万元。";
    assertEquals("夏阳村", placeOf(t, "175万元"));
  }

  @Test
  void aStoryWhoseTitleNamesItsUnitCarriesOnlyPlacesWithinIt() {
    String t =
        "夏阳村：细细看振兴\n\n浙江湖州市安吉县夏阳村，村民种植蔬菜。\n\n这是今年2月上河南商丘大儿子家拍的合影。" + "\n\n家里有4亩地流转给村集体，每年4000元租金。";
    assertEquals("夏阳村", placeOf(t, "4000元"));
    // a round-up whose title names no unit still carries the place it moved to
    String u = "各地探索组织振兴新路\n\n浙江湖州市安吉县夏阳村，村民种植蔬菜。\n\n走进河南商丘市，天蓝水净。" + "\n\n家里有4亩地流转给村集体，每年4000元租金。";
    assertEquals("商丘市", placeOf(u, "4000元"));
    // a unit the story opens clauses with is what it is about there, title or not
    String v =
        "夏阳村：细细看振兴\n\n浙江湖州市安吉县夏阳村，村民种植蔬菜。\n\n近年来，河南商丘市加快发展天麻产业。" + "\n\n天麻加工旺季期间，公司提供30余个就业岗位。";
    assertEquals("商丘市", placeOf(v, "30余个"));
  }

  @Test
  void aRoundUpMovesFromPlaceToPlaceByParagraph() {
    String t =
        "各地探索组织振兴新路。\n\n走进浙江安吉县夏阳村，天蓝水净。\n\n村集体收入增加到175万元。"
            + "\n\n在江西信丰县高坎村，记者见到了村支书。\n\n他带着村民种下脐橙3000亩。";
    assertEquals("夏阳村", placeOf(t, "175万元"));
    assertEquals("高坎村", placeOf(t, "3000亩"));
  }

  @Test
  void aUnitActingThroughItsOwnPartyCommitteeKeepsTheFactsEvenAfterANarrowerUnit() {
    String t = "在新规划实施前，村民去城里需要绕道方塘村。2017年，义乌市委、市政府投入资金3000万元，打造10条美丽乡村精品线。";
    assertEquals("义乌市", placeOf(t, "3000万元"));
    // without the committee, the village just named refines the city
    String u = "在新规划实施前，村民去城里需要绕道方塘村。2017年，义乌市投入资金3000万元修路。";
    assertEquals("方塘村", placeOf(u, "3000万元"));
  }

  @Test
  void aSentenceNamingNoUnitGoesOnAboutTheUnitOfTheOfficialJustQuoted() {
    String t = "不只是刘庄村，沿线10多个村庄都种植蔬菜。李老家乡党委副书记侯让东说，技术还不成熟。下一步要开发脱水菜产品500吨。";
    assertEquals("李老家乡", placeOf(t, "500吨"));
    // a unit of the sentence's own, even a broader one, still comes first
    String u = "团结村党总支书记李建坤告诉记者，干部积极性高涨。目前麒麟区共评选出150个红旗村。";
    assertEquals("麒麟区", placeOf(u, "150个"));
  }

  @Test
  void aPlaceNamedAsAModelToCompareWithIsNoPlaceOfTheFacts() {
    String t = "李老家乡种植蔬菜1200亩，跟山东寿光等先进地方比，技术还不成熟。下一步要开发脱水菜产品500吨。";
    assertEquals("李老家乡", placeOf(t, "500吨"));
  }

  @Test
  void aDestinationOfSalesIsNoPlaceOfTheFacts() {
    String t = "马树镇种植草莓3000亩，产品销往广东，年产值2000万元。";
    assertEquals("马树镇", placeOf(t, "2000万元"));
  }

  @Test
  void unitsOutsideThePagesProvinceArePlacesToo() {
    String t = "巧家县马树镇大力发展草莓产业。\n\n浙江安吉县动员57名青年回村担任村党组织书记。";
    assertEquals("安吉县", placeOf(t, "57名"));
  }

  @Test
  void aPostsUnitIsThePlaceWhenNothingElseIs() {
    String t = "巧家县大力推进产业发展。\n\n团结村党总支书记李建坤告诉记者,开展活动以来共评选出15个先进典型。";
    assertEquals("团结村", placeOf(t, "15个"));
  }

  @Test
  void aCompanyNamedAfterTheCountyDoesNotMoveTheParagraphsTownship() {
    String t =
        "马树镇积极推动马铃薯、中药材等产业协同发展,累计带动1.75万人实现家门口就业。"
            + "巧家县洪邦农业发展有限公司党支部建设的4000亩马铃薯种植基地,全年可提供务工岗位3万人次。";
    assertEquals("马树镇", placeOf(t, "4000亩"));
    assertEquals("马树镇", placeOf(t, "3万人次"));
  }

  @Test
  void listedTownshipsStandForTheirCountyAndProgrammesHoldInEachOfThem() {
    String t =
        "巧家县推行就业帮扶。针对易地搬迁群众的就业难题,玉屏街道、白鹤滩街道等地的党组织推行“党员包户”摸排机制;" + "招引服装加工等8家劳动密集型企业入驻,带动近300人就近就业。";
    assertEquals("巧家县", placeOf(t, "8家"));
    Set<String> units =
        extract(t).stream()
            .flatMap(a -> a.industries().stream())
            .filter(i -> i.label().equals("服装加工"))
            .map(i -> i.unit().canonicalName())
            .collect(Collectors.toSet());
    assertEquals(Set.of("玉屏街道", "白鹤滩街道"), units);
  }

  @Test
  void placesOfMigrantWorkInOtherProvincesAreNotWhatTheFigureIsAbout() {
    String t = "昭通市坚持抓党建促就业。在昆明、浙江、广东等地建立97个流动党员党组织,在东莞、中山建立驻外人力资源服务站35个。";
    String p97 = placeOf(t, "97个"), p35 = placeOf(t, "35个");
    assertNotEquals("广东省", p97);
    assertNotEquals("广东省", p35);
    assertEquals("昭通市", p35);
  }

  @Test
  void referencesLike我省AndThe全县ResolveToTheUnitInFocus() {
    String t = "昭通市永善县加快发展。全县累计发放贷款500万元。我省加大力度。";
    List<UnitMention> units = extract(t).get(0).units();
    assertTrue(
        units.stream().anyMatch(u -> u.surface().equals("全县") && u.canonicalName().equals("永善县")),
        units.toString());
    assertTrue(
        units.stream().anyMatch(u -> u.surface().equals("我省") && u.canonicalName().equals("云南省")),
        units.toString());
    assertEquals("永善县", placeOf(t, "500万元"));
  }

  @Test
  void anAnaphorLike村里GoesOnAboutTheVillageNamedLast() {
    String t = "在河南林州市横水镇晋家坡村，记者见到了村支书。\n\n各地经验值得总结。\n\n“鲍鑫辞职回村”，村里修路投入资金300万元。";
    assertEquals("晋家坡村", placeOf(t, "300万元"));
    List<UnitMention> units = extract(t).get(0).units();
    assertTrue(
        units.stream().anyMatch(u -> u.surface().equals("村里") && u.canonicalName().equals("晋家坡村")),
        units.toString());
  }

  private static List<String> programmePlaces(String text, String label) {
    return extract(text).stream()
        .flatMap(a -> a.programmes().stream())
        .filter(f -> f.label().equals(label))
        .map(f -> f.unit() == null ? "-" : f.unit().canonicalName())
        .toList();
  }

  @Test
  void aProgrammeGoesOnInTheVillageThePreviousParagraphEndedIn() {
    String t = "各地探索组织振兴新路。\n\n走进浙江安吉县夏阳村，天蓝水净。\n\n在河南林州市横水镇晋家坡村，记者见到了村支书。\n\n“农民夜校”办得火热，农民学政策学技术。";
    assertEquals(List.of("晋家坡村"), programmePlaces(t, "农民夜校"));
    // a sentence about many places is a general statement
    String u = "各地探索组织振兴新路。\n\n走进浙江安吉县夏阳村，天蓝水净。\n\n在河南林州市横水镇晋家坡村，记者见到了村支书。\n\n各地大力推进网格化管理。";
    assertEquals(List.of("-"), programmePlaces(u, "网格化管理"));
    // and a county is not carried: the paragraph before must end in a township or village
    String v = "各地探索组织振兴新路。\n\n走进浙江安吉县夏阳村，天蓝水净。\n\n河南林州市加快发展。\n\n“农民夜校”办得火热。";
    assertEquals(List.of("-"), programmePlaces(v, "农民夜校"));
  }

  @Test
  void aPlanForWhatComesNextIsCarriedOutNowhereInParticular() {
    // a story whose title names its village: a programme named in passing is the village's, one in
    // a statement of what is to be done next (今后要…) is a general policy and has no place
    String t =
        "蹲点刘庄村\n\n今年6月，本报记者来到河南省虞城县李老家乡刘庄村驻村。\n\n村里把公益性岗位留给脱贫户。\n\n"
            + "从增收动力看，务工就业很重要。今后要通过公益性岗位安置等，帮助更多脱贫人口就业。";
    List<String> places = programmePlaces(t, "公益性岗位");
    assertEquals(List.of("刘庄村", "-"), places);
  }

  @Test
  void aQuotationOpeningAParagraphIsAboutTheUnitOfItsSpeaker() {
    String t =
        "各地发展产业。\n\n走进浙江安吉县夏阳村，天蓝水净。\n\n麒麟区茨营镇种植蔬菜。\n\n“农民群众争积分,大家工作更有激情。”团结村党总支书记李建坤告诉记者,干部积极性高涨。";
    assertEquals(List.of("团结村"), programmePlaces(t, "积分制"));
  }

  @Test
  void anAnaphorInASentenceThatNamesAUnitSpeaksOfVillagesInGeneral() {
    String t = "在河南林州市横水镇晋家坡村，记者见到了村支书。信丰县发动村里党员2000名加入网格员队伍。";
    assertEquals("信丰县", placeOf(t, "2000名"));
    List<UnitMention> units = extract(t).get(0).units();
    assertTrue(units.stream().noneMatch(u -> u.surface().equals("村里")), units.toString());
    // 村里的 is a village's possessions in general, not a reference
    String u = "在河南林州市横水镇晋家坡村，记者见到了村支书。村里的党员有50名。";
    assertTrue(extract(u).get(0).units().stream().noneMatch(m -> m.surface().startsWith("村里")), u);
  }

  @Test
  void aUnitInTheSpansOwnClauseWinsOverAMoreSpecificOneEarlier() {
    String t = "大关县木杆镇拥有竹资源31.5万亩。以工代赈项目改善了细沙村的道路,也为木杆镇建设100公里旅游环线奠定了基础。";
    assertEquals("木杆镇", placeOf(t, "100公里"));
  }
}
