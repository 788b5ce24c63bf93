package org.w3id.ruralkg.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;

/**
 * The rows of a query run a few units at a time ({@link SourceWindows}: a source file; {@link
 * KeyWindows}: the rows of a leading sub-select with one key); {@link #vars} once the first window
 * has run. A window is a {@code VALUES} block of the bindings of a few consecutive units (a unit:
 * the bindings that must not be split across windows) joined in front of the query's pattern. Call
 * inside a read transaction; not thread-safe.
 */
final class WindowedRows implements Iterator<Binding> {
  /** The largest first window; later ones are sized from the rows per unit seen so far. */
  private static final int FIRST_WINDOW = 8;

  private static final int MAX_WINDOW = 4096;

  private final DatasetGraph dsg;
  private final Query query;
  private final Map<Var, Node> bindings;
  private final long deadlineNanos;
  private final long wanted;
  private final List<Var> valueVars;
  private final List<List<Binding>> units;
  private int next;
  private long rowsSeen;
  private List<Var> vars;
  private Iterator<Binding> window = List.<Binding>of().iterator();

  WindowedRows(
      DatasetGraph dsg,
      Query query,
      Map<Var, Node> bindings,
      long deadlineNanos,
      long wanted,
      List<Var> valueVars,
      List<List<Binding>> units) {
    this.dsg = dsg;
    this.valueVars = valueVars;
    this.query = query;
    this.bindings = bindings;
    this.deadlineNanos = deadlineNanos;
    this.wanted = wanted;
    this.units = units;
    if (units.isEmpty()) runWindow(List.of()); // no unit: the query's own (empty) answer
  }

  /** The result variables (the query's projection). */
  List<Var> vars() {
    if (vars == null) hasNext();
    return vars == null ? query.getProjectVars() : vars;
  }

  @Override
  public boolean hasNext() {
    while (!window.hasNext() && next < units.size()) {
      int size = windowSize();
      runWindow(units.subList(next, Math.min(units.size(), next + size)));
      next = Math.min(units.size(), next + size);
    }
    return window.hasNext();
  }

  @Override
  public Binding next() {
    if (!hasNext()) throw new NoSuchElementException();
    return window.next();
  }

  /**
   * Nine tenths of the units the rows still wanted take at the rate seen so far: a window that
   * falls short is followed by a smaller one, which costs the query's fixed cost (parsing,
   * planning: a few milliseconds) once more, while one that overshoots costs rows that are matched,
   * sorted and never read (with a quarter more, as before, the first pages of the lists at 10,000
   * articles matched 13,400 to 14,400 rows for their 10,000). At most eight times the units read so
   * far: the rate of a few first units can be far from the next ones' (the first units of {@code
   * unit-ancestors}, without a code, have hardly any ancestors).
   */
  private int windowSize() {
    if (next == 0) return (int) Math.max(1, Math.min(FIRST_WINDOW, wanted / 100));
    double perUnit = (double) rowsSeen / next;
    if (perUnit <= 0) return Math.min(MAX_WINDOW, next * 2);
    double rowsLeft = Math.max(wanted - rowsSeen, 100);
    double size = Math.min(0.9 * rowsLeft / perUnit + 1, 8.0 * next);
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
