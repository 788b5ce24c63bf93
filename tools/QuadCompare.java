import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * Same quads from the same pages: dumps a TDB2 store as N-Quads, and compares two dumps graph by
 * graph (isomorphism, so blank node labels do not matter). The build activity's IRI and start time
 * differ from run to run by design; they are replaced by fixed values before comparing.
 *
 * <pre>
 * java -cp target/ruralkg.jar tools/QuadCompare.java dump STORE OUT.nq
 * java -cp target/ruralkg.jar tools/QuadCompare.java compare A.nq B.nq   # exit 0: same, 1: differ
 * </pre>
 */
public class QuadCompare {
  static final String BUILD = "https://w3id.org/ruralkg/id/build/";
  static final Node FIXED_BUILD = NodeFactory.createURI(BUILD + "FIXED");
  static final Node FIXED_TIME = NodeFactory.createLiteralString("FIXED-TIME");

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("dump")) dump(Path.of(args[1]), Path.of(args[2]));
    else if (args.length == 3 && args[0].equals("compare")) System.exit(compare(Path.of(args[1]), Path.of(args[2])) ? 0 : 1);
    else {
      System.err.println("usage: QuadCompare dump STORE OUT.nq | compare A.nq B.nq");
      System.exit(2);
    }
  }

  static void dump(Path store, Path out) throws Exception {
    DatasetGraph dsg = TDB2Factory.connectDataset(store.toString()).asDatasetGraph();
    dsg.begin(TxnType.READ);
    try (OutputStream os = Files.newOutputStream(out)) {
      RDFDataMgr.write(os, dsg, Lang.NQUADS);
    } finally {
      dsg.end();
    }
  }

  static Map<String, Graph> read(Path nq) {
    DatasetGraph dsg = RDFParser.source(nq).lang(Lang.NQUADS).toDatasetGraph();
    Map<String, Graph> graphs = new TreeMap<>();
    dsg.find().forEachRemaining(q -> {
      String name = q.isDefaultGraph() ? "(default)" : q.getGraph().toString();
      graphs.computeIfAbsent(name, k -> GraphFactory.createDefaultGraph()).add(normalise(q.asTriple()));
    });
    return graphs;
  }

  /** The build activity: its IRI, and the xsd:dateTime it started, whose lexical form is in the IRI. */
  static Triple normalise(Triple t) {
    boolean ofBuild = isBuild(t.getSubject());
    Node o = t.getObject();
    if (ofBuild && o.isLiteral() && o.getLiteralDatatypeURI().endsWith("#dateTime")) o = FIXED_TIME;
    return Triple.create(ofBuild ? FIXED_BUILD : t.getSubject(), t.getPredicate(), isBuild(o) ? FIXED_BUILD : o);
  }

  static boolean isBuild(Node n) {
    return n.isURI() && n.getURI().startsWith(BUILD);
  }

  static boolean compare(Path a, Path b) {
    Map<String, Graph> ga = read(a);
    Map<String, Graph> gb = read(b);
    Set<String> names = new TreeSet<>(ga.keySet());
    names.addAll(gb.keySet());
    int same = 0, differ = 0;
    long triples = 0;
    for (String name : names) {
      Graph x = ga.get(name);
      Graph y = gb.get(name);
      if (x == null || y == null) {
        System.out.println((x == null ? "only in B: " : "only in A: ") + name);
        differ++;
      } else if (!x.isIsomorphicWith(y)) {
        System.out.println("differs: " + name + " (" + x.size() + " vs " + y.size() + " triples)");
        differ++;
      } else {
        same++;
        triples += x.size();
      }
    }
    System.out.println(same + " graph(s) isomorphic (" + triples + " triples), " + differ + " differ");
    return differ == 0;
  }
}
