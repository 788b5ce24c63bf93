package org.w3id.ruralkg.server;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * The SPARQL 1.1 Service Description of the query endpoint: the endpoint, SPARQL 1.1 Query, the
 * result formats Fuseki negotiates, the union default graph, and the default dataset, which is the
 * VoID dataset (linked to /.well-known/void for its statistics). Static: it names no counts, so it
 * costs nothing to serve. Immutable.
 */
final class ServiceDescription {
  private static final String[] RESULT_FORMATS = {
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
    "N-Quads",
    "TriG"
  };

  private ServiceDescription() {}

  /** {@code base}: the server's public root (http://host:port) the endpoint hangs from. */
  static Model describe(String base, String endpointPath) {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix("sd", Vocab.SD)
        .setNsPrefix("void", VOID.NS)
        .setNsPrefix("formats", Vocab.FORMATS)
        .setNsPrefix("rdfs", RDFS.uri);
    Resource endpoint = m.createResource(base + endpointPath);
    Resource dataset =
        m.createResource(VoidDescription.DATASET_IRI)
            .addProperty(RDF.type, sd(m, "Dataset"))
            .addProperty(RDF.type, VOID.Dataset)
            .addProperty(
                sdp(m, "defaultGraph"), m.createResource().addProperty(RDF.type, sd(m, "Graph")))
            .addProperty(
                VOID.sparqlEndpoint,
                m.createResource(base + Server.DATASET + "/sparql")) // as VoID names it
            .addProperty(RDFS.seeAlso, m.createResource(base + VoidServlet.PATH));
    Resource service =
        m.createResource(base + endpointPath + "#service")
            .addProperty(RDF.type, sd(m, "Service"))
            .addProperty(sdp(m, "endpoint"), endpoint)
            .addProperty(sdp(m, "supportedLanguage"), sd(m, "SPARQL11Query"))
            .addProperty(sdp(m, "feature"), sd(m, "UnionDefaultGraph"))
            .addProperty(sdp(m, "feature"), sd(m, "BasicFederatedQuery"))
            .addProperty(sdp(m, "defaultDataset"), dataset);
    for (String f : RESULT_FORMATS)
      service.addProperty(sdp(m, "resultFormat"), m.createResource(Vocab.FORMATS + f));
    return m;
  }

  private static Resource sd(Model m, String local) {
    return m.createResource(Vocab.SD + local);
  }

  private static Property sdp(Model m, String local) {
    return m.createProperty(Vocab.SD, local);
  }
}
