package org.w3id.ruralkg.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * Describes one resource of the store for dereferencing: needs a dataset whose union of named
 * graphs holds the data; adds nothing to it. The description is every triple with the resource as
 * subject, the triples of its fragment resources (base + "#..." reachable from or pointing at the
 * base, e.g. a fact's {@code #target}, {@code #position}), and the labels of every IRI object.
 * Thread-safe (each call reads in its own read transaction).
 */
final class ResourceDescriber {
  private static final Node[] LABELS = {
    Vocab.PREF_LABEL,
    Vocab.LABEL,
    NodeFactory.createURI(Vocab.SCHEMA + "name"),
    Vocab.NOTATION,
    // an article is read by its headline, a source file by its file name, not by their IRIs
    Vocab.SCHEMA_HEADLINE,
    Vocab.FILE_NAME
  };

  /**
   * Links into a resource that lead on from it in RDF as on its page: the units whose parent it is,
   * the mentions of it (with their article), the facts about it or carried out in it.
   */
  private static final Node[] INCOMING = {
    Vocab.PARENT, Vocab.REFERS_TO, Vocab.REF_AREA, Vocab.CARRIED_OUT_IN, Vocab.OF_UNIT
  };

  /** At most this many links of each kind: a province has thousands. */
  private static final int MAX_INCOMING = 200;

  /** Caps the walk over fragments so one odd resource cannot make a request unbounded. */
  private static final int MAX_SUBJECTS = 200;

  private final DatasetGraph dsg;

  ResourceDescriber(DatasetGraph dsg) {
    this.dsg = dsg;
  }

  /** The description of {@code iri}; empty when the store has no triple with it as subject. */
  Graph describe(String iri) {
    Graph out = GraphFactory.createDefaultGraph();
    Txn.executeRead(dsg, () -> collect(dsg.getUnionGraph(), iri, out));
    return out;
  }

  private static void collect(Graph union, String iri, Graph out) {
    Node base = NodeFactory.createURI(iri);
    String fragmentPrefix = iri + "#";
    Set<Node> seen = new HashSet<>();
    Deque<Node> todo = new ArrayDeque<>();
    seen.add(base);
    todo.add(base);
    // fragments that point at the base without the base pointing at them (e.g. an author)
    union
        .find(Node.ANY, Node.ANY, base)
        .forEachRemaining(
            t -> {
              if (t.getSubject().isURI()
                  && t.getSubject().getURI().startsWith(fragmentPrefix)
                  && seen.add(t.getSubject())) todo.add(t.getSubject());
            });
    Set<Node> objects = new HashSet<>();
    while (!todo.isEmpty() && seen.size() <= MAX_SUBJECTS) {
      Node s = todo.poll();
      union
          .find(s, Node.ANY, Node.ANY)
          .forEachRemaining(
              t -> {
                out.add(t);
                Node o = t.getObject();
                if (!o.isURI()) return;
                if (o.getURI().startsWith(fragmentPrefix) && seen.add(o)) todo.add(o);
                else objects.add(o);
              });
    }
    if (out.isEmpty()) return;
    for (Node p : INCOMING) {
      var it = union.find(Node.ANY, p, base);
      for (int n = 0; it.hasNext() && n < MAX_INCOMING; n++) {
        var t = it.next();
        out.add(t);
        // the subject's article, so a client can go on to it without a query
        union
            .find(t.getSubject(), Vocab.PROV_DERIVED_FROM, Node.ANY)
            .forEachRemaining(
                d -> {
                  out.add(d);
                  objects.add(d.getObject());
                });
        objects.add(t.getSubject());
      }
      it.close();
    }
    for (Node o : objects) {
      if (seen.contains(o)) continue;
      // a fact's evidence is a span of its source file (<source>#char=s,e): the file's name reads
      // it
      int hash = o.getURI().indexOf("#char=");
      Node named = hash > 0 ? NodeFactory.createURI(o.getURI().substring(0, hash)) : o;
      for (Node label : LABELS) {
        union.find(named, label, Node.ANY).forEachRemaining(out::add);
      }
    }
  }
}
