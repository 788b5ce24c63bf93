package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;

/**
 * A consumer federates ruralkg with a second endpoint through SERVICE, joining on the national
 * division code: here the second endpoint is another Fuseki on this machine with county statistics,
 * on the server's federation allow-list (--federate).
 */
class FederatedQueryIT {
  @Test
  void serviceJoinsRuralkgFiguresWithASecondEndpointByDivisionCode() throws Exception {
    DatasetGraph statsData = DatasetFactory.createTxnMem().asDatasetGraph();
    RDFDataMgr.read(statsData, "federation/county-stats.ttl");
    FusekiServer second =
        FusekiServer.create().port(SeedStore.freePort()).add("/stats", statsData).build().start();
    String stats = "http://localhost:" + second.getHttpPort() + "/stats/";
    FusekiServer ruralkg =
        Server.start(
            SeedStore.dataset(),
            ServerSettings.local(SeedStore.freePort()).withFederation(java.util.List.of(stats)),
            null,
            QueryGuard.DEFAULT,
            SeedStore.queries(),
            CacheSettings.OFF);
    try {
      String query =
          String.format(
              java.util.Locale.ROOT,
              """
          PREFIX rkg:  <https://w3id.org/ruralkg/ont#>
          PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
          PREFIX ex:   <http://example.org/stats#>
          SELECT ?county ?wages ?population WHERE {
            { SELECT ?code (SUM(?v) AS ?wages) WHERE {
                ?f a rkg:Figure ; rkg:metric/skos:notation "wages" ; rkg:unitOfMeasure/skos:notation "CNY" ;
                   rkg:value ?v ; rkg:refArea/rkg:divisionCode ?code .
              } GROUP BY ?code }
            ?unit rkg:divisionCode ?code ; skos:prefLabel ?county .
            SERVICE <http://localhost:%d/stats/sparql> { ?s ex:divisionCode ?code ; ex:registeredPopulation ?population }
          }
          """,
              second.getHttpPort());
      String url = "http://localhost:" + ruralkg.getHttpPort() + "/ruralkg/sparql";
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "text/csv")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
              .build();
      HttpResponse<String> resp = SeedStore.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, resp.statusCode(), resp.body());
      assertTrue(
          resp.body().lines().anyMatch(l -> l.startsWith("巧家县,") && l.endsWith(",600000")),
          resp.body());
      assertTrue(
          resp.body().lines().noneMatch(l -> l.startsWith("马树镇")),
          "only codes the second endpoint knows join: " + resp.body());
    } finally {
      ruralkg.stop();
      second.stop();
    }
  }
}
