package org.w3id.ruralkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.app.Extraction;
import org.w3id.ruralkg.link.UnitMention;

/**
 * A byline that names the author's post (西碗镇石燕村党总支书记助理 高青天) is no body text, but the organisation
 * and units it names are mentions of the article (SPEC: every mention).
 */
class BylineAffiliationTest {
  private static List<ArticleFacts> extract(String text) {
    return Extraction.shared()
        .extractor()
        .extract(Extraction.shared().reader().read("t.txt", text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theAuthorsPostNamesAnOrganisationAndItsUnit() {
    List<ArticleFacts> facts =
        extract("扎根乡土践初心 青春淬火炼真金\n\n水富市两碗镇石燕村党总支书记助理 高青天\n\n" + "我来到石燕村已经两年，村里新修了3条产业路。\n");
    ArticleFacts a = facts.get(0);
    List<String> orgs = a.orgs().stream().map(OrgFact::mention).toList();
    assertTrue(orgs.contains("水富市两碗镇石燕村党总支"), orgs.toString());
    List<String> units = a.units().stream().map(UnitMention::surface).toList();
    assertTrue(units.containsAll(List.of("水富市", "两碗镇", "石燕村")), units.toString());
    // and its figures are the body's alone
    assertEquals(List.of("3条"), a.figures().stream().map(f -> f.quantity().surface()).toList());
  }
}
