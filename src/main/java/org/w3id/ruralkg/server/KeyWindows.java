package org.w3id.ruralkg.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;

/**
 * Runs a saved query whose pattern begins with a sub-select that binds the query's first sort key a
 * few of that sub-select's rows at a time, in the order of the key, so that the API's first page
 * costs the rows of that page: {@code unit-figures?code=520000} (a province) has about 100,000
 * figures at 10,000 articles, all of them matched and sorted before the first one could be sent;
 * its places come first, in a sub-select, and a page now reads the figures of the first places in
 * the order of their codes.
 *
 * <p>Why the rows are the same, in the same order. The query's pattern is a group whose first
 * element is the sub-select {@code S}, followed by elements {@code E2 ... En}; SPARQL builds the
 * group's algebra left to right by joins, left joins (OPTIONAL), MINUS, filters and extends (BIND),
 * each of which takes the rows before it one at a time, so the answer for the rows of {@code S} is
 * the union of the answers for each of its rows: for any split of the rows of {@code S}, the
 * pattern with a {@code VALUES} block of one part's rows in place of {@code S} gives exactly the
 * query's rows that came from that part. The key (the first sort key, ascending, a variable
 * projected by {@code S} and named nowhere else in the pattern) is therefore the key of the row of
 * {@code S} each row came from. The rows of {@code S} are read once, sorted by the key (SPARQL
 * order), and cut into windows that never split rows of equal keys; so every row of a window sorts
 * after every row of the windows before it, and the query's own ORDER BY sorts each window. Rows
 * equal in every sort key may come out of a window in another order than from a plain run;
 * KeyWindowsIT compares the pages with a plain run on the seeds.
 */
final class KeyWindows {
  private KeyWindows() {}

  /**
   * True for a SELECT without aggregates, LIMIT, OFFSET or VALUES, whose first sort key is a
   * variable, ascending, projected by a sub-select (without LIMIT or OFFSET) that is the first
   * element of the query's pattern and named by no other element; with DISTINCT, the key must be a
   * column (rows equal but for a column left out could come from two windows).
   */
  static boolean applies(Query q) {
    return leading(q) != null;
  }

  /** The leading sub-select of a query windows apply to, else null. */
  private static Query leading(Query q) {
    if (!q.isSelectType() || q.hasAggregators() || q.hasGroupBy() || q.hasHaving()) return null;
    if (q.hasLimit() || q.hasOffset() || !q.hasOrderBy() || q.hasValues()) return null;
    SortCondition first = q.getOrderBy().get(0);
    if (first.getDirection() == Query.ORDER_DESCENDING || !first.getExpression().isVariable())
      return null;
    Var key = first.getExpression().asVar();
    // equal rows have equal keys, so they fall in one window, if the key is among the columns
    if ((q.isDistinct() || q.isReduced()) && !q.getProjectVars().contains(key)) return null;
    if (!(q.getQueryPattern() instanceof ElementGroup g) || g.size() < 2) return null;
    if (!(g.get(0) instanceof ElementSubQuery sub)) return null;
    Query s = sub.getQuery();
    if (!s.isSelectType() || s.hasLimit() || s.hasOffset() || s.hasValues()) return null;
    if (!s.getProjectVars().contains(key)) return null;
    return OpVars.mentionedVars(Algebra.compile(rest(g))).contains(key) ? null : s;
  }

  private static ElementGroup rest(ElementGroup g) {
    ElementGroup rest = new ElementGroup();
    for (int i = 1; i < g.size(); i++) rest.addElement(g.get(i));
    return rest;
  }

  /**
   * The rows of the query, window after window, run lazily; call inside a read transaction. {@code
   * deadline} is a {@link System#nanoTime} value, or 0 for none.
   */
  static WindowedRows rows(
      DatasetGraph dsg, Query q, Map<Var, Node> bindings, long deadlineNanos, long wanted) {
    Query s = leading(q).cloneQuery();
    SortCondition first = q.getOrderBy().get(0);
    // the sub-select's rows sorted by the key alone, as the query's ORDER BY sorts it
    if (s.getOrderBy() != null) s.getOrderBy().clear();
    s.addOrderBy(first.getExpression(), first.getDirection());
    List<Var> vars = s.getProjectVars();
    BindingComparator byKey = new BindingComparator(List.of(first));
    List<List<Binding>> units = new ArrayList<>();
    QueryExecBuilder b = QueryExec.dataset(dsg).query(s);
    bindings.forEach(b::substitution);
    try (QueryExec exec = b.build()) {
      Binding previous = null;
      for (var rs = exec.select(); rs.hasNext(); ) {
        Binding row = QueryApi.materialise(rs.next());
        // rows of equal keys stay in one window
        if (previous == null || byKey.compare(previous, row) != 0) units.add(new ArrayList<>());
        units.get(units.size() - 1).add(row);
        previous = row;
      }
    }
    Query body = q.cloneQuery();
    body.setQueryPattern(rest((ElementGroup) q.getQueryPattern()));
    return new WindowedRows(dsg, body, bindings, deadlineNanos, wanted, vars, units);
  }
}
