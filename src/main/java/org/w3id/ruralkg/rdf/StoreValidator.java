package org.w3id.ruralkg.rdf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.query.Dataset;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;

/**
 * Validates a store against ontology/shapes.ttl. Needs the shapes (from the classpath by default)
 * and a dataset; adds a SHACL {@link ValidationReport} over the union of every graph of the dataset
 * (named graphs including the ontology graph, plus the default graph when it has triples), and a
 * readable rendering of it. Immutable after construction; thread-safe.
 */
public final class StoreValidator {
  /** Where the shapes are read from by {@link #StoreValidator()}. */
  public static final String SHAPES_RESOURCE = OntologyFiles.SHAPES;

  private final Shapes shapes;

  /** Property shape -> the node shape that holds it, to name blank-node shapes in reports. */
  private final Map<Node, Node> owner;

  private final PrefixMapping prefixes;

  /** Shapes from the classpath resource {@value #SHAPES_RESOURCE}. */
  public StoreValidator() {
    this(OntologyFiles.read(SHAPES_RESOURCE));
  }

  public StoreValidator(Graph shapesGraph) {
    this.shapes = Shapes.parse(shapesGraph);
    Map<Node, Node> o = new HashMap<>();
    shapesGraph
        .find(Node.ANY, SHACL.property, Node.ANY)
        .forEachRemaining(t -> o.put(t.getObject(), t.getSubject()));
    this.owner = Map.copyOf(o);
    PrefixMapping pm = PrefixMapping.Factory.create();
    pm.setNsPrefixes(shapesGraph.getPrefixMapping());
    pm.setNsPrefix("id", Vocab.ID);
    this.prefixes = pm.lock();
  }

  /**
   * Validates the union of all graphs; opens a read transaction when the dataset supports one and
   * none is active.
   */
  public ValidationReport validate(Dataset ds) {
    return validate(ds.asDatasetGraph());
  }

  public ValidationReport validate(DatasetGraph dsg) {
    if (dsg.supportsTransactions() && !dsg.isInTransaction()) {
      return Txn.calculateRead(dsg, () -> validateGraph(dataGraph(dsg)));
    }
    return validateGraph(dataGraph(dsg));
  }

  /** Validates one graph as it is (the caller includes the ontology graph if shapes need it). */
  public ValidationReport validateGraph(Graph data) {
    return ShaclValidator.get().validate(shapes, data);
  }

  private static Graph dataGraph(DatasetGraph dsg) {
    Graph union = dsg.getUnionGraph();
    Graph dft = dsg.getDefaultGraph();
    return dft.isEmpty() ? union : new Union(dft, union);
  }

  /** Entries of the given severity. */
  public static long count(ValidationReport report, Severity severity) {
    return report.getEntries().stream().filter(e -> severity.equals(e.severity())).count();
  }

  /** True when the report holds at least one sh:Violation (warnings do not count). */
  public static boolean hasViolations(ValidationReport report) {
    return count(report, Severity.Violation) > 0;
  }

  /**
   * A stable name of the shape that produced an entry: a node shape's name, plus the path for a
   * property shape.
   */
  public String shapeName(ReportEntry e) {
    Node src = e.source();
    if (src == null) return "?";
    if (src.isURI()) return node(src);
    Node parent = owner.get(src);
    String p =
        e.resultPath() == null
            ? ""
            : "/" + PathWriter.asString(e.resultPath(), new Prologue(prefixes));
    return (parent == null ? "(anonymous shape)" : node(parent)) + p;
  }

  /** Number of entries per (severity, shape), most frequent first. */
  public Map<String, Long> countsPerShape(ValidationReport report) {
    Map<String, Long> counts = new HashMap<>();
    for (ReportEntry e : report.getEntries())
      counts.merge(severityName(e) + " " + shapeName(e), 1L, Long::sum);
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<String, Long> en : sorted) out.put(en.getKey(), en.getValue());
    return out;
  }

  /**
   * Prints a summary, the count per shape, then up to {@code maxPerShape} entries of each shape.
   */
  public void print(ValidationReport report, PrintStream out, int maxPerShape) {
    out.print(describe(report, maxPerShape));
    out.flush();
  }

  /** The text {@link #print} writes. */
  public String describe(ValidationReport report, int maxPerShape) {
    StringBuilder sb = new StringBuilder();
    long v = count(report, Severity.Violation);
    long w = count(report, Severity.Warning);
    long i = count(report, Severity.Info);
    sb.append(report.conforms() ? "CONFORMS" : "DOES NOT CONFORM")
        .append(": ")
        .append(v)
        .append(" violation(s), ")
        .append(w)
        .append(" warning(s), ")
        .append(i)
        .append(" info\n");
    if (report.conforms()) return sb.toString();
    sb.append("(prefix id: = <").append(Vocab.ID).append(">)\n");
    sb.append("\nPer shape:\n");
    countsPerShape(report)
        .forEach((k, n) -> sb.append(String.format(java.util.Locale.ROOT, "  %6d  %s%n", n, k)));
    Map<String, List<ReportEntry>> byShape = new LinkedHashMap<>();
    List<ReportEntry> entries = new ArrayList<>(report.getEntries());
    entries.sort(
        Comparator.comparing((ReportEntry e) -> shapeName(e))
            .thenComparing(e -> node(e.focusNode())));
    for (ReportEntry e : entries)
      byShape.computeIfAbsent(severityName(e) + " " + shapeName(e), k -> new ArrayList<>()).add(e);
    sb.append("\nDetails:\n");
    for (Map.Entry<String, List<ReportEntry>> en : byShape.entrySet()) {
      sb.append("  ").append(en.getKey()).append('\n');
      int shown = 0;
      for (ReportEntry e : en.getValue()) {
        if (shown++ == maxPerShape) {
          sb.append("      ... ").append(en.getValue().size() - maxPerShape).append(" more\n");
          break;
        }
        sb.append("    focus ").append(node(e.focusNode()));
        if (e.resultPath() != null)
          sb.append("  path ").append(PathWriter.asString(e.resultPath(), new Prologue(prefixes)));
        if (e.value() != null) sb.append("  value ").append(node(e.value()));
        sb.append("\n      ").append(e.message()).append('\n');
      }
    }
    return sb.toString();
  }

  private static String severityName(ReportEntry e) {
    Node level = e.severity() == null ? SHACL.Violation : e.severity().level();
    return level.isURI() ? level.getLocalName() : level.toString();
  }

  private String node(Node n) {
    if (n == null) return "-";
    if (n.isURI()) {
      String s = prefixes.shortForm(n.getURI());
      return s.equals(n.getURI()) ? "<" + s + ">" : s;
    }
    if (n.isBlank()) return "[]";
    return FmtUtils.stringForNode(n, prefixes);
  }
}
