package org.w3id.ruralkg.server;

import java.util.Set;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.AggAvg;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.AggMax;
import org.apache.jena.sparql.expr.aggregate.AggMin;
import org.apache.jena.sparql.expr.aggregate.AggSample;
import org.apache.jena.sparql.expr.aggregate.AggSum;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * ARQ's standard optimizer followed by the server's bounds (set as the endpoint's {@code
 * sysOptimizerFactory}): the rows fed to ORDER BY, to a large top-N and to a GROUP BY that keeps
 * state per row or per group pass through {@link MaterialiseGuard}, and REGEX becomes a {@link
 * BoundedRegex}. A COUNT or SUM over one group streams in constant memory and is left to the
 * timeout.
 */
final class BoundedRewrite extends TransformCopy {
  private static final Var UNUSED = Var.alloc(".rkg.guard");
  private static final Set<Class<? extends Aggregator>> CONSTANT_MEMORY =
      Set.of(
          AggCount.class,
          AggCountVar.class,
          AggSum.class,
          AggMin.class,
          AggMax.class,
          AggAvg.class,
          AggSample.class);

  private final long maxRows;
  private final long maxChars;

  private BoundedRewrite(long maxRows, long maxChars) {
    this.maxRows = maxRows;
    this.maxChars = maxChars;
  }

  static RewriteFactory factory(long maxRows, long maxChars, long regexMillis) {
    MaterialiseGuard.register();
    BoundedRewrite ops = new BoundedRewrite(maxRows, maxChars);
    ExprTransformCopy exprs =
        new ExprTransformCopy() {
          @Override
          public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex && !(func instanceof BoundedRegex)) {
              return new BoundedRegex(
                  args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null, regexMillis);
            }
            return super.transform(func, args);
          }
        };
    return cxt ->
        op ->
            Transformer.transform(
                ops, exprs, Optimize.stdOptimizationFactory.create(cxt).rewrite(op));
  }

  @Override
  public Op transform(OpOrder op, Op sub) {
    return op.copy(guard(sub));
  }

  @Override
  public Op transform(OpTopN op, Op sub) {
    return op.getLimit() > maxRows ? op.copy(guard(sub)) : super.transform(op, sub);
  }

  @Override
  public Op transform(OpGroup op, Op sub) {
    boolean constant =
        op.getGroupVars().isEmpty()
            && op.getAggregators().stream()
                .map(ExprAggregator::getAggregator)
                .allMatch(a -> CONSTANT_MEMORY.contains(a.getClass()));
    return constant ? super.transform(op, sub) : op.copy(guard(sub));
  }

  private Op guard(Op sub) {
    ExprList args = new ExprList();
    args.add(NodeValue.makeInteger(maxRows));
    args.add(NodeValue.makeInteger(maxChars));
    for (Var v : OpVars.visibleVars(sub)) args.add(new ExprVar(v));
    return OpExtend.create(sub, UNUSED, new E_Function(Vocab.FN_MATERIALISE_GUARD, args));
  }
}
