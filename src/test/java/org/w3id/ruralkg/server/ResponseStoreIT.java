package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.app.Pipeline;
import org.w3id.ruralkg.store.Store;

/** Warmed responses outlive the server on an unchanged store, and only on an unchanged store. */
class ResponseStoreIT {
  @TempDir Path tmp;

  /**
   * One server's life on the store: warms (reading and keeping responses), then answers one
   * request.
   */
  private record Life(int queriesRun, QueryResponder.Answer articles) {}

  private static Life serve(Path store) {
    DatasetGraph dsg = Store.openExisting(store);
    try {
      QueryApi api = new QueryApi(dsg, SeedStore.queries(), QueryGuard.DEFAULT);
      QueryResponder responder =
          new QueryResponder(
              api, new ResponseCache(64L << 20), ResponseStore.open(store, api.list(), "test"));
      int run = responder.warm();
      return new Life(
          run, responder.answer("articles", Map.of(), QueryApi.Page.ALL, QueryApi.Format.JSON));
    } finally {
      dsg.close();
    }
  }

  /** A store built from seed page 001 copied into {@code tmp/NAME-in}: the store folder. */
  private Path onePageStore(String name) throws IOException {
    return org.w3id.ruralkg.store.SeedStores.onePage(
        tmp, name, "001_9a9fe845a7e3c4ef.txt", "a.txt");
  }

  @Test
  void aRestartedServerReadsItsWarmedResponsesUntilTheStoreChanges() throws IOException {
    Path store = onePageStore("store");
    Path in = tmp.resolve("store-in");

    Life first = serve(store);
    assertTrue(
        first.queriesRun() > 10,
        "the first server runs every argument-free query: " + first.queriesRun());
    assertTrue(first.articles().hit(), "warmed");

    Life second = serve(store);
    assertEquals(0, second.queriesRun(), "the second server on the same store runs none");
    assertTrue(second.articles().hit());
    assertArrayEquals(
        first.articles().entry().body(), second.articles().entry().body(), "the same bytes");
    assertEquals(first.articles().entry().etag(), second.articles().entry().etag());

    // a build that finds every file unchanged keeps the responses
    assertEquals(List.of(), Pipeline.build(in, store, 2).loaded());
    assertEquals(0, serve(store).queriesRun(), "a build that changed nothing keeps them");

    // the store changes: another page is loaded
    Files.copy(Path.of("seeds/004_dcf0163b378ea7cb.txt"), in.resolve("b.txt"));
    assertEquals(List.of("b.txt"), Pipeline.build(in, store, 2).loaded());
    Life third = serve(store);
    assertEquals(first.queriesRun(), third.queriesRun(), "a changed store runs every query again");
    assertNotEquals(
        new String(first.articles().entry().body(), java.nio.charset.StandardCharsets.UTF_8),
        new String(third.articles().entry().body(), java.nio.charset.StandardCharsets.UTF_8),
        "and answers with the new page");
    try (Stream<Path> stamps = Files.list(store.resolve(ResponseStore.FOLDER))) {
      assertEquals(1, stamps.count(), "the responses of the old content are deleted");
    }
  }

  @Test
  void anEditedQueryIsRunAgain() throws IOException {
    Path store = onePageStore("store2");
    DatasetGraph dsg = Store.openExisting(store);
    try {
      List<SavedQuery> queries = new QueryApi(dsg, SeedStore.queries(), QueryGuard.DEFAULT).list();
      String before = ResponseStore.stamp(store, queries, "test");
      assertEquals(before, ResponseStore.stamp(store, queries, "test"), "a stamp is stable");
      SavedQuery q = queries.get(0);
      List<SavedQuery> edited =
          Stream.concat(
                  Stream.of(SavedQuery.parse(q.name(), q.text() + "\n# edited\n")),
                  queries.stream().skip(1))
              .toList();
      assertNotEquals(before, ResponseStore.stamp(store, edited, "test"));
      assertNotEquals(before, ResponseStore.stamp(store, queries, "another version"));
    } finally {
      dsg.close();
    }
  }

  @Test
  void aStoreFolderThatCannotBeWrittenOnlyCostsTheDiskCopy() throws IOException {
    Path store = onePageStore("store3");
    // a file where the responses folder should be: nothing can be kept
    Files.writeString(store.resolve(ResponseStore.FOLDER), "in the way");
    Life life = serve(store);
    assertTrue(life.queriesRun() > 10);
    assertTrue(life.articles().hit(), "still cached in memory");
    assertFalse(Files.isDirectory(store.resolve(ResponseStore.FOLDER)));
  }
}
