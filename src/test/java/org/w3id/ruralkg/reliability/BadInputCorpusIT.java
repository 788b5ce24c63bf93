package org.w3id.ruralkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.store.BuildReport;
import org.w3id.ruralkg.store.Store;

/**
 * A folder with every kind of bad input and one good seed: the good seed loads completely, every
 * bad file is either loaded correctly or skipped with a one-line reason, and the build goes on.
 */
class BadInputCorpusIT {
  @TempDir Path tmp;

  @Test
  void everyBadInputIsLoadedCorrectlyOrRefusedInOneLineAndTheGoodSeedIsComplete() throws Exception {
    Path in = tmp.resolve("in");
    Map<String, BadInputCorpus.Expectation> corpus = BadInputCorpus.write(in);
    Path store = tmp.resolve("store");
    long t0 = System.nanoTime();
    BuildReport report = Pipeline.build(in, store, 2);
    long buildMs = (System.nanoTime() - t0) / 1_000_000;

    Map<String, String> failed =
        report.failed().stream()
            .collect(Collectors.toMap(BuildReport.Failure::file, BuildReport.Failure::reason));
    for (var e : corpus.entrySet()) {
      String file = e.getKey();
      String phrase = e.getValue().refusal();
      if (phrase == null) {
        assertTrue(
            report.loaded().contains(file), file + " must load; failed with: " + failed.get(file));
      } else {
        String reason = failed.get(file);
        assertNotNull(reason, file + " must be refused");
        assertTrue(
            reason.contains(phrase), file + ": '" + reason + "' should say '" + phrase + "'");
        assertFalse(reason.contains("\n") || reason.contains("\r"), file + ": one line: " + reason);
        assertTrue(reason.length() < 200, file + ": short: " + reason);
      }
    }
    assertEquals(corpus.size(), report.loaded().size() + report.failed().size(), report.summary());
    assertTrue(buildMs < 120_000, "the corpus builds in bounded time, took " + buildMs + " ms");

    // the good seed: exactly what building it alone gives
    Path alone = tmp.resolve("alone");
    Path aloneIn = Files.createDirectories(tmp.resolve("alone-in"));
    Files.copy(in.resolve("good.txt"), aloneIn.resolve("good.txt"));
    Pipeline.build(aloneIn, alone, 1);
    DatasetGraph one = Store.openExisting(alone);
    List<String> seedFigures;
    long seedQuads;
    try {
      seedFigures = Txn.calculateRead(one, () -> StoreView.figureQuantities(one, "good.txt"));
      seedQuads = Txn.calculateRead(one, () -> StoreView.quadCount(one, "good.txt"));
    } finally {
      one.close();
    }
    assertTrue(seedFigures.contains("331.46万元"), seedFigures.toString());

    DatasetGraph dsg = Store.openExisting(store);
    try {
      Txn.executeRead(
          dsg,
          () -> {
            assertEquals(
                seedQuads,
                StoreView.quadCount(dsg, "good.txt"),
                "nothing of the good seed is lost");
            assertEquals(seedFigures, StoreView.figureQuantities(dsg, "good.txt"));
            // the same page in other encodings gives the same figures
            for (String f :
                List.of(
                    "gbk.txt", "gb18030.txt", "utf8-bom.txt", "utf16-bom.txt", "utf16le-bom.txt")) {
              assertEquals(seedFigures, StoreView.figureQuantities(dsg, f), f);
            }
            // figures are read from the visible text of the HTML page; tags do not become facts
            List<String> html = StoreView.figureQuantities(dsg, "page.html.txt");
            assertTrue(html.containsAll(seedFigures), "HTML page figures " + html);
            assertTrue(
                StoreView.figureQuantities(dsg, "numbers.txt").isEmpty(),
                "bare numbers are no outcome figures");
            var sources = StoreView.sources(dsg);
            assertEquals(
                BadInputCorpus.MANY_ARTICLES,
                sources.get("many-articles.txt").graphs().size(),
                "one graph per article");
            assertEquals(
                2 * BadInputCorpus.MANY_ARTICLES,
                StoreView.figureQuantities(dsg, "many-articles.txt").size());
            assertTrue(
                StoreView.figureQuantities(dsg, "long-line.txt").size() > 1000,
                "the 1 MB line is read to its end");
            for (String refused :
                List.of(
                    "empty.txt", "binary.txt", "invalid-utf8.txt", "huge.txt", "blank-bom.txt")) {
              assertFalse(sources.containsKey(refused), refused + " leaves nothing in the store");
            }
          });
    } finally {
      dsg.close();
    }
  }
}
