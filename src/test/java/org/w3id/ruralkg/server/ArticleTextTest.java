package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the article page places the sentences of merged facts (mapping version 5). */
class ArticleTextTest {
  // 巧家县实施以工代赈。 (0–10)  全县发放劳务报酬300万元，以工代赈成效明显。 (10–33)  以工代赈带动就业。 (33–42)
  private static final String FIRST = "巧家县实施以工代赈。";
  private static final String SECOND = "全县发放劳务报酬300万元，以工代赈成效明显。";
  private static final String THIRD = "以工代赈带动就业。";

  @Test
  void aMergedFactsSentencesArePlacedWhereTheirSpansAndTheOtherFactsFit() {
    String programme = "urn:programme";
    String figure = "urn:figure";
    long second = FIRST.length();
    long third = second + SECOND.length();
    long[] spans = {5, second + SECOND.indexOf("以工代赈"), third};
    List<ArticleText.Row> rows = new ArrayList<>();
    // the merged programme: every sentence with every span, as the page's query returns them
    for (String sentence : List.of(THIRD, FIRST, SECOND))
      for (long span : spans) rows.add(new ArticleText.Row(programme, sentence, "以工代赈", span));
    rows.add(new ArticleText.Row(figure, SECOND, "300万元", second + SECOND.indexOf("300万元")));

    Map<String, Long> starts = ArticleText.sentenceStarts(rows);
    assertEquals(Map.of(FIRST, 0L, SECOND, second, THIRD, third), starts);
  }
}
