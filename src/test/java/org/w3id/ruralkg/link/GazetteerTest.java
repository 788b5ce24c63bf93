package org.w3id.ruralkg.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {
  private final Gazetteer g = Gazetteer.load();

  @Test
  void loadsTheWholeCountryDownToItsVillages() {
    assertEquals(665_253, g.size());
    assertEquals("巧家县", g.byCode("530622").orElseThrow().name());
    assertEquals(Level.TOWNSHIP, g.byCode("530622105").orElseThrow().level());
    assertTrue(g.byCode("999999").isEmpty());
  }

  @Test
  void villageNamesDropTheCommitteeSuffix() {
    assertEquals("木桥村", g.byCode("530622105202").orElseThrow().name());
    assertEquals("海口社区", g.byCode("530622102002").orElseThrow().name());
    assertEquals("纪念塔社区", g.byCode("520102016001").orElseThrow().name());
    assertEquals("海百合村", g.byCode("520424108219").orElseThrow().name());
    assertEquals("木桥村", UnitNames.canonicalVillage("木桥村民委员会"));
    assertEquals("海百合村", UnitNames.canonicalVillage("海百合村村民委员会"));
    assertEquals("海口社区", UnitNames.canonicalVillage("海口社区居民委员会"));
    assertEquals("纪念塔社区", UnitNames.canonicalVillage("纪念塔居委会"));
    assertEquals("太慈村", UnitNames.canonicalVillage("太慈村委会"));
    assertEquals("碧溪村", UnitNames.canonicalVillage("碧溪村委会（农村社区）"));
  }

  @Test
  void pseudoUnitsAreDroppedAndTheirChildrenReparented() {
    assertTrue(g.byName("市辖区").isEmpty());
    assertTrue(g.byName("省直辖县级行政区划").isEmpty());
    assertEquals("110000", g.byCode("110101").orElseThrow().parentCode());
    assertEquals("500000", g.byCode("500229").orElseThrow().parentCode()); // 城口县 under 重庆市, not 县
  }

  @Test
  void villagesOfEveryProvinceAreIn() {
    Division v = g.byCode("330523105212").orElseThrow(); // 浙江 安吉县 孝丰镇 夏阳村
    assertEquals("夏阳村", v.name());
    assertEquals("330523105", v.parentCode());
    assertTrue(g.byName("夏阳村").size() >= 8, "same-name villages in several provinces");
  }

  @Test
  void ancestorsRunUpToTheProvince() {
    List<String> names = g.ancestors("530622105202").stream().map(Division::name).toList();
    assertEquals(List.of("马树镇", "巧家县", "昭通市", "云南省"), names);
    assertEquals("昭通市", g.parent("530622").orElseThrow().name());
    assertTrue(g.parent("530000").isEmpty());
    assertTrue(g.isAncestor("530600", "530622105"));
    assertFalse(g.isAncestor("530622105", "530600"));
    assertEquals("云南省", g.province("530622105202").orElseThrow().name());
    assertFalse(g.children("530622").isEmpty());
  }

  @Test
  void isAncestorAgreesWithTheParentChainEverywhere() {
    int checked = 0;
    for (String code :
        List.of("530622105202", "520626111", "441900003", "419001", "500229", "533325101001")) {
      for (Division a : g.ancestors(code)) {
        assertTrue(g.isAncestor(a.code(), code), a.code() + " encloses " + code);
        checked++;
      }
    }
    assertTrue(checked >= 10, "checked " + checked);
    assertFalse(g.isAncestor("530621", "530622105")); // a neighbouring county
    assertFalse(g.isAncestor("530622105", "530622105")); // not strictly
  }

  @Test
  void aliasesIncludeTheShortFormsNewsUses() {
    assertCode("巧家", "530622");
    assertCode("昭通", "530600");
    assertCode("怒江州", "533300");
    assertCode("关岭县", "520424");
    assertCode("伍寨乡", "530625208");
    assertCode("云南", "530000");
    assertCode("贵州", "520000");
    assertCode("广西", "450000");
    assertCode("内蒙古", "150000");
    assertCode("纪念塔居委会", "520102016001");
    assertEquals(
        "金塘镇",
        g.bareTownships("金塘").stream()
            .filter(d -> d.code().startsWith("530622"))
            .findFirst()
            .orElseThrow()
            .name());
  }

  @Test
  void genericNamesAreNotKeywords() {
    assertEquals(null, g.alias("工业园区"));
    assertEquals(null, g.alias("新村"));
    // a bare county form that is also a word is a keyword, but the recogniser keeps it only where
    // a unit above links it (UnitLinkerTest.shortFormsDoNotFireInsideOrdinaryWords)
    assertTrue(g.alias("资源").entries().stream().allMatch(Alias.Entry::bare));
  }

  private void assertCode(String key, String code) {
    Alias a = g.alias(key);
    assertNotNull(a, key);
    assertTrue(
        a.entries().stream().anyMatch(e -> e.division().code().equals(code)), key + " -> " + a);
  }
}
