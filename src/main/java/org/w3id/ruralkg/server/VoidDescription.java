package org.w3id.ruralkg.server;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * Describes the served dataset in VoID and DCAT, computed from the store in one read transaction:
 * triple, subject, object, property and class counts of the default (union) graph, a class and a
 * property partition, the source files, the last build time, the SPARQL endpoint and the data
 * licence (CC BY 4.0). Needs the dataset; adds nothing to it. Thread-safe.
 */
public final class VoidDescription {
  public static final String DATASET_IRI = Vocab.ID + "dataset";
  public static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";
  private static final String SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/";

  private VoidDescription() {}

  /**
   * The description; {@code baseUrl} is the server root (http://host:port) the endpoints hang from.
   */
  public static Model describe(DatasetGraph dsg, String baseUrl, long timeoutMillis) {
    return Txn.calculateRead(dsg, () -> build(dsg, baseUrl, timeoutMillis));
  }

  private static Model build(DatasetGraph dsg, String baseUrl, long timeoutMillis) {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix("void", VOID.NS)
        .setNsPrefix("dcat", DCAT.NS)
        .setNsPrefix("dct", DCTerms.NS)
        .setNsPrefix("rkg", Vocab.ONT)
        .setNsPrefix("xsd", Vocab.XSD)
        .setNsPrefix("prov", Vocab.PROV);
    String endpoint = baseUrl + Server.DATASET + "/sparql";
    Resource ds =
        m.createResource(DATASET_IRI)
            .addProperty(RDF.type, VOID.Dataset)
            .addProperty(RDF.type, DCAT.Dataset)
            .addProperty(
                DCTerms.title,
                m.createLiteral("ruralkg: rural revitalisation in Chinese local news", "en"))
            .addProperty(DCTerms.title, m.createLiteral("乡村振兴地方新闻知识图谱", "zh"))
            .addProperty(
                DCTerms.description,
                m.createLiteral(
                    "Administrative units, party organisations, programmes, industries and outcome figures "
                        + "extracted from Chinese county and city newspaper pages, each with the sentence it comes from.",
                    "en"))
            .addProperty(DCTerms.license, m.createResource(LICENCE))
            .addProperty(
                DCTerms.rights,
                m.createLiteral(
                    "The data is licensed under CC BY 4.0; the newspaper texts quoted as evidence remain their publishers'.",
                    "en"))
            .addProperty(VOID.sparqlEndpoint, m.createResource(endpoint))
            .addProperty(VOID.uriSpace, Vocab.ID)
            .addProperty(VOID.vocabulary, m.createResource(Vocab.ONT));

    long triples = count(dsg, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", timeoutMillis);
    ds.addLiteral(VOID.triples, typedCount(m, triples));
    ds.addLiteral(
        VOID.distinctSubjects,
        typedCount(m, count(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }", timeoutMillis)));
    ds.addLiteral(
        VOID.entities,
        typedCount(
            m,
            count(
                dsg,
                "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER(isIRI(?s)) }",
                timeoutMillis)));
    ds.addLiteral(
        VOID.distinctObjects,
        typedCount(m, count(dsg, "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }", timeoutMillis)));
    ds.addLiteral(
        VOID.properties,
        typedCount(m, count(dsg, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }", timeoutMillis)));
    ds.addLiteral(
        VOID.classes,
        typedCount(m, count(dsg, "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }", timeoutMillis)));

    for (QuerySolution row :
        select(
            dsg,
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY ?c",
            timeoutMillis)) {
      ds.addProperty(
          VOID.classPartition,
          m.createResource()
              .addProperty(VOID._class, row.getResource("c"))
              .addLiteral(VOID.entities, typedCount(m, row.getLiteral("n").getLong())));
    }
    for (QuerySolution row :
        select(
            dsg,
            "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p ORDER BY ?p",
            timeoutMillis)) {
      ds.addProperty(
          VOID.propertyPartition,
          m.createResource()
              .addProperty(VOID.property, row.getResource("p"))
              .addLiteral(VOID.triples, typedCount(m, row.getLiteral("n").getLong())));
    }
    List<QuerySolution> sources =
        select(
            dsg,
            "SELECT ?src ?name { ?src a <"
                + Vocab.SOURCE_FILE.getURI()
                + "> ; <"
                + Vocab.FILE_NAME.getURI()
                + "> ?name } ORDER BY ?name",
            timeoutMillis);
    ds.addLiteral(VOID.documents, typedCount(m, sources.size())); // the source newspaper pages
    for (QuerySolution row : sources) {
      Resource src = row.getResource("src");
      ds.addProperty(DCTerms.source, src);
      m.add(src, RDF.type, m.createResource(Vocab.SOURCE_FILE.getURI()));
      m.add(src, m.createProperty(Vocab.FILE_NAME.getURI()), row.get("name"));
    }
    for (QuerySolution row :
        select(
            dsg,
            "SELECT (MAX(?t) AS ?last) { ?b a <"
                + Vocab.BUILD.getURI()
                + "> ; <"
                + Vocab.PROV_STARTED_AT.getURI()
                + "> ?t }",
            timeoutMillis)) {
      RDFNode last = row.get("last");
      if (last != null) ds.addProperty(DCTerms.modified, last);
    }

    Resource service =
        m.createResource(baseUrl + Server.DATASET)
            .addProperty(RDF.type, DCAT.DataService)
            .addProperty(DCTerms.title, m.createLiteral("ruralkg SPARQL endpoint", "en"))
            .addProperty(DCAT.endpointURL, m.createResource(endpoint))
            .addProperty(DCTerms.conformsTo, m.createResource(SPARQL_PROTOCOL))
            .addProperty(DCAT.servesDataset, ds);
    ds.addProperty(DCAT.accessService, service);
    ds.addProperty(
        DCAT.distribution,
        m.createResource(baseUrl + Server.DATASET + "#sparql")
            .addProperty(RDF.type, DCAT.Distribution)
            .addProperty(DCTerms.title, m.createLiteral("SPARQL endpoint", "en"))
            .addProperty(DCAT.accessURL, m.createResource(endpoint))
            .addProperty(DCAT.accessService, service)
            .addProperty(DCTerms.license, m.createResource(LICENCE))
            .addProperty(
                DCAT.mediaType,
                m.createResource(
                    "https://www.iana.org/assignments/media-types/application/sparql-results+json")));
    ds.addProperty(
        DCAT.distribution,
        m.createResource(baseUrl + QueryApiServlet.PATH + "/openapi.json")
            .addProperty(RDF.type, DCAT.Distribution)
            .addProperty(DCTerms.title, m.createLiteral("Saved-query API (OpenAPI 3)", "en"))
            .addProperty(
                DCAT.accessURL, m.createResource(baseUrl + QueryApiServlet.PATH + "/queries"))
            .addProperty(DCTerms.license, m.createResource(LICENCE))
            .addProperty(
                DCAT.mediaType,
                m.createResource("https://www.iana.org/assignments/media-types/application/json")));
    return m;
  }

  private static org.apache.jena.rdf.model.Literal typedCount(Model m, long n) {
    return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
  }

  private static long count(DatasetGraph dsg, String query, long timeoutMillis) {
    return select(dsg, query, timeoutMillis).get(0).getLiteral("n").getLong();
  }

  private static List<QuerySolution> select(DatasetGraph dsg, String query, long timeoutMillis) {
    var b = QueryExec.dataset(dsg).query(query);
    if (timeoutMillis > 0) b.timeout(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    try (QueryExec exec = b.build()) {
      RowSet rows = exec.select();
      return org.apache.jena.query.ResultSetFormatter.toList(
          org.apache.jena.query.ResultSet.adapt(rows));
    }
  }
}
