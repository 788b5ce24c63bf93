package org.w3id.ruralkg.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.SortCondition;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLateral;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * Runs a saved query that is ordered by its source file first ({@code ORDER BY ?source ...}) a few
 * source files at a time, in the order of their names, so that the API's first page (at most {@link
 * QueryGuard#maxRows()} rows) costs the rows of that page rather than every row of the store: at
 * 10,000 articles {@code figures} has 258,000 rows, all of them matched and sorted before the first
 * one could be sent.
 *
 * <p>Why the rows are the same, in the same order: the query's rows sorted by {@code ?source} first
 * are the rows of its first source file, then of the second, and so on; the rows of one window are
 * the query's rows whose {@code ?source} is one of the window's names (a {@code VALUES ?source}
 * block joined in front of the pattern), which the query's own ORDER BY sorts among themselves.
 * Only queries where every row binds {@code ?source} through {@code rkg:fileName} qualify (else a
 * row without a source, or with a source that is no file's name, would be lost); the contract's
 * {@code source} column is exactly that. SavedQueriesIT compares the windowed rows with a plain run
 * of every saved query on the seeds. For the windows to be cheap, the query should match the file
 * first ({@code GRAPH ?fg { ?file rkg:fileName ?source }} as its first pattern), so that the bound
 * name leads to the file, its articles and their facts through the indexes.
 */
final class SourceWindows {
  static final Var SOURCE = Var.alloc("source");

  /** Every source file name, in SPARQL order (the order of {@code ORDER BY ?source}). */
  private static final String SOURCES =
      "SELECT DISTINCT ?source WHERE { GRAPH ?fg { ?file "
          + NodeFmtLib.strNT(Vocab.FILE_NAME)
          + " ?source } } ORDER BY ?source";

  /** The largest first window; later ones are sized from the rows per source seen so far. */
  private static final int FIRST_WINDOW = 8;

  private static final int MAX_WINDOW = 4096;

  private SourceWindows() {}

  /**
   * True for a SELECT without aggregates, LIMIT or OFFSET whose first sort key is {@code ?source}
   * ascending, bound in every row by a triple {@code ?file rkg:fileName ?source}.
   */
  static boolean applies(Query q) {
    if (!q.isSelectType() || q.hasAggregators() || q.hasGroupBy() || q.hasHaving()) return false;
    if (q.hasLimit() || q.hasOffset() || !q.hasOrderBy() || q.hasValues()) return false;
    SortCondition first = q.getOrderBy().get(0);
    if (first.getDirection() == Query.ORDER_DESCENDING) return false;
    if (!first.getExpression().isVariable()
        || !first.getExpression().asVar().equals(SOURCE)
        || !q.getProjectVars().contains(SOURCE)) return false;
    Op pattern = Algebra.compile(q.getQueryPattern());
    return OpVars.fixedVars(pattern).contains(SOURCE) && namesFileWithoutSubSelect(pattern);
  }

  /**
   * True when the pattern holds a triple (any, rkg:fileName, ?source) and no sub-select but inside
   * LATERAL: a sub-select joined to the rest is evaluated on its own, over the whole store, for
   * every window (the {@code articles} query's counts), so windows would multiply its cost; one
   * inside LATERAL runs for each row before it, with that row's terms (admin-units: the distinct
   * units of each file).
   */
  private static boolean namesFileWithoutSubSelect(Op op) {
    boolean[] found = {false};
    OpWalker.walk(
        op,
        new OpVisitorBase() {
          @Override
          public void visit(OpBGP bgp) {
            for (Triple t : bgp.getPattern()) check(t);
          }

          @Override
          public void visit(OpQuadPattern qp) {
            for (Triple t : qp.getBasicPattern()) check(t);
          }

          private void check(Triple t) {
            if (t.getPredicate().equals(Vocab.FILE_NAME) && SOURCE.equals(t.getObject()))
              found[0] = true;
          }
        });
    return found[0] && !subSelectOutsideLateral(op);
  }

  private static boolean subSelectOutsideLateral(Op op) {
    if (op instanceof OpLateral lateral) return subSelectOutsideLateral(lateral.getLeft());
    if (op instanceof OpProject || op instanceof OpGroup) return true;
    if (op instanceof Op1 o) return subSelectOutsideLateral(o.getSubOp());
    if (op instanceof Op2 o)
      return subSelectOutsideLateral(o.getLeft()) || subSelectOutsideLateral(o.getRight());
    if (op instanceof OpN o)
      return o.getElements().stream().anyMatch(SourceWindows::subSelectOutsideLateral);
    return false;
  }

  /**
   * The rows of the query, window after window, run lazily (a window runs when the rows before it
   * have been read); call inside a read transaction. {@code deadline} is a {@link System#nanoTime}
   * value, or 0 for none.
   */
  static Rows rows(
      DatasetGraph dsg, Query q, Map<Var, Node> bindings, long deadlineNanos, long wanted) {
    List<List<Binding>> sources = new ArrayList<>();
    try (QueryExec exec = QueryExec.dataset(dsg).query(SOURCES).build()) {
      exec.select()
          .forEachRemaining(
              b -> sources.add(List.of(BindingFactory.binding(SOURCE, b.get(SOURCE)))));
    }
    return new Rows(dsg, q, bindings, deadlineNanos, wanted, List.of(SOURCE), sources);
  }

  /**
   * The rows of consecutive windows; {@link #vars} once the first window has run. A window is a
   * {@code VALUES} block of the bindings of a few consecutive units (a unit: the bindings that must
   * not be split across windows) joined in front of the query's pattern.
   */
  static final class Rows implements Iterator<Binding> {
    private final DatasetGraph dsg;
    private final Query query;
    private final Map<Var, Node> bindings;
    private final long deadlineNanos;
    private final long wanted;
    private final List<Var> valueVars;
    private final List<List<Binding>> sources;
    private int next;
    private long rowsSeen;
    private List<Var> vars;
    private Iterator<Binding> window = List.<Binding>of().iterator();

    Rows(
        DatasetGraph dsg,
        Query query,
        Map<Var, Node> bindings,
        long deadlineNanos,
        long wanted,
        List<Var> valueVars,
        List<List<Binding>> sources) {
      this.dsg = dsg;
      this.valueVars = valueVars;
      this.query = query;
      this.bindings = bindings;
      this.deadlineNanos = deadlineNanos;
      this.wanted = wanted;
      this.sources = sources;
      if (sources.isEmpty()) runWindow(List.of()); // no file: the query's own (empty) answer
    }

    /** The result variables (the query's projection). */
    List<Var> vars() {
      if (vars == null) hasNext();
      return vars == null ? query.getProjectVars() : vars;
    }

    @Override
    public boolean hasNext() {
      while (!window.hasNext() && next < sources.size()) {
        int size = windowSize();
        runWindow(sources.subList(next, Math.min(sources.size(), next + size)));
        next = Math.min(sources.size(), next + size);
      }
      return window.hasNext();
    }

    @Override
    public Binding next() {
      if (!hasNext()) throw new NoSuchElementException();
      return window.next();
    }

    /**
     * Nine tenths of the sources the rows still wanted take at the rate seen so far: a window that
     * falls short is followed by a smaller one, which costs the query's fixed cost (parsing,
     * planning: a few milliseconds) once more, while one that overshoots costs rows that are
     * matched, sorted and never read (with a quarter more, as before, the first pages of the lists
     * at 10,000 articles matched 13,400 to 14,400 rows for their 10,000). At most eight times the
     * units read so far: the rate of a few first units can be far from the next ones' (the first
     * units of {@code unit-ancestors}, without a code, have hardly any ancestors).
     */
    private int windowSize() {
      if (next == 0) return (int) Math.max(1, Math.min(FIRST_WINDOW, wanted / 100));
      double perSource = (double) rowsSeen / next;
      if (perSource <= 0) return Math.min(MAX_WINDOW, next * 2);
      double rowsLeft = Math.max(wanted - rowsSeen, 100);
      double size = Math.min(0.9 * rowsLeft / perSource + 1, 8.0 * next);
      return (int) Math.max(FIRST_WINDOW, Math.min(MAX_WINDOW, size));
    }

    private void runWindow(List<List<Binding>> units) {
      Query q = query.cloneQuery();
      ElementGroup group = new ElementGroup();
      ElementData data = new ElementData();
      valueVars.forEach(data::add);
      for (List<Binding> unit : units) unit.forEach(data::add);
      group.addElement(data);
      Element pattern = q.getQueryPattern();
      if (pattern instanceof ElementGroup g) g.getElements().forEach(group::addElement);
      else group.addElement(pattern);
      q.setQueryPattern(group);
      QueryExecBuilder b = QueryExec.dataset(dsg).query(q);
      bindings.forEach(b::substitution);
      if (deadlineNanos != 0) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= 0) throw new QueryCancelledException();
        b.timeout(left, TimeUnit.MILLISECONDS);
      }
      List<Binding> rows = new ArrayList<>();
      try (QueryExec exec = b.build()) {
        RowSet rs = exec.select();
        if (vars == null) vars = rs.getResultVars();
        while (rs.hasNext()) rows.add(QueryApi.materialise(rs.next()));
      }
      rowsSeen += rows.size();
      window = rows.iterator();
    }
  }
}
