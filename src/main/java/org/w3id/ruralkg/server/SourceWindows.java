package org.w3id.ruralkg.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
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
  static WindowedRows rows(
      DatasetGraph dsg, Query q, Map<Var, Node> bindings, long deadlineNanos, long wanted) {
    List<List<Binding>> sources = new ArrayList<>();
    try (QueryExec exec = QueryExec.dataset(dsg).query(SOURCES).build()) {
      exec.select()
          .forEachRemaining(
              b -> sources.add(List.of(BindingFactory.binding(SOURCE, b.get(SOURCE)))));
    }
    return new WindowedRows(dsg, q, bindings, deadlineNanos, wanted, List.of(SOURCE), sources);
  }
}
