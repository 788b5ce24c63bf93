package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.rdf.Vocab;

/** /.well-known/void describes the seeds' graph with the right counts, in Turtle and JSON-LD. */
class VoidIT {
  static FusekiServer server;
  static String url;

  @BeforeAll
  static void start() {
    server = SeedStore.server();
    url = "http://localhost:" + server.getHttpPort() + VoidServlet.PATH;
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
  }

  static Model fetch(String accept, Lang lang) throws Exception {
    var resp = SeedStore.get(url, "Accept", accept);
    assertEquals(200, resp.statusCode(), resp.body());
    assertTrue(
        resp.headers().firstValue("Content-Type").orElse("").startsWith(lang.getHeaderString()));
    return RDFParser.fromString(resp.body(), lang).toModel();
  }

  @Test
  void describesTheDatasetWithTheRightCounts() throws Exception {
    Model m = fetch("text/turtle", Lang.TURTLE);
    Resource ds = m.getResource(VoidDescription.DATASET_IRI);
    var dsg = SeedStore.dataset();
    long triples = Txn.calculateRead(dsg, () -> dsg.getUnionGraph().size());
    assertEquals(triples, ds.getProperty(VOID.triples).getLong());
    long figures =
        Txn.calculateRead(
            dsg, () -> dsg.getUnionGraph().find(null, Vocab.TYPE, Vocab.FIGURE).toList().size());
    boolean found = false;
    for (var st : ds.listProperties(VOID.classPartition).toList()) {
      Resource p = st.getResource();
      if (p.getPropertyResourceValue(VOID._class).getURI().equals(Vocab.FIGURE.getURI())) {
        assertEquals(figures, p.getProperty(VOID.entities).getLong());
        found = true;
      }
    }
    assertTrue(found, "a class partition for rkg:Figure");
    assertEquals(5, ds.getProperty(VOID.documents).getLong());
    assertEquals(5, ds.listProperties(DCTerms.source).toList().size());
    assertEquals(
        "https://creativecommons.org/licenses/by/4.0/",
        ds.getPropertyResourceValue(DCTerms.license).getURI());
    assertTrue(
        ds.getProperty(VOID.sparqlEndpoint).getResource().getURI().endsWith("/ruralkg/sparql"));
    assertTrue(ds.hasProperty(DCTerms.modified), "last build time");
    assertTrue(ds.getProperty(VOID.distinctSubjects).getLong() > 1000);
    Resource service = ds.getPropertyResourceValue(DCAT.accessService);
    assertTrue(
        service.getPropertyResourceValue(DCAT.endpointURL).getURI().endsWith("/ruralkg/sparql"));
    assertEquals(2, ds.listProperties(DCAT.distribution).toList().size());
  }

  @Test
  void jsonLdByAccept() throws Exception {
    Model m = fetch("application/ld+json", Lang.JSONLD);
    assertTrue(m.getResource(VoidDescription.DATASET_IRI).hasProperty(VOID.triples));
  }
}
