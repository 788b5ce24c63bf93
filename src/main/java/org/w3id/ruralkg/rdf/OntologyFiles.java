package org.w3id.ruralkg.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * Reads the ontology files from the classpath folder {@code ontology/} (the pom copies the
 * project's ontology/ there). Needs nothing; adds one graph holding the vocabulary and every code
 * list, which is what the store keeps in {@link Vocab#ONTOLOGY_GRAPH}. Stateless; thread-safe.
 */
public final class OntologyFiles {
  private OntologyFiles() {}

  /** Always present: the OWL ontology and the contract's code lists. */
  public static final List<String> REQUIRED =
      List.of("ontology/ruralkg.ttl", "ontology/codelists.ttl");

  /** SKOS schemes maintained separately; read when present. */
  public static final List<String> OPTIONAL =
      List.of("ontology/programmes.ttl", "ontology/industries.ttl");

  /** The SHACL shapes (not part of the ontology graph; harmless if loaded into it). */
  public static final String SHAPES = "ontology/shapes.ttl";

  /** The vocabulary graph: every required file and the optional ones found on the classpath. */
  public static Graph ontologyGraph() {
    Graph g = GraphFactory.createDefaultGraph();
    for (String r : REQUIRED) {
      if (!parseInto(r, g))
        throw new RuralKgException("missing ontology resource on the classpath: " + r);
    }
    for (String r : OPTIONAL) parseInto(r, g);
    return g;
  }

  /**
   * Replaces the store's ontology graph with {@link #ontologyGraph()}; the caller holds a write
   * transaction if needed.
   */
  public static void loadInto(DatasetGraph dsg) {
    Graph g = ontologyGraph();
    dsg.removeGraph(Vocab.ONTOLOGY_GRAPH);
    dsg.addGraph(Vocab.ONTOLOGY_GRAPH, g);
  }

  /**
   * Parses one classpath Turtle resource into {@code g}; false when the resource does not exist.
   */
  public static boolean parseInto(String resource, Graph g) {
    try (InputStream in = OntologyFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) return false;
      RDFParser.source(in).lang(Lang.TURTLE).base("https://w3id.org/ruralkg/").parse(g);
      return true;
    } catch (IOException e) {
      throw new RuralKgException("cannot read " + resource + ": " + e.getMessage(), e);
    } catch (RiotException e) {
      throw new RuralKgException("syntax error in " + resource + ": " + e.getMessage(), e);
    }
  }

  /** Parses one required classpath resource into a new graph. */
  public static Graph read(String resource) {
    Graph g = GraphFactory.createDefaultGraph();
    if (!parseInto(resource, g))
      throw new RuralKgException("missing resource on the classpath: " + resource);
    return g;
  }

  /** The resources that {@link #ontologyGraph()} would read now. */
  public static List<String> present() {
    List<String> out = new ArrayList<>(REQUIRED);
    for (String r : OPTIONAL) {
      if (OntologyFiles.class.getClassLoader().getResource(r) != null) out.add(r);
    }
    return out;
  }
}
