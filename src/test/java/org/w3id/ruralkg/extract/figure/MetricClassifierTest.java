package org.w3id.ruralkg.extract.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.ruralkg.extract.Quantity;

class MetricClassifierTest {
  private final QuantityParser parser = new QuantityParser();
  private final MetricClassifier classifier = new MetricClassifier();

  private String metricOf(String sentence, String surface) {
    Quantity q =
        parser.parse(sentence).stream()
            .filter(x -> x.surface().equals(surface))
            .findFirst()
            .orElseThrow(() -> new AssertionError(surface + " not found in " + sentence));
    return classifier.classify(sentence, q).code();
  }

  @ParameterizedTest(name = "{1} in {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      依托东西部协作资金建成的冻干厂，年加工鲜草莓3000吨，带动农户年增收2300万元，创造了1.25万个就业岗位。 | 2300万元 | income_increase
      依托东西部协作资金建成的冻干厂，年加工鲜草莓3000吨，带动农户年增收2300万元，创造了1.25万个就业岗位。 | 3000吨 | production
      依托东西部协作资金建成的冻干厂，年加工鲜草莓3000吨，带动农户年增收2300万元，创造了1.25万个就业岗位。 | 1.25万个 | jobs
      累计带动本地9332名群众实现就近务工(其中重点帮扶对象5634人)，发放劳务报酬8059.47万元。 | 8059.47万元 | wages
      累计带动本地9332名群众实现就近务工(其中重点帮扶对象5634人)，发放劳务报酬8059.47万元。 | 9332名 | employment
      累计带动本地9332名群众实现就近务工(其中重点帮扶对象5634人)，发放劳务报酬8059.47万元。 | 5634人 | employment
      全县已批复以工代赈项目38个，总投资6.75亿元，项目开工率达89.47%。 | 6.75亿元 | investment
      全县已批复以工代赈项目38个，总投资6.75亿元，项目开工率达89.47%。 | 38个 | projects
      全县已批复以工代赈项目38个，总投资6.75亿元，项目开工率达89.47%。 | 89.47% | rate
      累计发放246笔5407万元创业贷款，带动750人就业。 | 246笔 | loans
      累计发放246笔5407万元创业贷款，带动750人就业。 | 5407万元 | loans
      累计发放246笔5407万元创业贷款，带动750人就业。 | 750人 | employment
      其中八皮村、木桥村的村集体经济收益均超过50万元。 | 50万元 | collective_income
      帮助农户销售农产品近1000元。 | 1000元 | output_value
      巧家县188个村(社区)党组织积极牵头。 | 188个 | organisations
      建成15个乡镇驿站、143个村级服务点，村级快递覆盖率达99.3%。 | 143个 | facilities
      组织167场村级巡回招聘会，安排党员志愿者全程提供服务。 | 167场 | events
      组织5000余名党员干部开展常态化走访。 | 5000余名 | members
      精准落实产业帮扶2142户、就业帮扶4518户、公益性岗位安置773户。 | 4518户 | beneficiaries
      精准落实产业帮扶2142户、就业帮扶4518户、公益性岗位安置773户。 | 773户 | beneficiaries
      红光安置区，是永善县最大的易地扶贫搬迁安置区，安置全县13个乡镇3541户14669人。 | 3541户 | relocation
      红光安置区，是永善县最大的易地扶贫搬迁安置区，安置全县13个乡镇3541户14669人。 | 13个 | other
      2.5万亩草莓园铺就了一条“红色致富路”。 | 2.5万亩 | area
      已举办培训班75期，3049人次通过考核。 | 75期 | training
      已举办培训班75期，3049人次通过考核。 | 3049人次 | training
      在全县3688个村民小组监测网格中设立党员监测员。 | 3688个 | other
      制作61个企业宣传视频，累计向群众发送60余万条岗位短信，推送9万余个优质岗位。 | 61个 | other
      制作61个企业宣传视频，累计向群众发送60余万条岗位短信，推送9万余个优质岗位。 | 9万余个 | jobs
      目前已新增农村劳动力转移就业92325人，其中建档立卡贫困户劳动力49619人。 | 49619人 | employment
      村集体经营性收入从两年前的不足15万元，增加到175万元，走出了一条新路。 | 175万元 | collective_income
      带动群众就业从去年的300人，增长到今年的500人。 | 500人 | employment
      全省下拨了省管党费5260万元，对16个州市的2442个易地扶贫搬迁安置点党组织开展活动进行补助。 | 2442个 | organisations
      全省下拨了省管党费5260万元，对16个州市的2442个易地扶贫搬迁安置点党组织开展活动进行补助。 | 5260万元 | investment
      精准锁定易地扶贫搬迁对象8.44万户36.24万人。 | 8.44万户 | relocation
      10多块板凳围成一圈。 | 10多块 | other
      """)
  void classifiesFromCuesAndUnit(String sentence, String surface, String metric) {
    assertEquals(metric, metricOf(sentence, surface));
  }

  /**
   * Sentences written for this test, not taken from any page: what the counted noun's head and the
   * measure say.
   */
  @ParameterizedTest(name = "{1} in {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      村里今年新修了12座蓄水池。 | 12座 | facilities
      全县组建了160个志愿服务队。 | 160个 | organisations
      镇里组织安全检查3次。 | 3次 | events
      当年共培养了30名乡村工匠骨干。 | 30名 | members
      全村28名在村党员分包联系农户。 | 28名 | members
      县里撤换了4名不作为的村支书。 | 4名 | members
      8名党员带领20名村民负责村内的卫生清理工作。 | 20名 | other
      村里保存着古民居40幢。 | 40幢 | facilities
      全村共有脱贫户56户。 | 56户 | other
      村民人均可支配收入达到2.1万元。 | 2.1万元 | other
      新建冷库面积500平方米。 | 500平方米 | other
      """)
  void classifiesByTheHeadOfTheCountedNounAndTheMeasure(
      String sentence, String surface, String metric) {
    assertEquals(metric, metricOf(sentence, surface));
  }
}
