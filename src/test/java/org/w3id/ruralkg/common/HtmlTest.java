package org.w3id.ruralkg.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The HTML escaper: markup characters become references, text stays as it is. */
class HtmlTest {
  @Test
  void escapesMarkupAndQuotesForContentAndAttributes() {
    assertEquals(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
        Html.escape("<script>alert('x')</script>"));
    assertEquals("a=&quot;1&quot; &amp;amp;", Html.escape("a=\"1\" &amp;"));
  }

  @Test
  void leavesChineseAndPlainTextUnchanged() {
    assertEquals("乡村振兴 · 以工代赈 2024", Html.escape("乡村振兴 · 以工代赈 2024"));
    assertEquals("", Html.escape(""));
    assertEquals("尾&lt;", Html.escape("尾<"));
  }
}
