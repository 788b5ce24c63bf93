package org.w3id.ruralkg.extract.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.extract.IndustryFact;
import org.w3id.ruralkg.link.Level;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.nlp.SentenceSplitter;

class IndustryRecognizerTest {
  private static final IndustryRecognizer R = new IndustryRecognizer();

  private static List<String> labels(String text) {
    return R.recognise(text, SentenceSplitter.split(text, 0), (s, e) -> null).stream()
        .map(IndustryFact::label)
        .toList();
  }

  @Test
  void productsWithUnit() {
    String text = "马树镇党委组织党员干部主动对接科研机构改良草莓品种,协调资金建设草莓冻干厂,全程跟踪并服务产业发展。";
    UnitMention town = SeedFixture.unit(text, "马树镇", 0, "马树镇", Level.TOWNSHIP, "巧家县");
    List<IndustryFact> facts = R.recognise(text, SentenceSplitter.split(text, 0), (s, e) -> town);
    assertEquals(List.of("草莓", "草莓", "冻干加工"), facts.stream().map(IndustryFact::label).toList());
    assertEquals("cao-mei", facts.get(0).conceptId());
    assertSame(town, facts.get(1).unit());
    assertEquals(text.indexOf("草莓冻干厂"), facts.get(1).evidence().start());
    assertEquals("冻干厂", facts.get(2).evidence().quote());
  }

  @Test
  void aProductWordInsideAPlacesNameIsNoProduct() {
    String text = "项目聚焦草皮地村和小米地村低收入群众,重点打造东姚小米种植基地。";
    UnitMention village = SeedFixture.unit(text, "小米地村", 0, "小米地村", Level.VILLAGE, "马树镇");
    List<IndustryFact> facts =
        R.recognise(text, SentenceSplitter.split(text, 0), (s, e) -> null, List.of(village));
    assertEquals(List.of("小米"), facts.stream().map(IndustryFact::label).toList());
    assertEquals(text.indexOf("小米种植"), facts.get(0).evidence().start());
    // without the unit mentions the village's name reads as the product
    assertEquals(List.of("小米", "小米"), labels(text));
  }

  @Test
  void shortestCommonName() {
    assertEquals(List.of("马铃薯"), labels("技术骨干攻关培育的脱毒种薯使亩产增加500—1000公斤。"));
    assertEquals(List.of("天麻"), labels("划定5000亩乌天麻野生种源保护区。"));
    assertEquals(List.of("马铃薯"), labels("阿香家庭农场的小黑洋芋进入采收季。"));
    assertEquals(List.of("服装加工", "电子产品组装"), labels("招引服装加工、电子产品组装等8家劳动密集型企业入驻。"));
    assertEquals(List.of("毛绒玩具加工"), labels("成功引进一家毛绒玩具加工厂。"));
  }

  @Test
  void singleCharacterOnlyInLists() {
    assertEquals(List.of("竹"), labels("助力群众更好地发展竹、药产业。"));
    assertEquals(List.of(), labels("小草坝镇金竹村村民黄启凤笑着说。"));
  }

  @Test
  void notIndustries() {
    assertEquals(List.of(), labels("让城里人来住农家屋、赏河观景、吃农家菜?"));
    assertEquals(List.of(), labels("像石榴籽一样紧紧抱在一起。"));
    assertEquals(List.of(), labels("盘活闲置资产打造李子坪等10余家“两菌”生产基地。"));
    assertEquals(List.of(), labels("让特色产业成为群众增收的“压舱石”。"));
  }

  @Test
  void aProductIsDevelopedOnlyWhereSomeSentenceSpeaksOfDevelopingItThere() {
    String text = "龙脊镇大寨村,龙脊梯田被稻谷点缀。和平村村民种植水稻,也出产优质稻米。";
    UnitMention dazhai = SeedFixture.unit(text, "大寨村", 0, "大寨村", Level.VILLAGE, "龙脊镇");
    UnitMention heping = SeedFixture.unit(text, "和平村", 0, "和平村", Level.VILLAGE, "龙脊镇");
    int second = text.indexOf("和平村");
    List<IndustryFact> facts =
        R.recognise(text, SentenceSplitter.split(text, 0), (s, e) -> s < second ? dazhai : heping);
    // 稻谷 in 大寨村 is named in passing; 种植水稻 in 和平村 is developed, and so is 出产…稻米
    assertEquals(
        List.of("水稻 和平村", "稻米 和平村"),
        facts.stream().map(f -> f.label() + " " + f.unit().canonicalName()).toList());
  }
}
