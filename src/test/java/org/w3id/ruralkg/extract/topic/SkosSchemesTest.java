package org.w3id.ruralkg.extract.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.common.RuralKgException;

class SkosSchemesTest {
  private static final String BASE = "https://w3id.org/ruralkg/id/concept/";

  @Test
  void everyConceptHasLabelsNotationAndScheme() {
    for (String[] s :
        new String[][] {
          {SkosSchemes.PROGRAMMES, "programme"}, {SkosSchemes.INDUSTRIES, "industry"}
        }) {
      Model m = SkosSchemes.model(s[0]);
      String scheme = BASE + s[1];
      assertTrue(
          m.contains(ResourceFactory.createResource(scheme), RDF.type, SKOS.ConceptScheme), scheme);
      List<SkosConcept> concepts = SkosSchemes.load(s[0]);
      assertTrue(concepts.size() >= 20, s[0] + " has " + concepts.size() + " concepts");
      for (SkosConcept c : concepts) {
        assertTrue(c.iri().startsWith(scheme + "/"), c.iri());
        assertTrue(c.id().matches("[a-z]+(-[a-z]+)*"), "ascii slug: " + c.id());
        assertNotNull(c.label(), "zh prefLabel of " + c.iri());
        assertNotNull(c.enLabel(), "en prefLabel of " + c.iri());
        assertEquals(c.label(), c.notation(), "notation = zh prefLabel for " + c.iri());
        assertTrue(
            m.contains(
                ResourceFactory.createResource(c.iri()),
                SKOS.inScheme,
                ResourceFactory.createResource(scheme)));
        assertTrue(
            m.contains(ResourceFactory.createResource(c.iri()), SKOS.definition),
            "definition of " + c.iri());
      }
    }
  }

  @Test
  void noMatchLabelBelongsToTwoConcepts() {
    for (String res : List.of(SkosSchemes.PROGRAMMES, SkosSchemes.INDUSTRIES)) {
      Map<String, String> owner = new HashMap<>();
      for (SkosConcept c : SkosSchemes.load(res)) {
        for (String l : c.matchLabels()) {
          String prev = owner.put(l, c.id());
          assertTrue(prev == null, l + " claimed by " + prev + " and " + c.id());
        }
      }
    }
  }

  @Test
  void contractLabelsArePresent() {
    Set<String> programmes =
        SkosSchemes.load(SkosSchemes.PROGRAMMES).stream()
            .map(SkosConcept::label)
            .collect(Collectors.toSet());
    for (String p :
        List.of(
            "以工代赈", "强村富民", "易地扶贫搬迁", "东西部协作", "乡村振兴", "脱贫攻坚", "就业帮扶", "产业帮扶", "公益性岗位", "防止返贫监测",
            "村集体经济", "党建联建", "院坝会", "驻村帮扶", "万名党员进党校", "三个组织化", "积分制", "网格化管理")) {
      assertTrue(programmes.contains(p), p);
    }
    List<SkosConcept> industries = SkosSchemes.load(SkosSchemes.INDUSTRIES);
    Set<String> labels = industries.stream().map(SkosConcept::label).collect(Collectors.toSet());
    for (String i :
        List.of(
            "草莓", "马铃薯", "花椒", "天麻", "茶叶", "苹果", "竹", "中药材", "文旅", "物流", "电商", "乡村旅游", "民宿", "服装加工",
            "毛绒玩具加工", "冻干加工")) {
      assertTrue(labels.contains(i), i);
    }
    SkosConcept potato =
        industries.stream().filter(c -> c.label().equals("马铃薯")).findFirst().orElseThrow();
    assertTrue(potato.matchLabels().containsAll(List.of("土豆", "洋芋", "脱毒种薯")));
    SkosConcept tianma =
        industries.stream().filter(c -> c.label().equals("天麻")).findFirst().orElseThrow();
    assertEquals(List.of("zhong-yao-cai"), tianma.broader());
    // the four sector categories are not matched as industries themselves
    assertEquals(4, industries.stream().filter(SkosConcept::top).count());
    assertFalse(industries.stream().filter(SkosConcept::top).anyMatch(c -> c.label().equals("草莓")));
  }

  @Test
  void missingSchemeIsAOneLineError() {
    RuralKgException e =
        assertThrows(RuralKgException.class, () -> SkosSchemes.load("ontology/none.ttl"));
    assertFalse(e.getMessage().contains("\n"));
  }
}
