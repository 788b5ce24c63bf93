package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;

/** Writes need the admin password when --update is on, and are refused altogether without it. */
class UpdateSecurityIT {
  static final String INSERT =
      "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"o\" } }";

  static HttpResponse<String> send(
      String url, String method, String contentType, String body, String user, String password)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    // a client per request: Jetty may close a connection after refusing a request whose body it
    // did not read, and a pooled connection reused after that fails with "received no bytes"
    return java.net.http.HttpClient.newHttpClient()
        .send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static long quads(DatasetGraph dsg) {
    return Txn.calculateRead(dsg, () -> org.apache.jena.atlas.iterator.Iter.count(dsg.find()));
  }

  @Test
  void updatesNeedTheRightPassword() throws Exception {
    DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
    FusekiServer server = Server.start(dsg, SeedStore.freePort(), "s3cret-pw");
    try {
      String base = "http://localhost:" + server.getHttpPort() + "/ruralkg";
      assertEquals(
          401,
          send(base + "/update", "POST", "application/sparql-update", INSERT, null, null)
              .statusCode());
      assertEquals(
          401,
          send(base + "/update", "POST", "application/sparql-update", INSERT, "admin", "wrong")
              .statusCode());
      assertEquals(
          401,
          send(base + "/update", "POST", "application/sparql-update", INSERT, "root", "s3cret-pw")
              .statusCode());
      assertEquals(0, quads(dsg), "nothing written without the password");
      int ok =
          send(base + "/update", "POST", "application/sparql-update", INSERT, "admin", "s3cret-pw")
              .statusCode();
      assertTrue(ok == 200 || ok == 204, "status " + ok);
      assertEquals(1, quads(dsg));

      String turtle = "<urn:test:a> <urn:test:b> <urn:test:c> .";
      assertEquals(
          401,
          send(base + "/data?graph=urn:test:h", "PUT", "text/turtle", turtle, null, null)
              .statusCode());
      assertEquals(
          401,
          send(base + "/data?graph=urn:test:h", "PUT", "text/turtle", turtle, "admin", "wrong")
              .statusCode());
      assertEquals(1, quads(dsg));
      int put =
          send(base + "/data?graph=urn:test:h", "PUT", "text/turtle", turtle, "admin", "s3cret-pw")
              .statusCode();
      assertTrue(put == 200 || put == 201 || put == 204, "status " + put);
      assertEquals(2, quads(dsg));

      var read =
          SeedStore.get(
              base
                  + "/sparql?query="
                  + java.net.URLEncoder.encode(
                      "SELECT * { GRAPH ?g { ?s ?p ?o } }", StandardCharsets.UTF_8));
      assertEquals(200, read.statusCode(), "reads stay open without credentials");
    } finally {
      server.stop();
      dsg.close();
    }
  }

  @Test
  void withoutUpdateTheWriteEndpointsAreRefused() throws Exception {
    DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
    FusekiServer server = Server.start(dsg, SeedStore.freePort(), null);
    try {
      String base = "http://localhost:" + server.getHttpPort() + "/ruralkg";
      int update =
          send(base + "/update", "POST", "application/sparql-update", INSERT, "admin", "anything")
              .statusCode();
      assertTrue(update >= 400 && update < 500, "status " + update);
      int viaQuery =
          send(base + "/sparql", "POST", "application/sparql-update", INSERT, null, null)
              .statusCode();
      assertTrue(
          viaQuery >= 400 && viaQuery < 500, "no update through the query endpoint: " + viaQuery);
      int put =
          send(
                  base + "/data?graph=urn:test:h",
                  "PUT",
                  "text/turtle",
                  "<urn:a> <urn:b> <urn:c> .",
                  null,
                  null)
              .statusCode();
      assertTrue(put >= 400 && put < 500, "status " + put);
      int gsp =
          send(
                  base + "?graph=urn:test:h",
                  "PUT",
                  "text/turtle",
                  "<urn:a> <urn:b> <urn:c> .",
                  null,
                  null)
              .statusCode();
      assertTrue(gsp >= 400 && gsp < 500, "no write on the dataset URL either: " + gsp);
      assertEquals(0, quads(dsg));
    } finally {
      server.stop();
      dsg.close();
    }
  }
}
