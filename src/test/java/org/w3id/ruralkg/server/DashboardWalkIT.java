package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's walk through the served graph in headless Chromium (driven over the DevTools protocol,
 * clicks included): open the dashboard, pick 云南 on the map, filter by a metric, open a county,
 * follow a figure to its marked sentence in its article; then the query editor runs a query and the
 * API docs list the operations. Screenshots of each step go to target/walkthrough/; no page may log
 * an error. Skipped when no Chromium is installed.
 */
class DashboardWalkIT {
  static final Path SHOTS = Path.of("target", "walkthrough");
  @TempDir static Path tmp;
  static FusekiServer server;
  static String base;
  static Path chromium;

  @BeforeAll
  static void start() {
    chromium = DashboardIT.findChromium().orElse(null);
    if (chromium == null) return;
    server =
        Server.start(
            SeedStore.dataset(),
            ServerSettings.local(SeedStore.freePort()),
            null,
            QueryGuard.DEFAULT,
            SeedStore.queries(),
            CacheSettings.OFF);
    base = "http://localhost:" + server.getHttpPort();
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
  }

  @Test
  void mapFilterCountyFigureSentence() throws Exception {
    Assumptions.assumeTrue(chromium != null, "no Chromium installed");
    try (Cdp page = new Cdp(chromium, Files.createTempDirectory(tmp, "profile"))) {
      page.navigate(base + "/");
      page.await(
          "document.body.dataset.overview === 'ready' && +document.getElementById('map').dataset.rendered > 0",
          60);
      page.screenshot(SHOTS.resolve("1-dashboard.png"));
      assertTrue(
          page.eval("getComputedStyle(document.getElementById('map-up')).display === 'none'")
              .asBoolean(),
          "no way up from the top");

      // 云南 on the map of China: a click at a point inside the province
      String point =
          "(() => { const m = document.getElementById('map'); m.scrollIntoView({block: 'center'});"
              + " const c = echarts.getInstanceByDom(m); const p = c.convertToPixel({seriesIndex: 0}, [101.8, 24.6]);"
              + " const r = m.getBoundingClientRect(); return {x: r.x + p[0], y: r.y + p[1]}; })()";
      var xy = page.eval(point);
      page.click(xy.get("x").asDouble(), xy.get("y").asDouble());
      page.await(
          "location.search.indexOf('province=530000') >= 0 && document.getElementById('map').dataset.map === '530000'",
          30);
      page.screenshot(SHOTS.resolve("2-province-yunnan.png"));
      assertTrue(
          page.eval("document.getElementById('filter-province').value").asText().equals("530000"),
          "the province filter follows the map");
      assertTrue(
          page.eval("getComputedStyle(document.getElementById('map-up')).display !== 'none'")
              .asBoolean(),
          "a way back to China");

      // a metric, chosen from its list
      page.eval(
          "(() => { const s = document.getElementById('filter-metric'); s.value = 'wages'; s.dispatchEvent(new Event('change')); })()");
      page.await("location.search.indexOf('metric=wages') >= 0", 10);
      int rows = page.eval("document.querySelectorAll('#figures-table tbody tr').length").asInt();
      int wages =
          page.eval(
                  "[...document.querySelectorAll('#figures-table tbody tr td:nth-child(2)')].filter(td => td.textContent.endsWith(' wages')).length")
              .asInt();
      assertTrue(rows > 0, "some wage figures in 云南");
      assertEquals(rows, wages, "the table shows the chosen metric only");
      page.screenshot(SHOTS.resolve("3-metric-wages.png"));

      // a county from the list beside the map, then one of its figures, then that figure's sentence
      // in its article
      page.clickOn("#county-list a[href='id/unit/530622']");
      page.await(
          "location.pathname === '/id/unit/530622' && document.readyState === 'complete'", 30);
      page.screenshot(SHOTS.resolve("4-county-qiaojia.png"));
      page.clickOn("#unit-figures a[href^='/id/figure/']");
      page.await(
          "location.pathname.indexOf('/id/figure/') === 0 && document.readyState === 'complete'",
          30);
      assertTrue(
          page.eval("!!document.querySelector('blockquote.sentence mark')").asBoolean(),
          "the figure's words are marked");
      page.screenshot(SHOTS.resolve("5-figure.png"));
      page.clickOn("p.from a");
      page.await(
          "location.pathname.indexOf('/id/article/') === 0 && document.readyState === 'complete'",
          30);
      assertTrue(
          page.eval(
                  "(() => { const t = document.getElementById(location.hash.slice(1)); return !!t && !!t.querySelector('mark'); })()")
              .asBoolean(),
          "the article page has the figure marked where the link points");
      page.screenshot(SHOTS.resolve("6-article-sentence.png"));
      assertEquals("[]", page.errors.toString(), "errors in the dashboard and entity pages");
    }
  }

  @Test
  void editorRunsAQueryAndApiDocsListTheOperations() throws Exception {
    Assumptions.assumeTrue(chromium != null, "no Chromium installed");
    try (Cdp page = new Cdp(chromium, Files.createTempDirectory(tmp, "profile"))) {
      page.navigate(base + "/editor/");
      page.await(
          "document.querySelectorAll('#example option').length > 10 && document.querySelector('.yasqe .CodeMirror')",
          60);
      page.eval(
          "(() => { const s = document.getElementById('example'); s.value = 'metric-summary'; s.dispatchEvent(new Event('change')); })()");
      page.await("window.ruralkgEditor.getTab().getQuery().indexOf('metric') >= 0", 10);
      // the run button's action; its promise is not awaited here, the results table is
      page.eval("(() => { window.ruralkgEditor.getTab().getYasqe().query(); return true; })()");
      page.await(
          "document.querySelectorAll('.yasr table tbody tr, .yasr .dataTable tbody tr').length > 0",
          60);
      page.screenshot(SHOTS.resolve("7-editor.png"));
      page.navigate(base + "/api/docs/");
      page.await("document.querySelectorAll('.swagger-ui .opblock').length > 10", 60);
      page.screenshot(SHOTS.resolve("8-api-docs.png"));
      assertEquals("[]", page.errors.toString(), "errors in the editor and the API docs");
    }
  }
}
