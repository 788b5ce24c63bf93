package org.w3id.ruralkg.server;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * The ARQ function that {@link BoundedRewrite} puts under ORDER BY and GROUP BY: called once per
 * row fed to them, it adds the row and the length of its terms to the query's budget and stops the
 * query (a {@link QueryCancelledException}, which Fuseki answers with 503) once a cap is passed, so
 * that a sort or a GROUP_CONCAT of a cross product ends long before the heap does. Arguments: the
 * row cap, the character cap, then the variables to measure. It never binds a value.
 */
public final class MaterialiseGuard implements Function {
  private static final Symbol BUDGET = Symbol.create("ruralkg:materialised");
  // flow control: ARQ leaves the variable unbound; no stack trace is filled in
  private static final ExprEvalException UNBOUND = new ExprEvalException("materialise guard");

  private MaterialiseGuard() {}

  /** Registers the function once per JVM (idempotent). */
  static void register() {
    FunctionRegistry.get().put(Vocab.FN_MATERIALISE_GUARD, uri -> new MaterialiseGuard());
  }

  /** Rows and characters taken so far by one query execution (single-threaded). */
  private static final class Budget {
    long rows;
    long chars;
  }

  @Override
  public void build(String uri, ExprList args, Context context) {
    if (args.size() < 2)
      throw new org.apache.jena.query.QueryBuildException("materialise guard: needs its two caps");
  }

  @Override
  public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
    Context cxt = env.getContext();
    Budget b = cxt.get(BUDGET);
    if (b == null) {
      b = new Budget();
      cxt.set(BUDGET, b);
    }
    b.rows++;
    for (int i = 2; i < args.size(); i++) {
      Expr e = args.get(i);
      if (!e.isVariable()) continue;
      Node n = binding.get(e.asVar());
      if (n == null) continue;
      b.chars +=
          n.isLiteral()
              ? n.getLiteralLexicalForm().length() + 8
              : n.isURI() ? n.getURI().length() : 8;
    }
    long maxRows = args.get(0).getConstant().getInteger().longValue();
    long maxChars = args.get(1).getConstant().getInteger().longValue();
    if (b.rows > maxRows || b.chars > maxChars) {
      throw new QueryCancelledException();
    }
    if ((b.rows & 1023) == 0
        && Context.getCancelSignal(cxt) != null
        && Context.getCancelSignal(cxt).get()) {
      throw new QueryCancelledException();
    }
    throw UNBOUND;
  }
}
