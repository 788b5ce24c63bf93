package org.w3id.ruralkg.rdf;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.SchemaDO;
import org.apache.jena.vocabulary.XSD;

/**
 * The terms of the standard vocabularies the ontology reuses: taken from Jena's vocabulary classes
 * where Jena has one (RDF, RDFS, OWL, XSD, SKOS, DCTerms, ORG, OA, schema.org, SHACL), else a
 * hand-checked list of the terms this project may use (PROV-O, Data Cube, SDMX, QUDT, VANN).
 */
final class StandardTerms {
  private StandardTerms() {}

  static final String PROV = Vocab.PROV;
  static final String QB = Vocab.QB;
  static final String QUDT = "http://qudt.org/schema/qudt/";
  static final String UNIT = "http://qudt.org/vocab/unit/";
  static final String QK = "http://qudt.org/vocab/quantitykind/";
  static final String VANN = "http://purl.org/vocab/vann/";
  static final String SH = "http://www.w3.org/ns/shacl#";
  static final String OWL_NS = "http://www.w3.org/2002/07/owl#";

  /** Namespaces whose every term used must be a known term. */
  static final List<String> NAMESPACES =
      List.of(
          Vocab.RDF_NS,
          Vocab.RDFS,
          OWL_NS,
          Vocab.XSD,
          Vocab.SKOS,
          Vocab.DCT,
          Vocab.ORG,
          Vocab.OA,
          Vocab.SCHEMA,
          SH,
          PROV,
          QB,
          Vocab.SDMX_DIM,
          Vocab.SDMX_MEAS,
          Vocab.SDMX_ATT,
          QUDT,
          UNIT,
          QK,
          VANN);

  private static final Map<String, List<String>> HAND =
      Map.of(
          PROV,
          List.of(
              "Entity",
              "Activity",
              "Agent",
              "wasDerivedFrom",
              "wasGeneratedBy",
              "startedAtTime",
              "endedAtTime",
              "used",
              "wasAttributedTo",
              "wasAssociatedWith",
              "generatedAtTime",
              "hadPrimarySource",
              "wasQuotedFrom"),
          QB,
          List.of(
              "Observation",
              "DataSet",
              "DataStructureDefinition",
              "ComponentSpecification",
              "ComponentProperty",
              "DimensionProperty",
              "MeasureProperty",
              "AttributeProperty",
              "CodedProperty",
              "Slice",
              "SliceKey",
              "dataSet",
              "structure",
              "component",
              "componentProperty",
              "dimension",
              "measure",
              "attribute",
              "order",
              "componentRequired",
              "componentAttachment",
              "codeList",
              "concept",
              "measureType"),
          Vocab.SDMX_DIM,
          List.of("refArea", "refPeriod", "timePeriod", "freq", "sex", "age"),
          Vocab.SDMX_MEAS,
          List.of("obsValue"),
          Vocab.SDMX_ATT,
          List.of("unitMeasure", "unitMult", "obsStatus", "decimals"),
          QUDT,
          List.of(
              "Unit",
              "QuantityKind",
              "conversionMultiplier",
              "conversionOffset",
              "hasQuantityKind",
              "symbol",
              "ucumCode",
              "applicableSystem"),
          UNIT,
          List.of("CCY_CNY", "PERCENT", "HA", "TONNE", "KiloGM", "GM", "M", "KiloM", "M2", "NUM"),
          QK,
          List.of("Area", "Mass", "Length", "Dimensionless", "Currency"),
          VANN,
          List.of("preferredNamespacePrefix", "preferredNamespaceUri"));

  private static final Set<String> KNOWN = build();

  private static Set<String> build() {
    Set<String> s = new HashSet<>();
    for (Class<?> c :
        List.of(
            RDF.class,
            RDFS.class,
            OWL.class,
            XSD.class,
            SKOS.class,
            DCTerms.class,
            ORG.class,
            OA.class,
            SchemaDO.class,
            SHACL.class)) {
      for (Field f : c.getFields()) {
        if (!Modifier.isStatic(f.getModifiers())) continue;
        try {
          Object v = f.get(null);
          if (v instanceof Resource r && r.isURIResource()) s.add(r.getURI());
          else if (v instanceof Node n && n.isURI()) s.add(n.getURI());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    HAND.forEach((ns, terms) -> terms.forEach(t -> s.add(ns + t)));
    return Set.copyOf(s);
  }

  /** The standard namespace an IRI is in, or null. */
  static String namespaceOf(String iri) {
    String best = null;
    for (String ns : NAMESPACES) {
      if (iri.startsWith(ns) && (best == null || ns.length() > best.length())) best = ns;
    }
    return best;
  }

  static boolean isKnown(String iri) {
    return KNOWN.contains(iri);
  }
}
