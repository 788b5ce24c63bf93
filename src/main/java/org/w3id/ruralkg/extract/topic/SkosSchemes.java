package org.w3id.ruralkg.extract.topic;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * Reads a SKOS concept scheme (Turtle on the class path, e.g. "ontology/programmes.ttl") into
 * {@link SkosConcept}s. Needs Jena; adds nothing to any graph. Stateless and thread-safe.
 */
public final class SkosSchemes {
  public static final String PROGRAMMES = "ontology/programmes.ttl";
  public static final String INDUSTRIES = "ontology/industries.ttl";

  private SkosSchemes() {}

  /** Parses the Turtle resource; throws RuralKgException if it is missing or malformed. */
  public static Model model(String classpathResource) {
    ClassLoader cl = SkosSchemes.class.getClassLoader();
    try (InputStream in = cl.getResourceAsStream(classpathResource)) {
      if (in == null)
        throw new RuralKgException("SKOS scheme not on the class path: " + classpathResource);
      Model m = ModelFactory.createDefaultModel();
      RDFDataMgr.read(m, in, Lang.TURTLE);
      return m;
    } catch (IOException | RuntimeException e) {
      if (e instanceof RuralKgException r) throw r;
      throw new RuralKgException(
          "cannot read SKOS scheme " + classpathResource + ": " + e.getMessage(), e);
    }
  }

  /** Every skos:Concept of the resource, sorted by IRI. */
  public static List<SkosConcept> load(String classpathResource) {
    Model m = model(classpathResource);
    List<SkosConcept> out = new ArrayList<>();
    m.listResourcesWithProperty(RDF.type, SKOS.Concept)
        .forEachRemaining(c -> out.add(concept(m, c)));
    out.sort(Comparator.comparing(SkosConcept::iri));
    if (out.isEmpty()) throw new RuralKgException("no skos:Concept in " + classpathResource);
    return List.copyOf(out);
  }

  private static SkosConcept concept(Model m, Resource c) {
    String iri = c.getURI();
    String id = iri.substring(iri.lastIndexOf('/') + 1);
    String zh = literal(c, SKOS.prefLabel, "zh");
    String en = literal(c, SKOS.prefLabel, "en");
    String notation = literal(c, SKOS.notation, null);
    Set<String> labels = new LinkedHashSet<>();
    if (zh != null) labels.add(zh);
    labels.addAll(literals(c, SKOS.altLabel, "zh"));
    List<String> hidden = literals(c, SKOS.hiddenLabel, "zh");
    labels.addAll(hidden);
    List<String> broader = new ArrayList<>();
    c.listProperties(SKOS.broader)
        .forEachRemaining(
            s -> {
              if (s.getObject().isURIResource()) {
                String b = s.getObject().asResource().getURI();
                broader.add(b.substring(b.lastIndexOf('/') + 1));
              }
            });
    // a top concept with narrower concepts is a category (种植业), not something the text names
    boolean category = c.hasProperty(SKOS.topConceptOf) && m.contains(null, SKOS.broader, c);
    return new SkosConcept(
        id,
        iri,
        zh,
        en,
        notation,
        List.copyOf(labels),
        List.copyOf(hidden),
        List.copyOf(broader),
        category);
  }

  private static String literal(Resource r, org.apache.jena.rdf.model.Property p, String lang) {
    List<String> all = literals(r, p, lang);
    return all.isEmpty() ? null : all.get(0);
  }

  private static List<String> literals(
      Resource r, org.apache.jena.rdf.model.Property p, String lang) {
    List<String> out = new ArrayList<>();
    for (Statement s : r.listProperties(p).toList()) {
      RDFNode o = s.getObject();
      if (!o.isLiteral()) continue;
      Literal l = o.asLiteral();
      if (lang == null || lang.equalsIgnoreCase(l.getLanguage())) out.add(l.getLexicalForm());
    }
    out.sort(null);
    return out;
  }
}
